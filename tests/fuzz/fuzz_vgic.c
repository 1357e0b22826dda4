/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: the vGIC (src/core/interrupts/vgic.c, vgic_mmio.c) driven by a
 * guest and by hardware, on the fake arch of the host unit tests.
 *
 * Input: byte 0 picks the VM (bit 0: GICv3, else GICv2; bits 1-2: 1..4
 * vCPUs); then operations, each an opcode byte and its operands (bytes
 * past the end read as zero):
 *
 *   MMIO     vCPU, window (GICD / GICR RD frame / GICR SGI frame / anywhere),
 *            frame, 16-bit offset, size and direction, 64-bit value
 *   SGI1R    vCPU, 64-bit ICC_SGI1R_EL1 value (GICv3 only)
 *   HW IRQ   which INTID (owned or not), vCPU: a physical interrupt arrives
 *   GUEST LR vCPU, LR: the guest moves it pending -> active -> invalid
 *   FLUSH    vCPU: it returns to the guest (IPI, maintenance interrupt)
 *
 * Each core has its own list registers: an operation for vCPU v loads
 * core v's into the fake GIC and saves them afterwards. After every
 * operation the invariants below must hold, or the target aborts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_arch.h"
#include "platform.h"
#include "vgic.h"
#include "vm_fixture.h"

#define GICD_SIZE_V3   0x10000
#define GICD_SIZE_V2   0x1000
#define GICR_FRAME     0x20000
#define GICR_SGI_FRAME 0x10000

struct input {
	const u8 *p;
	size_t left;
};

struct fuzz {
	struct vm *vm;
	/* Each core's virtual interface: list registers, refill interrupt. */
	struct gic_lr lrs[CONFIG_MAX_CPUS][FAKE_LRS];
	bool refill_irq[CONFIG_MAX_CPUS];
	/* Physical interrupts acked by EL2 and not yet deactivated by the
	 * guest: the GIC does not signal them again. */
	bool ppi_active[CONFIG_MAX_CPUS][VGIC_PRIVATE];
	bool spi_active[FAKE_IRQS];
};

enum op { OP_MMIO, OP_SGI1R, OP_HW_IRQ, OP_GUEST_LR, OP_FLUSH, OP_COUNT };

static u8 take_u8(struct input *in)
{
	if (!in->left)
		return 0;
	in->left--;
	return *in->p++;
}

/* n bytes, little-endian. */
static u64 take_le(struct input *in, unsigned n)
{
	u64 v = 0;

	for (unsigned i = 0; i < n; i++)
		v |= (u64)take_u8(in) << (8 * i);
	return v;
}

static void check(bool ok, const char *what)
{
	if (ok)
		return;
	fprintf(stderr, "vGIC invariant broken: %s\n", what);
	abort();
}

/* ------------------------------------------------ what the VM has */

static bool owns_spi(const struct vm *vm, u32 intid)
{
	for (size_t i = 0; i < vm->cfg->irq_count; i++)
		if (vm->cfg->irqs[i] == intid)
			return true;
	return false;
}

static bool is_timer(u32 intid)
{
	return intid == GIC_VTIMER_IRQ || intid == GIC_PTIMER_IRQ;
}

/* Interrupts whose physical controls the VM may reach. */
static bool owns_hw(const struct vm *vm, u32 intid)
{
	return is_timer(intid) || owns_spi(vm, intid);
}

/* Interrupts the VM's GIC has at all: also its (virtual) SGIs. */
static bool vm_has(const struct vm *vm, u32 intid)
{
	return intid < 16 || owns_hw(vm, intid);
}

/* ------------------------------------------- a core and its vCPU */

static struct vcpu *enter(struct fuzz *f, unsigned v)
{
	memcpy(fake.lr, f->lrs[v], sizeof(fake.lr));
	fake.refill_irq = f->refill_irq[v];
	fake.cpu = f->vm->vcpus[v].cpu;
	return &f->vm->vcpus[v];
}

static void leave(struct fuzz *f, const struct vcpu *vcpu)
{
	memcpy(f->lrs[vcpu->id], fake.lr, sizeof(fake.lr));
	f->refill_irq[vcpu->id] = fake.refill_irq;
}

