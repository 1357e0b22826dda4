/* SPDX-License-Identifier: MIT */
/*
 * GICv2 driver (gic.h): distributor, CPU interface and virtual interface
 * control (GICH) are all MMIO, so AArch32 and AArch64 share this driver.
 * Every interrupt is group 1 and signalled as IRQ: QEMU only lets a
 * hardware list register deactivate a group 1 physical interrupt. EOImode
 * = 1 separates priority drop from deactivation.
 */
#include "arch.h"
#include "barrier.h"
#include "gic.h"
#include "log.h"
#include "platform.h"

#define GICD_CTLR	0x000
#define GICD_IGROUPR	0x080
#define GICD_TYPER	0x004
#define GICD_ISENABLER	0x100
#define GICD_ICENABLER	0x180
#define GICD_ISPENDR	0x200
#define GICD_ICPENDR	0x280
#define GICD_ICACTIVER	0x380
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR	0x800
#define GICD_SGIR	0xf00

#define GICC_CTLR	0x0000
/* Both groups on, group 1 acknowledged here too, EOImode for both. */
#define GICC_CTLR_VALUE (1 << 0 | 1 << 1 | 1 << 2 | 1 << 9 | 1 << 10)
#define GICC_PMR	0x0004
#define GICC_IAR	0x000c
#define GICC_EOIR	0x0010
#define GICC_DIR	0x1000

#define GICH_HCR     0x000
#define GICH_HCR_EN  (1 << 0)
#define GICH_HCR_UIE (1 << 1)
#define GICH_VTR     0x004
#define GICH_VMCR    0x008
#define GICH_EISR0   0x020
#define GICH_ELRSR0  0x030
#define GICH_APR     0x0f0
#define GICH_LR	     0x100

#define LR_HW		  (1u << 31)
#define LR_EOI		  (1u << 19)
#define LR_STATE_SHIFT	  28
#define LR_PRIORITY_SHIFT 23
#define LR_PHYS_SHIFT	  10
#define LR_SOURCE_SHIFT	  10

#define HYP_PRIORITY	   0x80
#define GUEST_IRQ_PRIORITY 0xa0
#define INTID_MASK	   0x3ff

static u8 cpu_interface[CONFIG_MAX_CPUS]; /* ITARGETSR bit of each core */
static u32 last_iar[CONFIG_MAX_CPUS];	  /* SGIs must be ended with it */

static volatile u32 *reg(u64 base, u32 off)
{
	return (volatile u32 *)(uintptr_t)(base + off);
}

static volatile u8 *reg8(u64 base, u32 off)
{
	return (volatile u8 *)(uintptr_t)(base + off);
}

static void set_bit(u32 intid, u32 block)
{
	*reg(platform.gicd_base, block + 4 * (intid / 32)) = 1u << (intid % 32);
}

void gic_init_distributor(void)
{
	u32 lines = (*reg(platform.gicd_base, GICD_TYPER) & 0x1f) + 1;

	*reg(platform.gicd_base, GICD_CTLR) = 0;
	for (u32 i = 1; i < lines; i++) {
		*reg(platform.gicd_base, GICD_IGROUPR + 4 * i) = ~0u;
		*reg(platform.gicd_base, GICD_ICENABLER + 4 * i) = ~0u;
	}
	for (u32 id = GIC_FIRST_SPI; id < lines * 32; id++)
		*reg8(platform.gicd_base, GICD_IPRIORITYR + id) =
			GUEST_IRQ_PRIORITY;
	*reg(platform.gicd_base, GICD_CTLR) = 3;
}

/* SGIs and PPIs are banked: each core sets up its own. */
void gic_init_cpu(void)
{
	unsigned cpu = arch_cpu_id();

	cpu_interface[cpu] = *reg8(platform.gicd_base, GICD_ITARGETSR);
	*reg(platform.gicd_base, GICD_IGROUPR) = ~0u;
	*reg(platform.gicd_base, GICD_ICENABLER) = ~0u;
	for (u32 id = 0; id < GIC_FIRST_SPI; id++)
		*reg8(platform.gicd_base, GICD_IPRIORITYR + id) =
			GIC_HYP_IRQS >> id & 1 ? HYP_PRIORITY
					       : GUEST_IRQ_PRIORITY;
	*reg(platform.gicd_base, GICD_ISENABLER) = GIC_HYP_IRQS;
	*reg(platform.gicc_base, GICC_PMR) = 0xff;
	*reg(platform.gicc_base, GICC_CTLR) = GICC_CTLR_VALUE;
}

