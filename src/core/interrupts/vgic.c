/* SPDX-License-Identifier: MIT */
/*
 * Virtual interrupt state and list registers. Every virtual interrupt of a
 * VM lives in a struct virq under the VM's vGIC lock. A vCPU's list
 * registers are only ever touched by its own core: other cores mark an
 * interrupt pending, note it in the target's `incoming` set and send its
 * core an IPI.
 *
 * The list registers hold the highest-priority interrupts that are
 * pending (or active) for the vCPU; the rest wait in their virq. A new
 * interrupt that outranks a merely pending one in a list register takes
 * its place, so the guest always sees interrupts in priority order. When
 * interrupts wait, the underflow maintenance interrupt brings the core
 * back to refill as the guest drains the list registers.
 */
#include "vgic.h"
#include "arch.h"
#include "platform.h"
#include "vm.h"

static unsigned nr_lrs; /* list registers per core: the same on all */

/*
 * A forwarded (hardware) interrupt is deactivated by the guest through its
 * list register, or, where the GIC model mishandles that (Kconfig
 * VGIC_DEACTIVATE_AT_EL2), by the hypervisor when the guest's EOI raises a
 * maintenance interrupt (free_done_lrs()).
 */
#ifdef CONFIG_VGIC_DEACTIVATE_AT_EL2
#define DEACTIVATE_AT_EL2 true
#else
#define DEACTIVATE_AT_EL2 false
#endif

/* How interrupt q goes into a list register. */
static struct gic_lr lr_for(const struct virq *q)
{
	return (struct gic_lr){.virq = q->intid,
			       .pirq = q->intid,
			       .priority = q->priority,
			       .hw = q->hw && !DEACTIVATE_AT_EL2,
			       .eoi_irq = q->hw && DEACTIVATE_AT_EL2,
			       .state = LR_PENDING};
}

static void init_private(struct vgic_cpu *c)
{
	for (unsigned i = 0; i < VGIC_PRIVATE; i++) {
		struct virq *q = &c->private[i];
		bool timer = i == GIC_VTIMER_IRQ || i == GIC_PTIMER_IRQ;

		*q = (struct virq){.intid = (u16)i,
				   .slot = (u8)i,
				   .exists = i < 16 || timer,
				   .edge = i < 16,
				   .hw = timer};
	}
	for (unsigned n = 0; n < VGIC_MAX_LRS; n++)
		c->lr[n] = NULL;
	c->lr_used = 0;
	/* Senders OR into it without the lock. */
	__atomic_store_n(&c->sgi_mail[0], 0, __ATOMIC_RELAXED);
	__atomic_store_n(&c->sgi_mail[1], 0, __ATOMIC_RELAXED);
	c->incoming = 0;
	c->rescan = false;
	c->repends = false;
	c->waiting = false;
}

static void add_spi(struct vgic *g, u32 intid, bool hw)
{
	unsigned i = g->spi_count++;

	g->spis[i] = (struct virq){.intid = (u16)intid,
				   .slot = (u8)(VGIC_PRIVATE + i),
				   .exists = true,
				   .hw = hw};
}

/* The VM's own physical SPIs, then its console's virtual one. */
static void init_spis(struct vm *vm)
{
	struct vgic *g = &vm->vgic;

	g->spi_count = 0;
	for (size_t i = 0; i < vm->cfg->irq_count; i++)
		add_spi(g, vm->cfg->irqs[i], true);
	if (vm->cfg->console.ipa)
		add_spi(g, vm->cfg->console.irq, false);
}

void vgic_init(struct vm *vm)
{
	nr_lrs = gic_lr_count();
	vm->vgic.v3 = platform.gic_version == 3;
	vm->vgic.lock = (struct spinlock)SPINLOCK_INIT;
}

/*
 * Forget every SPI's state, here and in the physical GIC. Under the lock:
 * the cores of the VM's off vCPUs still take interrupts in their idle
 * loops and queue them here (vgic_hw_irq()).
 */
void vgic_reset(struct vm *vm)
{
	struct vgic *g = &vm->vgic;

	spin_lock(&g->lock);
	g->ctlr = 0;
	init_spis(vm);
	g->typer = vgic_typer(vm);
	for (unsigned i = 0; i < g->spi_count; i++) {
		u32 intid = g->spis[i].intid;

		if (!g->spis[i].hw)
			continue;
		gic_irq_enable(intid, 0, false);
		gic_irq_set_pending(intid, 0, false);
		gic_irq_clear_active(intid, 0);
		gic_irq_route(intid, vm->vcpus[0].cpu);
	}
	for (unsigned i = 0; i < vm->vcpu_count; i++) {
		init_private(&vm->vcpus[i].vgic);
		vm->vcpus[i].vgic.dist_off = true;
	}
	spin_unlock(&g->lock);
}

