/* SPDX-License-Identifier: MIT */
/* Exceptions injected into an AArch32 guest (Arm ARM v7-A B1.8). */
#include "exception_entry.h"
#include "fake_guest_state.h"
#include "psr.h"
#include "sysreg.h"
#include "test.h"

#define SCTLR_V	  (1u << 13)
#define SCTLR_EE  (1u << 25)
#define SCTLR_TE  (1u << 30)
#define TTBCR_EAE (1u << 31)
#define VBAR_AT	  0x40001000u
#define PC_AT	  0x40008000u

static struct guest_context from(u32 cpsr, u32 sctlr, bool lpae)
{
	return (struct guest_context){.cpsr = cpsr,
				      .pc = PC_AT,
				      .sctlr = sctlr,
				      .vbar = VBAR_AT,
				      .lpae = lpae};
}

TEST(v7_exception_undef_from_svc_arm)
{
	u32 cpsr = MODE_SVC | PSR_C | PSR_Z | PSR_F;
	struct guest_context g = from(cpsr, 0, false);
	struct exception_entry e = exception_entry(GUEST_UNDEF, &g);

	CHECK_EQ(e.mode, MODE_UND);
	CHECK_EQ(e.lr, PC_AT + 4);
	CHECK_EQ(e.spsr, cpsr);
	/* Flags and F kept, I set, A unchanged on entry to UND. */
	CHECK_EQ(e.cpsr, MODE_UND | PSR_C | PSR_Z | PSR_F | PSR_I);
	CHECK_EQ(e.vector, VBAR_AT + 0x04);
	CHECK_EQ(e.fsr, 0);
}

/* From Thumb, inside an IT block: LR + 2, the IT state is kept in the
 * SPSR and cleared in the handler; SCTLR.TE enters it in Thumb. */
TEST(v7_exception_undef_from_svc_thumb)
{
	u32 it = 3u << PSR_IT_LOW_SHIFT | 1u << PSR_IT_HIGH_SHIFT;
	u32 cpsr = MODE_SVC | PSR_T | PSR_A | it;
	struct guest_context g = from(cpsr, SCTLR_TE, false);
	struct exception_entry e = exception_entry(GUEST_UNDEF, &g);

	CHECK_EQ(e.lr, PC_AT + 2);
	CHECK_EQ(e.spsr, cpsr);
	CHECK_EQ(e.cpsr, MODE_UND | PSR_T | PSR_A | PSR_I);
	/* Without TE the handler runs in ARM state. */
	g.sctlr = 0;
	CHECK_EQ(exception_entry(GUEST_UNDEF, &g).cpsr,
		 MODE_UND | PSR_A | PSR_I);
}

TEST(v7_exception_vector_from_vbar_or_high_vectors)
{
	struct guest_context g = from(MODE_SVC, SCTLR_V, false);

	CHECK_EQ(exception_entry(GUEST_UNDEF, &g).vector, 0xffff0004);
	CHECK_EQ(exception_entry(GUEST_PABT, &g).vector, 0xffff000c);
	CHECK_EQ(exception_entry(GUEST_DABT_READ, &g).vector, 0xffff0010);
	g.sctlr = 0;
	CHECK_EQ(exception_entry(GUEST_PABT, &g).vector, VBAR_AT + 0x0c);
	CHECK_EQ(exception_entry(GUEST_DABT_WRITE, &g).vector, VBAR_AT + 0x10);
}

/* Aborts enter ABT with A and I set, E from SCTLR.EE; LR + 8 (data) or
 * + 4 (prefetch) in either state. */
TEST(v7_exception_abort_state)
{
	struct guest_context g =
		from(MODE_USR | PSR_T | PSR_N, SCTLR_EE, false);
	struct exception_entry d = exception_entry(GUEST_DABT_READ, &g);
	struct exception_entry p = exception_entry(GUEST_PABT, &g);

	CHECK_EQ(d.mode, MODE_ABT);
	CHECK_EQ(d.cpsr, MODE_ABT | PSR_N | PSR_E | PSR_A | PSR_I);
	CHECK_EQ(d.lr, PC_AT + 8);
	CHECK_EQ(p.lr, PC_AT + 4);
	g.cpsr = MODE_SVC;
	CHECK_EQ(exception_entry(GUEST_DABT_READ, &g).lr, PC_AT + 8);
}

/* DFSR/IFSR in the format TTBCR.EAE selects: short-descriptor FS
 * 0b01000, or LPAE (bit 9) with status 0x10; WnR for a write. */
TEST(v7_exception_abort_fault_status_formats)
{
	struct guest_context g = from(MODE_SVC, 0, false);

	CHECK_EQ(exception_entry(GUEST_DABT_READ, &g).fsr, 0x008);
	CHECK_EQ(exception_entry(GUEST_DABT_WRITE, &g).fsr, 0x808);
	CHECK_EQ(exception_entry(GUEST_PABT, &g).fsr, 0x008);
	g.lpae = true;
	CHECK_EQ(exception_entry(GUEST_DABT_READ, &g).fsr, 0x210);
	CHECK_EQ(exception_entry(GUEST_DABT_WRITE, &g).fsr, 0xa10);
	CHECK_EQ(exception_entry(GUEST_PABT, &g).fsr, 0x210);
}

/* inject_exception() puts it all where the CPU would. */
TEST(v7_exception_inject_writes_the_guest_state)
{
	fake_guest_reset();
	fake_guest.pc = PC_AT;
	fake_guest.cpsr = MODE_SVC | PSR_Z;
	fake_cp_set(FAKE_CP15, CP15_ISS(SCTLR), 0);
	fake_cp_set(FAKE_CP15, CP15_ISS(VBAR), VBAR_AT);
	fake_cp_set(FAKE_CP15, CP15_ISS(TTBCR), TTBCR_EAE);
	inject_exception(GUEST_DABT_WRITE, 0x48000000);
	CHECK_EQ(fake_guest.banked[BANKED_LR_ABT], PC_AT + 8);
	CHECK_EQ(fake_guest.banked[BANKED_SPSR_ABT], MODE_SVC | PSR_Z);
	CHECK_EQ(fake_cp_get(FAKE_CP15, CP15_ISS(DFSR)), 0xa10);
	CHECK_EQ(fake_cp_get(FAKE_CP15, CP15_ISS(DFAR)), 0x48000000);
	CHECK_EQ(fake_guest.pc, VBAR_AT + 0x10);
	CHECK_EQ(fake_guest.cpsr, MODE_ABT | PSR_Z | PSR_A | PSR_I);

	fake_guest.pc = PC_AT;
	fake_guest.cpsr = MODE_SVC;
	fake_guest.cp_writes = 0;
	inject_exception(GUEST_UNDEF, 0);
	CHECK_EQ(fake_guest.banked[BANKED_LR_UND], PC_AT + 4);
	CHECK_EQ(fake_guest.banked[BANKED_SPSR_UND], MODE_SVC);
	CHECK_EQ(fake_guest.pc, VBAR_AT + 0x04);
	CHECK_EQ(fake_guest.cp_writes, 0); /* no fault status */
	CHECK(!fake_guest.unknown_read);
}
