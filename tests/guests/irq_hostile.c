// SPDX-License-Identifier: MIT
/*
 * irq_hostile (irq-hostile): a VM attacking the GIC emulation with its
 * own GIC registers. With IRQs masked it
 *   - reads every word of its 64 KiB distributor window (a GICv2 one is
 *     4 KiB: the rest is not its) and writes two garbage patterns over it,
 *     then does the same over its redistributor (GICv3) or CPU interface
 *     (GICv2), and writes all-ones over the next vCPU's redistributor,
 *     which it does not have;
 *   - sends garbage ICC_SGI1R_EL1 (GICv3) or GICD_SGIR (GICv2) values;
 *   - makes accesses with no syndrome (LDP/STP on AArch64, LDRD/STRD and
 *     LDM/STM on ARMv7, writeback on both), and
 *     unaligned and wrong-sized ones (with its MMU on and the GIC mapped
 *     as Normal memory, so they reach the hypervisor): each must abort,
 *     but for the sizes the GIC architecture defines (bytes of
 *     IPRIORITYR, ITARGETSR on GICv2, a doubleword of IROUTER on GICv3).
 *     These come first, so that their log lines fit the VM's log budget.
 * Every access may abort (counted, not printed); none may stop the
 * hypervisor or reach the victim VM. Then it re-initialises its GIC and
 * its own timer must still tick.
 */
#include "guest.h"

/* An access whose data abort carries no syndrome (ISV = 0). */
struct no_syndrome_access {
	const char *name;
	void (*access)(uintptr_t addr);
};

/*
 * The architecture's part: stage1_on(), stage1_off(), odd_access() (one
 * load or store of a given width) and no_syndrome_accesses[].
 */
#include "irq_hostile_arch.h"

#define GICC_SIZE     0x2000UL
#define GICD_TYPER    0x004
#define GICD_PIDR2_V2 0xfe8
#define GICD_PIDR2_V3 0xffe8
#define GICD_SGIR     0xf00
#define TICKS	      10
#define HZ	      1000

static uint32_t aborts;

static uint32_t all_ones(uintptr_t offset)
{
	(void)offset;
	return ~0u;
}

static uint32_t hashed(uintptr_t offset)
{
	return (uint32_t)offset * 0x9e3779b1u ^ 0x5a5a5a5au;
}

static void count_abort(void)
{
	aborts += abort_taken(NULL);
}

/*
 * Optionally read, then write pattern(offset) to every word of a window.
 * It yields now and then: under -icount (the GICv2 platform) QEMU runs
 * every core on one host thread, round robin, and a core that never
 * yields can keep the victim's core from running at all (on hardware, or
 * under MTTCG, the cores run side by side and `yield` is only a hint).
 */
static void sweep(uintptr_t base, uintptr_t size, bool read,
		  uint32_t (*pattern)(uintptr_t))
{
	for (uintptr_t off = 0; off < size; off += 4) {
		if (off % 64 == 0)
			__asm__ volatile("yield");
		if (read) {
			expect_abort_quiet();
			(void)readl(base + off);
			count_abort();
		}
		expect_abort_quiet();
		writel(base + off, pattern(off));
		count_abort();
	}
}

static void sweep_window(const char *name, uintptr_t base, uintptr_t size)
{
	uint32_t before = aborts;

	sweep(base, size, true, all_ones);
	sweep(base, size, false, hashed);
	printf("hostile: %s 0x%lx+0x%lx swept, %u aborts\n", name,
	       (unsigned long)base, (unsigned long)size, aborts - before);
}

/* False where the CPU has no GICv3 interface: the GICv3 paths drop out. */
static bool gicv3(void)
{
	return ARCH_HAS_GICV3_CPUIF && gic_version() == 3;
}