/*
 * A timer tick taken at EL2 stays active in the GIC until the guest's
 * deactivation (or, with DEACTIVATE_AT_EL2, its EOI) ends it; one the last
 * run never finished, in a list register or still queued for one, would
 * keep the restarted vCPU's timer silent for good. End both timers' state
 * (they are this core's banked PPIs), disabled until the guest enables them.
 */
static void end_timer_ticks(unsigned cpu)
{
	static const u32 timers[] = {GIC_VTIMER_IRQ, GIC_PTIMER_IRQ};

	for (unsigned i = 0; i < ARRAY_SIZE(timers); i++) {
		gic_irq_enable(timers[i], cpu, false);
		gic_irq_set_pending(timers[i], cpu, false);
		gic_irq_clear_active(timers[i], cpu);
	}
}

void vgic_vcpu_reset(struct vcpu *vcpu)
{
	struct vgic *g = &vcpu->vm->vgic;

	spin_lock(&g->lock);
	init_private(&vcpu->vgic);
	vcpu->vgic.dist_off = !g->ctlr;
	gic_vcpu_reset();
	end_timer_ticks(vcpu->cpu);
	vcpu->vgic.refill_irq = false;
	spin_unlock(&g->lock);
}

/* ------------------------------------------------------------------ */

static bool is_pending(const struct virq *q)
{
	return q->pending || q->sgi_sources;
}

/* Could this interrupt go into a list register of its vCPU now? */
static bool deliverable(const struct vgic *g, const struct virq *q)
{
	return !q->in_lr && q->enabled && g->ctlr && is_pending(q);
}

/* deliverable(), for an interrupt whose list register just emptied
 * (an SPI may have been routed elsewhere meanwhile). */
static bool deliverable_again(const struct vcpu *vcpu, const struct virq *q)
{
	return q->enabled && vcpu->vm->vgic.ctlr && is_pending(q) &&
	       (q->intid < VGIC_PRIVATE || q->target == vcpu->id);
}

static bool outranks(const struct virq *a, const struct virq *b)
{
	return !b || a->priority < b->priority ||
	       (a->priority == b->priority && a->intid < b->intid);
}

/* The best interrupt waiting for this vCPU's list registers, if any. */
static struct virq *best_waiting(struct vcpu *vcpu)
{
	struct vgic *g = &vcpu->vm->vgic;
	struct virq *best = NULL;

	for (unsigned i = 0; i < VGIC_PRIVATE; i++) {
		struct virq *q = &vcpu->vgic.private[i];

		if (deliverable(g, q) && outranks(q, best))
			best = q;
	}
	for (unsigned i = 0; i < g->spi_count; i++) {
		struct virq *q = &g->spis[i];

		if (q->target == vcpu->id && deliverable(g, q) &&
		    outranks(q, best))
			best = q;
	}
	return best;
}

/* GICv2 SGIs carry their sender; one list register per sender. */
static u8 take_sgi_source(struct virq *q)
{
	u8 source = (u8)__builtin_ctz(q->sgi_sources);

	q->sgi_sources &= (u8) ~(1u << source);
	return source;
}

/* Hand one pending instance of the interrupt to LR n. */
static void put_in_lr(struct vcpu *vcpu, unsigned n, struct virq *q)
{
	struct gic_lr lr = lr_for(q);

	if (q->sgi_sources)
		lr.source = take_sgi_source(q);
	else
		q->pending = false;
	gic_lr_write(n, &lr);
	q->lr_source = lr.source;
	q->lr = (u8)n;
	q->in_lr = true;
	vcpu->vgic.lr[n] = q;
	vcpu->vgic.lr_used |= 1u << n;
}

/* The bit for q in its vCPU's `incoming` set. */
static u64 incoming_bit(const struct virq *q)
{
	return 1ULL << q->slot;
}

/*
 * q left this vCPU's list registers still pending: the vCPU it is for now
 * must place it. An SPI may have been routed to another vCPU while it sat
 * here; that vCPU's core is told, or it would wait for an unrelated exit.
 */
