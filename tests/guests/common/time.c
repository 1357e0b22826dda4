// SPDX-License-Identifier: MIT
/*
 * Pacing with the virtual counter, and flags between vCPUs. Every wait
 * loop executes WFE or YIELD: under QEMU -icount a pure spin can keep the
 * single emulation thread and starve the vCPU it waits for.
 */
#include "guest.h"

uint64_t counter_now(void)
{
	isb(); /* do not let the read happen early */
	return read_sysreg(cntvct_el0);
}

uint64_t counter_freq(void)
{
	return read_sysreg(cntfrq_el0);
}

void delay_us(uint64_t us)
{
	uint64_t start = counter_now();
	uint64_t ticks = us * counter_freq() / 1000000;

	while (counter_now() - start < ticks)
		__asm__ volatile("yield");
}

void flag_set(volatile uint32_t *flag, uint32_t value)
{
	__asm__ volatile("dmb ish" ::: "memory");
	*flag = value;
	__asm__ volatile("dsb ish\n\tsev" ::: "memory");
}

bool flag_wait(volatile uint32_t *flag, uint32_t value, uint64_t timeout_us)
{
	uint64_t start = counter_now();
	uint64_t limit = timeout_us * counter_freq() / 1000000;

	while (*flag != value) {
		if (counter_now() - start >= limit)
			return false;
		__asm__ volatile("wfe" ::: "memory");
	}
	__asm__ volatile("dmb ish" ::: "memory");
	return true;
}
