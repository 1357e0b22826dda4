/* SPDX-License-Identifier: MIT */
/*
 * ARMv7 (SVC mode) probes of the traps scenario (tests/guests/traps.c,
 * which includes this after its shared helpers): cp15 and cp14 by their
 * AArch32 encodings.
 *
 * What QEMU 7.2's cortex-a15 does not trap, so only the host tests
 * (tests/host/armv7/test_sysreg_trap.c) check Bulkhead's answer:
 * - set/way (HCR.TSW): DCISW/DCCSW/DCCISW are QEMU no-ops for ARMv7 cores
 *   (its CACHEMAINT space has no TSW check). The sweep runs, and on a core
 *   that traps goes through the emulation (v7_sysreg_set_way_*).
 * - IMPLEMENTATION DEFINED registers (HCR.TIDCP): not in QEMU 7.2; the
 *   guest reads QEMU's L2CTLR (v7_sysreg_actlr_and_impdef_raz_wi).
 * - the cp15 ID registers (HCR.TID3): QEMU traps them only on ARMv8
 *   cores, so the guest sees QEMU's own values, PerfMon and the trace
 *   fields included (v7_sysreg_id_registers_hide_features). VMRS of
 *   MVFR0/1 does trap (v7_sysreg_vmrs_of_mvfr; here, the breakpoint
 *   after it).
 * - the trace unit's cp14 registers (HCPTR.TTA): QEMU has none, so they
 *   are UNDEFINED before HYP sees them (v7_sysreg_trace_jazelle).
 *   The PMU's (HDCR.TPM) do trap: their UNDEFINED here is Bulkhead's.
 * ARMv7 has no single step QEMU implements (address-mismatch breakpoints
 * are not): the debug exception after a trapped, emulated instruction is
 * a breakpoint on the next one.
 */
#ifndef TRAPS_ARCH_H
#define TRAPS_ARCH_H

#define DEBUG_LEVEL "PL1"
#define CBAR_NAME   "cbar" /* where the guest takes its debug exceptions */

/* DFSR/IFSR (short-descriptor): FS[4] is bit 10. A debug event is 0x2. */
#define FSR_FS(fsr)	((((fsr) >> 6) & 0x10) | ((fsr)&0xf))
#define FS_DEBUG_EVENT	0x2
#define DBGDIDR_BRPS(d) ((((d) >> 24) & 0xf) + 1)
#define DBGDIDR_WRPS(d) ((((d) >> 28) & 0xf) + 1)
#define DBGOSLSR_OSLK	(1u << 1)
#define CPACR_CP10_CP11 (0xfu << 20) /* full access: VFP, Advanced SIMD */
/* Enabled, the ARM instruction's 4 bytes, at PL1 only (PMC 0b01). */
#define BCR_EXEC	((0xfu << 5) | (1u << 1) | 1u)
/* Enabled, a word's 4 bytes, stores (LSC 0b10), at PL1 (PAC 0b01). */
#define WCR_STORE	((0xfu << 5) | (2u << 3) | (1u << 1) | 1u)

#define ID_REGISTERS_CHECKED 0
#define ID_REGISTERS_UNCHECKED_WHY                                             \
	"QEMU 7.2 traps TID3 on ARMv8 cores only (host tests)"

CP15_REG32(l2ctlr, 1, c9, c0, 2) /* read_l2ctlr(): Cortex-A15/A7's */
CP15_REG32(cbar, 4, c15, c0, 0)	 /* read_cbar(): CRn 15, HSTR.T15 */
CP15_REG32(cpacr, 0, c1, c0, 2)
CP15_REG32(id_pfr0, 0, c0, c1, 0)
CP15_REG32(id_pfr1, 0, c0, c1, 1)
CP15_REG32(id_dfr0, 0, c0, c1, 2)
CP15_REG32(pmcr, 0, c9, c12, 0)
CP15_REG32(pmccntr, 0, c9, c13, 0)
CP14_REG32(trcprgctlr, 1, c0, c1, 0) /* ETMv4's, in cp14 */
CP14_REG32(dbgdidr, 0, c0, c0, 0)
CP14_REG32(dbgdscrext, 0, c0, c2, 2)
CP14_REG32(dbgoslar, 0, c1, c0, 4)
CP14_REG32(dbgoslsr, 0, c1, c1, 4)

static inline void dc_cisw(unsigned long setway)
{
	__asm__ volatile("mcr p15, 0, %0, c7, c14, 2" ::"r"(setway) : "memory");
}

/* clang-format off */
#define ID_REGISTERS(X)                                                        \
	/* RAS, AMU (ThumbEE is the guest's) */                                \
	X("ID_PFR0", read_sysreg(id_pfr0), 0xf0f00000)                         \
	/* Virtualization, Virt_frac */                                        \
	X("ID_PFR1", read_sysreg(id_pfr1), 0xf000f000)                         \
	/* CopTrc, MMapTrc, PerfMon, TraceFilt */                              \
	X("ID_DFR0", read_sysreg(id_dfr0), 0xff0ff000)

/* Hidden features' registers: X(name, an access to it). */
#define HIDDEN_FEATURES(X)                                                     \
	X("PMCR", read_sysreg(pmcr))                                           \
	X("PMCCNTR", read_sysreg(pmccntr))                                     \
	X("TRCPRGCTLR (trace unit)", read_sysreg(trcprgctlr))

/* Breakpoint and watchpoint n (from 0 to 15) by number. */
#define DEBUG_INDEX(X)                                                         \
	X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7)                                \
	X(8) X(9) X(10) X(11) X(12) X(13) X(14) X(15)
/* clang-format on */

/* An undefined instruction has no syndrome (exception.c gives 0); an
 * abort's FSR is never 0. */
