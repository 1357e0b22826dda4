/* SPDX-License-Identifier: MIT */
/*
 * vcpu_reset.c's ARMv7 part: every register a guest in SVC mode can write
 * but r0-r12: the PL1/PL0 cp15 registers (src/arch/armv7/vcpu_reset.S
 * resets them), the banked SP, LR and SPSR of every other mode, SPSR_svc,
 * LR_usr, the timers and VFP (FPEXC, FPSCR, D0-D31). At reset each reads
 * 0, SCTLR its RES1 bits. SP_svc and LR_svc are the entry state's (the C
 * code uses them). Included by vcpu_reset.c after struct reg.
 *
 * Not here: ADFSR, AIFSR, AMAIR0/1, IMPLEMENTATION DEFINED registers
 * QEMU's Cortex-A15 ignores writes to (a test of them could not fail).
 */
#ifndef VCPU_RESET_ARCH_H
#define VCPU_RESET_ARCH_H

#define SCTLR_RESET 0x00c50078UL
/* Z, I: branch prediction and the I-cache, harmless with the MMU off. */
#define SCTLR_SET   (SCTLR_RESET | 1UL << 11 | 1UL << 12)
#define CPACR_FP_ON (0xfUL << 20) /* cp10, cp11: full access */
#define FPEXC_EN    (1UL << 30)

CP15_REG32(cpacr, 0, c1, c0, 2)
CP15_REG64(ttbr1, 1, c2)
CP15_REG32(dacr, 0, c3, c0, 0)
CP15_REG64(par, 0, c7)
CP15_REG32(mair1, 0, c10, c2, 1) /* NMRR when TTBCR.EAE is 0 */
CP15_REG32(contextidr, 0, c13, c0, 1)
CP15_REG32(tpidrurw, 0, c13, c0, 2)
CP15_REG32(tpidruro, 0, c13, c0, 3)
CP15_REG32(tpidrprw, 0, c13, c0, 4)
CP15_REG32(csselr, 2, c0, c0, 0)
CP14_REG32(teehbr, 6, c1, c0, 0) /* ThumbEE's handler base, the guest's */

