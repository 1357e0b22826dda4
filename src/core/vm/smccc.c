/* SPDX-License-Identifier: MIT */
/* Routing guest SMC/HVC calls by SMCCC owner. */
#include "smccc.h"
#include <bulkhead/abi.h>

#define SMCCC_FAST	 BIT(31)
#define SMCCC_OWNER(fid) (((fid) >> 24) & 0x3f)
#define OWNER_ARCH	 0
#define OWNER_STANDARD	 4 /* PSCI */
#define OWNER_VENDOR_HYP 6

static s64 arch_call(u32 fid, const u64 *args)
{
	switch (fid) {
	case SMCCC_VERSION:
		return SMCCC_VERSION_1_1;
	case SMCCC_ARCH_FEATURES:
		return (u32)args[0] == SMCCC_VERSION ||
				       (u32)args[0] == SMCCC_ARCH_FEATURES
			       ? SMCCC_SUCCESS
			       : SMCCC_NOT_SUPPORTED;
	}
	return SMCCC_NOT_SUPPORTED;
}

static noinline void vendor_call(struct vcpu *vcpu, u32 fid, u64 *regs)
{
	switch (fid) {
	case BH_HC_CONSOLE_WRITE:
		regs[0] =
			(u64)guest_console_write(vcpu, (u32)regs[1], &regs[2]);
		return;
	case BH_HC_CALL_COUNT:
		regs[0] = 1;
		return;
	case BH_HC_CALL_UID:
		regs[0] = BH_UID_W0;
		regs[1] = BH_UID_W1;
		regs[2] = BH_UID_W2;
		regs[3] = BH_UID_W3;
		return;
	case BH_HC_REVISION:
		regs[0] = BH_ABI_MAJOR;
		regs[1] = BH_ABI_MINOR;
		return;
	}
	regs[0] = (u64)SMCCC_NOT_SUPPORTED;
}

void smccc_handle(struct vcpu *vcpu, u64 regs[SMCCC_REGS])
{
	u32 fid = (u32)regs[0];

	exit_count(vcpu, EXIT_HYPERCALL);
	if (!(fid & SMCCC_FAST) || !smccc_width_fits(vcpu, fid)) {
		regs[0] = (u64)SMCCC_NOT_SUPPORTED;
		return;
	}
	switch (SMCCC_OWNER(fid)) {
	case OWNER_ARCH:
		regs[0] = (u64)arch_call(fid, &regs[1]);
		return;
	case OWNER_STANDARD:
		psci_call(vcpu, regs);
		return;
	case OWNER_VENDOR_HYP:
		vendor_call(vcpu, fid, regs);
		return;
	}
	regs[0] = (u64)SMCCC_NOT_SUPPORTED;
}
