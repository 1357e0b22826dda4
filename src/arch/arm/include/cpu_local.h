/* SPDX-License-Identifier: MIT */
/* Setting up each core's slot of per-core data (cpu_local.c). */
#ifndef CPU_LOCAL_H
#define CPU_LOCAL_H

/* Point this core's register at its arch_cpu_local() slot (boot.S, MMU
 * off); its id goes in once the MMU is on (arch_cpu_id() reads 0 until). */
void cpu_local_init(unsigned cpu);
void cpu_local_set_id(void);

#endif
