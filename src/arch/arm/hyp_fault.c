/* SPDX-License-Identifier: MIT */
/* The part of the hypervisor's own fault report AArch64 and AArch32 share:
 * the abort, whose syndrome and fault codes they encode alike. */
#include "hyp_fault.h"
#include "log.h"
#include "syndrome.h"

const char *exception_class_name(u64 ec)
{
	switch (ec) {
	case EC_UNKNOWN:
		return "unknown reason (undefined instruction?)";
	case EC_HVC32:
		return "HVC in HYP mode";
	case EC_SYSREG:
		return "trapped system register access";
	case EC_IABT_CUR:
		return "instruction abort";
	case EC_PC_ALIGN:
		return "PC alignment fault";
	case EC_DABT_CUR:
		return "data abort";
	case EC_SP_ALIGN:
		return "SP alignment fault";
	case EC_SERROR:
		return "SError";
	case EC_BRK:
		return "BRK instruction";
	}
	return "other exception class";
}

const char *fault_name(u64 fsc)
{
	static const char *const by_kind[] = {
		"address size fault", "translation fault", "access flag fault",
		"permission fault"};

	if (fsc < 0x10)
		return by_kind[fsc >> 2];
	if (fsc == FSC_SEA)
		return "synchronous external abort";
	if (fsc == 0x21)
		return "alignment fault";
	return "other fault";
}

void report_abort(u64 esr)
{
	u64 fsc = ESR_ABT_FSC(esr);
	const char *access = ESR_EC(esr) == EC_IABT_CUR ? "instruction fetch"
			     : (esr & ESR_DABT_WNR)	? "write"
							: "read";

	if (fsc < 0x10)
		panic_line("  %s at level %llu: %s (FSC 0x%02llx)",
			   fault_name(fsc), fsc & 3, access, fsc);
	else
		panic_line("  %s: %s (FSC 0x%02llx)", fault_name(fsc), access,
			   fsc);
}
