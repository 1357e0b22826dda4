// SPDX-License-Identifier: MIT
/*
 * IRQ dispatch and interrupt waits. crt0.S's IRQ vector saves the
 * caller-saved registers, ELR_EL1 and SPSR_EL1, then calls irq_dispatch(),
 * so a handler may unmask IRQs and be preempted by a higher priority.
 */
#include "guest.h"

#define MAX_INTID 1020

struct irq_cpu {
	uint32_t depth;
	uint32_t unexpected;
	uint32_t spurious;
};

static irq_handler_t handlers[MAX_INTID];
static volatile struct irq_cpu irq_cpu[GUEST_MAX_VCPUS];

void irq_dispatch(void);

void irq_register(uint32_t intid, irq_handler_t handler)
{
	if (intid < MAX_INTID)
		handlers[intid] = handler;
}

unsigned int irq_depth(void)
{
	return irq_cpu[this_vcpu()].depth;
}

uint32_t irq_unexpected_count(void)
{
	return irq_cpu[this_vcpu()].unexpected;
}

uint32_t irq_spurious_count(void)
{
	return irq_cpu[this_vcpu()].spurious;
}

static void unexpected(uint32_t intid)
{
	volatile struct irq_cpu *c = &irq_cpu[this_vcpu()];

	if (c->unexpected++ < 8)
		printf("unexpected irq %u on vcpu %u\n", intid, this_vcpu());
}

void irq_dispatch(void)
{
	volatile struct irq_cpu *c = &irq_cpu[this_vcpu()];
	uint32_t ack = gic_ack();
	uint32_t intid = gic_intid(ack);

	if (intid >= MAX_INTID) {
		c->spurious++;
		return;
	}
	c->depth++;
	if (handlers[intid])
		handlers[intid](intid);
	else
		unexpected(intid);
	c->depth--;
	progress_made();
	gic_eoi(ack);
}

bool irq_wait(volatile uint32_t *count, uint32_t target)
{
	irq_unmask();
	return count_wait(count, target);
}