static void garbage_sgis_v3(void)
{
	static const uint64_t values[] = {
		~0ull,
		(15ull << 24) | 0xffff, /* every Aff0 of cluster 0 */
		(1ull << 16) | 0xffff,	/* Aff1 = 1 */
		(0xffull << 48) | (0xffull << 32) | 0xffff, /* Aff3, Aff2 */
		(0xfull << 44) | 0xffff,		    /* RS = 15 */
		(1ull << 40) | (7ull << 24),		    /* all but self */
	};

	for (uint32_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		expect_abort_quiet();
		write_sysreg(icc_sgi1r_el1, values[i]);
		isb();
		count_abort();
	}
	printf("hostile: garbage ICC_SGI1R_EL1 sent\n");
}

/* GICD_SGIR: TargetListFilter [25:24], CPUTargetList [23:16], NSATT [15],
 * SGIINTID [3:0]. */
static void garbage_sgis_v2(void)
{
	static const uint32_t values[] = {
		~0u,
		(3u << 24) | 0xffff,  /* the reserved filter */
		(0xffu << 16) | 0xf,  /* it and 7 vCPUs it does not have */
		(0xfeu << 16) | 0x7f, /* only those 7, bits beyond SGIINTID */
		(1u << 24) | 0x8000,  /* all but self, NSATT */
		(2u << 24) | 0x3ff0,  /* self, SGIINTID 0 under garbage */
	};

	for (uint32_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		expect_abort_quiet();
		writel(GICD_BASE + GICD_SGIR, values[i]);
		count_abort();
	}
	printf("hostile: garbage GICD_SGIR sent\n");
}

/*
 * Stage 1 with two 1 GiB blocks, 0-1 GiB (the GIC) and 1-2 GiB (RAM),
 * both Normal Non-cacheable, so unaligned accesses pass stage 1. The
 * level 1 descriptors are the same in VMSAv8-64 and ARMv7's LPAE.
 */
#define MAIR_NORMAL_NC 0x44
#define BLOCK_NORMAL   (1ull | (1ull << 10)) /* block, AttrIndx 0, AF */

static uint64_t l1_table[512] __attribute__((aligned(4096)));

static void mmu_on(void)
{
	l1_table[0] = 0x00000000ull | BLOCK_NORMAL;
	l1_table[1] = 0x40000000ull | BLOCK_NORMAL;
	stage1_on(l1_table, MAIR_NORMAL_NC);
}

struct odd_access {
	const char *name;
	uint32_t offset;
	unsigned int width;
	bool write;
	unsigned int allowed_on; /* bit n: allowed on GICv<n> */
};

#define GICV2_ONLY (1u << 2)
#define GICV3_ONLY (1u << 3)
#define ANY_GIC	   (GICV2_ONLY | GICV3_ONLY)

static const struct odd_access odd_accesses[] = {
	{"4-byte read at GICD+0x2", 0x2, 4, false, 0},
	{"4-byte write at GICD+0x102", 0x102, 4, true, 0},
	{"8-byte read at GICD+0x401", 0x401, 8, false, 0},
	{"2-byte read at GICD+0x1", 0x1, 2, false, 0},
	{"2-byte write at GICD+0x400", 0x400, 2, true, 0},
	{"8-byte read at GICD+0x4", 0x4, 8, false, 0},
	{"1-byte write at GICD+0x0", 0x0, 1, true, 0},
	{"1-byte write at GICD+0x105 (ISENABLER)", 0x105, 1, true, 0},
	{"8-byte read across GICD+0xffc", 0xffc, 8, false, 0},
	{"1-byte read at GICD+0x429 (IPRIORITYR)", 0x429, 1, false, ANY_GIC},
	{"1-byte write at GICD+0x428 (IPRIORITYR)", 0x428, 1, true, ANY_GIC},
	{"1-byte read at GICD+0x828 (ITARGETSR)", 0x828, 1, false, GICV2_ONLY},
	{"8-byte read at GICD+0x6140 (IROUTER)", 0x6140, 8, false, GICV3_ONLY},
};

