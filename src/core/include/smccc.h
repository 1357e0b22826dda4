/* SPDX-License-Identifier: MIT */
/*
 * SMC and HVC from guests: both conduits reach the same calls (SMCCC 1.1
 * fast calls). Arguments come in regs[0..7] (function ID in regs[0]);
 * results go back in regs[0..3]. Anything unknown returns NOT_SUPPORTED.
 * An AArch32 caller's registers are 32 bits: its arch hands them over
 * zero-extended and gives it back the low 32 bits of each result, which
 * SMC32 results always fit in.
 */
#ifndef SMCCC_H
#define SMCCC_H

#include "vm.h"

#define SMCCC_REGS 8
#define SMCCC_64   BIT(30) /* in a function ID: an SMC64 call */

/* May `vcpu` make (or ask about) call fid? SMCCC has no SMC64 calls for
 * an AArch32 caller: they are NOT_SUPPORTED, as for unknown IDs. */
static inline bool smccc_width_fits(const struct vcpu *vcpu, u32 fid)
{
	return !(fid & SMCCC_64) || !arch_vcpu_is_aarch32(vcpu);
}

void smccc_handle(struct vcpu *vcpu, u64 regs[SMCCC_REGS]);

/* PSCI 1.1 for a VM's own vCPUs (src/core/psci.c): regs as above. */
void psci_call(struct vcpu *vcpu, u64 regs[SMCCC_REGS]);

/* The console hypercall (src/core/guest_console.c). */
s64 guest_console_write(struct vcpu *vcpu, u64 count, const u64 *words);

#endif