static unsigned take_vcpu(struct fuzz *f, struct input *in)
{
	return take_u8(in) % f->vm->vcpu_count;
}

static bool *phys_active(struct fuzz *f, unsigned v, u32 intid)
{
	return intid < VGIC_PRIVATE ? &f->ppi_active[v][intid]
				    : &f->spi_active[intid % FAKE_IRQS];
}

/* ------------------------------------------------------ operations */

/* A guest access: aligned (Device memory), somewhere in the GIC windows. */
static struct mmio_access take_access(struct input *in)
{
	u8 where = take_u8(in), frame = take_u8(in) % (CONFIG_MAX_CPUS + 1);
	u64 off = take_le(in, 2);
	u8 how = take_u8(in);
	struct mmio_access a = {.size = (u8)(1u << (how & 3)),
				.write = how & 4};

	switch (where % 4) {
	case 0:
		a.ipa = platform.gicd_base + off;
		break;
	case 1:
		a.ipa = platform.gicr_base + frame * GICR_FRAME + off;
		break;
	case 2:
		a.ipa = platform.gicr_base + frame * GICR_FRAME +
			GICR_SGI_FRAME + off;
		break;
	default:
		a.ipa = platform.gicd_base + (off << 5 | (where >> 3));
	}
	a.ipa &= ~(u64)(a.size - 1);
	a.value = take_le(in, 8);
	return a;
}

static bool is_vgic_address(const struct vm *vm, u64 ipa)
{
	u64 dist_size = vm->vgic.v3 ? GICD_SIZE_V3 : GICD_SIZE_V2;

	if (ipa >= platform.gicd_base && ipa - platform.gicd_base < dist_size)
		return true;
	return vm->vgic.v3 && ipa >= platform.gicr_base &&
	       (ipa - platform.gicr_base) / GICR_FRAME < vm->vcpu_count;
}

static void op_mmio(struct fuzz *f, struct input *in)
{
	struct vcpu *vcpu = enter(f, take_vcpu(f, in));
	struct mmio_access a = take_access(in);
	bool handled = vgic_mmio(vcpu, &a);
	bool in_vgic = is_vgic_address(f->vm, a.ipa);

	leave(f, vcpu);
	check(!handled || in_vgic,
	      "vgic_mmio() claims only the vGIC's windows");
	/* take_access() aligns it; other sizes depend on the register. */
	check(handled || !in_vgic || a.size != 4,
	      "vgic_mmio() takes every aligned word in them");
}

static void op_sgi1r(struct fuzz *f, struct input *in)
{
	struct vcpu *vcpu = enter(f, take_vcpu(f, in));
	u64 value = take_le(in, 8);

	if (f->vm->vgic.v3) /* GICv2 guests have no ICC_SGI1R_EL1 */
		vgic_sgi1r(vcpu, value);
	leave(f, vcpu);
}

/* The vCPU whose core a physical interrupt is signalled on. */
static unsigned arrival_vcpu(struct fuzz *f, u32 intid, unsigned chosen)
{
	struct vm *vm = f->vm;

	if (intid < VGIC_PRIVATE || !owns_spi(vm, intid))
		return chosen;
	for (unsigned v = 0; v < vm->vcpu_count; v++)
		if (vm->vcpus[v].cpu == fake.irq_route[intid])
			return v;
	check(false, "an owned SPI is routed to a core of the VM");
	return 0;
}

static void op_hw_irq(struct fuzz *f, struct input *in)
{
	static const u32 intids[] = {GIC_VTIMER_IRQ,
				     GIC_PTIMER_IRQ,
				     FIXTURE_SPI_A,
				     FIXTURE_SPI_B,
				     1,
				     15,
				     26,
				     31,
				     32,
				     33,
				     41,
				     1019};
	u32 intid = intids[take_u8(in) % ARRAY_SIZE(intids)];
	unsigned v = arrival_vcpu(f, intid, take_vcpu(f, in));
	bool *active = phys_active(f, v, intid);
	unsigned deactivated = fake.deactivated;
	struct vcpu *vcpu;

	if (owns_hw(f->vm, intid) && *active)
		return; /* the GIC holds it until the guest deactivates it */
	vcpu = enter(f, v);
	if (!vgic_tick(vcpu, intid)) /* as irq_from_guest() does */
		vgic_hw_irq(vcpu, intid);
	leave(f, vcpu);
	if (owns_hw(f->vm, intid))
		*active = true;
	else
		check(fake.deactivated == deactivated + 1,
		      "a foreign interrupt is deactivated at once");
}

