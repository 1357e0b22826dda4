/* SPDX-License-Identifier: MIT */
/*
 * AArch64 (EL1) probes of the traps scenario (tests/guests/traps.c, which
 * includes this after its shared helpers): the registers and instructions
 * by their AArch64 names, and what only AArch64 has (single step).
 */
#ifndef TRAPS_ARCH_H
#define TRAPS_ARCH_H

#define DEBUG_LEVEL "EL1" /* where the guest takes its debug exceptions */

#define ESR_EC(esr)	  (((esr) >> 26) & 0x3f)
#define EC_UNKNOWN	  0x00
#define EC_BREAKPOINT_EL1 0x31
#define EC_STEP_EL1	  0x33
#define EC_WATCHPOINT_EL1 0x35
#define DFR0_BRPS(dfr0)	  ((((dfr0) >> 12) & 0xf) + 1)
#define DFR0_WRPS(dfr0)	  ((((dfr0) >> 20) & 0xf) + 1)
#define MDSCR_SS	  (1u << 0)
#define MDSCR_KDE	  (1u << 13)
#define MDSCR_MDE	  (1u << 15)
#define OSLSR_OSLK	  (1u << 1)
/* Enabled, all bytes, at EL1 only (PMC/PAC 0b01); watch stores. */
#define BCR_EXEC	  ((0xfu << 5) | (1u << 1) | 1u)
#define WCR_STORE	  ((0xffu << 5) | (2u << 3) | (1u << 1) | 1u)

static inline void dc_cisw(unsigned long setway)
{
	__asm__ volatile("dc cisw, %0" ::"r"(setway) : "memory");
}

/* L2CTLR_EL1 on Cortex-A53/A57 (IMPLEMENTATION DEFINED, CRn 11). */
static inline unsigned long read_l2ctlr(void)
{
	return read_sysreg(s3_1_c11_c0_2);
}

/* CBAR_EL1 on Cortex-A53/A57 (IMPLEMENTATION DEFINED, CRn 15). */
#define CBAR_NAME "cbar_el1"
static inline unsigned long read_cbar(void)
{
	return read_sysreg(s3_1_c15_c3_0);
}

/* The ID registers traps.c checks: X(name, value, fields that must read
 * 0). HCR_EL2.TID3 traps them all, on QEMU too. */
#define ID_REGISTERS_CHECKED	   1
#define ID_REGISTERS_UNCHECKED_WHY ""
/* clang-format off */
#define ID_REGISTERS(X)                                                        \
	/* RAS, SVE, SEL2, MPAM, AMU, RME */                                   \
	X("ID_AA64PFR0_EL1", read_sysreg(id_aa64pfr0_el1), 0x00f0fffff0000000) \
	/* MTE, SME */                                                         \
	X("ID_AA64PFR1_EL1", read_sysreg(id_aa64pfr1_el1), 0x0f000f00)         \
	X("ID_AA64ZFR0_EL1", read_sysreg(s3_0_c0_c4_4), ~0UL)                  \
	X("ID_AA64SMFR0_EL1", read_sysreg(s3_0_c0_c4_5), ~0UL)                 \
	/* TraceVer, PMUVer, PMSVer, TraceFilt, TraceBuffer */                 \
	X("ID_AA64DFR0_EL1", read_sysreg(id_aa64dfr0_el1), 0x0000ff0f00000ff0) \
	/* APA, API, GPA, GPI */                                               \
	X("ID_AA64ISAR1_EL1", read_sysreg(id_aa64isar1_el1), 0xff000ff0)       \
	/* GPA3, APA3 */                                                       \
	X("ID_AA64ISAR2_EL1", read_sysreg(s3_0_c0_c6_2), 0xff00)               \
	/* CopTrc, MMapTrc, PerfMon, TraceFilt */                              \
	X("ID_DFR0_EL1", read_sysreg(id_dfr0_el1), 0xff0ff000)                 \
	/* AMU, RAS */                                                         \
	X("ID_PFR0_EL1", read_sysreg(id_pfr0_el1), 0xf0f00000)

/* Hidden features' registers: X(name, an access to it). */
#define HIDDEN_FEATURES(X)                                                     \
	X("pmcr_el0", read_sysreg(pmcr_el0))                                   \
	X("pmccntr_el0", read_sysreg(pmccntr_el0))                             \
	X("ERRIDR_EL1 (RAS)", read_sysreg(s3_0_c5_c3_0))                       \
	X("AMCR_EL0 (activity monitors)", read_sysreg(s3_3_c13_c2_0))          \
	X("PMSIDR_EL1 (SPE)", read_sysreg(s3_0_c9_c9_7))                       \
	X("TRFCR_EL1 (trace filter)", read_sysreg(s3_0_c1_c2_1))               \
	X("TRCPRGCTLR (trace unit)", read_sysreg(s2_1_c0_c1_0))