static void requeue(struct vcpu *vcpu, struct virq *q)
{
	unsigned owner = q->intid < VGIC_PRIVATE ? vcpu->id : q->target;

	vcpu->vm->vcpus[owner].vgic.incoming |= incoming_bit(q);
	if (owner != vcpu->id)
		vgic_kick_locked(vcpu->vm, owner);
}

/*
 * List registers the guest is done with (deactivated: empty again) go
 * back to the pool. An edge that came while it was in use is pending now;
 * when nothing else waits, that next instance (a new edge, a GICv2
 * sender) goes straight back into the same register: the common case of
 * an SGI sent again and again.
 */
static void free_done_lrs(struct vcpu *vcpu)
{
	struct vgic_cpu *c = &vcpu->vgic;
	struct gic_lr none = {0};
	u32 done = (u32)(gic_lr_empty_mask() | gic_lr_eoi_mask()) & c->lr_used;

	while (done) {
		unsigned n = (unsigned)__builtin_ctz(done);
		struct virq *q = c->lr[n];

		done &= done - 1;
		if (q->hw && DEACTIVATE_AT_EL2)
			gic_deactivate(
				q->intid); /* the guest is done with it */
		if (q->repend) {
			q->pending = true;
			q->repend = false;
		}
		if (!c->waiting && deliverable_again(vcpu, q)) {
			put_in_lr(vcpu, n, q);
			continue;
		}
		/* Clear it: an EOI-signalled register stays so until then. */
		gic_lr_write(n, &none);
		q->in_lr = false;
		c->lr[n] = NULL;
		c->lr_used &= ~(1u << n);
		if (is_pending(q))
			requeue(vcpu, q);
	}
}

/*
 * A new instance of an interrupt still in a list register (a new edge, a
 * GICv2 SGI from another sender): ask for an EOI maintenance interrupt
 * from that register, to place it again then. One still pending there
 * absorbs a new edge, or on GICv2 a new SGI from the same sender.
 * (Hardware interrupts cannot fire again before the guest is done.)
 */
static void watch_repends(struct vcpu *vcpu)
{
	struct vgic_cpu *c = &vcpu->vgic;

	for (u32 used = c->lr_used; used; used &= used - 1) {
		unsigned n = (unsigned)__builtin_ctz(used);
		struct virq *q = c->lr[n];
		struct gic_lr lr = {.virq = q->intid,
				    .priority = q->priority,
				    .source = q->lr_source,
				    .eoi_irq = true};

		if (q->hw || !(q->repend || q->sgi_sources))
			continue;
		lr.state = gic_lr_state(n);
		if (lr.state & LR_PENDING) {
			q->repend = false;
			q->sgi_sources &= (u8) ~(1u << q->lr_source);
			if (!q->sgi_sources)
				continue;
		}
		gic_lr_write(n, &lr);
	}
}

static int free_lr(const struct vgic_cpu *c)
{
	u32 free = ~c->lr_used & ((1u << nr_lrs) - 1);

	return free ? __builtin_ctz(free) : -1;
}

/* The list register holding the lowest-priority interrupt that is only
 * pending, if `q` outranks it: the guest has not seen it yet. */
static int evictable_lr(struct vcpu *vcpu, const struct virq *q)
{
	struct vgic_cpu *c = &vcpu->vgic;
	int worst = -1;

	for (unsigned n = 0; n < nr_lrs; n++) {
		struct virq *held = c->lr[n];

		if (!held || gic_lr_state(n) != LR_PENDING)
			continue;
		if (outranks(q, held) &&
		    (worst < 0 || outranks(c->lr[worst], held)))
			worst = (int)n;
	}
	return worst;
}

static void evict(struct vcpu *vcpu, unsigned n)
{
	struct virq *q = vcpu->vgic.lr[n];
	struct gic_lr none = {0};

	gic_lr_write(n, &none);
	q->in_lr = false;
	if (!vcpu->vm->vgic.v3 && q->intid < 16)
		q->sgi_sources |= (u8)(1u << q->lr_source);
	else
		q->pending = true;
	vcpu->vgic.lr[n] = NULL;
	vcpu->vgic.lr_used &= ~(1u << n);
	if (q->intid >= VGIC_PRIVATE && q->target != vcpu->id)
		requeue(vcpu, q); /* re-routed while it sat here */
	else
		vcpu->vgic.waiting = true; /* it waits for a register again */
}

