/* SPDX-License-Identifier: MIT */
/*
 * SMC and HVC from guests: both conduits reach the same calls (SMCCC 1.1
 * fast calls). Arguments come in regs[0..7] (function ID in regs[0]);
 * results go back in regs[0..3]. Anything unknown returns NOT_SUPPORTED.
 */
#ifndef SMCCC_H
#define SMCCC_H

#include "vm.h"

#define SMCCC_REGS 8

void smccc_handle(struct vcpu *vcpu, u64 regs[SMCCC_REGS]);

/* PSCI 1.1 for a VM's own vCPUs (src/core/psci.c): regs as above. */
void psci_call(struct vcpu *vcpu, u64 regs[SMCCC_REGS]);

/* The console hypercall (src/core/guest_console.c). */
s64 guest_console_write(struct vcpu *vcpu, u64 count, const u64 *words);

#endif