static inline bool is_undefined(const struct abort_info *a)
{
	return a->esr == 0;
}

/* Breakpoints are prefetch aborts, watchpoints data aborts, both with a
 * debug event's FS; which it was, the address tells. */
static inline bool is_breakpoint(const struct abort_info *a)
{
	return FSR_FS(a->esr) == FS_DEBUG_EVENT;
}

static inline bool is_watchpoint(const struct abort_info *a)
{
	return FSR_FS(a->esr) == FS_DEBUG_EVENT;
}

static inline void debug_counts(unsigned int *brps, unsigned int *wrps)
{
	unsigned long didr = read_sysreg(dbgdidr);

	*brps = DBGDIDR_BRPS(didr);
	*wrps = DBGDIDR_WRPS(didr);
}

static inline bool os_locked(void)
{
	return read_sysreg(dbgoslsr) & DBGOSLSR_OSLK;
}

static inline void os_unlock(void)
{
	write_sysreg(dbgoslar, 0);
	isb();
}

/* DBGBVRn/DBGBCRn: p14, 0, Rt, c0, c<n>, 4 and 5. */
static void set_breakpoint(unsigned int n, unsigned long addr,
			   unsigned long ctrl)
{
	switch (n) {
#define SET_BREAKPOINT(n)                                                      \
	case n:                                                                \
		__asm__ volatile("mcr p14, 0, %0, c0, c" #n ", 4\n"            \
				 "mcr p14, 0, %1, c0, c" #n ", 5" ::"r"(addr), \
				 "r"(ctrl));                                   \
		break;
		DEBUG_INDEX(SET_BREAKPOINT)
	}
	isb();
}

/* DBGWVRn/DBGWCRn: p14, 0, Rt, c0, c<n>, 6 and 7. */
static void set_watchpoint(unsigned int n, unsigned long addr,
			   unsigned long ctrl)
{
	switch (n) {
#define SET_WATCHPOINT(n)                                                      \
	case n:                                                                \
		__asm__ volatile("mcr p14, 0, %0, c0, c" #n ", 6\n"            \
				 "mcr p14, 0, %1, c0, c" #n ", 7" ::"r"(addr), \
				 "r"(ctrl));                                   \
		break;
		DEBUG_INDEX(SET_WATCHPOINT)
	}
	isb();
}

/* Monitor debug-mode: debug events are PL1's exceptions. */
static inline void enable_debug(void)
{
	write_sysreg(dbgdscrext, read_sysreg(dbgdscrext) | DBGDSCR_MDBGEN);
	isb();
}

static inline void disable_debug(void)
{
	write_sysreg(dbgdscrext, read_sysreg(dbgdscrext) & ~DBGDSCR_MDBGEN);
	isb();
}

static inline void leave_debug_enabled(void)
{
	enable_debug();
}

static inline unsigned long debug_state_left(void)
{
	unsigned long bvr0, bcr0, wvr0, wcr0;

	__asm__ volatile("mrc p14, 0, %0, c0, c0, 4\n"
			 "mrc p14, 0, %1, c0, c0, 5\n"
			 "mrc p14, 0, %2, c0, c0, 6\n"
			 "mrc p14, 0, %3, c0, c0, 7"
			 : "=r"(bvr0), "=r"(bcr0), "=r"(wvr0), "=r"(wcr0));
	return bvr0 | bcr0 | wvr0 | wcr0 |
	       (read_sysreg(dbgdscrext) & DBGDSCR_MDBGEN);
}

/*
 * Run `insn`, which traps to HYP and is emulated there, with breakpoint 0
 * on the instruction after it: the breakpoint must fire there, as after
 * any instruction. Set up in the same asm, so the address is the label's
 * (BCR_EXEC fits MOVW, MDBGen an ORR immediate). r0 holds PSCI_VERSION
 * for the SMC; MRRC writes r0/r1.
 */
#define BREAK_AFTER(insn)                                                      \
	({                                                                     \
		unsigned long after_;                                          \
		expect_debug_exception();                                      \
		__asm__ volatile("adr %0, 2f\n"                                \
				 "mcr p14, 0, %0, c0, c0, 4\n"                 \
				 "movw r1, %1\n"                               \
				 "mcr p14, 0, r1, c0, c0, 5\n"                 \
				 "mrc p14, 0, r1, c0, c2, 2\n"                 \
				 "orr r1, r1, %2\n"                            \
				 "mcr p14, 0, r1, c0, c2, 2\n"                 \
				 "isb\n"                                       \
				 "mov r0, #0x84000000\n" insn "\n"             \
				 "2: nop\n"                                    \
				 "nop\n"                                       \
				 : "=&r"(after_)                               \
				 : "i"(BCR_EXEC), "i"(DBGDSCR_MDBGEN)          \
				 : "r0", "r1", "r2", "r3", "memory");          \
		disable_debug();                                               \
		set_breakpoint(0, 0, 0);                                       \
		after_;                                                        \
	})

static void check_debug_after_trapped(void)
{
	unsigned long after = BREAK_AFTER("mrrc p15, 0, r0, r1, c14");

	report_debug("breakpoint after a trapped MRRC (CNTPCT)", is_breakpoint,
		     after, false);
	/* VMRS needs cp10 (off at reset); of MVFR0, not FPEXC.EN. */
	write_sysreg(cpacr, CPACR_CP10_CP11);
	isb();
	after = BREAK_AFTER("vmrs r0, mvfr0");
	report_debug("breakpoint after a trapped VMRS (MVFR0)", is_breakpoint,
		     after, false);
	after = BREAK_AFTER("smc #0");
	report_debug("breakpoint after a trapped SMC", is_breakpoint, after,
		     false);
}

#endif
