// SPDX-License-Identifier: MIT
/*
 * irq_timer (irq-timer): 1000 ticks of the EL1 virtual timer at 1 kHz,
 * each one checked by the ticker (common/ticker.c): none lost, none
 * doubled. Two VMs run it at once on their own cores.
 */
#include "guest.h"

#define TICKS 1000
#define HZ    1000

void guest_main(unsigned long x0)
{
	struct tick_result r;

	(void)x0;
	gic_init();
	printf("timer: GICv%u, %u ticks at %u Hz\n", gic_version(), TICKS, HZ);
	r = ticker_run(TICKS, HZ);
	printf("timer: %u periods in %lu us, max latency %lu us\n", TICKS,
	       r.elapsed_us, r.max_late_us);
	printf("timer: %u ticks, %u lost, %u doubled\n", r.ticks, r.lost,
	       r.doubled);
	printf("timer: %u unexpected, %u spurious interrupts\n",
	       irq_unexpected_count(), irq_spurious_count());
}
