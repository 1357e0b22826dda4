/* SPDX-License-Identifier: MIT */
/*
 * GICv3 driver (gic.h): the distributor and redistributors by MMIO, the
 * CPU interface and the virtual interface (ICH_*) by system registers.
 * All interrupts are group 1 and go to EL2 (HCR_EL2.IMO); the hypervisor
 * runs with EOImode = 1 so a forwarded interrupt stays active until the
 * guest deactivates it through a hardware list register.
 */
#include "arch.h"
#include "cpu.h"
#include "gic.h"
#include "log.h"
#include "platform.h"
#include "sysreg.h"

#define GICD_CTLR	      0x0000
#define GICD_CTLR_ENABLE_G1NS (1 << 1)
#define GICD_CTLR_ARE_NS      (1 << 4)
#define GICD_CTLR_RWP	      (1u << 31)
#define GICD_TYPER	      0x0004
#define GICD_IROUTER	      0x6000

/* Per-interrupt registers: in the distributor, and in each
 * redistributor's SGI frame for interrupts 0..31. */
#define IGROUPR	   0x080
#define ISENABLER  0x100
#define ICENABLER  0x180
#define ISPENDR	   0x200
#define ICPENDR	   0x280
#define ICACTIVER  0x380
#define IPRIORITYR 0x400

#define GICR_FRAME_SIZE		   0x20000
#define GICR_TYPER		   0x0008
#define GICR_TYPER_LAST		   (1 << 4)
#define GICR_WAKER		   0x0014
#define GICR_WAKER_SLEEP	   (1 << 1)
#define GICR_WAKER_CHILDREN_ASLEEP (1 << 2)
#define GICR_SGI		   0x10000

#define ICC_SRE_SRE	 (1 << 0)
#define ICC_SRE_ENABLE	 (1 << 3)
#define ICC_CTLR_EOIMODE (1 << 1)
#define ICH_HCR_EN	 (1 << 0)
#define ICH_HCR_UIE	 (1 << 1)

#define ICH_LR_HW	      (1ULL << 61)
#define ICH_LR_GROUP1	      (1ULL << 60)
#define ICH_LR_STATE_SHIFT    62
#define ICH_LR_PINTID_SHIFT   32
#define ICH_LR_PRIORITY_SHIFT 48
#define ICH_LR_EOI	      (1ULL << 41)

#define HYP_PRIORITY	   0x80
#define GUEST_IRQ_PRIORITY 0xa0

static u64 rd_base[CONFIG_MAX_CPUS]; /* each core's redistributor */

static volatile u32 *reg32(u64 addr)
{
	return (volatile u32 *)(uintptr_t)addr;
}

static volatile u64 *reg64(u64 addr)
{
	return (volatile u64 *)(uintptr_t)addr;
}

/* Where the per-interrupt registers of `intid` are (for PPIs: `cpu`'s). */
static u64 irq_regs(u32 intid, unsigned cpu)
{
	return intid < GIC_FIRST_SPI ? rd_base[cpu] + GICR_SGI
				     : platform.gicd_base;
}

static void set_bit(u32 intid, unsigned cpu, u32 reg)
{
	*reg32(irq_regs(intid, cpu) + reg + 4 * (intid / 32)) = 1u
								<< (intid % 32);
}

/* The ICC_SGI1R_EL1 value that sends the hypervisor IPI to `cpu`. */
static u64 ipi_to(unsigned cpu)
{
	u64 mpidr = platform.cpu_mpidr[cpu];

	return ((mpidr >> 32 & 0xff) << 48) | ((mpidr >> 16 & 0xff) << 32) |
	       ((mpidr >> 8 & 0xff) << 16) | ((mpidr & 0xf0) >> 4 << 44) |
	       ((u64)GIC_HYP_IPI << 24) | (1u << (mpidr & 0xf));
}

static u64 ipi_sgi1r[CONFIG_MAX_CPUS]; /* ipi_to(), worked out once */

