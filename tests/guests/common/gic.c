// SPDX-License-Identifier: MIT
/*
 * A minimal GIC driver for GICv2 and GICv3 at QEMU virt's addresses, the
 * version found at run time. The registers both versions share (enable,
 * pending, active, priority, for SGIs/PPIs in the GICv3 redistributor's
 * SGI frame, else in the distributor) go through one code path; the rest
 * (start-up, routing, SGIs, ack and EOI) has a small function per version.
 * Priority and target bytes are written with byte accesses, as Linux does.
 */
#include "guest.h"

/* Distributor registers, the same offsets in both versions. */
#define GICD_CTLR	0x000
#define GICD_TYPER	0x004
#define GICD_IGROUPR	0x080
#define GICD_ISENABLER	0x100
#define GICD_ICENABLER	0x180
#define GICD_ISPENDR	0x200
#define GICD_ICPENDR	0x280
#define GICD_ICACTIVER	0x380
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR	0x800 /* GICv2 */
#define GICD_ICFGR	0xc00
#define GICD_SGIR	0xf00  /* GICv2 */
#define GICD_CPENDSGIR	0xf10  /* GICv2 */
#define GICD_SPENDSGIR	0xf20  /* GICv2 */
#define GICD_IROUTER	0x6000 /* GICv3 */
#define GICD_PIDR2_V2	0xfe8
#define GICD_PIDR2_V3	0xffe8

#define GICD_CTLR_RWP	   (1u << 31)
#define GICD_CTLR_V3_ARE   (1u << 4)
#define GICD_CTLR_V3_GRP1  (1u << 1)
#define GICD_CTLR_V2_GRP01 0x3
#define PIDR2_ARCHREV(v)   (((v) >> 4) & 0xf)

/* GICv3 redistributor: RD frame, then the SGI frame. */
#define GICR_CTLR	       0x0000
#define GICR_WAKER	       0x0014
#define GICR_CTLR_RWP	       (1u << 3)
#define GICR_WAKER_SLEEP       (1u << 1)
#define GICR_WAKER_CHILDRENSLP (1u << 2)

/* GICv2 CPU interface. */
#define GICC_CTLR	  0x00
#define GICC_PMR	  0x04
#define GICC_BPR	  0x08
#define GICC_IAR	  0x0c
#define GICC_EOIR	  0x10
#define GICC_APR0	  0xd0 /* APR0..3, NSAPR0..3 */
/* EnableGrp0 | EnableGrp1 | AckCtl: both groups ack through IAR as IRQs. */
#define GICC_CTLR_ENABLE  0x7
#define GICC_IAR_INTID	  0x3ff
#define ICC_IAR_INTID	  0xffffff
#define ICC_SGI1R_IRM	  (1ull << 40)
#define ICC_SGI1R_INTID_S 24

#define PRIORITY_DEFAULT 0xa0
#define PMR_ALL		 0xff

static unsigned int version;

unsigned int gic_version(void)
{
	if (!version) {
		/* 0xfe8 is GICv2's PIDR2 and RAZ on GICv3; 0xffe8 the reverse
		 * (and beyond a GICv2 distributor), so try GICv2's first. */
		if (PIDR2_ARCHREV(readl(GICD_BASE + GICD_PIDR2_V2)) == 2)
			version = 2;
		else if (ARCH_HAS_GICV3_CPUIF &&
			 PIDR2_ARCHREV(readl(GICD_BASE + GICD_PIDR2_V3)) >= 3)
			version = 3;
	}
	return version;
}

/* Constant false where the CPU has no GICv3 interface (guest_arch.h), so
 * the GICv3 paths below are not even compiled in there. */
static bool is_gicv3(void)
{
	return ARCH_HAS_GICV3_CPUIF && version == 3;
}

uintptr_t gicr_base(unsigned int vcpu)
{
	return GICR_BASE + vcpu * GICR_STRIDE;
}

/* Where an INTID's enable/pending/priority bits live for this vCPU. */
static uintptr_t bank_for(uint32_t intid)
{
	if (is_gicv3() && intid < GIC_SPI_FIRST)
		return gicr_base(this_vcpu()) + GICR_SGI_FRAME;
	return GICD_BASE;
}