/* Into a free list register, or in place of a lesser pending one. */
static bool place(struct vcpu *vcpu, struct virq *q)
{
	int n = free_lr(&vcpu->vgic);

	if (n < 0) {
		n = evictable_lr(vcpu, q);
		if (n < 0)
			return false;
		evict(vcpu, (unsigned)n);
	}
	put_in_lr(vcpu, (unsigned)n, q);
	return true;
}

/* Everything deliverable, best first, until the list registers are full. */
static void fill_all(struct vcpu *vcpu)
{
	struct virq *q;

	vcpu->vgic.waiting = false;
	while ((q = best_waiting(vcpu)))
		if (!place(vcpu, q)) {
			vcpu->vgic.waiting = true;
			return;
		}
}

/*
 * Only what became pending since the last flush, when nothing else waits
 * and no enable or priority changed: the common case, with no scan.
 */
static bool place_incoming(struct vcpu *vcpu)
{
	struct vgic_cpu *c = &vcpu->vgic;
	struct vgic *g = &vcpu->vm->vgic;

	while (c->incoming) {
		unsigned i = (unsigned)__builtin_ctzll(c->incoming);
		struct virq *q = i < VGIC_PRIVATE ? &c->private[i]
						  : &g->spis[i - VGIC_PRIVATE];

		c->incoming &= c->incoming - 1;
		if (deliverable(g, q) && !place(vcpu, q))
			return false;
	}
	return true;
}

/* With the lock held: the vCPU's mailbox into its SGIs' state. */
static void take_mail_locked(struct vcpu *vcpu)
{
	struct vgic_cpu *c = &vcpu->vgic;

	for (unsigned w = 0; w < 2; w++) {
		u64 mail = __atomic_exchange_n(&c->sgi_mail[w], 0,
					       __ATOMIC_ACQUIRE);

		for (; mail; mail &= mail - 1) {
			unsigned bit = (unsigned)__builtin_ctzll(mail);
			struct virq *q = &c->private[w * 8 + bit / 8];

			if (vcpu->vm->vgic.v3)
				vgic_set_pending_locked(vcpu->vm, q, vcpu->id);
			else
				vgic_pend_sgi_v2_locked(vcpu, q,
							(u8)(1u << (bit % 8)));
		}
	}
}

static void flush_locked(struct vcpu *vcpu)
{
	struct vgic_cpu *c = &vcpu->vgic;

	take_mail_locked(vcpu);
	free_done_lrs(vcpu);
	if (c->repends)
		watch_repends(vcpu);
	c->repends = false;
	if (c->rescan || c->waiting || !place_incoming(vcpu))
		fill_all(vcpu);
	c->incoming = 0;
	c->rescan = false;
	if (c->refill_irq != c->waiting) {
		gic_set_refill_irq(c->waiting);
		c->refill_irq = c->waiting;
	}
}

void vgic_flush(struct vcpu *vcpu)
{
	struct vgic *g = &vcpu->vm->vgic;

	spin_lock(&g->lock);
	flush_locked(vcpu);
	spin_unlock(&g->lock);
}

u8 vgic_lr_state_locked(const struct vcpu *vcpu, const struct virq *q)
{
	if (!q->in_lr)
		return 0;
	/* Another core's list registers cannot be read from here. */
	if (vcpu->cpu != arch_cpu_id())
		return LR_PENDING;
	return gic_lr_state(q->lr);
}

bool vgic_vcpu_has_pending(struct vcpu *vcpu)
{
	struct vgic *g = &vcpu->vm->vgic;
	bool pending;

	spin_lock(&g->lock);
	flush_locked(vcpu);
	pending = vcpu->vgic.waiting;
	for (unsigned n = 0; n < nr_lrs && !pending; n++)
		pending = (vcpu->vgic.lr_used >> n & 1) &&
			  (gic_lr_state(n) & LR_PENDING);
	spin_unlock(&g->lock);
	return pending;
}

bool vgic_needs_flush(const struct vcpu *vcpu)
{
	const struct vgic_cpu *c = &vcpu->vgic;

	return c->incoming || c->rescan || c->sgi_mail[0] || c->sgi_mail[1];
}

/* ------------------------------------------------------------------ */

