/* SPDX-License-Identifier: MIT */
/*
 * The emulated distributor (GICv2, GICv3) and redistributors (GICv3).
 * Registers with a field per interrupt share one decoder; a field of an
 * interrupt the VM does not have reads as zero and ignores writes, so no
 * VM can see or touch another VM's interrupts. Routing names only the
 * VM's own vCPUs. Unknown and reserved registers read as zero. An access
 * of a size or alignment the GIC architecture does not define is not
 * emulated: the guest gets an external abort (access_allowed()).
 */
#include "platform.h"
#include "vgic.h"
#include "vm.h"

#define GICD_SIZE_V3   0x10000
#define GICD_SIZE_V2   0x1000
#define GICR_FRAME     0x20000
#define GICR_SGI_FRAME 0x10000

/* Per-interrupt register blocks (GICD, and GICR SGI frames for 0..31). */
#define GICD_IGROUPR	0x080
#define GICD_ISENABLER	0x100
#define GICD_ICENABLER	0x180
#define GICD_ISPENDR	0x200
#define GICD_ICPENDR	0x280
#define GICD_ISACTIVER	0x300
#define GICD_ICACTIVER	0x380
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR	0x800
#define GICD_ICFGR	0xc00
#define GICD_IGRPMODR	0xd00
#define GICD_IROUTER	0x6000

#define GICD_CTLR      0x000
#define GICD_TYPER     0x004
#define GICD_IIDR      0x008
#define GICD_SGIR      0xf00
#define GICD_CPENDSGIR 0xf10
#define GICD_SPENDSGIR 0xf20
#define GICD_PIDR2_V3  0xffe8
#define GICD_PIDR2_V2  0x0fe8

#define GICR_TYPER 0x008
#define GICR_IIDR  0x004

#define IIDR_ARM      0x43b
#define CTLR_V3_RAO   (1u << 4 | 1u << 6) /* ARE and DS: always on */
#define CTLR_ENABLES  0x3
#define PRIORITY_MASK 0xf8 /* the 5 priority bits the GIC implements */

/* Where an access lands: which interrupts, seen by which vCPU. */
struct target {
	struct vcpu *vcpu; /* whose SGIs/PPIs (banked or redistributor) */
	bool redist;	   /* in a GICv3 redistributor's SGI frame */
	bool rd_frame;	   /* in a GICv3 redistributor's RD frame */
	u32 off;	   /* offset in the frame */
};

static struct virq *virq_at(const struct target *t, u32 intid)
{
	struct vm *vm = t->vcpu->vm;
	struct virq *q = NULL;

	if (intid < VGIC_PRIVATE) {
		/* GICv3 keeps SGIs/PPIs in the redistributors only. */
		if (t->redist || !vm->vgic.v3)
			q = &t->vcpu->vgic.private[intid];
	} else if (!t->redist) {
		q = vgic_spi(&vm->vgic, intid);
	}
	return q && q->exists ? q : NULL;
}

/* The core a hardware interrupt's controls go to (PPIs: their vCPU's). */
static unsigned hw_cpu(const struct target *t, const struct virq *q)
{
	struct vm *vm = t->vcpu->vm;

	return q->intid < VGIC_PRIVATE ? t->vcpu->cpu
				       : vm->vcpus[q->target].cpu;
}

static unsigned owner_of(const struct target *t, const struct virq *q)
{
	return q->intid < VGIC_PRIVATE ? t->vcpu->id : q->target;
}

static u8 lr_state(const struct target *t, const struct virq *q)
{
	return vgic_lr_state_locked(&t->vcpu->vm->vcpus[owner_of(t, q)], q);
}

static bool reads_pending(const struct target *t, const struct virq *q)
{
	return q->pending || q->sgi_sources || q->repend ||
	       (lr_state(t, q) & LR_PENDING);
}

/* ---------------------------------------------- one bit per interrupt */

