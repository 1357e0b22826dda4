/* SPDX-License-Identifier: MIT */
/*
 * A VM's virtual GIC. The guest drives the hardware's virtual CPU
 * interface directly (ack, EOI, priority mask: no trap); the hypervisor
 * feeds it through list registers and emulates the distributor and, on
 * GICv3, the redistributors, from Stage-2 data aborts. A VM sees the SGIs,
 * the timer PPIs (27 virtual, 30 physical) and the SPIs its config gives
 * it; every other interrupt reads as zero and ignores writes.
 */
#ifndef VGIC_H
#define VGIC_H

#include "gic.h"
#include "mmio.h"
#include "spinlock.h"
#include "types.h"

#define VGIC_PRIVATE  32 /* SGIs and PPIs, per vCPU */
#define VGIC_MAX_SPIS 32 /* the VM's physical ones and its console's */
#define VGIC_MAX_LRS  16

struct virq {
	u16 intid;
	u8 priority;
	u8 target;	/* SPIs: the vCPU it is routed to */
	u8 sgi_sources; /* GICv2 SGIs: the vCPUs that sent one */
	u8 lr_source;	/* with in_lr: the GICv2 SGI sender it carries */
	u8 lr;		/* with in_lr: its list register */
	u8 slot; /* its bit in `incoming`: the INTID, or 32 + the SPI's index */
	bool exists; /* part of the VM's GIC at all */
	bool enabled;
	bool pending; /* waiting for a list register */
	bool repend;  /* a new edge while in a list register */
	bool edge;
	bool hw;    /* backed by the same physical INTID */
	bool in_lr; /* pending or active in a list register */
};

struct vgic_cpu {
	struct virq private[VGIC_PRIVATE];
	/* SGIs sent to this vCPU, not yet taken into `private`: set by any
	 * core without the lock (atomic OR), taken with an exchange. Word
	 * INTID / 8, bit (INTID % 8) * 8 + the GICv2 sender (0 on GICv3). */
	u64 sgi_mail[2];
	struct virq *lr[VGIC_MAX_LRS]; /* what each list register holds */
	u32 lr_used;		       /* bit n: lr[n] is set */
	u64 incoming; /* newly pending: private INTIDs, then SPI indexes */
	bool rescan;  /* enables, priorities or routing changed: look at all */
	bool repends; /* some in a list register have a new edge */
	bool waiting; /* some wait for a list register (refill IRQ wanted) */
	/* The VM's distributor is off (GICD_CTLR == 0): a copy of that, per
	 * vCPU and next to the flags above, so the fast paths test them all
	 * with one load. Written under the vGIC lock with ctlr. */
	bool dist_off;
	bool refill_irq; /* the refill (underflow) interrupt is on */
};

struct vgic {
	bool v3;
	u32 ctlr;  /* GICD_CTLR group enables: forward when non-zero */
	u32 typer; /* GICD_TYPER, fixed by the VM's config */
	unsigned spi_count;
	struct virq spis[VGIC_MAX_SPIS];
	struct spinlock lock;
};

struct vm;
struct vcpu;

void vgic_init(struct vm *vm);
/* VM (re)start: every interrupt back to reset state, physical ones too. */
void vgic_reset(struct vm *vm);
/* On the vCPU's own core, before it (re)starts. */
void vgic_vcpu_reset(struct vcpu *vcpu);

/* Distributor / redistributor access; false if not a vGIC address, or an
 * access of a size or alignment the GIC does not allow (to be aborted). */
bool vgic_mmio(struct vcpu *vcpu, struct mmio_access *access);
/* "GIC distributor" or "GIC redistributor" if ipa is in one of the VM's,
 * else NULL: for log lines. */
const char *vgic_frame_name(struct vcpu *vcpu, u64 ipa);
/* The part of vgic_mmio() that needs no lock: 32-bit reads of the
 * distributor's fixed registers. False for any other address. */
bool vgic_dist_read32(const struct vm *vm, u64 ipa, u32 *value);
/* The same for writes: GICD_SGIR on GICv2. False for any other address. */
bool vgic_dist_write32(struct vcpu *vcpu, u64 ipa, u32 value);
/* GICv3 ICC_SGI1R_EL1 written by the guest. */
void vgic_sgi1r(struct vcpu *vcpu, u64 value);
/* The fast path for a physical interrupt just acknowledged on this core:
 * true if it was re-armed in its list register (see vgic.c). */
bool vgic_tick(struct vcpu *vcpu, u32 intid);
/* The hypervisor IPI's fast path: true if the one SGI in this vCPU's
 * mailbox went straight back into its list register. */
bool vgic_take_sgi_fast(struct vcpu *vcpu);
/* An emulated device's virtual SPI (e.g. the console's) made pending,
 * from any core; nothing physical is behind it. */
void vgic_inject_virtual(struct vm *vm, u32 intid);
/* A physical interrupt arrived on this core for its vCPU. */
void vgic_hw_irq(struct vcpu *vcpu, u32 intid);
/* Before returning to the guest: list registers up to date. */
void vgic_flush(struct vcpu *vcpu);
bool vgic_needs_flush(const struct vcpu *vcpu);
/* On the vCPU's own core: does an interrupt wait for it (pending in a list
 * register, or for one)? Flushes first, so nothing queued is missed. */
bool vgic_vcpu_has_pending(struct vcpu *vcpu);
/* LR_PENDING / LR_ACTIVE of an interrupt (0 when not in a list register). */
u8 vgic_lr_state_locked(const struct vcpu *vcpu, const struct virq *q);

/* Shared by vgic.c and vgic_mmio.c; callers hold the vGIC lock. */
struct virq *vgic_spi(struct vgic *g, u32 intid);
void vgic_set_pending_locked(struct vm *vm, struct virq *q, unsigned vcpu);
void vgic_pend_sgi_v2_locked(struct vcpu *target, struct virq *q, u8 sources);
void vgic_kick_locked(struct vm *vm, unsigned vcpu);
u32 vgic_typer(const struct vm *vm);
/* SGI `intid` from `sender` to the vCPUs in `targets` (no lock). */
void vgic_send_sgi(struct vcpu *sender, u32 targets, u32 intid);
/* Every vCPU's SGI mailbox into its SGIs' state, for register reads. */
void vgic_take_all_mail_locked(struct vm *vm);

#endif
