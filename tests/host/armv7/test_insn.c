/* SPDX-License-Identifier: MIT */
/* A trapped AArch32 instruction: condition, IT state, skip, registers. */
#include <string.h>

#include "fake_guest_state.h"
#include "insn.h"
#include "psr.h"
#include "syndrome.h"
#include "test.h"

#define COND_AL 0xe
#define HSR_CV	(1u << 24)

/* An MRC p15 syndrome (EC 0x03), 32-bit instruction, with COND if cv. */
static u32 mrc_hsr(bool cv, unsigned cond)
{
	return (u32)EC_CP15_32 << ESR_EC_SHIFT | ESR_IL |
	       (cv ? HSR_CV | cond << 20 : 0) | 1;
}

/* A PSR with IT[7:0] = it. */
static u32 it_bits(unsigned it)
{
	return (it & 3) << PSR_IT_LOW_SHIFT | (it >> 2) << PSR_IT_HIGH_SHIFT;
}

static unsigned it_of(u32 cpsr)
{
	return (cpsr >> PSR_IT_LOW_SHIFT & 3) |
	       (cpsr >> PSR_IT_HIGH_SHIFT & 0x3f) << 2;
}

/* Flags under which each condition passes, and under which it fails. */
static const struct {
	u32 pass, fail;
} cond_flags[16] = {
	{PSR_Z, 0},		/* EQ */
	{0, PSR_Z},		/* NE */
	{PSR_C, 0},		/* CS */
	{0, PSR_C},		/* CC */
	{PSR_N, 0},		/* MI */
	{0, PSR_N},		/* PL */
	{PSR_V, 0},		/* VS */
	{0, PSR_V},		/* VC */
	{PSR_C, PSR_C | PSR_Z}, /* HI */
	{PSR_Z, PSR_C},		/* LS */
	{PSR_N | PSR_V, PSR_N}, /* GE */
	{PSR_N, PSR_N | PSR_V}, /* LT */
	{PSR_N | PSR_V, PSR_Z}, /* GT */
	{PSR_V, PSR_N | PSR_V}, /* LE */
};

TEST(v7_insn_each_condition_passes_and_fails)
{
	for (unsigned cond = 0; cond < 14; cond++) {
		CHECK(insn_condition_passed(mrc_hsr(true, cond),
					    cond_flags[cond].pass | MODE_SVC));
		CHECK(!insn_condition_passed(mrc_hsr(true, cond),
					     cond_flags[cond].fail | MODE_SVC));
	}
	/* AL, and 0b1111 (unconditional), pass whatever the flags. */
	for (u32 nzcv = 0; nzcv < 16; nzcv++) {
		CHECK(insn_condition_passed(mrc_hsr(true, COND_AL),
					    nzcv << 28));
		CHECK(insn_condition_passed(mrc_hsr(true, 0xf), nzcv << 28));
	}
}

/* Every condition against every flag combination, against the table KVM
 * uses (bit n of cc_map[cond]: passes with NZCV = n). */
TEST(v7_insn_conditions_match_the_reference_table)
{
	static const u16 cc_map[14] = {0xf0f0, 0x0f0f, 0xcccc, 0x3333, 0xff00,
				       0x00ff, 0xaaaa, 0x5555, 0x0c0c, 0xf3f3,
				       0xaa55, 0x55aa, 0x0a05, 0xf5fa};

	for (unsigned cond = 0; cond < 14; cond++)
		for (u32 nzcv = 0; nzcv < 16; nzcv++)
			CHECK_EQ(insn_condition_passed(mrc_hsr(true, cond),
						       nzcv << 28),
				 cc_map[cond] >> nzcv & 1);
}

/* Aborts, HVC, SMC (EC 0x10 and up) carry no condition. */
TEST(v7_insn_high_classes_are_unconditional)
{
	u32 dabt = (u32)EC_DABT_LOW << ESR_EC_SHIFT | HSR_CV | 0u << 20;

	CHECK(insn_condition_passed(dabt, 0));
}

/* ITTEE EQ, the syndrome without COND (CV = 0): the instructions' own
 * conditions come from the IT state, which moves on as each is stepped
 * over, and ends with the block. */
TEST(v7_insn_it_block_advances_and_ends)
{
	const bool passes[4] = {true, true, false, false}; /* with Z set */
	const unsigned it_after[4] = {0x0e, 0x1c, 0x18, 0x00};

	fake_guest_reset();
	fake_guest.pc = 0x1000;
	fake_guest.cpsr = MODE_SVC | PSR_T | PSR_Z | it_bits(0x07);
	for (int i = 0; i < 4; i++) {
		CHECK_EQ(insn_condition_passed(mrc_hsr(false, 0),
					       fake_guest.cpsr),
			 passes[i]);
		insn_skip(mrc_hsr(false, 0));
		CHECK_EQ(fake_guest.pc, 0x1000 + 4 * (i + 1));
		CHECK_EQ(it_of(fake_guest.cpsr), it_after[i]);
	}
	CHECK_EQ(fake_guest.cpsr, MODE_SVC | PSR_T | PSR_Z);
	/* Outside the block, no condition: it runs whatever the flags. */
	CHECK(insn_condition_passed(mrc_hsr(false, 0), MODE_SVC | PSR_T));
}

/* "IT NE": one instruction, then the state is gone. */
TEST(v7_insn_it_block_of_one)
{
	u32 cpsr = MODE_SVC | PSR_T | it_bits(0x18);

	CHECK(!insn_condition_passed(mrc_hsr(false, 0), cpsr | PSR_Z));
	CHECK(insn_condition_passed(mrc_hsr(false, 0), cpsr));
	CHECK_EQ(it_advance(cpsr), MODE_SVC | PSR_T);
	/* Outside an IT block (and in ARM state) advancing changes nothing. */
	CHECK_EQ(it_advance(MODE_SVC | PSR_NZCV), MODE_SVC | PSR_NZCV);
}

