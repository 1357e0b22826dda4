// SPDX-License-Identifier: MIT
/*
 * traps: what a guest sees of the core and what it may use, and what
 * Bulkhead must trap and neutralise rather than let reach the hardware:
 * set/way cache maintenance, an implementation-defined register
 * (L2CTLR), the ID registers (hidden features read as 0), hidden
 * features' registers (UNDEFINED, and the guest lives on), and
 * self-hosted debug, which is the guest's and works as advertised:
 * breakpoints, watchpoints, the OS lock, and a debug exception right
 * after an instruction the hypervisor emulated.
 *
 * Each access is made with an expected exception armed, so the log says
 * which access took which exception rather than just stopping. The first
 * boot then leaves debug state behind and resets the VM (PSCI
 * SYSTEM_RESET); the passthrough PL061's GPIODIR bit 0 survives it (a
 * VM reset does not reset devices), so the second boot knows to check
 * that the state was reset.
 *
 * The registers and instructions differ per architecture, the checks do
 * not: common/<arch>/traps_arch.h has the probes, and says which traps
 * the core QEMU emulates does not take (those are the host tests').
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

#define UNUSED_ADDRESS 0x407fff00UL /* end of RAM: never run */

static void report_debug(const char *what,
			 bool (*kind)(const struct abort_info *),
			 unsigned long at, bool at_fault_address);

#include "traps_arch.h"

/* After an access made with expect_abort(): report an exception if any. */
static bool faulted(const char *what)
{
	struct abort_info a;

	if (!abort_taken(&a))
		return false;
	printf("%s: exception ESR=0x%lx ELR=0x%lx\n", what, a.esr, a.elr);
	return true;
}

/* Clean and invalidate every line of one cache level by set/way. */
static bool sweep_level(unsigned int level)
{
	unsigned long ccsidr;
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
	for (unsigned long way = 0; way < ways; way++) {
		for (unsigned long set = 0; set < sets; set++) {
			expect_abort();
			dc_cisw((way << way_shift) | (set << line_shift) |
				(level << 1));
			if (faulted("dc cisw"))
				return false;
		}
	}
	return true;
}

static void check_set_way(void)
{
	unsigned long clidr = read_sysreg(clidr_el1);

	printf("clidr 0x%lx, LoC %lu\n", clidr, CLIDR_LOC(clidr));
	for (unsigned int level = 0; level < CLIDR_LOC(clidr); level++) {
		if (CLIDR_CTYPE(clidr, level) < CTYPE_DATA)
			continue;
		if (!sweep_level(level))
			return;
	}
	dsb();
	printf("set/way sweep done\n");
}

static void check_impdef(void)
{
	unsigned long v;

	expect_abort();
	v = read_l2ctlr();
	if (!faulted("l2ctlr read"))
		printf("l2ctlr 0x%lx\n", v);
	expect_abort();
	v = read_cbar();
	if (!faulted("cbar read"))
		printf("%s 0x%lx\n", CBAR_NAME, v);
}

/* Which feature fields must read as 0, per ID register. */
struct hidden_fields {
	const char *name;
	u64 value, hidden;
};

static void check_id_registers(void)
{
#define HIDDEN_FIELDS(name, value, hidden) {name, value, hidden},
	const struct hidden_fields regs[] = {ID_REGISTERS(HIDDEN_FIELDS)};
#undef HIDDEN_FIELDS
	unsigned int shown = 0;

	for (unsigned int i = 0; i < sizeof(regs) / sizeof(regs[0]); i++) {
		printf("%s 0x%llx\n", regs[i].name, regs[i].value);
		if (ID_REGISTERS_CHECKED && (regs[i].value & regs[i].hidden)) {
			printf("%s shows hidden features: 0x%llx\n",
			       regs[i].name, regs[i].value & regs[i].hidden);
			shown++;
		}
	}
	if (!ID_REGISTERS_CHECKED)
		printf("id registers: not checked here: %s\n",
		       ID_REGISTERS_UNCHECKED_WHY);
	else if (!shown)
		printf("id registers: every hidden feature reads 0\n");
}

