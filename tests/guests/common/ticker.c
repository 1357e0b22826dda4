// SPDX-License-Identifier: MIT
/*
 * A periodic tick on the EL1 virtual timer (PPI 27), the way a kernel
 * keeps one: the handler moves CVAL on by exactly one period from the
 * deadline it served (not from "now"), so a late tick is caught up, never
 * skipped. What a hypervisor can get wrong shows as:
 *   doubled: the handler ran while the timer condition did not hold (an
 *            interrupt delivered twice, or after the timer was stopped),
 *            or CVAL was not the deadline the ticker set;
 *   lost:    deadlines that passed but were never handled by the end of
 *            the wait (a dropped interrupt stalls the tick for good).
 */
#include "guest.h"

#define CNTV_CTL_ENABLE	 (1u << 0)
#define CNTV_CTL_ISTATUS (1u << 2)
#define TICK_PRIORITY	 0x80
#define SETTLE_US	 (20 * 1000) /* for late duplicates after the last */

struct ticker {
	u64 period, first, next;
	u64 max_late;
	uint32_t target;
	uint32_t ticks;
	uint32_t doubled;
};

static volatile struct ticker tickers[GUEST_MAX_VCPUS];

static void vtimer_set(uint64_t cval)
{
	write_sysreg(cntv_cval_el0, cval);
	write_sysreg(cntv_ctl_el0, CNTV_CTL_ENABLE);
	isb();
}

static void vtimer_stop(void)
{
	write_sysreg(cntv_ctl_el0, 0);
	isb();
}

static void tick(uint32_t intid)
{
	volatile struct ticker *t = &tickers[this_vcpu()];
	u64 ctl = read_sysreg(cntv_ctl_el0);
	u64 cval = read_sysreg(cntv_cval_el0);
	u64 now = counter_now();

	(void)intid;
	if (!(ctl & CNTV_CTL_ISTATUS) || cval != t->next) {
		if (t->doubled++ < 4)
			printf("tick %u: timer not due (ctl 0x%llx, cval "
			       "0x%llx, "
			       "expected 0x%llx, now 0x%llx)\n",
			       t->ticks, ctl, cval, t->next, now);
		return;
	}
	if (now - cval > t->max_late)
		t->max_late = now - cval;
	t->ticks++;
	t->next += t->period;
	if (t->ticks < t->target)
		vtimer_set(t->next);
	else
		vtimer_stop();
}

/* Deadlines first, first + period, ... up to now, at most target. */
static uint32_t deadlines_passed(volatile struct ticker *t, uint64_t now)
{
	uint64_t n = now < t->first ? 0 : (now - t->first) / t->period + 1;

	return n < t->target ? (uint32_t)n : t->target;
}

static uint64_t to_us(uint64_t ticks)
{
	return ticks * 1000000 / counter_freq();
}

struct tick_result ticker_run(uint32_t ticks, uint32_t hz)
{
	volatile struct ticker *t = &tickers[this_vcpu()];
	struct tick_result r;
	uint64_t start;

	t->period = counter_freq() / hz;
	t->target = ticks;
	t->ticks = 0;
	t->doubled = 0;
	t->max_late = 0;
	irq_register(GIC_PPI_VTIMER, tick);
	gic_enable(GIC_PPI_VTIMER, TICK_PRIORITY);
	start = counter_now();
	t->first = t->next = start + t->period;
	vtimer_set(t->first);
	irq_wait(&t->ticks, ticks);
	vtimer_stop();
	r.elapsed_us = to_us(counter_now() - start);
	r.ticks = t->ticks;
	r.lost = deadlines_passed(t, counter_now()) - t->ticks;
	delay_us(SETTLE_US);
	r.doubled = t->doubled;
	r.max_late_us = to_us(t->max_late);
	gic_disable(GIC_PPI_VTIMER);
	return r;
}
