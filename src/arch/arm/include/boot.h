/* SPDX-License-Identifier: MIT */
/* From boot.S into C (src/arch/arm/boot.c), and the early stops: before
 * the MMU is on, print why the hypervisor cannot run, and halt. */
#ifndef BOOT_H
#define BOOT_H

#include "types.h"

noreturn void boot_primary(void);
noreturn void boot_secondary(unsigned cpu);

noreturn void early_stop(const char *msg);

#endif
