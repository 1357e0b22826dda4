/* SPDX-License-Identifier: MIT */
/*
 * The physical GIC, as the hypervisor uses it: its own IPIs, forwarding a
 * VM's interrupts, and the list registers of this core's virtual CPU
 * interface. One driver per build, chosen by the platform: GICv3 through
 * system registers (src/arch/armv8/gicv3.c), GICv2 through MMIO
 * (src/arch/arm/gicv2.c). The hypervisor runs with EOImode = 1: an interrupt
 * forwarded to a guest stays active until the guest deactivates it.
 */
#ifndef GIC_H
#define GIC_H

#include "types.h"

#define GIC_HYP_IPI	  0  /* the SGI the hypervisor signals its cores with */
#define GIC_MAINT_IRQ	  25 /* the virtual interface's maintenance PPI */
#define GIC_HYP_TIMER_IRQ 26 /* the EL2 physical timer: arch_wake_at() */
#define GIC_VTIMER_IRQ	  27
#define GIC_PTIMER_IRQ	  30
#define GIC_SPURIOUS	  1020
#define GIC_FIRST_SPI	  32
/* The SGI and PPIs the hypervisor takes for itself on every core. */
#define GIC_HYP_IRQS                                                           \
	(1u << GIC_HYP_IPI | 1u << GIC_MAINT_IRQ | 1u << GIC_HYP_TIMER_IRQ)

void gic_init_distributor(void);
/* This core's interface and the PPIs every core takes. */
void gic_init_cpu(void);

/* Take the highest pending interrupt (>= GIC_SPURIOUS: none). */
u32 gic_ack(void);
/* Drop its running priority; deactivation is separate (EOImode 1). */
void gic_eoi(u32 intid);
void gic_deactivate(u32 intid);
void gic_send_ipi(unsigned cpu);

/* Controls for an interrupt forwarded to a VM; `cpu` names the core for
 * PPIs (its redistributor / banked registers), and is ignored for SPIs. */
void gic_irq_enable(u32 intid, unsigned cpu, bool on);
void gic_irq_set_pending(u32 intid, unsigned cpu, bool on);
void gic_irq_clear_active(u32 intid, unsigned cpu);
void gic_irq_route(u32 intid, unsigned cpu);
void gic_irq_set_edge(u32 intid, bool edge);

/* A list register, in the terms both GIC versions share. */
#define LR_PENDING 1
#define LR_ACTIVE  2
struct gic_lr {
	u32 virq;
	u32 pirq; /* with hw: the physical interrupt the guest deactivates */
	u8 priority;
	u8 state;  /* LR_PENDING | LR_ACTIVE, 0 = free */
	u8 source; /* GICv2 SGIs: the sending vCPU */
	bool hw;
	bool eoi_irq; /* maintenance interrupt when the guest is done */
};

unsigned gic_lr_count(void);
void gic_lr_write(unsigned n, const struct gic_lr *lr);
u8 gic_lr_state(unsigned n);
/* Bit n set: list register n is empty (ELRSR), or the guest is done with
 * it and it asks for the EOI maintenance interrupt (EISR). A list
 * register is done with when it is in either set. */
u64 gic_lr_empty_mask(void);
u64 gic_lr_eoi_mask(void);
/* A fresh virtual CPU interface for a (re)starting vCPU: every list
 * register free (hardware interrupts in them deactivated), no priorities
 * active, interface enabled. */
void gic_vcpu_reset(void);
/* The vCPU left the guest for good (off, or its VM stopping): the virtual
 * CPU interface off, so what its list registers still hold signals no
 * virtual interrupt to this core (which would end its every WFI at EL2). */
void gic_vcpu_park(void);
/* Ask for the maintenance interrupt when no list register is pending. */
void gic_set_refill_irq(bool on);

#endif