static bool bit_read(const struct target *t, u32 base, struct virq *q)
{
	switch (base) {
	case GICD_IGROUPR:
		return t->vcpu->vm->vgic.v3; /* all group 1 on v3, 0 on v2 */
	case GICD_ISENABLER:
	case GICD_ICENABLER:
		return q->enabled;
	case GICD_ISPENDR:
	case GICD_ICPENDR:
		return reads_pending(t, q);
	case GICD_ISACTIVER:
	case GICD_ICACTIVER:
		return lr_state(t, q) & LR_ACTIVE;
	}
	return false;
}

static void set_enabled(const struct target *t, struct virq *q, bool on)
{
	q->enabled = on;
	if (q->hw)
		gic_irq_enable(q->intid, hw_cpu(t, q), on);
	if (on)
		t->vcpu->vm->vcpus[owner_of(t, q)].vgic.rescan = true;
}

static void set_pending(const struct target *t, struct virq *q, bool on)
{
	if (q->hw) {
		/* The physical interrupt fires and comes back through EL2. */
		gic_irq_set_pending(q->intid, hw_cpu(t, q), on);
		/* One taken at EL2 and waiting for a list register is active
		 * in the GIC: nothing but this would ever end it. */
		if (!on && q->pending && !q->in_lr)
			gic_irq_clear_active(q->intid, hw_cpu(t, q));
		if (!on)
			q->pending = q->repend = false;
	} else if (on) {
		vgic_set_pending_locked(t->vcpu->vm, q, owner_of(t, q));
	} else {
		q->pending = q->repend = false;
		q->sgi_sources = 0;
	}
}

static void bit_write(const struct target *t, u32 base, struct virq *q)
{
	switch (base) {
	case GICD_ISENABLER:
		set_enabled(t, q, true);
		return;
	case GICD_ICENABLER:
		set_enabled(t, q, false);
		return;
	case GICD_ISPENDR:
		set_pending(t, q, true);
		return;
	case GICD_ICPENDR:
		set_pending(t, q, false);
		return;
	}
	/* IGROUPR, I[SC]ACTIVER, IGRPMODR: fixed, or the guest's own LRs. */
}

static void bits_access(const struct target *t, u32 base, struct mmio_access *a)
{
	u32 first = (t->off - base) * 8;
	u32 value = 0;

	for (u32 bit = 0; bit < 32; bit++) {
		struct virq *q = virq_at(t, first + bit);

		if (!q)
			continue;
		if (!a->write)
			value |= (u32)bit_read(t, base, q) << bit;
		else if (a->value & (1u << bit))
			bit_write(t, base, q);
	}
	a->value = value;
}

/* --------------------------------------- a byte or two bits per interrupt */

static u8 target_byte(const struct target *t, const struct virq *q)
{
	return (u8)(1u << owner_of(t, q));
}

/* GICD_ITARGETSR (v2): the lowest vCPU named, if the VM has it. */
static void route_v2(const struct target *t, struct virq *q, u8 mask)
{
	unsigned vcpus = t->vcpu->vm->vcpu_count;

	if (q->intid < VGIC_PRIVATE)
		return; /* read-only for SGIs and PPIs */
	for (unsigned i = 0; i < vcpus; i++)
		if (mask & (1u << i)) {
			q->target = (u8)i;
			if (q->hw)
				gic_irq_route(q->intid,
					      t->vcpu->vm->vcpus[i].cpu);
			t->vcpu->vm->vcpus[i].vgic.rescan = true;
			return;
		}
}

static void bytes_access(const struct target *t, u32 base,
			 struct mmio_access *a)
{
	u32 first = t->off - base;
	u64 value = 0;

	for (u32 i = 0; i < a->size; i++) {
		struct virq *q = virq_at(t, first + i);
		u8 byte = (u8)(a->value >> (8 * i));

		if (!q)
			continue;
		if (!a->write)
			value |= (u64)(base == GICD_IPRIORITYR
					       ? q->priority
					       : target_byte(t, q))
				 << (8 * i);
		else if (base == GICD_IPRIORITYR)
			q->priority = byte & PRIORITY_MASK;
		else
			route_v2(t, q, byte);
	}
	a->value = value;
}