/* Breakpoint and watchpoint n (from 0 to 15) by number. */
#define DEBUG_INDEX(X)                                                         \
	X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7)                                \
	X(8) X(9) X(10) X(11) X(12) X(13) X(14) X(15)
/* clang-format on */

static inline bool is_undefined(const struct abort_info *a)
{
	return ESR_EC(a->esr) == EC_UNKNOWN;
}

static inline bool is_breakpoint(const struct abort_info *a)
{
	return ESR_EC(a->esr) == EC_BREAKPOINT_EL1;
}

static inline bool is_watchpoint(const struct abort_info *a)
{
	return ESR_EC(a->esr) == EC_WATCHPOINT_EL1;
}

static inline void debug_counts(unsigned int *brps, unsigned int *wrps)
{
	uint64_t dfr0 = read_sysreg(id_aa64dfr0_el1);

	*brps = DFR0_BRPS(dfr0);
	*wrps = DFR0_WRPS(dfr0);
}

static inline bool os_locked(void)
{
	return read_sysreg(oslsr_el1) & OSLSR_OSLK;
}

static inline void os_unlock(void)
{
	write_sysreg(oslar_el1, 0);
	isb();
}

static void set_breakpoint(unsigned int n, unsigned long addr,
			   unsigned long ctrl)
{
	switch (n) {
#define SET_BREAKPOINT(n)                                                      \
	case n:                                                                \
		write_sysreg(dbgbvr##n##_el1, addr);                           \
		write_sysreg(dbgbcr##n##_el1, ctrl);                           \
		break;
		DEBUG_INDEX(SET_BREAKPOINT)
	}
	isb();
}

static void set_watchpoint(unsigned int n, unsigned long addr,
			   unsigned long ctrl)
{
	switch (n) {
#define SET_WATCHPOINT(n)                                                      \
	case n:                                                                \
		write_sysreg(dbgwvr##n##_el1, addr);                           \
		write_sysreg(dbgwcr##n##_el1, ctrl);                           \
		break;
		DEBUG_INDEX(SET_WATCHPOINT)
	}
	isb();
}

static inline void enable_debug(void)
{
	write_sysreg(mdscr_el1, MDSCR_KDE | MDSCR_MDE);
	isb();
	__asm__ volatile("msr daifclr, #8" ::: "memory"); /* PSTATE.D = 0 */
}

static inline void disable_debug(void)
{
	__asm__ volatile("msr daifset, #8" ::: "memory");
	write_sysreg(mdscr_el1, 0);
	isb();
}

/* Debug state a reset must not leave behind (the OS lock is open): armed
 * by leave_debug_state(), checked by debug_state_left(). */
static inline void leave_debug_enabled(void)
{
	write_sysreg(mdscr_el1, MDSCR_KDE | MDSCR_MDE);
	isb();
}

static inline unsigned long debug_state_left(void)
{
	return read_sysreg(dbgbvr0_el1) | read_sysreg(dbgbcr0_el1) |
	       read_sysreg(dbgwvr0_el1) | read_sysreg(dbgwcr0_el1) |
	       read_sysreg(mdscr_el1);
}

/*
 * Single-step one instruction that traps to EL2 and is emulated there: the
 * step must end right after it, as for any instruction. PSTATE.D stays set
 * until the ERET (unmasking it with PSTATE.SS 0 would step at once); ERET
 * with SPSR_EL1.SS = 1 (EL1h, D clear, A/I/F masked) starts the step at
 * 1. x0 holds PSCI_VERSION for the SMC.
 */
#define STEP_OVER(insn)                                                        \
	({                                                                     \
		uint64_t after_;                                               \
		write_sysreg(mdscr_el1, MDSCR_KDE | MDSCR_SS);                 \
		isb();                                                         \
		expect_debug_exception();                                      \
		__asm__ volatile("adr x9, 1f\n"                                \
				 "adr %0, 2f\n"                                \
				 "msr elr_el1, x9\n"                           \
				 "mov x9, #0x1c5\n"                            \
				 "movk x9, #0x20, lsl #16\n"                   \
				 "msr spsr_el1, x9\n"                          \
				 "mov x0, #0x84000000\n"                       \
				 "isb\n"                                       \
				 "eret\n"                                      \
				 "1: " insn "\n"                               \
				 "2: nop\n"                                    \
				 "nop\n"                                       \
				 : "=&r"(after_)                               \
				 :                                             \
				 : "x0", "x1", "x2", "x3", "x9", "memory");    \
		disable_debug();                                               \
		after_;                                                        \
	})

static bool is_step(const struct abort_info *a)
{
	return ESR_EC(a->esr) == EC_STEP_EL1;
}

/* The debug exception right after a trapped, emulated instruction: a
 * single step over it. */
static void check_debug_after_trapped(void)
{
	uint64_t after = STEP_OVER("mrs x9, id_aa64dfr0_el1");

	report_debug("step over a trapped MRS", is_step, after, false);
	after = STEP_OVER("smc #0");
	report_debug("step over a trapped SMC", is_step, after, false);
}

#endif
