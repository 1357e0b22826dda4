// SPDX-License-Identifier: MIT
/*
 * traps: what a guest sees of the core and what it may use, and what
 * Bulkhead must trap and neutralise rather than let reach the hardware:
 * set/way cache maintenance, an implementation-defined register
 * (L2CTLR_EL1), the ID registers (hidden features read as 0), hidden
 * features' registers (UNDEFINED, and the guest lives on), and
 * self-hosted debug, which is the guest's and works as advertised:
 * breakpoints, watchpoints, single step, the OS lock.
 *
 * Each access is made with an expected exception armed, so the log says
 * which access took which exception rather than just stopping. The first
 * boot then leaves debug state behind and resets the VM (PSCI
 * SYSTEM_RESET); the passthrough PL061's GPIODIR bit 0 survives it (a
 * VM reset does not reset devices), so the second boot knows to check
 * that the state was reset.
 */
#include "guest.h"

#define GPIO_BASE 0x09030000UL
#define GPIODIR	  (GPIO_BASE + 0x400)
#define BOOT_MARK (1u << 0)

#define CLIDR_LOC(clidr)	  (((clidr) >> 24) & 7)
#define CLIDR_CTYPE(clidr, level) (((clidr) >> (3 * (level))) & 7)
#define CTYPE_DATA		  2 /* 2: data only, 3: separate I+D, 4: unified */

#define CCSIDR_LINE_SHIFT(c) (((c)&7) + 4)
#define CCSIDR_WAYS(c)	     ((((c) >> 3) & 0x3ff) + 1)
#define CCSIDR_SETS(c)	     ((((c) >> 13) & 0x7fff) + 1)

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
#define BCR_EL1_EXEC	  ((0xfu << 5) | (1u << 1) | 1u)
#define WCR_EL1_STORE	  ((0xffu << 5) | (2u << 3) | (1u << 1) | 1u)
#define UNUSED_ADDRESS	  0x407fff00UL /* end of RAM: never run */

/* After an access made with expect_abort(): report an exception if any. */
static bool faulted(const char *what)
{
	struct abort_info a;

	if (!abort_taken(&a))
		return false;
	printf("%s: exception ESR=0x%lx ELR=0x%lx\n", what, a.esr, a.elr);
	return true;
}

static bool dc_cisw(uint64_t setway)
{
	expect_abort();
	__asm__ volatile("dc cisw, %0" ::"r"(setway) : "memory");
	return !faulted("dc cisw");
}

/* Clean and invalidate every line of one cache level by set/way. */
static bool sweep_level(unsigned int level)
{
	uint64_t ccsidr;
	unsigned int ways, sets, line_shift, way_shift;

	write_sysreg(csselr_el1, level << 1);
	isb();
	ccsidr = read_sysreg(ccsidr_el1);
	ways = CCSIDR_WAYS(ccsidr);
	sets = CCSIDR_SETS(ccsidr);
	line_shift = CCSIDR_LINE_SHIFT(ccsidr);
	/* The way index sits in the top bits: 32 - log2(ways), rounded up. */
	way_shift = ways > 1 ? __builtin_clz(ways - 1) : 0;
	printf("set/way: L%u, %u sets x %u ways, %u-byte lines\n", level + 1,
	       sets, ways, 1u << line_shift);
	for (uint64_t way = 0; way < ways; way++)
		for (uint64_t set = 0; set < sets; set++)
			if (!dc_cisw((way << way_shift) | (set << line_shift) |
				     (level << 1)))
				return false;
	return true;
}

static void check_set_way(void)
{
	uint64_t clidr = read_sysreg(clidr_el1);

	printf("clidr 0x%lx, LoC %lu\n", clidr, CLIDR_LOC(clidr));
	for (unsigned int level = 0; level < CLIDR_LOC(clidr); level++) {
		if (CLIDR_CTYPE(clidr, level) < CTYPE_DATA)
			continue;
		if (!sweep_level(level))
			return;
	}
	__asm__ volatile("dsb sy" ::: "memory");
	printf("set/way sweep done\n");
}

static void check_impdef(void)
{
	uint64_t v;

	expect_abort();
	v = read_sysreg(s3_1_c11_c0_2); /* L2CTLR_EL1 on Cortex-A53/A57 */
	if (!faulted("l2ctlr read"))
		printf("l2ctlr 0x%lx\n", v);
}

