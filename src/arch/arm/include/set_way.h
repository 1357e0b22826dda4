/* SPDX-License-Identifier: MIT */
/* Set/way cache maintenance, emulated as KVM does (set_way.c). */
#ifndef SET_WAY_H
#define SET_WAY_H

#include "types.h"

struct vcpu;

/* A trapped set/way operation (HCR.TSW): the VM's RAM cleaned at the
 * first, the guest's memory-system registers trapped from then on. */
void set_way_trapped(struct vcpu *vcpu);
/* A trapped write took the guest's SCTLR from `before` to `after` (the
 * caller has written it): the VM's RAM cleaned if the MMU and caches
 * went on or off; with them on, the registers stop trapping. */
void set_way_sctlr_written(struct vcpu *vcpu, u64 before, u64 after);

/* The arch's (cpu.c): HCR.TVM / HCR_EL2.TVM, the trap on writes to the
 * guest's memory-system registers. */
bool cpu_vm_regs_trapped(void);
void cpu_trap_vm_regs(bool on);

#endif