u32 gic_ack(void)
{
	u32 iar = *reg(platform.gicc_base, GICC_IAR);

	if ((iar & INTID_MASK) < 16) {
		last_iar[arch_cpu_id()] = iar; /* an SGI: EOI needs its CPUID */
		/* What its sender wrote before it is seen by what follows. */
		dmb_ld();
	}
	return iar & INTID_MASK;
}

/* The IAR value to end `intid` with: an SGI's carries its sender. */
static u32 iar_of(u32 intid)
{
	u32 last;

	if (intid >= 16)
		return intid; /* only SGIs carry more */
	last = last_iar[arch_cpu_id()];
	return (last & INTID_MASK) == intid ? last : intid;
}

void gic_eoi(u32 intid)
{
	*reg(platform.gicc_base, GICC_EOIR) = iar_of(intid);
}

void gic_deactivate(u32 intid)
{
	*reg(platform.gicc_base, GICC_DIR) = iar_of(intid);
}

void gic_send_ipi(unsigned cpu)
{
	__asm__ volatile("dsb ishst" ::: "memory");
	*reg(platform.gicd_base, GICD_SGIR) =
		(u32)cpu_interface[cpu] << 16 | GIC_HYP_IPI;
}

/* PPIs are banked: a VM only reaches its own core's, so `cpu` is this one. */
void gic_irq_enable(u32 intid, unsigned cpu, bool on)
{
	(void)cpu;
	set_bit(intid, on ? GICD_ISENABLER : GICD_ICENABLER);
}

void gic_irq_set_pending(u32 intid, unsigned cpu, bool on)
{
	(void)cpu;
	set_bit(intid, on ? GICD_ISPENDR : GICD_ICPENDR);
}

void gic_irq_clear_active(u32 intid, unsigned cpu)
{
	(void)cpu;
	set_bit(intid, GICD_ICACTIVER);
}

void gic_irq_route(u32 intid, unsigned cpu)
{
	*reg8(platform.gicd_base, GICD_ITARGETSR + intid) = cpu_interface[cpu];
}

/* ----------------------------------------------- virtual interface */

unsigned gic_lr_count(void)
{
	return (*reg(platform.gich_base, GICH_VTR) & 0x3f) + 1;
}

void gic_lr_write(unsigned n, const struct gic_lr *lr)
{
	u32 v = 0;

	if (lr->state) {
		v = lr->virq | (u32)(lr->priority >> 3) << LR_PRIORITY_SHIFT |
		    (u32)lr->state << LR_STATE_SHIFT;
		v |= lr->hw ? LR_HW | lr->pirq << LR_PHYS_SHIFT
			    : (u32)lr->source << LR_SOURCE_SHIFT |
				      (lr->eoi_irq ? LR_EOI : 0);
	}
	*reg(platform.gich_base, GICH_LR + 4 * n) = v;
}

u64 gic_lr_empty_mask(void)
{
	return *reg(platform.gich_base, GICH_ELRSR0);
}

u64 gic_lr_eoi_mask(void)
{
	return *reg(platform.gich_base, GICH_EISR0);
}

u8 gic_lr_state(unsigned n)
{
	return (u8)(*reg(platform.gich_base, GICH_LR + 4 * n) >>
			    LR_STATE_SHIFT &
		    3);
}

void gic_vcpu_reset(void)
{
	for (unsigned n = 0; n < gic_lr_count(); n++) {
		u32 lr = *reg(platform.gich_base, GICH_LR + 4 * n);

		/* A hardware interrupt the old run left active: end it. */
		if ((lr & LR_HW) && (lr >> LR_STATE_SHIFT & 3))
			*reg(platform.gicc_base, GICC_DIR) =
				lr >> LR_PHYS_SHIFT & INTID_MASK;
		*reg(platform.gich_base, GICH_LR + 4 * n) = 0;
	}
	*reg(platform.gich_base, GICH_APR) = 0;
	*reg(platform.gich_base, GICH_VMCR) = 0;
	*reg(platform.gich_base, GICH_HCR) = GICH_HCR_EN;
}

void gic_vcpu_park(void)
{
	*reg(platform.gich_base, GICH_HCR) = 0;
}

void gic_set_refill_irq(bool on)
{
	*reg(platform.gich_base, GICH_HCR) =
		GICH_HCR_EN | (on ? GICH_HCR_UIE : 0);
}