/* What a guest does with a list register: acknowledge, then deactivate
 * (which, for a hardware interrupt, deactivates the physical one). */
static void op_guest_lr(struct fuzz *f, struct input *in)
{
	unsigned v = take_vcpu(f, in);
	struct gic_lr *lr = &f->lrs[v][take_u8(in) % FAKE_LRS];

	if (lr->state == LR_PENDING) {
		lr->state = LR_ACTIVE;
		return;
	}
	if (!(lr->state & LR_ACTIVE))
		return;
	lr->state &= (u8)~LR_ACTIVE;
	if (lr->hw)
		*phys_active(f, v, lr->pirq) = false;
}

/* ------------------------------------------------------ invariants */

static void check_virq(const struct vm *vm, const struct virq *q)
{
	check(!(q->sgi_sources & ~((1u << vm->vcpu_count) - 1)),
	      "GICv2 SGI sources are the VM's vCPUs");
	check(!vm->vgic.v3 || !q->sgi_sources, "no SGI sources on GICv3");
}

/* Every virq of the VM; returns how many are in_lr. */
static unsigned check_virqs(const struct vm *vm)
{
	unsigned in_lr = 0;

	for (unsigned v = 0; v < vm->vcpu_count; v++)
		for (unsigned i = 0; i < VGIC_PRIVATE; i++) {
			check_virq(vm, &vm->vcpus[v].vgic.private[i]);
			in_lr += vm->vcpus[v].vgic.private[i].in_lr;
		}
	for (unsigned i = 0; i < vm->vgic.spi_count; i++) {
		check_virq(vm, &vm->vgic.spis[i]);
		in_lr += vm->vgic.spis[i].in_lr;
	}
	return in_lr;
}

static void check_lr(const struct fuzz *f, unsigned v, unsigned n)
{
	const struct vcpu *vcpu = &f->vm->vcpus[v];
	const struct virq *q = vcpu->vgic.lr[n];
	const struct gic_lr *lr = &f->lrs[v][n];

	if (!q) {
		check(!lr->state,
		      "a list register the vGIC thinks free is empty");
		return;
	}
	check(q->in_lr, "a virq in an lr[] entry is in_lr");
	check(lr->virq == q->intid, "an LR holds the virq lr[] says");
	check(q->intid >= VGIC_PRIVATE || q == &vcpu->vgic.private[q->intid],
	      "an LR holds its own vCPU's SGIs and PPIs");
	check(vm_has(f->vm, lr->virq), "an LR holds only the VM's interrupts");
	check(!lr->hw || (lr->pirq == lr->virq && owns_hw(f->vm, lr->pirq)),
	      "a hardware LR deactivates only the VM's own interrupt");
}

/* Every lr[] entry of every vCPU; returns how many are set, and checks
 * that no virq is in two. */
static unsigned check_lrs(const struct fuzz *f)
{
	const struct virq *held[CONFIG_MAX_CPUS * FAKE_LRS];
	unsigned count = 0;

	for (unsigned v = 0; v < f->vm->vcpu_count; v++)
		for (unsigned n = 0; n < FAKE_LRS; n++) {
			const struct virq *q = f->vm->vcpus[v].vgic.lr[n];

			check_lr(f, v, n);
			for (unsigned i = 0; q && i < count; i++)
				check(held[i] != q, "a virq is in one LR");
			if (q)
				held[count++] = q;
		}
	return count;
}

/* gic_irq_*() calls, for the interrupts the VM may control. */
static unsigned own_irq_calls(const struct vm *vm)
{
	unsigned calls =
		fake.irq_calls[GIC_VTIMER_IRQ] + fake.irq_calls[GIC_PTIMER_IRQ];

	for (size_t i = 0; i < vm->cfg->irq_count; i++)
		calls += fake.irq_calls[vm->cfg->irqs[i]];
	return calls;
}

