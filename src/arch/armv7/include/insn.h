/* SPDX-License-Identifier: MIT */
/*
 * The AArch32 instruction a guest trapped on: whether it passes its
 * condition, stepping over it, and the registers it names.
 */
#ifndef INSN_H
#define INSN_H

#include "guest_frame.h"
#include "types.h"

/* Does the instruction the syndrome `hsr` describes pass its condition,
 * with the guest's flags and IT state in `cpsr`? */
bool insn_condition_passed(u32 hsr, u32 cpsr);

/* The guest's CPSR once the instruction has completed: a Thumb IT
 * block's state moved on by one instruction (ITAdvance). */
u32 it_advance(u32 cpsr);

/* Return past the trapped instruction (2 or 4 bytes: HSR.IL), as if it
 * had run, or failed its condition. */
void insn_skip(u32 hsr);

/*
 * Register n (0..14) as the guest sees it in the mode of `cpsr`: r8-r12
 * are banked in FIQ mode, r13 and r14 in every mode but USR/SYS. A
 * trapped data transfer never names r15 (a MRC to APSR_nzcv is the
 * caller's): it reads as 0, a write to it is dropped.
 */
u32 guest_reg(const struct guest_frame *f, u32 cpsr, unsigned n);
void set_guest_reg(struct guest_frame *f, u32 cpsr, unsigned n, u32 value);

#endif
