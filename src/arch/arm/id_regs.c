/* SPDX-License-Identifier: MIT */
/*
 * The AArch32 ID registers a guest sees, AArch64's view of them or an
 * AArch32 guest's own: the same fields hidden on both, for the same
 * reasons (docs/guest-interface.md).
 */
#include "id_regs.h"

#define AARCH32_ID(crm, op2) (((crm)-1) * 8 + (op2))

static const u32 shown_fields[AARCH32_ID(AARCH32_ID_CRM_LAST + 1, 0)] = {
	/* ID_PFR0_EL1: State0..3 (ARM, Thumb, Jazelle, ThumbEE: ARMv7's
	 * TEECR and TEEHBR are the guest's; ARMv8 has none), CSV2 up to
	 * FEAT_CSV2 (no SCXTNUM), DIT; not AMU [23:20], RAS [31:28]. */
	[AARCH32_ID(1, 0)] =
		SHOW(0) | SHOW(4) | SHOW(8) | SHOW(12) | UPTO(16, 1) | SHOW(24),
	/* ID_PFR1_EL1: all but Virtualization [15:12] and Virt_frac. */
	[AARCH32_ID(1, 1)] =
		SHOW(0) | SHOW(4) | SHOW(8) | SHOW(16) | SHOW(20) | SHOW(28),
	/* ID_DFR0_EL1: the debug architecture; not CopTrc, MMapTrc,
	 * PerfMon [27:24], TraceFilt. */
	[AARCH32_ID(1, 2)] = SHOW(0) | SHOW(4) | SHOW(8) | SHOW(20),
	/* ID_MMFR0..3_EL1, ID_ISAR0..5_EL1: memory model and instructions. */
	[AARCH32_ID(1, 4)] = 0xffffffff,
	[AARCH32_ID(1, 5)] = 0xffffffff,
	[AARCH32_ID(1, 6)] = 0xffffffff,
	[AARCH32_ID(1, 7)] = 0xffffffff,
	[AARCH32_ID(2, 0)] = 0xffffffff,
	[AARCH32_ID(2, 1)] = 0xffffffff,
	[AARCH32_ID(2, 2)] = 0xffffffff,
	[AARCH32_ID(2, 3)] = 0xffffffff,
	[AARCH32_ID(2, 4)] = 0xffffffff,
	[AARCH32_ID(2, 5)] = 0xffffffff,
	/* ID_MMFR4_EL1: all but XNX [11:8] and EVT [31:28] (EL2 controls). */
	[AARCH32_ID(2, 6)] = 0x0ffff0ff,
	[AARCH32_ID(2, 7)] = 0xffffffff, /* ID_ISAR6_EL1 */
	[AARCH32_ID(3, 0)] = 0xffffffff, /* MVFR0_EL1 */
	[AARCH32_ID(3, 1)] = 0xffffffff, /* MVFR1_EL1 */
	[AARCH32_ID(3, 2)] = 0xffffffff, /* MVFR2_EL1 */
	/* ID_PFR2_EL1: CSV3, SSBS; not RAS_frac. */
	[AARCH32_ID(3, 4)] = SHOW(0) | SHOW(4),
	/* ID_MMFR5_EL1: ETS, nTLBPA. */
	[AARCH32_ID(3, 6)] = SHOW(0) | SHOW(4),
};

u32 aarch32_id_limits(unsigned crm, unsigned op2)
{
	if (crm < 1 || crm > AARCH32_ID_CRM_LAST || op2 > 7)
		return 0;
	return shown_fields[AARCH32_ID(crm, op2)];
}

u64 id_fields_capped(u64 value, u64 limits)
{
	u64 shown = 0;

	for (unsigned shift = 0; shift < 64; shift += 4)
		shown |= MIN(value >> shift & 0xf, limits >> shift & 0xf)
			 << shift;
	return shown;
}