/* After an access to a hidden feature's register: it must have been
 * UNDEFINED. True if it was. */
static bool undefined(const char *what)
{
	struct abort_info a;

	if (!abort_taken(&a)) {
		printf("%s: no exception\n", what);
		return false;
	}
	if (!is_undefined(&a)) {
		printf("%s: exception 0x%lx, not UNDEFINED\n", what, a.esr);
		return false;
	}
	printf("%s: undefined\n", what);
	return true;
}

/* Touch each hidden feature's register: the guest must get UNDEFINED,
 * and live on. */
static void check_hidden_features(void)
{
	unsigned int count = 0, undefs = 0;

#define CHECK_UNDEFINED(name, access)                                          \
	do {                                                                   \
		expect_abort();                                                \
		(void)(access);                                                \
		undefs += undefined(name);                                     \
		count++;                                                       \
	} while (0);
	HIDDEN_FEATURES(CHECK_UNDEFINED)
#undef CHECK_UNDEFINED
	printf("hidden features: %u of %u undefined\n", undefs, count);
	printf("alive after the hidden features\n");
}

/* An expected debug exception: of the kind wanted, at `at` (its
 * instruction, or the watched address). */
static void report_debug(const char *what,
			 bool (*kind)(const struct abort_info *),
			 unsigned long at, bool at_fault_address)
{
	struct abort_info a;
	unsigned long where;

	if (!abort_taken(&a)) {
		printf("%s: did not fire\n", what);
		return;
	}
	where = at_fault_address ? a.far : a.elr;
	if (!kind(&a))
		printf("%s: syndrome 0x%lx, not the one expected\n", what,
		       a.esr);
	else if (where != at)
		printf("%s: at 0x%lx, not 0x%lx\n", what, where, at);
	else
		printf("%s: fired at " DEBUG_LEVEL "\n", what);
}

static __attribute__((noinline)) void breakpoint_target(void)
{
	__asm__ volatile("nop");
}

/* A word, where an 8-byte watchpoint (AArch64) may sit too. */
static volatile uint32_t watched __attribute__((aligned(8)));

/* The last advertised breakpoint fires where it is set. */
static void check_breakpoint(unsigned int n)
{
	unsigned long target = (unsigned long)breakpoint_target;

	set_breakpoint(n, target, BCR_EXEC);
	enable_debug();
	expect_debug_exception();
	breakpoint_target();
	disable_debug();
	report_debug("breakpoint (the last)", is_breakpoint, target, false);
	set_breakpoint(n, 0, 0);
}

static void check_watchpoint(unsigned int n)
{
	set_watchpoint(n, (unsigned long)&watched, WCR_STORE);
	enable_debug();
	expect_debug_exception();
	watched = 1;
	disable_debug();
	report_debug("watchpoint (the last)", is_watchpoint,
		     (unsigned long)&watched, true);
	set_watchpoint(n, 0, 0);
}

static void check_debug(void)
{
	unsigned int brps, wrps;

	debug_counts(&brps, &wrps);
	printf("debug: %u breakpoints, %u watchpoints\n", brps, wrps);
	printf("os lock at start: %s\n", os_locked() ? "locked" : "unlocked");
	os_unlock();
	printf("os lock after unlocking: %s\n",
	       os_locked() ? "locked" : "unlocked");
	check_breakpoint(brps - 1);
	check_watchpoint(wrps - 1);
	check_debug_after_trapped();
}

/* Debug state a reset must not leave behind (the OS lock is open). */
static void leave_debug_state(void)
{
	set_breakpoint(0, UNUSED_ADDRESS, BCR_EXEC);
	set_watchpoint(0, UNUSED_ADDRESS, WCR_STORE);
	leave_debug_enabled();
}

static void check_debug_reset(void)
{
	printf("after the reset: os lock %s, debug registers %s\n",
	       os_locked() ? "locked" : "unlocked",
	       debug_state_left() ? "NOT clear" : "clear");
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