void gic_init_distributor(void)
{
	volatile u32 *ctlr = reg32(platform.gicd_base + GICD_CTLR);
	u32 lines = (*reg32(platform.gicd_base + GICD_TYPER) & 0x1f) + 1;

	/* Cores beyond CONFIG_MAX_CPUS are never started. */
	for (unsigned cpu = 0; cpu < MIN(platform.cpu_count, CONFIG_MAX_CPUS);
	     cpu++)
		ipi_sgi1r[cpu] = ipi_to(cpu);
	*ctlr = GICD_CTLR_ARE_NS;
	while (*ctlr & GICD_CTLR_RWP)
		;
	/* Every SPI group 1, disabled until the VM owning it enables it. */
	for (u32 i = 1; i < lines; i++) {
		*reg32(platform.gicd_base + IGROUPR + 4 * i) = ~0u;
		*reg32(platform.gicd_base + ICENABLER + 4 * i) = ~0u;
	}
	for (u32 id = GIC_FIRST_SPI; id < lines * 32; id++)
		((volatile u8 *)reg32(platform.gicd_base + IPRIORITYR))[id] =
			GUEST_IRQ_PRIORITY;
	*ctlr = GICD_CTLR_ARE_NS | GICD_CTLR_ENABLE_G1NS;
}

/* GICR_TYPER[63:32] holds the affinity as Aff3.Aff2.Aff1.Aff0. */
static u64 typer_affinity(u64 mpidr)
{
	return ((mpidr >> 8) & 0xff000000) | (mpidr & 0xffffff);
}

static u64 find_redistributor(unsigned cpu)
{
	u64 want = typer_affinity(platform.cpu_mpidr[cpu]);
	u64 rd = platform.gicr_base;

	for (;; rd += GICR_FRAME_SIZE) {
		u64 typer = *reg64(rd + GICR_TYPER);

		if (typer >> 32 == want)
			return rd;
		if (typer & GICR_TYPER_LAST)
			panic("no GIC redistributor for MPIDR 0x%llx",
			      platform.cpu_mpidr[cpu]);
	}
}

static void init_redistributor(u64 rd)
{
	volatile u8 *prio = (volatile u8 *)reg32(rd + GICR_SGI + IPRIORITYR);

	*reg32(rd + GICR_WAKER) &= ~GICR_WAKER_SLEEP;
	while (*reg32(rd + GICR_WAKER) & GICR_WAKER_CHILDREN_ASLEEP)
		;
	*reg32(rd + GICR_SGI + IGROUPR) = ~0u;
	*reg32(rd + GICR_SGI + ICENABLER) = ~0u;
	for (u32 id = 0; id < GIC_FIRST_SPI; id++)
		prio[id] = GIC_HYP_IRQS >> id & 1 ? HYP_PRIORITY
						  : GUEST_IRQ_PRIORITY;
	*reg32(rd + GICR_SGI + ISENABLER) = GIC_HYP_IRQS;
}

void gic_init_cpu(void)
{
	unsigned cpu = arch_cpu_id();

	rd_base[cpu] = find_redistributor(cpu);
	init_redistributor(rd_base[cpu]);
	write_sysreg(icc_sre_el2, ICC_SRE_SRE | ICC_SRE_ENABLE);
	isb();
	write_sysreg(icc_ctlr_el1, ICC_CTLR_EOIMODE);
	write_sysreg(icc_pmr_el1, 0xff);
	write_sysreg(icc_igrpen1_el1, 1);
	isb();
}

u32 gic_ack(void)
{
	u32 intid = (u32)read_sysreg(icc_iar1_el1);

	/* What the sender of an IPI wrote before it (dsb, then the SGI) is
	 * seen by the loads that follow the acknowledge. */
	dsb(sy);
	return intid;
}

void gic_eoi(u32 intid)
{
	write_sysreg(icc_eoir1_el1, intid);
}

void gic_deactivate(u32 intid)
{
	write_sysreg(icc_dir_el1, intid);
}

void gic_send_ipi(unsigned cpu)
{
	/* The state change the IPI announces must be visible first. */
	dsb(ishst);
	write_sysreg(icc_sgi1r_el1, ipi_sgi1r[cpu]); /* a started core */
	isb();
}

void gic_irq_enable(u32 intid, unsigned cpu, bool on)
{
	set_bit(intid, cpu, on ? ISENABLER : ICENABLER);
}

void gic_irq_set_pending(u32 intid, unsigned cpu, bool on)
{
	set_bit(intid, cpu, on ? ISPENDR : ICPENDR);
}

void gic_irq_clear_active(u32 intid, unsigned cpu)
{
	set_bit(intid, cpu, ICACTIVER);
}

