/* SPDX-License-Identifier: MIT */
/* The PSTATE of an exception injected into a guest's EL1. */
#include "exception_entry.h"
#include "sysreg.h"
#include "test.h"

#define EL1H_MASKED (PSR_DAIF | PSR_MODE_EL1H)
#define EL0T	    0x0UL

TEST(exception_entry_masks_and_enters_el1h)
{
	/* From EL0 with NZCV set and interrupts open, on an ARMv8.0 core. */
	CHECK_EQ(el1_exception_pstate(PSR_NZCV | EL0T, 0, 0),
		 PSR_NZCV | EL1H_MASKED);
	/* Single-step and the IL bit are not carried over. */
	CHECK_EQ(el1_exception_pstate(1UL << 21 | 1UL << 20, 0, 0),
		 EL1H_MASKED);
}

TEST(exception_entry_sets_pan_unless_sctlr_span)
{
	CHECK_EQ(el1_exception_pstate(EL0T, 0, CPU_HAS_PAN),
		 PSR_PAN | EL1H_MASKED);
	CHECK_EQ(el1_exception_pstate(EL0T, SCTLR_SPAN, CPU_HAS_PAN),
		 EL1H_MASKED);
	/* With SPAN set, PAN stays as it was. */
	CHECK_EQ(el1_exception_pstate(PSR_PAN, SCTLR_SPAN, CPU_HAS_PAN),
		 PSR_PAN | EL1H_MASKED);
	/* Without FEAT_PAN nothing sets it. */
	CHECK_EQ(el1_exception_pstate(EL0T, 0, 0), EL1H_MASKED);
}

TEST(exception_entry_ssbs_from_sctlr_dssbs)
{
	CHECK_EQ(el1_exception_pstate(PSR_SSBS, 0, CPU_HAS_SSBS), EL1H_MASKED);
	CHECK_EQ(el1_exception_pstate(EL0T, SCTLR_DSSBS, CPU_HAS_SSBS),
		 PSR_SSBS | EL1H_MASKED);
	CHECK_EQ(el1_exception_pstate(EL0T, SCTLR_DSSBS, 0), EL1H_MASKED);
}

TEST(exception_entry_keeps_dit_and_sets_tco)
{
	CHECK_EQ(el1_exception_pstate(PSR_DIT, 0, 0), PSR_DIT | EL1H_MASKED);
	/* AArch32 EL0 keeps DIT at bit 21. */
	CHECK_EQ(el1_exception_pstate(PSR_AARCH32 | 1UL << 21, 0, 0),
		 PSR_DIT | EL1H_MASKED);
	CHECK_EQ(el1_exception_pstate(EL0T, 0, CPU_HAS_MTE),
		 PSR_TCO | EL1H_MASKED);
}