/* Which feature fields must read as 0, per ID register. */
struct hidden_fields {
	const char *name;
	uint64_t value, hidden;
};

static void check_id_registers(void)
{
	const struct hidden_fields regs[] = {
		/* RAS, SVE, SEL2, MPAM, AMU, RME */
		{"ID_AA64PFR0_EL1", read_sysreg(id_aa64pfr0_el1),
		 0x00f0fffff0000000},
		/* MTE, SME */
		{"ID_AA64PFR1_EL1", read_sysreg(id_aa64pfr1_el1), 0x0f000f00},
		{"ID_AA64ZFR0_EL1", read_sysreg(s3_0_c0_c4_4), ~0UL},
		{"ID_AA64SMFR0_EL1", read_sysreg(s3_0_c0_c4_5), ~0UL},
		/* TraceVer, PMUVer, PMSVer, TraceFilt, TraceBuffer */
		{"ID_AA64DFR0_EL1", read_sysreg(id_aa64dfr0_el1),
		 0x0000ff0f00000ff0},
		/* APA, API, GPA, GPI */
		{"ID_AA64ISAR1_EL1", read_sysreg(id_aa64isar1_el1), 0xff000ff0},
		/* GPA3, APA3 */
		{"ID_AA64ISAR2_EL1", read_sysreg(s3_0_c0_c6_2), 0xff00},
		/* CopTrc, MMapTrc, PerfMon, TraceFilt */
		{"ID_DFR0_EL1", read_sysreg(id_dfr0_el1), 0xff0ff000},
		/* AMU, RAS */
		{"ID_PFR0_EL1", read_sysreg(id_pfr0_el1), 0xf0f00000},
	};
	unsigned int shown = 0;

	for (unsigned int i = 0; i < sizeof(regs) / sizeof(regs[0]); i++) {
		printf("%s 0x%lx\n", regs[i].name, regs[i].value);
		if (regs[i].value & regs[i].hidden) {
			printf("%s shows hidden features: 0x%lx\n",
			       regs[i].name, regs[i].value & regs[i].hidden);
			shown++;
		}
	}
	if (!shown)
		printf("id registers: every hidden feature reads 0\n");
}

/* Touch a hidden feature's register: the guest must get UNDEFINED. */
#define CHECK_UNDEFINED(reg)                                                   \
	do {                                                                   \
		struct abort_info a;                                           \
		expect_abort();                                                \
		(void)read_sysreg(reg);                                        \
		if (!abort_taken(&a))                                          \
			printf(#reg ": read, no exception\n");                 \
		else                                                           \
			printf(#reg ": EC 0x%lx%s\n", ESR_EC(a.esr),           \
			       ESR_EC(a.esr) == EC_UNKNOWN ? " (undefined)"    \
							   : "");              \
	} while (0)

static void check_hidden_features(void)
{
	CHECK_UNDEFINED(pmcr_el0);
	CHECK_UNDEFINED(pmccntr_el0);
	CHECK_UNDEFINED(s3_0_c5_c3_0);	/* ERRIDR_EL1 (RAS) */
	CHECK_UNDEFINED(s3_3_c13_c2_0); /* AMCR_EL0 (activity monitors) */
	CHECK_UNDEFINED(s3_0_c9_c9_7);	/* PMSIDR_EL1 (SPE) */
	CHECK_UNDEFINED(s3_0_c1_c2_1);	/* TRFCR_EL1 (trace filter) */
	CHECK_UNDEFINED(s2_1_c0_c1_0);	/* TRCPRGCTLR (trace unit) */
	printf("alive after the hidden features\n");
}

/* Breakpoint and watchpoint n (from 0 to 15) by number. */
/* clang-format off */
#define DEBUG_INDEX(X) \
	X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) \
	X(8) X(9) X(10) X(11) X(12) X(13) X(14) X(15)
/* clang-format on */

static void set_breakpoint(unsigned int n, uint64_t addr, uint64_t ctrl)
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

static void set_watchpoint(unsigned int n, uint64_t addr, uint64_t ctrl)
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

static void enable_debug(uint64_t mdscr)
{
	write_sysreg(mdscr_el1, mdscr);
	isb();
	__asm__ volatile("msr daifclr, #8" ::: "memory"); /* PSTATE.D = 0 */
}

static void disable_debug(void)
{
	__asm__ volatile("msr daifset, #8" ::: "memory");
	write_sysreg(mdscr_el1, 0);
	isb();
}

