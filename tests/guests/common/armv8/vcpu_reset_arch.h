/* SPDX-License-Identifier: MIT */
/*
 * vcpu_reset.c's AArch64 part: every EL1/EL0 system register a guest can
 * write, FPCR and FPSR among them, and V0-V31. At reset each reads 0,
 * SCTLR_EL1 its RES1 bits. Included by vcpu_reset.c after struct reg.
 */
#ifndef VCPU_RESET_ARCH_H
#define VCPU_RESET_ARCH_H

#define SCTLR_RESET 0x30d00800UL
#define SCTLR_SET   (SCTLR_RESET | 1UL << 26 | 1UL << 15) /* UCI, UCT */
#define CPACR_FP_ON (3UL << 20)

#define SYSREG_ACCESSORS(reg)                                                  \
	static u64 read_##reg(void)                                            \
	{                                                                      \
		u64 v;                                                         \
		__asm__ volatile("mrs %0, " #reg : "=r"(v));                   \
		return v;                                                      \
	}                                                                      \
	static void write_##reg(u64 v)                                         \
	{                                                                      \
		__asm__ volatile("msr " #reg ", %0; isb" ::"r"(v));            \
	}

/* name, value written, reset value, gates the registers after it. */
#define REGS(X)                                                                \
	X(cpacr_el1, CPACR_FP_ON, 0, true)                                     \
	X(ttbr0_el1, 0x40123000, 0, false)                                     \
	X(ttbr1_el1, 0x40456000, 0, false)                                     \
	X(tcr_el1, 0x19, 0, false)                                             \
	X(mair_el1, 0xff44, 0, false)                                          \
	X(contextidr_el1, 0x42, 0, false)                                      \
	X(esr_el1, 0x5a, 0, false)                                             \
	X(far_el1, 0x1234, 0, false)                                           \
	X(par_el1, 0x1000, 0, false)                                           \
	X(elr_el1, 0x40000abc, 0, false)                                       \
	X(spsr_el1, 0x3c5, 0, false)                                           \
	X(sp_el0, 0x40007770, 0, false)                                        \
	X(tpidr_el1, 0x7101, 0, false)                                         \
	X(tpidr_el0, 0x7100, 0, false)                                         \
	X(tpidrro_el0, 0x7102, 0, false)                                       \
	X(csselr_el1, 2, 0, false)                                             \
	X(cntkctl_el1, 3, 0, false)                                            \
	X(cntv_ctl_el0, 2, 0, false)                                           \
	X(cntv_cval_el0, 0x123456789, 0, false)                                \
	X(cntp_ctl_el0, 2, 0, false)                                           \
	X(cntp_cval_el0, 0x987654321, 0, false)                                \
	X(fpcr, 0x00c00000, 0, false)                                          \
	X(fpsr, 1, 0, false)                                                   \
	X(sctlr_el1, SCTLR_SET, SCTLR_RESET, false)

#define DEFINE(reg, value, reset, enables) SYSREG_ACCESSORS(reg)
REGS(DEFINE)

#define ENTRY(reg, v, r, e) {#reg, v, r, read_##reg, write_##reg, e},
static const struct reg regs[] = {REGS(ENTRY)};

/* struct entry_state's words (crt0.S). */
static const struct entry_reg entry_regs[] = {
	{"SCTLR_EL1", SCTLR_RESET},
	{"VBAR_EL1", 0},
	{"SP", 0},
};

/* V0-V31, two words each: both halves of Vn are set to n + 1. */
#define FP_NAME	 "V0-V31"
#define FP_WORDS 64

static u64 fp_fill_value(unsigned word)
{
	return word / 2 + 1;
}

static void fill_fp(void)
{
	__asm__ volatile(".arch_extension simd\n"
			 ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,"
			 "18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
			 "mov x9, #(\\n + 1)\n"
			 "dup v\\n\\().2d, x9\n"
			 ".endr" ::
				 : "x9", "memory");
}

static void read_fp(u64 out[FP_WORDS])
{
	__asm__ volatile(".arch_extension simd\n"
			 ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,"
			 "18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
			 "umov x9, v\\n\\().d[0]\n"
			 "str x9, [%0, #(\\n * 16)]\n"
			 "umov x9, v\\n\\().d[1]\n"
			 "str x9, [%0, #(\\n * 16 + 8)]\n"
			 ".endr" ::"r"(out)
			 : "x9", "memory");
}

/* SP (SP_EL1) last, just before the call: the C code needs its stack. */
static __noreturn void reset_with_marked_sp(void)
{
	register uint64_t x0 __asm__("x0") = PSCI_SYSTEM_RESET;

	__asm__ volatile("mov x9, #0x5550\n"
			 "mov sp, x9\n"
			 "hvc #0" ::"r"(x0)
			 : "x9", "memory");
	for (;;)
		;
}

#endif