/* Write the bit for intid in a one-bit-per-interrupt register array. */
static void write_bit(uint32_t reg, uint32_t intid)
{
	writel(bank_for(intid) + reg + 4 * (intid / 32), 1u << (intid % 32));
}

/* Poll until (readl(addr) & mask) == 0, yielding; false after a while. */
static bool wait_clear(uintptr_t addr, uint32_t mask)
{
	uint64_t start = counter_now();
	uint64_t limit = STALL_US * counter_freq() / 1000000;

	while (readl(addr) & mask) {
		if (counter_now() - start >= limit) {
			printf("gic: register 0x%lx stuck (0x%x)\n",
			       (unsigned long)addr, readl(addr));
			return false;
		}
		__asm__ volatile("yield");
	}
	return true;
}

static void wait_rwp(uint32_t intid)
{
	if (!is_gicv3())
		return;
	if (intid < GIC_SPI_FIRST)
		wait_clear(gicr_base(this_vcpu()) + GICR_CTLR, GICR_CTLR_RWP);
	else
		wait_clear(GICD_BASE + GICD_CTLR, GICD_CTLR_RWP);
}

/*
 * Disable, clear and give the default priority to the 32 interrupts of
 * register bank n (n = 0: SGIs and PPIs) at base.
 */
static void reset_bank(uintptr_t base, uint32_t n)
{
	writel(base + GICD_ICENABLER + 4 * n, ~0u);
	writel(base + GICD_ICPENDR + 4 * n, ~0u);
	writel(base + GICD_ICACTIVER + 4 * n, ~0u);
	/* Group 1 on GICv3, Group 0 on GICv2 (as Linux leaves it). */
	writel(base + GICD_IGROUPR + 4 * n, is_gicv3() ? ~0u : 0);
	for (uint32_t i = 0; i < 32; i += 4)
		writel(base + GICD_IPRIORITYR + 32 * n + i,
		       PRIORITY_DEFAULT * 0x01010101u);
	/* All level-sensitive (SGIs' fields are read-only). */
	writel(base + GICD_ICFGR + 8 * n, 0);
	writel(base + GICD_ICFGR + 8 * n + 4, 0);
}

static uint32_t spi_banks(void)
{
	return (readl(GICD_BASE + GICD_TYPER) & 0x1f) + 1;
}

static void dist_init(void)
{
	writel(GICD_BASE + GICD_CTLR, 0);
	wait_rwp(GIC_SPI_FIRST);
	for (uint32_t n = 1; n < spi_banks(); n++)
		reset_bank(GICD_BASE, n);
	wait_rwp(GIC_SPI_FIRST);
	if (is_gicv3()) {
		writel(GICD_BASE + GICD_CTLR, GICD_CTLR_V3_ARE);
		wait_rwp(GIC_SPI_FIRST);
		writel(GICD_BASE + GICD_CTLR,
		       GICD_CTLR_V3_ARE | GICD_CTLR_V3_GRP1);
	} else {
		writel(GICD_BASE + GICD_CTLR, GICD_CTLR_V2_GRP01);
	}
	wait_rwp(GIC_SPI_FIRST);
}

static void cpu_init_v3(void)
{
	uintptr_t rd = gicr_base(this_vcpu());

	writel(rd + GICR_WAKER, readl(rd + GICR_WAKER) & ~GICR_WAKER_SLEEP);
	wait_clear(rd + GICR_WAKER, GICR_WAKER_CHILDRENSLP);
	reset_bank(rd + GICR_SGI_FRAME, 0);
	wait_rwp(0);
	/* The hypervisor (or QEMU) already has SRE = 1; only check. */
	if (!(read_sysreg(icc_sre_el1) & 1))
		printf("gic: ICC_SRE_EL1.SRE is 0\n");
	write_sysreg(icc_pmr_el1, PMR_ALL);
	write_sysreg(icc_bpr1_el1, 0); /* the smallest the GIC allows */
	write_sysreg(icc_ctlr_el1, 0); /* EOImode 0 */
	write_sysreg(icc_igrpen1_el1, 1);
	isb();
}

