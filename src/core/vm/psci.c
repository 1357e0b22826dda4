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

static bool implemented(const struct vcpu *vcpu, u32 fid)
{
	u32 base = fid & ~PSCI_SMC64;

	if (fid == SMCCC_VERSION)
		return true;
	if (!smccc_width_fits(vcpu, fid) ||
	    ((fid & PSCI_SMC64) && !has_smc64_form(base)))
		return false;
	return base >= PSCI_VERSION && base <= PSCI_FEATURES &&
	       (PSCI_IMPLEMENTED >> (base - PSCI_VERSION) & 1);
}

/* The calls that change power state: out of line, off the fast path. */
static noinline void psci_power_call(struct vcpu *vcpu, u32 fid, u64 *regs)
{
	const u64 *args = &regs[1];
	s64 ret = PSCI_NOT_SUPPORTED; /* MIGRATE and friends: no Trusted OS */

	switch (fid & ~PSCI_SMC64) {
	case PSCI_CPU_OFF:
		vcpu_power_off(vcpu);
	case PSCI_CPU_ON:
		ret = cpu_on(vcpu, fid, args);
		break;
	case PSCI_AFFINITY_INFO:
		ret = affinity_info(vcpu, fid, args);
		break;
	case PSCI_SYSTEM_OFF:
		vm_stop(vcpu, VM_STOPPING, "SYSTEM_OFF");
	case PSCI_SYSTEM_RESET:
		vm_stop(vcpu, VM_RESETTING, "SYSTEM_RESET");
	}
	regs[0] = (u64)ret;
}

/*
 * The function number without the SMC64 bit and the owner: small
 * constants for the switch. Bits 23:16 stay in, so an ID with them set
 * matches nothing.
 */
#define FN(fid) ((fid)&0xffffffu)

/* Queries are answered here, without a stack frame. smccc_handle() has
 * checked that fid is a fast call owned by PSCI (0x84 or 0xC4), and
 * that the caller may make it (an SMC64 one: not from AArch32). */
void psci_call(struct vcpu *vcpu, u64 regs[SMCCC_REGS])
{
	u32 fid = (u32)regs[0];
	s64 ret;

	if ((fid & PSCI_SMC64) && !has_smc64_form(fid & ~PSCI_SMC64)) {
		regs[0] = (u64)PSCI_NOT_SUPPORTED;
		return;
	}
	switch (FN(fid)) {
	case FN(PSCI_VERSION):
		ret = PSCI_VERSION_1_1;
		break;
	case FN(PSCI_CPU_SUSPEND):
		/* Every state is entered as standby: a wake-up returns. */
		vcpu_suspend(vcpu);
		ret = PSCI_SUCCESS;
		break;
	case FN(PSCI_MIGRATE_INFO_TYPE):
		ret = PSCI_TOS_NOT_PRESENT;
		break;
	case FN(PSCI_FEATURES):
		ret = implemented(vcpu, (u32)regs[1]) ? PSCI_SUCCESS
						      : PSCI_NOT_SUPPORTED;
		break;
	default:
		psci_power_call(vcpu, fid, regs);
		return;
	}
	regs[0] = (u64)ret;
}