/* MRS/MSR (banked register): another mode's register, from SVC mode. */
#define BANKED_REG(name)                                                       \
	static inline unsigned long read_##name(void)                          \
	{                                                                      \
		unsigned long v;                                               \
		__asm__ volatile("mrs %0, " #name : "=r"(v));                  \
		return v;                                                      \
	}                                                                      \
	static inline void write_##name(unsigned long v)                       \
	{                                                                      \
		__asm__ volatile("msr " #name ", %0" ::"r"(v));                \
	}

/* The current (SVC) mode's SPSR. */
static inline unsigned long read_spsr_svc(void)
{
	unsigned long v;

	__asm__ volatile("mrs %0, spsr" : "=r"(v));
	return v;
}

static inline void write_spsr_svc(unsigned long v)
{
	__asm__ volatile("msr spsr_fsxc, %0" ::"r"(v));
}

/* VFP system registers: VMRS/VMSR, which the file's FPU (none) lacks. */
#define VFP_REG(name)                                                          \
	static inline unsigned long read_##name(void)                          \
	{                                                                      \
		unsigned long v;                                               \
		__asm__ volatile(".fpu vfpv3\n\tvmrs %0, " #name : "=r"(v));   \
		return v;                                                      \
	}                                                                      \
	static inline void write_##name(unsigned long v)                       \
	{                                                                      \
		__asm__ volatile(".fpu vfpv3\n\tvmsr " #name ", %0" ::"r"(v)); \
	}

VFP_REG(fpexc)
VFP_REG(fpscr)

/*
 * name, how it is reached (CP15: a cp15 or cp14 accessor, guest_arch.h's
 * or the above; BANKED, VFP), value written, reset value, gates the registers after it. CPACR
 * then FPEXC.EN open the VFP registers, in that order.
 */
#define REGS(X)                                                                \
	X(cpacr, CP15, CPACR_FP_ON, 0, true)                                   \
	X(fpexc, VFP, FPEXC_EN, 0, true)                                       \
	X(fpscr, VFP, 0x03c00001, 0, false)                                    \
	X(ttbr0, CP15, 0x0042000040123000, 0, false)                           \
	X(ttbr1, CP15, 0x0000000040456000, 0, false)                           \
	X(ttbcr, CP15, 0x2, 0, false)                                          \
	X(dacr, CP15, 0x55555555, 0, false)                                    \
	X(dfsr, CP15, 0x805, 0, false)                                         \
	X(ifsr, CP15, 0x00d, 0, false)                                         \
	X(dfar, CP15, 0x1234, 0, false)                                        \
	X(ifar, CP15, 0x5678, 0, false)                                        \
	X(par, CP15, 0x40001000, 0, false)                                     \
	X(mair0, CP15, 0xff0a81a8, 0, false)                                   \
	X(mair1, CP15, 0x40e040e0, 0, false)                                   \
	X(contextidr, CP15, 0x42, 0, false)                                    \
	X(tpidrurw, CP15, 0x7100, 0, false)                                    \
	X(tpidruro, CP15, 0x7102, 0, false)                                    \
	X(tpidrprw, CP15, 0x7101, 0, false)                                    \
	X(csselr, CP15, 2, 0, false)                                           \
	X(teehbr, CP15, 0x40001230, 0, false)                                  \
	X(cntkctl_el1, CP15, 3, 0, false)                                      \
	X(cntv_ctl_el0, CP15, 2, 0, false)                                     \
	X(cntv_cval_el0, CP15, 0x123456789, 0, false)                          \
	X(cntp_ctl_el0, CP15, 2, 0, false)                                     \
	X(cntp_cval_el0, CP15, 0x987654321, 0, false)                          \
	X(spsr_svc, SVC, 0x600001d3, 0, false)                                 \
	X(sp_usr, BANKED, 0x40007770, 0, false)                                \
	X(lr_usr, BANKED, 0x40007774, 0, false)                                \
	X(sp_abt, BANKED, 0x40007780, 0, false)                                \
	X(lr_abt, BANKED, 0x40007784, 0, false)                                \
	X(spsr_abt, BANKED, 0x200001d7, 0, false)                              \
	X(sp_und, BANKED, 0x40007790, 0, false)                                \
	X(lr_und, BANKED, 0x40007794, 0, false)                                \
	X(spsr_und, BANKED, 0x200001db, 0, false)                              \
	X(sp_irq, BANKED, 0x400077a0, 0, false)                                \
	X(lr_irq, BANKED, 0x400077a4, 0, false)                                \
	X(spsr_irq, BANKED, 0x200001d2, 0, false)                              \
	X(r8_fiq, BANKED, 0x8f, 0, false)                                      \
	X(r9_fiq, BANKED, 0x9f, 0, false)                                      \
	X(r10_fiq, BANKED, 0x10f, 0, false)                                    \
	X(r11_fiq, BANKED, 0x11f, 0, false)                                    \
	X(r12_fiq, BANKED, 0x12f, 0, false)                                    \
	X(sp_fiq, BANKED, 0x400077b0, 0, false)                                \
	X(lr_fiq, BANKED, 0x400077b4, 0, false)                                \
	X(spsr_fiq, BANKED, 0x200001d1, 0, false)                              \
	X(sctlr, CP15, SCTLR_SET, SCTLR_RESET, false)

/* The banked registers' accessors; the others exist already. */
#define DEFINE_CP15(reg)
#define DEFINE_VFP(reg)
#define DEFINE_SVC(reg)
#define DEFINE_BANKED(reg)			 BANKED_REG(reg)
#define DEFINE(reg, kind, value, reset, enables) DEFINE_##kind(reg)
REGS(DEFINE)

/* The table's accessors: one signature for all, and an isb after a write. */
#define WRAP(reg, kind, value, reset, enables)                                 \
	static u64 get_##reg(void)                                             \
	{                                                                      \
		return read_##reg();                                           \
	}                                                                      \
	static void set_##reg(u64 v)                                           \
	{                                                                      \
		write_##reg(v);                                                \
		isb();                                                         \
	}
REGS(WRAP)

#define ENTRY(reg, kind, v, r, e) {#reg, v, r, get_##reg, set_##reg, e},
static const struct reg regs[] = {REGS(ENTRY)};

/* struct entry_state's words (crt0.S). */
static const struct entry_reg entry_regs[] = {
	{"SCTLR", SCTLR_RESET},
	{"VBAR", 0},
	{"SP_svc", 0},
	{"LR_svc", 0},
};

/* D0-D31, a word each: both halves of Dn are set to n + 1. */
#define FP_NAME	 "D0-D31"
#define FP_WORDS 32

static u64 fp_fill_value(unsigned word)
{
	return (word + 1) * 0x100000001ULL;
}

static void fill_fp(void)
{
	__asm__ volatile(".fpu vfpv3\n"
			 ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,"
			 "18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
			 "mov r2, #(\\n + 1)\n"
			 "vmov d\\n, r2, r2\n"
			 ".endr" ::
				 : "r2", "memory");
}

static void read_fp(u64 out[FP_WORDS])
{
	__asm__ volatile(".fpu vfpv3\n"
			 ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,"
			 "18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
			 "vstr d\\n, [%0, #(\\n * 8)]\n"
			 ".endr" ::"r"(out)
			 : "memory");
}

/* SP_svc and LR_svc last, just before the call: the C code needs them. */
static __noreturn void reset_with_marked_sp(void)
{
	register unsigned long r0 __asm__("r0") = PSCI_SYSTEM_RESET;

	__asm__ volatile("movw r2, #0x5550\n"
			 "mov sp, r2\n"
			 "mov lr, r2\n"
			 "hvc #0" ::"r"(r0)
			 : "r2", "memory");
	for (;;)
		;
}

#endif
