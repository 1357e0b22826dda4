/* SPDX-License-Identifier: MIT */
/*
 * Per-core data of the hypervisor: each core's slot, which its own
 * register (TPIDR_EL2, HTPIDR: cpu_slot() in the arch's cpu.h) points at.
 */
#include "cpu_local.h"
#include "arch.h"
#include "cpu.h"

struct cpu_local {
	void *ptr;
	unsigned long id;
};
static struct cpu_local cpu_locals[CONFIG_MAX_CPUS];

static struct cpu_local *this_cpu(void)
{
	return cpu_slot();
}

/*
 * From boot.S, on each core before any other C code. The MMU is off, so
 * this writes no memory: an uncached store to a line other cores hold in
 * their caches would not be coherent. cpu_local_set_id() does the rest.
 */
void cpu_local_init(unsigned cpu)
{
	set_cpu_slot(&cpu_locals[cpu]);
}

void cpu_local_set_id(void)
{
	struct cpu_local *me = this_cpu();

	me->id = (unsigned long)(me - cpu_locals);
}

unsigned arch_cpu_id(void)
{
	return (unsigned)this_cpu()->id;
}

void *arch_cpu_local(void)
{
	return this_cpu()->ptr;
}

void arch_set_cpu_local(void *p)
{
	this_cpu()->ptr = p;
}
