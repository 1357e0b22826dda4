// SPDX-License-Identifier: MIT
/*
 * traps: system register and cache operations a guest may try, which
 * Bulkhead must trap and neutralise rather than let reach the hardware:
 * set/way cache maintenance, an implementation-defined register
 * (L2CTLR_EL1), the PMU and the debug breakpoint registers.
 *
 * Each access is made with an expected abort armed, so if the hypervisor
 * injects an UNDEF instead of emulating, the log says which access and
 * with what ESR rather than just stopping.
 */
#include "guest.h"

#define CLIDR_LOC(clidr)	  (((clidr) >> 24) & 7)
#define CLIDR_CTYPE(clidr, level) (((clidr) >> (3 * (level))) & 7)
#define CTYPE_DATA		  2 /* 2: data only, 3: separate I+D, 4: unified */

#define CCSIDR_LINE_SHIFT(c) (((c)&7) + 4)
#define CCSIDR_WAYS(c)	     ((((c) >> 3) & 0x3ff) + 1)
#define CCSIDR_SETS(c)	     ((((c) >> 13) & 0x7fff) + 1)

#define PMCR_E	       (1u << 0)
#define PMCR_N(pmcr)   (((pmcr) >> 11) & 0x1f)
#define PMCNTEN_CYCLES (1u << 31)

#define DBGBVR0_TEST_VALUE 0x40001000UL

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

static void check_pmu(void)
{
	uint64_t pmcr, before, after;

	expect_abort();
	pmcr = read_sysreg(pmcr_el0);
	if (faulted("pmcr_el0 read"))
		return;
	printf("pmu counters (PMCR_EL0.N) %lu\n", PMCR_N(pmcr));
	expect_abort();
	write_sysreg(pmcr_el0, pmcr | PMCR_E);
	write_sysreg(pmcntenset_el0, PMCNTEN_CYCLES);
	isb();
	before = read_sysreg(pmccntr_el0);
	delay_us(1000);
	after = read_sysreg(pmccntr_el0);
	if (faulted("pmu access"))
		return;
	if (after == before)
		printf("pmu cycle counter frozen at 0x%lx\n", after);
	else
		printf("pmu cycle counter advanced by 0x%lx\n", after - before);
}

static void check_debug(void)
{
	uint64_t v;

	expect_abort();
	write_sysreg(dbgbvr0_el1, DBGBVR0_TEST_VALUE);
	isb();
	v = read_sysreg(dbgbvr0_el1);
	if (!faulted("dbgbvr0_el1 access"))
		printf("dbgbvr0 reads 0x%lx\n", v);
}

void guest_main(unsigned long x0)
{
	(void)x0;
	check_set_way();
	check_impdef();
	check_pmu();
	check_debug();
	printf("traps done\n");
}
