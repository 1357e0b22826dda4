/* SPDX-License-Identifier: MIT */
/*
 * PSCI 1.1 as each VM sees it: power control of its own vCPUs only, and
 * "system" calls that act on the VM alone. A target that names no vCPU of
 * the caller's VM gets INVALID_PARAMETERS, never another VM's core.
 */
#include "smccc.h"
#include <bulkhead/abi.h>

/*
 * The vCPU an MPIDR names in this VM, or -1. A vCPU's MPIDR affinity is
 * its index in Aff0 with Aff1..Aff3 zero, and targets carry nothing else.
 */
static int target_vcpu(const struct vm *vm, u64 mpidr)
{
	return mpidr < vm->vcpu_count ? (int)mpidr : -1;
}

/* Argument i of the call: SMC32 calls pass only the low 32 bits. */
static u64 arg(u32 fid, const u64 *args, unsigned i)
{
	return (fid & PSCI_SMC64) ? args[i] : (u32)args[i];
}

static s64 cpu_on(struct vcpu *vcpu, u32 fid, const u64 *args)
{
	int target = target_vcpu(vcpu->vm, arg(fid, args, 0));
	u64 entry = arg(fid, args, 1);
	paddr_t unused;

	if (target < 0)
		return PSCI_INVALID_PARAMETERS;
	if (!ALIGNED(entry, 4) ||
	    !vm_ipa_to_pa(vcpu->vm, ipa_of(entry), 4, &unused))
		return PSCI_INVALID_ADDRESS;
	return vcpu_power_on(vcpu->vm, (unsigned)target, entry,
			     arg(fid, args, 2));
}

static s64 affinity_info(struct vcpu *vcpu, u32 fid, const u64 *args)
{
	int target = target_vcpu(vcpu->vm, arg(fid, args, 0));

	/* Only level 0 (a single vCPU) is reported: PSCI 1.1 allows it. */
	if (target < 0 || arg(fid, args, 1) != 0)
		return PSCI_INVALID_PARAMETERS;
	switch (vcpu->vm->vcpus[target].state) {
	case VCPU_ON:
		return PSCI_AFFINITY_ON;
	case VCPU_ON_PENDING:
		return PSCI_AFFINITY_ON_PENDING;
	case VCPU_OFF:
		break;
	}
	return PSCI_AFFINITY_OFF;
}

/* The calls PSCI defines an SMC64 form for. */
static bool has_smc64_form(u32 fid)
{
	return fid == PSCI_CPU_SUSPEND || fid == PSCI_CPU_ON ||
	       fid == PSCI_AFFINITY_INFO;
}

/* Function numbers 0x00-0x0A Bulkhead implements: all of PSCI 1.1's
 * mandatory and optional calls but MIGRATE and MIGRATE_INFO_UP_CPU. */
#define PSCI_IMPLEMENTED 0x75fu

static bool implemented(u32 fid)
{
	u32 base = fid & ~PSCI_SMC64;

	if (fid == SMCCC_VERSION)
		return true;
	if ((fid & PSCI_SMC64) && !has_smc64_form(base))
		return false;
	return base >= PSCI_VERSION && base <= PSCI_FEATURES &&
	       (PSCI_IMPLEMENTED >> (base - PSCI_VERSION) & 1);
}

s64 psci_call(struct vcpu *vcpu, u32 fid, const u64 *args)
{
	if ((fid & PSCI_SMC64) && !has_smc64_form(fid & ~PSCI_SMC64))
		return PSCI_NOT_SUPPORTED;
	switch (fid & ~PSCI_SMC64) {
	case PSCI_VERSION:
		return PSCI_VERSION_1_1;
	case PSCI_CPU_SUSPEND:
		/* A vCPU owns its core: returning at once is a valid wake-up. */
		return PSCI_SUCCESS;
	case PSCI_CPU_OFF:
		vcpu_power_off(vcpu);
	case PSCI_CPU_ON:
		return cpu_on(vcpu, fid, args);
	case PSCI_AFFINITY_INFO:
		return affinity_info(vcpu, fid, args);
	case PSCI_MIGRATE_INFO_TYPE:
		return PSCI_TOS_NOT_PRESENT;
	case PSCI_SYSTEM_OFF:
		vm_stop(vcpu, VM_STOPPING, "SYSTEM_OFF");
	case PSCI_SYSTEM_RESET:
		vm_stop(vcpu, VM_RESETTING, "SYSTEM_RESET");
	case PSCI_FEATURES:
		return implemented((u32)args[0]) ? PSCI_SUCCESS
						 : PSCI_NOT_SUPPORTED;
	}
	return PSCI_NOT_SUPPORTED; /* MIGRATE and friends: no Trusted OS */
}