static void config_access(const struct target *t, struct mmio_access *a)
{
	u32 first = (t->off - GICD_ICFGR) * 4;
	u32 value = 0;

	for (u32 i = 0; i < 16; i++) {
		struct virq *q = virq_at(t, first + i);

		if (!q)
			continue;
		/* SGIs are edge, PPIs level: fixed. SPIs are the guest's. */
		if (a->write && q->intid >= VGIC_PRIVATE) {
			q->edge = a->value & (2u << (2 * i));
			if (q->hw)
				gic_irq_set_edge(q->intid, q->edge);
		}
		value |= (u32)q->edge << (2 * i + 1);
	}
	a->value = value;
}

/* Registers with a field per interrupt; false if `off` is none of them. */
static bool per_irq_access(const struct target *t, struct mmio_access *a)
{
	static const u32 bit_regs[] = {
		GICD_IGROUPR, GICD_ISENABLER, GICD_ICENABLER, GICD_ISPENDR,
		GICD_ICPENDR, GICD_ISACTIVER, GICD_ICACTIVER, GICD_IGRPMODR};
	u32 off = t->off;

	for (unsigned i = 0; i < ARRAY_SIZE(bit_regs); i++)
		if (off >= bit_regs[i] && off < bit_regs[i] + 0x80) {
			bits_access(t, bit_regs[i], a);
			return true;
		}
	if (off >= GICD_IPRIORITYR && off < GICD_IPRIORITYR + 0x400) {
		bytes_access(t, GICD_IPRIORITYR, a);
		return true;
	}
	if (off >= GICD_ITARGETSR && off < GICD_ITARGETSR + 0x400 &&
	    !t->vcpu->vm->vgic.v3) {
		bytes_access(t, GICD_ITARGETSR, a);
		return true;
	}
	if (off >= GICD_ICFGR && off < GICD_ICFGR + 0x100) {
		config_access(t, a);
		return true;
	}
	return false;
}

/* ------------------------------------------------- distributor only */

u32 vgic_typer(const struct vm *vm)
{
	u32 lines = 1; /* interrupts 0..31 */

	for (unsigned i = 0; i < vm->vgic.spi_count; i++)
		lines = MAX(lines, vm->vgic.spis[i].intid / 32u + 1);
	if (vm->vgic.v3)
		return (9u << 19) | (lines - 1); /* 10 INTID bits, no LPIs */
	return ((vm->vcpu_count - 1) << 5) | (lines - 1);
}

static void set_ctlr(struct vm *vm, u32 value)
{
	vm->vgic.ctlr = value & CTLR_ENABLES;
	for (unsigned i = 0; i < vm->vcpu_count; i++) {
		vm->vcpus[i].vgic.dist_off = !vm->vgic.ctlr;
		vm->vcpus[i].vgic.rescan = true;
	}
}

/* GICD_IROUTER<n> (v3): Aff0 must name one of the VM's vCPUs. */
static void irouter_access(const struct target *t, struct mmio_access *a)
{
	struct vm *vm = t->vcpu->vm;
	u32 intid = (t->off - GICD_IROUTER) / 8;
	struct virq *q = virq_at(t, intid);

	if (!q) {
		a->value = 0;
		return;
	}
	if (!a->write) {
		a->value = (t->off & 4) ? 0 : q->target; /* the high half: 0 */
		return;
	}
	/* Bit 31 (any vCPU) routes to vCPU 0; other affinities are refused. */
	if (t->off & 4)
		return;
	if (a->value & (1u << 31))
		a->value = 0;
	if ((a->size == 8 && (a->value >> 32)) || (a->value & 0x7fffff00) ||
	    (a->value & 0xff) >= vm->vcpu_count)
		return;
	q->target = (u8)(a->value & 0xff);
	if (q->hw)
		gic_irq_route(q->intid, vm->vcpus[q->target].cpu);
	vm->vcpus[q->target].vgic.rescan = true;
}

/* GICD_SGIR (v2): target list, all but self, or self. */
static void sgir_write(struct vcpu *vcpu, u32 value)
{
	u32 all = (1u << vcpu->vm->vcpu_count) - 1;
	u32 targets;

	switch ((value >> 24) & 3) {
	case 0:
		targets = (value >> 16) & 0xff;
		break;
	case 1:
		targets = ~(1u << vcpu->id);
		break;
	case 2:
		targets = 1u << vcpu->id;
		break;
	default:
		return;
	}
	if (targets & all)
		vgic_send_sgi(vcpu, targets & all, value & 0xf);
}

