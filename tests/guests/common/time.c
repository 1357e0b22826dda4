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
	progress_made();
	__asm__ volatile("dsb ish\n\tsev" ::: "memory");
}

/*
 * The counter's event stream wakes WFE every 2^11 ticks on hardware, so a
 * wait for something no one signals with SEV (an interrupt handler's
 * count) still checks its timeout. (QEMU's WFE only yields.)
 */
#define CNTKCTL_EVNTEN	 (1u << 2)
#define CNTKCTL_EVNTI(n) ((uint64_t)(n) << 4)

static void event_stream_on(void)
{
	write_sysreg(cntkctl_el1, read_sysreg(cntkctl_el1) | CNTKCTL_EVNTEN |
					  CNTKCTL_EVNTI(10));
	isb();
}

/*
 * Anything a vCPU of this VM does for another (flag_set(), an interrupt
 * handled) moves this on. Plain increments from several vCPUs may lose
 * one another, but the value still changes, which is all a wait asks.
 */
static volatile uint32_t vm_progress;

void progress_made(void)
{
	vm_progress++;
}

/*
 * Wait for *v == value, or *v >= value with at_least. Give up (false)
 * only when neither *v nor the VM's progress moved for STALL_US: a slow
 * or busy host stretches a wait, only a stuck one ends it.
 */
static bool wait_value(volatile uint32_t *v, uint32_t value, bool at_least)
{
	uint64_t limit = STALL_US * counter_freq() / 1000000;
	uint64_t since = counter_now();
	uint32_t seen = *v, seen_progress = vm_progress;

	event_stream_on();
	while (at_least ? *v < value : *v != value) {
		if (*v != seen || vm_progress != seen_progress) {
			seen = *v;
			seen_progress = vm_progress;
			since = counter_now();
		} else if (counter_now() - since >= limit) {
			return false;
		}
		__asm__ volatile("wfe" ::: "memory");
	}
	__asm__ volatile("dmb ish" ::: "memory");
	return true;
}

bool flag_wait(volatile uint32_t *flag, uint32_t value)
{
	return wait_value(flag, value, false);
}

bool count_wait(volatile uint32_t *count, uint32_t at_least)
{
	return wait_value(count, at_least, true);
}
