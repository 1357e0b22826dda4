/* SPDX-License-Identifier: MIT */
/*
 * The PSTATE an exception injected into a guest's EL1 starts with: what
 * the CPU itself would set on taking it (Arm ARM, AArch64.TakeException),
 * for the features the core has. A guest relying on PAN being set at
 * entry, or on its SSBS default, must find it so.
 */
#include "exception_entry.h"
#include "sysreg.h"

/* The bits of an AArch64 source PSTATE that exception entry keeps. */
#define KEEP_AARCH64 (PSR_NZCV | PSR_DIT | PSR_PAN)
/* From AArch32 EL0: NZCV and PAN sit where AArch64 has them; DIT not. */
#define KEEP_AARCH32 (PSR_NZCV | PSR_PAN)
#define PSR32_DIT    (1UL << 21)

u64 el1_exception_pstate(u64 old, u64 sctlr_el1, unsigned features)
{
	u64 p = PSR_DAIF | PSR_MODE_EL1H;

	if (old & PSR_AARCH32)
		p |= (old & KEEP_AARCH32) | (old & PSR32_DIT ? PSR_DIT : 0);
	else
		p |= old & KEEP_AARCH64;
	if ((features & CPU_HAS_PAN) && !(sctlr_el1 & SCTLR_SPAN))
		p |= PSR_PAN;
	if ((features & CPU_HAS_SSBS) && (sctlr_el1 & SCTLR_DSSBS))
		p |= PSR_SSBS;
	if (features & CPU_HAS_MTE)
		p |= PSR_TCO;
	return p; /* UAO, SS, IL, BTYPE: 0 */
}