/* HSR.IL: a 16-bit Thumb instruction is stepped over by 2 bytes. */
TEST(v7_insn_skip_by_length)
{
	fake_guest_reset();
	fake_guest.pc = 0x2000;
	fake_guest.cpsr = MODE_SVC | PSR_T;
	insn_skip(mrc_hsr(true, COND_AL) & ~ESR_IL);
	CHECK_EQ(fake_guest.pc, 0x2002);
	insn_skip(mrc_hsr(true, COND_AL));
	CHECK_EQ(fake_guest.pc, 0x2006);
	CHECK_EQ(fake_guest.cpsr, MODE_SVC | PSR_T);
}

/* Outside an IT block the PSR is left alone (no SPSR_hyp write); inside
 * one it is written, once per step. */
TEST(v7_insn_skip_writes_psr_only_in_it_block)
{
	fake_guest_reset();
	fake_guest.pc = 0x3000;
	fake_guest.cpsr = MODE_SVC | PSR_NZCV;
	insn_skip(mrc_hsr(true, COND_AL));
	CHECK_EQ(fake_guest.pc, 0x3004);
	CHECK_EQ(fake_guest.cpsr, MODE_SVC | PSR_NZCV);
	CHECK_EQ(fake_guest.cpsr_writes, 0);
	fake_guest.cpsr = MODE_SVC | PSR_T | it_bits(0x18);
	insn_skip(mrc_hsr(false, 0));
	CHECK_EQ(fake_guest.cpsr, MODE_SVC | PSR_T);
	CHECK_EQ(fake_guest.cpsr_writes, 1);
}

static struct guest_frame frame_of_registers(void)
{
	struct guest_frame f = {.lr_usr = 0xaaaa};

	for (unsigned i = 0; i < 13; i++)
		f.r[i] = 0x100 + i;
	for (unsigned b = 0; b < BANKED_COUNT; b++)
		fake_guest.banked[b] = 0x900 + b;
	return f;
}

/* Which register r13 and r14 are in each mode. */
TEST(v7_insn_banked_sp_and_lr_per_mode)
{
	const struct {
		u32 mode;
		enum banked_reg sp, lr; /* BANKED_COUNT: the frame's lr_usr */
	} modes[] = {
		{MODE_USR, BANKED_SP_USR, BANKED_COUNT},
		{MODE_SYS, BANKED_SP_USR, BANKED_COUNT},
		{MODE_SVC, BANKED_SP_SVC, BANKED_LR_SVC},
		{MODE_ABT, BANKED_SP_ABT, BANKED_LR_ABT},
		{MODE_UND, BANKED_SP_UND, BANKED_LR_UND},
		{MODE_IRQ, BANKED_SP_IRQ, BANKED_LR_IRQ},
		{MODE_FIQ, BANKED_SP_FIQ, BANKED_LR_FIQ},
	};

	for (size_t i = 0; i < ARRAY_SIZE(modes); i++) {
		struct guest_frame f;
		u32 cpsr = modes[i].mode | PSR_NZCV;

		fake_guest_reset();
		f = frame_of_registers();
		CHECK_EQ(guest_reg(&f, cpsr, 13),
			 fake_guest.banked[modes[i].sp]);
		CHECK_EQ(guest_reg(&f, cpsr, 14),
			 modes[i].lr == BANKED_COUNT
				 ? 0xaaaa
				 : fake_guest.banked[modes[i].lr]);
		CHECK_EQ(guest_reg(&f, cpsr, 0), 0x100);
		set_guest_reg(&f, cpsr, 13, 0x5113);
		set_guest_reg(&f, cpsr, 14, 0x5114);
		CHECK_EQ(fake_guest.banked[modes[i].sp], 0x5113);
		if (modes[i].lr == BANKED_COUNT) {
			CHECK_EQ(f.lr_usr, 0x5114);
		} else {
			CHECK_EQ(fake_guest.banked[modes[i].lr], 0x5114);
			CHECK_EQ(f.lr_usr, 0xaaaa);
		}
	}
}

/* r8-r12 are banked in FIQ mode only. */
TEST(v7_insn_fiq_banks_r8_to_r12)
{
	struct guest_frame f;

	fake_guest_reset();
	f = frame_of_registers();
	for (unsigned n = 8; n <= 12; n++) {
		CHECK_EQ(guest_reg(&f, MODE_FIQ, n),
			 fake_guest.banked[BANKED_R8_FIQ + n - 8]);
		CHECK_EQ(guest_reg(&f, MODE_SVC, n), 0x100 + n);
		set_guest_reg(&f, MODE_FIQ, n, 0x800 + n);
		CHECK_EQ(fake_guest.banked[BANKED_R8_FIQ + n - 8], 0x800 + n);
		CHECK_EQ(f.r[n], 0x100 + n);
	}
	CHECK_EQ(guest_reg(&f, MODE_FIQ, 7), 0x107);
}

/* r15 is no data register of a trap: reads 0, writes nothing. */
TEST(v7_insn_r15_is_not_a_register_here)
{
	struct guest_frame f;
	struct guest_frame before;

	fake_guest_reset();
	f = frame_of_registers();
	before = f;
	CHECK_EQ(guest_reg(&f, MODE_SVC, 15), 0);
	set_guest_reg(&f, MODE_SVC, 15, 0x1234);
	CHECK(!memcmp(&f, &before, sizeof(f)));
}