static void check_all(const struct fuzz *f)
{
	check(check_lrs(f) == check_virqs(f->vm),
	      "a virq is in_lr exactly when an lr[] entry holds it");
	check(fake.irq_calls_all == own_irq_calls(f->vm),
	      "no physical control of another VM's interrupt");
	for (unsigned v = 0; v < f->vm->vcpu_count; v++)
		check(f->vm->vcpus[v].vgic.dist_off == !f->vm->vgic.ctlr,
		      "each vCPU's dist_off is its distributor's enable");
}

/* The end of a run: nothing else in the physical GIC was changed. */
static void check_hw_untouched(const struct vm *vm)
{
	for (u32 intid = 0; intid < FAKE_IRQS; intid++)
		check(owns_hw(vm, intid) || (!fake.irq_enabled[intid] &&
					     !fake.irq_pending[intid] &&
					     !fake.irq_route[intid]),
		      "another VM's interrupt is as it was");
}

/* The oracle: could q go into one of vCPU v's list registers? */
static bool waits_for(const struct vm *vm, unsigned v, const struct virq *q)
{
	bool pending = q->pending || q->sgi_sources;

	return q->exists && !q->in_lr && q->enabled && vm->vgic.ctlr &&
	       pending && (q->intid < VGIC_PRIVATE || q->target == v);
}

static const struct virq *better(const struct virq *a, const struct virq *b)
{
	return !a || (b && b->priority < a->priority) ? b : a;
}

static const struct virq *best_waiting(const struct vm *vm, unsigned v)
{
	const struct virq *best = NULL;

	for (unsigned i = 0; i < VGIC_PRIVATE; i++) {
		const struct virq *q = &vm->vcpus[v].vgic.private[i];

		best = better(best, waits_for(vm, v, q) ? q : NULL);
	}
	for (unsigned i = 0; i < vm->vgic.spi_count; i++) {
		const struct virq *q = &vm->vgic.spis[i];

		best = better(best, waits_for(vm, v, q) ? q : NULL);
	}
	return best;
}

/* Right after vCPU v's flush: the list registers hold the best. */
static void check_flushed(const struct fuzz *f, unsigned v)
{
	const struct vm *vm = f->vm;
	const struct virq *best = best_waiting(vm, v);

	if (!best)
		return;
	check(f->refill_irq[v], "the refill interrupt is on while any wait");
	for (unsigned n = 0; n < FAKE_LRS; n++) {
		const struct virq *held = vm->vcpus[v].vgic.lr[n];

		check(held != NULL, "no LR is left free while interrupts wait");
		if (f->lrs[v][n].state == LR_PENDING)
			check(held->priority <= best->priority,
			      "no waiting virq outranks a pending LR entry");
	}
}

/* A flush, or the hypervisor IPI's SGI fast path first (irq.c). */
static void op_flush(struct fuzz *f, struct input *in)
{
	bool ipi = take_u8(in) & 1;
	struct vcpu *vcpu = enter(f, take_vcpu(f, in));

	if (!ipi || !vgic_take_sgi_fast(vcpu))
		vgic_flush(vcpu);
	leave(f, vcpu);
	check_flushed(f, vcpu->id);
}

/* ---------------------------------------------------------- driver */

static void run_op(struct fuzz *f, struct input *in)
{
	switch (take_u8(in) % OP_COUNT) {
	case OP_MMIO:
		op_mmio(f, in);
		break;
	case OP_SGI1R:
		op_sgi1r(f, in);
		break;
	case OP_HW_IRQ:
		op_hw_irq(f, in);
		break;
	case OP_GUEST_LR:
		op_guest_lr(f, in);
		break;
	default:
		op_flush(f, in);
	}
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static struct fuzz f;
	struct input in = {data, size};
	u8 setup = take_u8(&in);

	memset(&f, 0, sizeof(f));
	f.vm = fixture_vm_gic(1 + (setup >> 1) % 4, setup & 1);
	for (unsigned v = 0; v < f.vm->vcpu_count; v++)
		f.vm->vcpus[v].state = VCPU_ON; /* the guest runs on each */
	check_all(&f);
	while (in.left) {
		run_op(&f, &in);
		check_all(&f);
	}
	check_hw_untouched(f.vm);
	return 0;
}