static void cpu_init_v2(void)
{
	reset_bank(GICD_BASE, 0);
	for (uint32_t i = 0; i < GIC_NR_SGIS; i += 4)
		writel(GICD_BASE + GICD_CPENDSGIR + i, ~0u);
	for (uint32_t i = 0; i < 8; i++) /* no active priority left over */
		writel(GICC_BASE + GICC_APR0 + 4 * i, 0);
	writel(GICC_BASE + GICC_PMR, PMR_ALL);
	writel(GICC_BASE + GICC_BPR, 0);
	writel(GICC_BASE + GICC_CTLR, GICC_CTLR_ENABLE);
}

void gic_init(void)
{
	if (!gic_version()) {
		printf("gic: no GICv2/GICv3 distributor found (PIDR2 0x%x / "
		       "0x%x)\n",
		       readl(GICD_BASE + GICD_PIDR2_V2),
		       readl(GICD_BASE + GICD_PIDR2_V3));
		return;
	}
	if (this_vcpu() == 0)
		dist_init();
	if (is_gicv3())
		cpu_init_v3();
	else
		cpu_init_v2();
}

void gic_enable(uint32_t intid, uint8_t priority)
{
	writeb(bank_for(intid) + GICD_IPRIORITYR + intid, priority);
	write_bit(GICD_ISENABLER, intid);
}

void gic_disable(uint32_t intid)
{
	write_bit(GICD_ICENABLER, intid);
	wait_rwp(intid);
}

void gic_set_pending(uint32_t intid)
{
	if (version == 2 && intid < GIC_NR_SGIS)
		writeb(GICD_BASE + GICD_SPENDSGIR + intid,
		       (uint8_t)(1u << this_vcpu()));
	else
		write_bit(GICD_ISPENDR, intid);
}

void gic_route_spi(uint32_t intid, unsigned int vcpu)
{
	if (is_gicv3())
		writeq(GICD_BASE + GICD_IROUTER + 8 * intid, vcpu);
	else
		writeb(GICD_BASE + GICD_ITARGETSR + intid,
		       (uint8_t)(1u << vcpu));
}

static void send_sgi_v3(uint32_t intid, enum sgi_mode mode, uint32_t targets)
{
	uint64_t v = (uint64_t)intid << ICC_SGI1R_INTID_S;

	if (mode == SGI_ALL_BUT_SELF)
		v |= ICC_SGI1R_IRM;
	else if (mode == SGI_SELF)
		v |= 1u << this_vcpu();
	else
		v |= targets & 0xffff;
	write_sysreg(icc_sgi1r_el1, v);
	isb();
}

static void send_sgi_v2(uint32_t intid, enum sgi_mode mode, uint32_t targets)
{
	/* TargetListFilter: 0 list, 1 all but self, 2 self. */
	static const uint32_t filter[] = {
		[SGI_TARGET_LIST] = 0,
		[SGI_ALL_BUT_SELF] = 1,
		[SGI_SELF] = 2,
	};

	writel(GICD_BASE + GICD_SGIR,
	       filter[mode] << 24 | (targets & 0xff) << 16 | intid);
}

void gic_send_sgi(uint32_t intid, enum sgi_mode mode, uint32_t targets)
{
	dsb(); /* the receiver sees what we wrote before sending */
	if (is_gicv3())
		send_sgi_v3(intid, mode, targets);
	else
		send_sgi_v2(intid, mode, targets);
}

uint32_t gic_ack(void)
{
	uint32_t ack;

	if (is_gicv3())
		ack = (uint32_t)read_sysreg(icc_iar1_el1);
	else
		ack = readl(GICC_BASE + GICC_IAR);
	dsb();
	return ack;
}

void gic_eoi(uint32_t ack)
{
	dsb();
	if (is_gicv3()) {
		write_sysreg(icc_eoir1_el1, ack);
		isb();
	} else {
		writel(GICC_BASE + GICC_EOIR, ack);
	}
}

uint32_t gic_intid(uint32_t ack)
{
	return ack & (is_gicv3() ? ICC_IAR_INTID : GICC_IAR_INTID);
}