/* With the lock held: make q pending for `vcpu`, to be placed there. */
void vgic_set_pending_locked(struct vm *vm, struct virq *q, unsigned vcpu)
{
	struct vgic_cpu *c = &vm->vcpus[vcpu].vgic;

	if (q->in_lr) {
		/* Placed again once the guest is done with it. */
		q->repend = true;
		c->repends = true;
	} else {
		q->pending = true;
	}
	c->incoming |= incoming_bit(q);
}

/* With the lock held: GICv2 SGI q pending for `target` from `sources`. */
void vgic_pend_sgi_v2_locked(struct vcpu *target, struct virq *q, u8 sources)
{
	q->sgi_sources |= sources;
	if (q->in_lr)
		target->vgic.repends = true; /* watched like a repend */
	target->vgic.incoming |= incoming_bit(q);
}

/* With the lock held: have the vCPU's core flush if it must. */
void vgic_kick_locked(struct vm *vm, unsigned vcpu)
{
	struct vcpu *v = &vm->vcpus[vcpu];

	if (!vgic_needs_flush(v))
		return;
	if (v->cpu != arch_cpu_id())
		gic_send_ipi(v->cpu);
	else if (v->state == VCPU_ON) /* not parked: it starts afresh */
		flush_locked(v);
}

struct virq *vgic_spi(struct vgic *g, u32 intid)
{
	for (unsigned i = 0; i < g->spi_count; i++)
		if (g->spis[i].intid == intid)
			return &g->spis[i];
	return NULL;
}

/*
 * The fast path for an interrupt arriving on its own vCPU's core (a timer
 * tick): when nothing else waits and nothing changed, straight into a free
 * list register. Returns false to take the general path.
 */
static bool inject_now(struct vcpu *vcpu, struct virq *q)
{
	struct vgic_cpu *c = &vcpu->vgic;
	int n;

	if (c->waiting || c->rescan || c->repends || c->dist_off ||
	    c->incoming || !q->enabled)
		return false;
	n = free_lr(c);
	if (n < 0 || q->in_lr) {
		free_done_lrs(vcpu); /* e.g. the last tick's, done by now */
		n = free_lr(c);
		if (n < 0 || q->in_lr || c->incoming)
			return false;
	}
	put_in_lr(vcpu, (unsigned)n, q);
	return true;
}

/*
 * The fast path for the commonest interrupts: a timer tick, or an SGI,
 * for this core's vCPU, whose list register still holds its previous
 * instance, which the guest has finished with (a hardware interrupt
 * cannot even fire again before that). The new instance goes back into
 * the same register with no lock: the bookkeeping (in_lr, lr[n]) already
 * says it is there. Only this core writes its list registers; other cores
 * change enables, priorities and pending state under the lock and then
 * raise a flag here and send an IPI, so a flag missed now is acted on at
 * the next exit, as if the interrupt had come a moment earlier. "Empty"
 * is the hardware's (ELRSR): a register waiting for an EOI maintenance
 * interrupt, because another instance came meanwhile (repend), is not.
 */
static bool can_rearm(const struct vcpu *vcpu, const struct virq *q)
{
	const struct vgic_cpu *c = &vcpu->vgic;

	if (!q->in_lr || c->incoming || c->rescan || c->repends || c->waiting ||
	    c->dist_off || !q->enabled)
		return false;
	return gic_lr_empty_mask() >> q->lr & 1;
}

/* The timer PPIs are the only private hardware interrupts. */
bool vgic_tick(struct vcpu *vcpu, u32 intid)
{
	struct virq *q = &vcpu->vgic.private[intid % VGIC_PRIVATE];
	struct gic_lr lr = lr_for(q);

	if (intid >= VGIC_PRIVATE || !q->hw || !can_rearm(vcpu, q))
		return false;
	gic_lr_write(q->lr, &lr);
	return true;
}

/* The mailbox bit for SGI `intid` from GICv2 sender `source`. */
static u64 mail_bit(u32 intid, unsigned source)
{
	return 1ULL << ((intid % 8) * 8 + source);
}

/*
 * One SGI in the mailbox, re-armed in place: the common case of a vCPU
 * signalling another again and again. It is taken out of the mailbox only
 * once it is sure to be re-armed (compare and swap), so a register read
 * from another core never misses it; anything else (more mail, GICv2
 * senders waiting, no re-arm) is left for the flush.
 */
