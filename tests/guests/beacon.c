// SPDX-License-Identifier: MIT
/*
 * beacon: the bare-metal VM beside Linux. It prints a numbered beat once a
 * second of counter time, for good, and sleeps in WFI in between (its
 * virtual timer wakes it), as a real-time task on an otherwise idle core
 * would. A test sees from the beats that this VM kept running while
 * another booted, restarted or stopped.
 */
#include "guest.h"

#define TIMER_ENABLE 1u
#define BEAT_PRIO    0x80

static volatile uint32_t beats;
static uint64_t period, next;

static void arm(void)
{
	write_sysreg(cntv_cval_el0, next);
	write_sysreg(cntv_ctl_el0, TIMER_ENABLE);
	isb();
}

static void beat(uint32_t intid)
{
	(void)intid;
	next += period;
	arm();
	beats++;
}

void guest_main(unsigned long x0)
{
	uint32_t told = 0;

	(void)x0;
	gic_init();
	irq_register(GIC_PPI_VTIMER, beat);
	gic_enable(GIC_PPI_VTIMER, BEAT_PRIO);
	period = counter_freq();
	next = counter_now() + period;
	arm();
	irq_unmask();
	printf("beacon: a beat every second\n");
	for (;;) {
		__asm__ volatile("wfi" ::: "memory");
		if (beats != told) {
			told = beats;
			printf("beat %u\n", told);
		}
	}
}