/* GICD_[SC]PENDSGIR (v2): a byte per SGI, a bit per sending vCPU. */
static void sgi_pending_access(const struct target *t, bool set,
			       struct mmio_access *a)
{
	u32 first = t->off & 0xf;
	u8 all = (u8)((1u << t->vcpu->vm->vcpu_count) - 1);
	u64 value = 0;

	for (u32 i = 0; i < a->size; i++) {
		struct virq *q = &t->vcpu->vgic.private[first + i];
		u8 bits = (u8)(a->value >> (8 * i)) & all;

		if (!a->write)
			value |= (u64)q->sgi_sources << (8 * i);
		else if (set && bits)
			vgic_pend_sgi_v2_locked(t->vcpu, q, bits);
		else if (!set)
			q->sgi_sources &= (u8)~bits;
	}
	a->value = value;
}

static void dist_access(const struct target *t, struct mmio_access *a)
{
	struct vm *vm = t->vcpu->vm;
	bool v3 = vm->vgic.v3;
	u32 off = t->off;

	if (per_irq_access(t, a))
		return;
	if (v3 && off >= GICD_IROUTER && off < GICD_IROUTER + 0x2000) {
		irouter_access(t, a);
		return;
	}
	if (!v3 && off >= GICD_CPENDSGIR && off < GICD_SPENDSGIR + 0x10) {
		sgi_pending_access(t, off >= GICD_SPENDSGIR, a);
		return;
	}
	/* Reads of the fixed registers and GICD_SGIR never get here. */
	if (a->write && off == GICD_CTLR)
		set_ctlr(vm, (u32)a->value);
	a->value = 0;
}

/* ---------------------------------------------- redistributors (v3) */

static void rd_access(const struct target *t, struct mmio_access *a)
{
	struct vcpu *v = t->vcpu;
	u64 typer = ((u64)v->id << 32) | ((u64)v->id << 8) |
		    (v->id == v->vm->vcpu_count - 1 ? 1u << 4 : 0);

	a->value = 0;
	if (a->write)
		return; /* CTLR, WAKER...: nothing to control */
	if (t->off == GICR_TYPER)
		a->value = a->size == 8 ? typer : (u32)typer;
	else if (t->off == GICR_TYPER + 4)
		a->value = typer >> 32;
	else if (t->off == GICR_IIDR)
		a->value = IIDR_ARM;
	else if (t->off == GICD_PIDR2_V3)
		a->value = 0x30;
}

/* -------------------------------------------------- where, and how */

/* Where ipa lands in the VM's GIC; false if it is none of its frames. */
static bool locate(struct vcpu *vcpu, u64 ipa, struct target *t)
{
	struct vm *vm = vcpu->vm;
	u64 dist_size = vm->vgic.v3 ? GICD_SIZE_V3 : GICD_SIZE_V2;
	u64 off = ipa - platform.gicd_base, frame;

	if (ipa >= platform.gicd_base && off < dist_size) {
		*t = (struct target){.vcpu = vcpu, .off = (u32)off};
		return true;
	}
	off = ipa - platform.gicr_base;
	frame = off / GICR_FRAME;
	if (!vm->vgic.v3 || ipa < platform.gicr_base || frame >= vm->vcpu_count)
		return false;
	*t = (struct target){.vcpu = &vm->vcpus[frame],
			     .off = (u32)(off % GICR_FRAME)};
	if (t->off < GICR_SGI_FRAME) {
		t->rd_frame = true;
	} else {
		t->redist = true;
		t->off -= GICR_SGI_FRAME;
	}
	return true;
}

static bool within(u32 off, u32 base, u32 size)
{
	return off - base < size;
}

/* Registers with a byte per interrupt (or per SGI), byte-accessible. */
static bool byte_register(const struct target *t)
{
	if (t->rd_frame)
		return false;
	if (t->redist)
		return within(t->off, GICD_IPRIORITYR, VGIC_PRIVATE);
	if (within(t->off, GICD_IPRIORITYR, 0x400))
		return true;
	return !t->vcpu->vm->vgic.v3 &&
	       (within(t->off, GICD_ITARGETSR, 0x400) ||
		within(t->off, GICD_CPENDSGIR, 0x20));
}

