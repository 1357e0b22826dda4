// SPDX-License-Identifier: MIT
/*
 * irq_rtc_intruder (irq-rtc): does not own SPI 2 (INTID 34, the owner
 * VM's RTC). Through its own distributor it enables, pends, activates,
 * re-prioritises, reconfigures, regroups and routes 34 to itself: every
 * such bit must read back zero. Then, while the owner waits for its RTC,
 * it keeps disabling, clearing, pending and re-routing 34, and pulling
 * it with GICv3's SETSPI/CLRSPI: the owner must still get its interrupt,
 * and the intruder none.
 */
#include "guest.h"
#include "irq_rtc.h"

#define BIT34	    (1u << (RTC_INTID % 32))
#define BANK34	    (4 * (RTC_INTID / 32))
#define CFG34_EDGE  (2u << (2 * (RTC_INTID % 16)))
#define CFG34_OFF   (0xc00 + 4 * (RTC_INTID / 16))
#define POKE_US	    (3500 * 1000)
#define POKE_GAP_US 1000

#define GICD_SETSPI_NSR 0x040
#define GICD_CLRSPI_NSR 0x048

struct probe {
	const char *name;
	uint32_t offset;
	unsigned int width; /* bytes */
	uint64_t value;	    /* written, then (value & mask) must read 0 */
	unsigned int only_version; /* 0: both */
};

static const struct probe probes[] = {
	{"IGROUPR", 0x080 + BANK34, 4, BIT34, 0},
	{"ISENABLER", 0x100 + BANK34, 4, BIT34, 0},
	{"ISPENDR", 0x200 + BANK34, 4, BIT34, 0},
	{"ISACTIVER", 0x300 + BANK34, 4, BIT34, 0},
	{"IPRIORITYR", 0x400 + RTC_INTID, 1, 0x10, 0},
	{"ICFGR", CFG34_OFF, 4, CFG34_EDGE, 0},
	{"ITARGETSR", 0x800 + RTC_INTID, 1, 0x01, 2},
	{"IROUTER", 0x6000 + 8 * RTC_INTID, 8, 1ul << 31, 3},
};

static void write_width(uintptr_t addr, unsigned int width, uint64_t v)
{
	if (width == 1)
		writeb(addr, (uint8_t)v);
	else if (width == 4)
		writel(addr, (uint32_t)v);
	else
		writeq(addr, v);
}

static uint64_t read_width(uintptr_t addr, unsigned int width)
{
	if (width == 1)
		return readb(addr);
	if (width == 4)
		return readl(addr);
	return readq(addr);
}

static bool probe_reads_zero(const struct probe *p)
{
	uintptr_t addr = GICD_BASE + p->offset;
	u64 got;

	write_width(addr, p->width, p->value);
	got = read_width(addr, p->width) & p->value;
	if (got)
		printf("intruder: %s of spi %u reads 0x%llx: NOT ZERO\n",
		       p->name, RTC_INTID, got);
	return !got;
}

static bool probe_all(void)
{
	bool ok = true;

	for (uint32_t i = 0; i < sizeof(probes) / sizeof(probes[0]); i++) {
		const struct probe *p = &probes[i];

		if (!p->only_version || p->only_version == gic_version())
			ok = probe_reads_zero(p) && ok;
	}
	return ok;
}

/* A write that may abort on a GIC without message-based SPIs. */
static void write_may_abort(uint32_t offset, uint32_t v)
{
	expect_abort_quiet();
	writel(GICD_BASE + offset, v);
	abort_taken(NULL);
}

/* One round of trying to take 34 away from its owner, or to fake it. */
static void poke(uint32_t round)
{
	writel(GICD_BASE + 0x180 + BANK34, BIT34); /* ICENABLER */
	writel(GICD_BASE + 0x280 + BANK34, BIT34); /* ICPENDR */
	writel(GICD_BASE + 0x380 + BANK34, BIT34); /* ICACTIVER */
	writeb(GICD_BASE + 0x400 + RTC_INTID, 0xff);
	gic_route_spi(RTC_INTID, 0);
	if (gic_version() == 3)
		write_may_abort(round & 1 ? GICD_SETSPI_NSR : GICD_CLRSPI_NSR,
				RTC_INTID);
	if (round % 16 == 0)
		gic_set_pending(RTC_INTID);
}

static void count_irq(uint32_t intid)
{
	printf("intruder: got irq %u\n", intid);
}

void guest_main(unsigned long x0)
{
	uint64_t start, limit;
	uint32_t rounds = 0;

	(void)x0;
	gic_init();
	printf("intruder: GICv%u, probing spi %u\n", gic_version(), RTC_INTID);
	if (probe_all())
		printf("intruder: spi %u reads as zero\n", RTC_INTID);
	irq_register(RTC_INTID, count_irq);
	gic_enable(RTC_INTID, 0x00);
	irq_unmask();
	start = counter_now();
	limit = POKE_US * counter_freq() / 1000000;
	while (counter_now() - start < limit) {
		poke(rounds++);
		delay_us(POKE_GAP_US);
	}
	printf("intruder: poked spi %u for %u ms (%u rounds)\n", RTC_INTID,
	       POKE_US / 1000, rounds);
	if (probe_all())
		printf("intruder: spi %u still reads as zero\n", RTC_INTID);
	printf("intruder: %u interrupts\n", irq_unexpected_count());
}