static void report_debug(const char *what, unsigned int ec, uint64_t at)
{
	struct abort_info a;

	if (!abort_taken(&a))
		printf("%s: did not fire\n", what);
	else if (ESR_EC(a.esr) != ec)
		printf("%s: EC 0x%lx, not 0x%x\n", what, ESR_EC(a.esr), ec);
	else if ((ec == EC_WATCHPOINT_EL1 ? a.far : a.elr) != at)
		printf("%s: at 0x%lx, not 0x%lx\n", what,
		       ec == EC_WATCHPOINT_EL1 ? a.far : a.elr, at);
	else
		printf("%s: fired at EL1\n", what);
}

static __attribute__((noinline)) void breakpoint_target(void)
{
	__asm__ volatile("nop");
}

static volatile uint64_t watched;

/* The last advertised breakpoint fires where it is set. */
static void check_breakpoint(unsigned int n)
{
	uint64_t target = (uint64_t)breakpoint_target;

	set_breakpoint(n, target, BCR_EL1_EXEC);
	enable_debug(MDSCR_KDE | MDSCR_MDE);
	expect_debug_exception();
	breakpoint_target();
	disable_debug();
	report_debug("breakpoint (the last)", EC_BREAKPOINT_EL1, target);
	set_breakpoint(n, 0, 0);
}

static void check_watchpoint(unsigned int n)
{
	set_watchpoint(n, (uint64_t)&watched, WCR_EL1_STORE);
	enable_debug(MDSCR_KDE | MDSCR_MDE);
	expect_debug_exception();
	watched = 1;
	disable_debug();
	report_debug("watchpoint (the last)", EC_WATCHPOINT_EL1,
		     (uint64_t)&watched);
	set_watchpoint(n, 0, 0);
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

static void check_step_over_trapped(void)
{
	uint64_t after = STEP_OVER("mrs x9, id_aa64dfr0_el1");

	report_debug("step over a trapped MRS", EC_STEP_EL1, after);
	after = STEP_OVER("smc #0");
	report_debug("step over a trapped SMC", EC_STEP_EL1, after);
}

static void check_debug(void)
{
	uint64_t dfr0 = read_sysreg(id_aa64dfr0_el1);
	unsigned int brps = DFR0_BRPS(dfr0), wrps = DFR0_WRPS(dfr0);

	printf("debug: %u breakpoints, %u watchpoints\n", brps, wrps);
	printf("os lock at start: %s\n",
	       read_sysreg(oslsr_el1) & OSLSR_OSLK ? "locked" : "unlocked");
	write_sysreg(oslar_el1, 0);
	isb();
	printf("os lock after OSLAR_EL1 = 0: %s\n",
	       read_sysreg(oslsr_el1) & OSLSR_OSLK ? "locked" : "unlocked");
	check_breakpoint(brps - 1);
	check_watchpoint(wrps - 1);
	check_step_over_trapped();
}

/* Debug state a reset must not leave behind (the OS lock is open). */
static void leave_debug_state(void)
{
	set_breakpoint(0, UNUSED_ADDRESS, BCR_EL1_EXEC);
	set_watchpoint(0, UNUSED_ADDRESS, WCR_EL1_STORE);
	write_sysreg(mdscr_el1, MDSCR_KDE | MDSCR_MDE);
	isb();
}

static void check_debug_reset(void)
{
	uint64_t left = read_sysreg(dbgbvr0_el1) | read_sysreg(dbgbcr0_el1) |
			read_sysreg(dbgwvr0_el1) | read_sysreg(dbgwcr0_el1) |
			read_sysreg(mdscr_el1);

	printf("after the reset: os lock %s, debug registers %s\n",
	       read_sysreg(oslsr_el1) & OSLSR_OSLK ? "locked" : "unlocked",
	       left ? "NOT clear" : "clear");
}

void guest_main(unsigned long x0)
{
	uint32_t dir = readl(GPIODIR);

	(void)x0;
	if (dir & BOOT_MARK) {
		writel(GPIODIR, dir & ~BOOT_MARK);
		check_debug_reset();
		printf("traps done\n");
		return;
	}
	check_set_way();
	check_impdef();
	check_id_registers();
	check_hidden_features();
	check_debug();
	leave_debug_state();
	writel(GPIODIR, dir | BOOT_MARK);
	printf("first boot done: resetting\n");
	psci_system_reset(CONDUIT_SMC);
}
