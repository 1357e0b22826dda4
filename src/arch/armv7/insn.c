/* SPDX-License-Identifier: MIT */
/*
 * What a trapped AArch32 instruction asks of HYP beyond its syndrome.
 * Unlike AArch64, AArch32 instructions are conditional: a trapped one may
 * fail its condition (the CPU may trap it anyway, Arm ARM B3.13.5), and
 * then does nothing but move on, inside a Thumb IT block too. Its
 * registers are those of the guest's mode, banked as the mode says.
 */
#include "insn.h"
#include "guest_state.h"
#include "psr.h"
#include "syndrome.h"

#define HSR_CV	      (1u << 24) /* COND is valid */
#define HSR_COND(hsr) ((hsr) >> 20 & 0xf)
#define COND_ALWAYS   0xe

static unsigned it_state(u32 cpsr)
{
	return (cpsr >> PSR_IT_LOW_SHIFT & 0x3) |
	       (cpsr >> PSR_IT_HIGH_SHIFT & 0x3f) << 2;
}

static u32 with_it_state(u32 cpsr, unsigned it)
{
	return (cpsr & ~PSR_IT_MASK) | (it & 0x3) << PSR_IT_LOW_SHIFT |
	       (it >> 2 & 0x3f) << PSR_IT_HIGH_SHIFT;
}

/* The condition code: the syndrome's, else the IT block's (the syndrome
 * may leave it out for Thumb); outside an IT block, always. */
static unsigned condition_of(u32 hsr, u32 cpsr)
{
	unsigned it = it_state(cpsr);

	if (hsr & HSR_CV)
		return HSR_COND(hsr);
	return it ? it >> 4 : COND_ALWAYS;
}

/* Arm ARM ConditionPassed(): cond[3:1] picks the test, cond[0] negates
 * it (but for 0b1111, which is unconditional). */
static bool condition_holds(unsigned cond, u32 cpsr)
{
	bool n = cpsr & PSR_N, z = cpsr & PSR_Z, c = cpsr & PSR_C,
	     v = cpsr & PSR_V;
	bool result;

	switch (cond >> 1) {
	case 0: /* EQ, NE */
		result = z;
		break;
	case 1: /* CS, CC */
		result = c;
		break;
	case 2: /* MI, PL */
		result = n;
		break;
	case 3: /* VS, VC */
		result = v;
		break;
	case 4: /* HI, LS */
		result = c && !z;
		break;
	case 5: /* GE, LT */
		result = n == v;
		break;
	case 6: /* GT, LE */
		result = n == v && !z;
		break;
	default: /* AL */
		return true;
	}
	return (cond & 1) ? !result : result;
}

bool insn_condition_passed(u32 hsr, u32 cpsr)
{
	/* Classes from 0x10 up (HVC, SMC, aborts) are unconditional. */
	if (ESR_EC(hsr) >= 0x10)
		return true;
	return condition_holds(condition_of(hsr, cpsr), cpsr);
}

u32 it_advance(u32 cpsr)
{
	unsigned it = it_state(cpsr);

	if ((it & 0x7) == 0)
		return with_it_state(cpsr, 0); /* the block's last one */
	return with_it_state(cpsr, (it & 0xe0) | (it << 1 & 0x1f));
}

void insn_skip(u32 hsr)
{
	u32 cpsr = guest_cpsr();

	set_guest_pc(guest_pc() + ((hsr & ESR_IL) ? 4 : 2));
	/* Outside an IT block (in ARM state always) the PSR stays as it is:
	 * the common case, which needs no write to SPSR_hyp. */
	if (cpsr & PSR_IT_MASK)
		set_guest_cpsr(it_advance(cpsr));
}

/* Where a mode keeps its banked r13 and r14; USR and SYS have no LR
 * bank: theirs is HYP's own r14, saved in the frame. */
struct mode_bank {
	enum banked_reg sp, lr;
	bool has_lr;
};

static struct mode_bank bank_of(u32 cpsr)
{
	switch (cpsr & PSR_MODE_MASK) {
	case MODE_FIQ:
		return (struct mode_bank){BANKED_SP_FIQ, BANKED_LR_FIQ, true};
	case MODE_IRQ:
		return (struct mode_bank){BANKED_SP_IRQ, BANKED_LR_IRQ, true};
	case MODE_SVC:
		return (struct mode_bank){BANKED_SP_SVC, BANKED_LR_SVC, true};
	case MODE_ABT:
		return (struct mode_bank){BANKED_SP_ABT, BANKED_LR_ABT, true};
	case MODE_UND:
		return (struct mode_bank){BANKED_SP_UND, BANKED_LR_UND, true};
	}
	return (struct mode_bank){BANKED_SP_USR, BANKED_COUNT, false};
}

static bool fiq_banked(u32 cpsr, unsigned n)
{
	return (cpsr & PSR_MODE_MASK) == MODE_FIQ && n >= 8 && n <= 12;
}

u32 guest_reg(const struct guest_frame *f, u32 cpsr, unsigned n)
{
	struct mode_bank bank = bank_of(cpsr);

	if (fiq_banked(cpsr, n))
		return banked_read(BANKED_R8_FIQ + (n - 8));
	if (n <= 12)
		return f->r[n];
	if (n == 13)
		return banked_read(bank.sp);
	if (n == 14)
		return bank.has_lr ? banked_read(bank.lr) : f->lr_usr;
	return 0;
}

void set_guest_reg(struct guest_frame *f, u32 cpsr, unsigned n, u32 value)
{
	struct mode_bank bank = bank_of(cpsr);

	if (fiq_banked(cpsr, n))
		banked_write(BANKED_R8_FIQ + (n - 8), value);
	else if (n <= 12)
		f->r[n] = value;
	else if (n == 13)
		banked_write(bank.sp, value);
	else if (n == 14 && bank.has_lr)
		banked_write(bank.lr, value);
	else if (n == 14)
		f->lr_usr = value;
}
