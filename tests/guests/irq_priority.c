// SPDX-License-Identifier: MIT
/*
 * irq_priority (irq-priority): one vCPU.
 *
 * Order: with IRQs masked, SGIs 0..9 with ten distinct priorities become
 * pending at once, in a shuffled order (more than QEMU's 4 list
 * registers), first sent to self, then set pending through the
 * (re)distributor. Unmasked, the handler must see each exactly once, in
 * priority order (lowest value first).
 *
 * Preemption: a handler unmasks IRQs and sends itself another SGI. One of
 * higher priority must be taken inside it (nesting depth 2); one of lower
 * or equal priority only after it returns.
 */
#include "guest.h"

#define N_ORDER	  10
#define HOLD_US	  (20 * 1000) /* how long a handler waits for no preemption */
#define SETTLE_US (20 * 1000)

/* SGI i has priority order_prio[i]; they are made pending in send_order. */
static const uint8_t order_prio[N_ORDER] = {0x90, 0x30, 0xe0, 0x50, 0x10,
					    0xb0, 0x70, 0x20, 0xd0, 0x60};
static const uint8_t send_order[N_ORDER] = {3, 7, 0, 9, 5, 1, 8, 2, 6, 4};

static volatile uint32_t seen[N_ORDER];
static volatile uint32_t n_seen;

static void record(uint32_t intid)
{
	if (n_seen < N_ORDER)
		seen[n_seen] = intid;
	n_seen++;
}

static bool in_priority_order(void)
{
	for (uint32_t i = 1; i < N_ORDER; i++)
		if (order_prio[seen[i - 1]] >= order_prio[seen[i]])
			return false;
	return true;
}

static void print_seen(const char *how)
{
	printf("%s: taken", how);
	for (uint32_t i = 0; i < n_seen && i < N_ORDER; i++)
		printf(" %u(0x%x)", seen[i], order_prio[seen[i]]);
	printf("\n");
}

static void make_pending(bool by_sgi)
{
	for (uint32_t i = 0; i < N_ORDER; i++) {
		if (by_sgi)
			gic_send_sgi(send_order[i], SGI_SELF, 0);
		else
			gic_set_pending(send_order[i]);
	}
}

static bool order_pass(const char *how, bool by_sgi)
{
	bool ok;

	irq_mask();
	n_seen = 0;
	make_pending(by_sgi);
	delay_us(SETTLE_US);
	irq_wait(&n_seen, N_ORDER);
	delay_us(SETTLE_US); /* duplicates would come now */
	irq_mask();
	print_seen(how);
	ok = n_seen == N_ORDER && in_priority_order();
	if (ok)
		printf("priority order ok (%u interrupts, %s)\n", N_ORDER, how);
	else
		printf("priority order WRONG (%u of %u interrupts, %s)\n",
		       n_seen, N_ORDER, how);
	return ok;
}

/* A handler (outer) sends itself another SGI (inner) with IRQs unmasked. */
struct nest {
	const char *name;
	uint32_t outer, inner;
	uint8_t outer_prio, inner_prio;
	bool preempts;
};

static const struct nest nests[] = {
	{"higher priority preempts", 10, 11, 0xc0, 0x40, true},
	{"lower priority waits", 12, 13, 0x40, 0xc0, false},
	{"equal priority waits", 14, 15, 0x80, 0x80, false},
};

static const struct nest *volatile nest;
static volatile uint32_t inner_count, inner_inside, inner_depth;

static void outer_handler(uint32_t intid)
{
	(void)intid;
	irq_unmask();
	gic_send_sgi(nest->inner, SGI_SELF, 0);
	if (nest->preempts)
		flag_wait(&inner_count, 1);
	else
		delay_us(HOLD_US);
	inner_inside = inner_count;
	irq_mask();
}

static void inner_handler(uint32_t intid)
{
	(void)intid;
	inner_depth = irq_depth();
	inner_count++;
}

static bool nest_pass(const struct nest *n)
{
	bool ok;

	nest = n;
	inner_count = inner_inside = inner_depth = 0;
	irq_register(n->outer, outer_handler);
	irq_register(n->inner, inner_handler);
	gic_enable(n->outer, n->outer_prio);
	gic_enable(n->inner, n->inner_prio);
	gic_send_sgi(n->outer, SGI_SELF, 0);
	irq_wait(&inner_count, 1);
	delay_us(SETTLE_US);
	irq_mask();
	if (n->preempts)
		ok = inner_inside == 1 && inner_depth == 2;
	else
		ok = inner_inside == 0 && inner_depth == 1;
	ok = ok && inner_count == 1;
	printf("%s (0x%x in 0x%x): %s (inside %u, depth %u, taken %u)\n",
	       n->name, n->inner_prio, n->outer_prio, ok ? "ok" : "WRONG",
	       inner_inside, inner_depth, inner_count);
	return ok;
}

void guest_main(unsigned long x0)
{
	bool ok = true;

	(void)x0;
	gic_init();
	printf("priority: GICv%u\n", gic_version());
	for (uint32_t i = 0; i < N_ORDER; i++) {
		irq_register(i, record);
		gic_enable(i, order_prio[i]);
	}
	order_pass("sent to self", true);
	order_pass("set pending", false);
	for (uint32_t i = 0; i < sizeof(nests) / sizeof(nests[0]); i++)
		ok = nest_pass(&nests[i]) && ok;
	if (ok)
		printf("preemption ok\n");
	printf("priority: %u unexpected, %u spurious interrupts\n",
	       irq_unexpected_count(), irq_spurious_count());
}
