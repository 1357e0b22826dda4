/* SPDX-License-Identifier: MIT */
/* Trapped coprocessor accesses of an ARMv7 guest (sysreg_trap.c). */
#ifndef SYSREG_TRAP_H
#define SYSREG_TRAP_H

#include "guest_frame.h"
#include "sysreg_result.h"
#include "types.h"

struct vcpu;

/*
 * One MCR/MRC or VMRS (reg: its CP15_ISS), or MCRR/MRRC (wide; reg: its
 * CP15_ISS_64; the value is Rt2:Rt), decoded from its syndrome. `value`
 * is what a write writes, or what a read gives.
 */
struct cp_access {
	u32 reg;
	bool read, wide;
	u64 value;
};

/*
 * A trapped access of HSR class EC_CP15_32/64, EC_CP14_MR/LS/64 or
 * EC_CP10_ID. One that fails its condition is SYSREG_DONE with no
 * effect: the caller steps over it (insn_skip) as over an emulated one.
 */
enum sysreg_result handle_sysreg_trap(struct vcpu *vcpu, struct guest_frame *f,
				      u32 hsr);

/* The physical counter and timer (ptimer.c); SYSREG_UNKNOWN for any
 * other register. */
enum sysreg_result ptimer_access(struct vcpu *vcpu, struct cp_access *a);

#endif