void gic_irq_route(u32 intid, unsigned cpu)
{
	u64 mpidr = platform.cpu_mpidr[cpu];

	/* IROUTER holds Aff3 at [39:32] and Aff2.Aff1.Aff0 as in MPIDR. */
	*reg64(platform.gicd_base + GICD_IROUTER + 8 * intid) =
		(mpidr & 0xff00ffffffULL);
}

/* ----------------------------------------------- virtual interface */

unsigned gic_lr_count(void)
{
	return (unsigned)(read_sysreg(ich_vtr_el2) & 0x1f) + 1;
}

/*
 * ICH_LR<n>_EL2 are separate registers: branch to entry n of a table of
 * 16 two-instruction entries (the access, then a branch past the table).
 * The entries are spelt out, not made by .irp: GCC sizes an asm statement
 * by its lines, and an underestimate puts branches around an inlined copy
 * out of range. `asm inline` keeps the real size out of the inlining
 * decisions, which were made with the small estimate (bench figures).
 */
/* clang-format off */
#define LR_NUMBERS(X) \
	X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) \
	X(8) X(9) X(10) X(11) X(12) X(13) X(14) X(15)
/* clang-format on */
#define LR_READ_ENTRY(n)  "mrs	%[v], ich_lr" #n "_el2\n\tb	2f\n\t"
#define LR_WRITE_ENTRY(n) "msr	ich_lr" #n "_el2, %[v]\n\tb	2f\n\t"
#define LR_TABLE(entry)                                                        \
	"adr	%[entry], 1f\n\t"                                                 \
	"add	%[entry], %[entry], %[n], lsl #3\n\t"                             \
	"br	%[entry]\n"                                                        \
	"1:\n\t" LR_NUMBERS(entry) "2:"

static u64 lr_read(unsigned n)
{
	u64 entry, v;

	asm inline volatile(LR_TABLE(LR_READ_ENTRY)
			    : [entry] "=&r"(entry), [v] "=r"(v)
			    : [n] "r"((u64)(n % 16)));
	return v;
}

static void lr_write(unsigned n, u64 v)
{
	u64 entry;

	asm inline volatile(LR_TABLE(LR_WRITE_ENTRY)
			    : [entry] "=&r"(entry)
			    : [n] "r"((u64)(n % 16)), [v] "r"(v)
			    : "memory");
}

void gic_lr_write(unsigned n, const struct gic_lr *lr)
{
	u64 v = 0;

	if (lr->state) {
		v = (u64)lr->virq | ICH_LR_GROUP1 |
		    (u64)lr->priority << ICH_LR_PRIORITY_SHIFT |
		    (u64)lr->state << ICH_LR_STATE_SHIFT;
		if (lr->hw)
			v |= ICH_LR_HW | (u64)lr->pirq << ICH_LR_PINTID_SHIFT;
		else if (lr->eoi_irq)
			v |= ICH_LR_EOI;
	}
	lr_write(n, v);
}

u64 gic_lr_empty_mask(void)
{
	return read_sysreg(ich_elrsr_el2);
}

u64 gic_lr_eoi_mask(void)
{
	return read_sysreg(ich_eisr_el2);
}

u8 gic_lr_state(unsigned n)
{
	return (u8)(lr_read(n) >> ICH_LR_STATE_SHIFT);
}

void gic_vcpu_park(void)
{
	write_sysreg(ich_hcr_el2, 0);
	isb();
}

void gic_vcpu_reset(void)
{
	for (unsigned n = 0; n < gic_lr_count(); n++) {
		u64 lr = lr_read(n);

		/* A hardware interrupt the old run left active: end it. */
		if ((lr & ICH_LR_HW) && (lr >> ICH_LR_STATE_SHIFT))
			gic_deactivate((u32)(lr >> ICH_LR_PINTID_SHIFT) &
				       0x1fff);
		lr_write(n, 0);
	}
	write_sysreg(ich_ap0r0_el2, 0);
	write_sysreg(ich_ap1r0_el2, 0);
	write_sysreg(ich_vmcr_el2, 0);
	write_sysreg(ich_hcr_el2, ICH_HCR_EN);
	isb();
}

void gic_set_refill_irq(bool on)
{
	write_sysreg(ich_hcr_el2, ICH_HCR_EN | (on ? ICH_HCR_UIE : 0));
}