static void odd_sized(void)
{
	uint32_t wrong = 0;

	mmu_on();
	for (uint32_t i = 0; i < sizeof(odd_accesses) / sizeof(odd_accesses[0]);
	     i++) {
		const struct odd_access *a = &odd_accesses[i];
		bool allowed = a->allowed_on & (1u << gic_version());
		bool aborted;
		u64 v;

		expect_abort_quiet();
		v = odd_access(GICD_BASE + a->offset, a->width, a->write);
		aborted = abort_taken(NULL);
		aborts += aborted;
		wrong += aborted == allowed;
		if (aborted)
			printf("hostile: %s: aborted%s\n", a->name,
			       allowed ? ", though the GIC allows it" : "");
		else
			printf("hostile: %s: %s (0x%llx)\n", a->name,
			       allowed ? "allowed" : "NOT aborted", v);
	}
	stage1_off();
	printf("hostile: odd-sized accesses: %u wrong\n", wrong);
}

/* Accesses whose data abort carries no syndrome (ISV = 0). */
static void no_syndrome(void)
{
	const unsigned n =
		sizeof(no_syndrome_accesses) / sizeof(no_syndrome_accesses[0]);
	unsigned aborted = 0;

	for (unsigned i = 0; i < n; i++) {
		const struct no_syndrome_access *a = &no_syndrome_accesses[i];
		bool taken;

		expect_abort_quiet();
		a->access(GICD_BASE + 0x100);
		taken = abort_taken(NULL);
		aborted += taken;
		printf("hostile: %s from GICD: %s\n", a->name,
		       taken ? "aborted" : "NOT aborted");
	}
	aborts += aborted;
	printf("hostile: %u of %u accesses with no syndrome aborted\n", aborted,
	       n);
}

static uint32_t read_pidr2(void)
{
	return readl(GICD_BASE + (gicv3() ? GICD_PIDR2_V3 : GICD_PIDR2_V2));
}

static void check_ids(uint32_t typer, uint32_t pidr2)
{
	uint32_t now_typer = readl(GICD_BASE + GICD_TYPER);
	uint32_t now_pidr2 = read_pidr2();

	printf("hostile: GICD_TYPER 0x%x, PIDR2 0x%x: %s\n", now_typer,
	       now_pidr2,
	       now_typer == typer && now_pidr2 == pidr2 ? "unchanged"
							: "CHANGED");
}

/* A GICv2 distributor is 4 KiB: the rest of its 64 KiB frame is nothing. */
static void beyond_v2_distributor(void)
{
	expect_abort_quiet();
	(void)readl(GICD_BASE + GICD_SIZE_V2);
	printf("hostile: read beyond the GICv2 distributor: %s\n",
	       abort_taken(NULL) ? "aborted" : "no abort");
}

static void attack(void)
{
	uint32_t typer = readl(GICD_BASE + GICD_TYPER);
	uint32_t pidr2 = read_pidr2();

	no_syndrome();
	odd_sized();
	/* The whole distributor: 64 KiB on GICv3, 4 KiB on GICv2. */
	sweep_window("GICD", GICD_BASE, gicv3() ? GICD_SIZE_V3 : GICD_SIZE_V2);
	if (gicv3()) {
		sweep_window("GICR", gicr_base(0), GICR_STRIDE);
		sweep(gicr_base(1), GICR_STRIDE, false, all_ones);
		printf("hostile: next vCPU's GICR written\n");
		garbage_sgis_v3();
	} else {
		sweep_window("GICC", GICC_BASE, GICC_SIZE);
		beyond_v2_distributor();
		garbage_sgis_v2();
	}
	check_ids(typer, pidr2);
}

void guest_main(unsigned long x0)
{
	struct tick_result r;

	(void)x0;
	gic_init();
	printf("hostile: GICv%u, writing garbage\n", gic_version());
	attack();
	gic_init();
	r = ticker_run(TICKS, HZ);
	printf("hostile: own timer %u ticks, %u lost, %u doubled\n", r.ticks,
	       r.lost, r.doubled);
	printf("hostile: done, %u aborts, %u unexpected interrupts\n", aborts,
	       irq_unexpected_count());
}