/* The 64-bit registers Bulkhead emulates. */
static bool dword_register(const struct target *t)
{
	if (t->rd_frame)
		return t->off == GICR_TYPER;
	return !t->redist && t->vcpu->vm->vgic.v3 &&
	       within(t->off, GICD_IROUTER, 0x2000);
}

/*
 * The accesses the GIC architecture defines (GICv2 and GICv3
 * specifications, "GIC register access"): an aligned word to any
 * register; a byte to the byte-per-interrupt ones (IPRIORITYR, and on
 * GICv2 ITARGETSR and [SC]PENDSGIR); an aligned doubleword to the 64-bit
 * ones (IROUTER, GICR_TYPER). Never a halfword. What a GIC does with the
 * others is not defined; here they are not guessed at but aborted.
 */
static bool access_allowed(const struct target *t, const struct mmio_access *a)
{
	if (t->off & (a->size - 1u))
		return false;
	switch (a->size) {
	case 1:
		return byte_register(t);
	case 4:
		return true;
	case 8:
		return dword_register(t);
	}
	return false;
}

const char *vgic_frame_name(struct vcpu *vcpu, u64 ipa)
{
	struct target t;

	if (!locate(vcpu, ipa, &t))
		return NULL;
	return t.rd_frame || t.redist ? "GIC redistributor" : "GIC distributor";
}

/*
 * Distributor registers that are fixed, or a single word: read without the
 * lock (the guest's most frequent distributor reads: a fast path). The
 * only place these registers are read.
 */
bool vgic_dist_read32(const struct vm *vm, u64 ipa, u32 *value)
{
	bool v3 = vm->vgic.v3;

	switch (ipa - platform.gicd_base) {
	case GICD_CTLR:
		*value = vm->vgic.ctlr | (v3 ? CTLR_V3_RAO : 0);
		return true;
	case GICD_TYPER:
		*value = vm->vgic.typer;
		return true;
	case GICD_IIDR:
		*value = IIDR_ARM;
		return true;
	case GICD_PIDR2_V2:
		*value = v3 ? 0 : 0x20;
		return true;
	case GICD_PIDR2_V3:
		*value = 0x30;
		return v3; /* beyond a GICv2 distributor */
	}
	return false;
}

/* GICD_SGIR (v2) needs no lock: SGIs go through the targets' mailboxes. */
bool vgic_dist_write32(struct vcpu *vcpu, u64 ipa, u32 value)
{
	if (vcpu->vm->vgic.v3 || ipa != platform.gicd_base + GICD_SGIR)
		return false;
	sgir_write(vcpu, value);
	return true;
}

bool vgic_mmio(struct vcpu *vcpu, struct mmio_access *a)
{
	struct vm *vm = vcpu->vm;
	struct vgic *g = &vm->vgic;
	struct target t;
	u32 word;

	if (!a->write && a->size == 4 && vgic_dist_read32(vm, a->ipa, &word)) {
		a->value = word;
		return true;
	}
	if (a->write && a->size == 4 &&
	    vgic_dist_write32(vcpu, a->ipa, a->value))
		return true;
	if (!locate(vcpu, a->ipa, &t) || !access_allowed(&t, a))
		return false;
	if (!a->write)
		a->value = 0;
	spin_lock(&g->lock);
	vgic_take_all_mail_locked(vm);
	if (t.rd_frame)
		rd_access(&t, a);
	else if (!t.redist)
		dist_access(&t, a);
	else if (!per_irq_access(&t, a))
		a->value = 0; /* SGI frame, no such register */
	/*
	 * A write may have made interrupts deliverable, anywhere; and taking
	 * the mailboxes above may have taken an SGI whose IPI its target's
	 * core has already answered. Either way, its core must look again.
	 */
	for (unsigned i = 0; i < vm->vcpu_count; i++)
		vgic_kick_locked(vm, i);
	spin_unlock(&g->lock);
	return true;
}
