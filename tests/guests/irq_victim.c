// SPDX-License-Identifier: MIT
/*
 * irq_victim (irq-hostile): runs its virtual timer at 250 Hz for 500
 * ticks while the hostile VM next to it sprays garbage over its own GIC
 * registers. Every SGI is enabled too: one the hostile VM's garbage sent
 * here would count as an unexpected interrupt.
 */
#include "guest.h"

#define TICKS 500
#define HZ    250

void guest_main(unsigned long x0)
{
	struct tick_result r;

	(void)x0;
	gic_init();
	for (uint32_t id = 0; id < GIC_NR_SGIS; id++)
		gic_enable(id, 0x80);
	printf("victim: GICv%u, %u ticks at %u Hz\n", gic_version(), TICKS, HZ);
	r = ticker_run(TICKS, HZ);
	printf("victim: %u periods in %llu us, max latency %llu us\n", TICKS,
	       r.elapsed_us, r.max_late_us);
	printf("victim: %u ticks, %u lost, %u doubled\n", r.ticks, r.lost,
	       r.doubled);
	printf("victim: %u unexpected interrupts\n",
	       irq_unexpected_count() + irq_spurious_count());
}