bool vgic_take_sgi_fast(struct vcpu *vcpu)
{
	struct vgic_cpu *c = &vcpu->vgic;
	unsigned w = c->sgi_mail[0] ? 0 : 1;
	u64 mail = __atomic_load_n(&c->sgi_mail[w], __ATOMIC_ACQUIRE);
	unsigned bit = (unsigned)__builtin_ctzll(mail | BIT(63));
	struct virq *q = &c->private[w * 8 + bit / 8];
	struct gic_lr lr = {.virq = q->intid,
			    .priority = q->priority,
			    .source = (u8)(bit % 8),
			    .state = LR_PENDING};

	if (!mail || (mail & (mail - 1)) || c->sgi_mail[w ^ 1] ||
	    q->sgi_sources || !can_rearm(vcpu, q) ||
	    !__atomic_compare_exchange_n(&c->sgi_mail[w], &mail, 0, false,
					 __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return false;
	gic_lr_write(q->lr, &lr);
	q->lr_source = lr.source;
	return true;
}

void vgic_inject_virtual(struct vm *vm, u32 intid)
{
	struct vgic *g = &vm->vgic;
	struct virq *q;

	spin_lock(&g->lock);
	q = vgic_spi(g, intid);
	if (q && !q->hw) {
		vgic_set_pending_locked(vm, q, q->target);
		vgic_kick_locked(vm, q->target);
	}
	spin_unlock(&g->lock);
}

void vgic_hw_irq(struct vcpu *vcpu, u32 intid)
{
	struct vgic *g = &vcpu->vm->vgic;
	struct virq *q = intid < VGIC_PRIVATE ? &vcpu->vgic.private[intid]
					      : vgic_spi(g, intid);
	unsigned target;

	if (!q || !q->hw) {
		/* Not this VM's: never leave it active in the GIC. */
		gic_deactivate(intid);
		return;
	}
	spin_lock(&g->lock);
	target = intid < VGIC_PRIVATE ? vcpu->id : q->target;
	if (target != vcpu->id || !inject_now(vcpu, q)) {
		vgic_set_pending_locked(vcpu->vm, q, target);
		vgic_kick_locked(vcpu->vm, target);
	}
	spin_unlock(&g->lock);
}

/*
 * Send SGI `intid` from `sender` to every vCPU in `targets` (a subset of
 * the VM's): into each target's mailbox, with no lock, then an IPI to the
 * others' cores and a flush here for the sender itself.
 */
void vgic_send_sgi(struct vcpu *sender, u32 targets, u32 intid)
{
	struct vm *vm = sender->vm;
	u64 bit = mail_bit(intid, vm->vgic.v3 ? 0 : sender->id);

	for (u32 left = targets; left; left &= left - 1) {
		struct vcpu *target = &vm->vcpus[__builtin_ctz(left)];

		__atomic_fetch_or(&target->vgic.sgi_mail[intid / 8], bit,
				  __ATOMIC_RELEASE);
		if (target != sender)
			gic_send_ipi(target->cpu); /* orders the OR first */
	}
	if (targets & (1u << sender->id))
		vgic_flush(sender);
}

void vgic_take_all_mail_locked(struct vm *vm)
{
	for (unsigned i = 0; i < vm->vcpu_count; i++)
		take_mail_locked(&vm->vcpus[i]);
}

/* ICC_SGI1R_EL1: a vCPU's Aff0 is its index, Aff1..Aff3 are zero. */
#define SGI1R_TARGETS(v) ((v)&0xffff)
#define SGI1R_AFF1(v)	 (((v) >> 16) & 0xff)
#define SGI1R_INTID(v)	 (((v) >> 24) & 0xf)
#define SGI1R_AFF2(v)	 (((v) >> 32) & 0xff)
#define SGI1R_IRM	 (1ULL << 40)
#define SGI1R_RS(v)	 (((v) >> 44) & 0xf)
#define SGI1R_AFF3(v)	 (((v) >> 48) & 0xff)

void vgic_sgi1r(struct vcpu *vcpu, u64 value)
{
	u32 all = (1u << vcpu->vm->vcpu_count) - 1;
	u32 targets;

	if (value & SGI1R_IRM)
		targets = all & ~(1u << vcpu->id);
	else if (SGI1R_AFF1(value) || SGI1R_AFF2(value) || SGI1R_AFF3(value) ||
		 SGI1R_RS(value))
		targets = 0; /* no vCPU has such an affinity */
	else
		targets = (u32)SGI1R_TARGETS(value) & all;
	if (targets)
		vgic_send_sgi(vcpu, targets, (u32)SGI1R_INTID(value));
}
