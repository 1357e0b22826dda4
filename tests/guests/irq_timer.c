// SPDX-License-Identifier: MIT
/*
 * irq_timer (irq-timer): 1000 ticks of the EL1 virtual timer at 1 kHz,
 * each one checked by the ticker (common/ticker.c): none lost, none
 * doubled. Two VMs run it at once on their own cores. Then the EL1
 * physical timer, which guests also use directly: PPI 30 must arrive.
 */
#include "guest.h"

#define TICKS 1000
#define HZ    1000

#define PTIMER_TICKS 10

static volatile uint32_t ptimer_ticks;

/* Each tick re-arms the physical timer 1 ms on, until the last. */
static void ptimer_tick(uint32_t intid)
{
	(void)intid;
	if (++ptimer_ticks < PTIMER_TICKS)
		write_sysreg(cntp_cval_el0,
			     read_sysreg(cntpct_el0) + counter_freq() / 1000);
	else
		write_sysreg(cntp_ctl_el0, 0);
}

static void check_physical_timer(void)
{
	bool ok;

	irq_register(GIC_PPI_PTIMER, ptimer_tick);
	gic_enable(GIC_PPI_PTIMER, 0xa0);
	write_sysreg(cntp_cval_el0,
		     read_sysreg(cntpct_el0) + counter_freq() / 1000);
	write_sysreg(cntp_ctl_el0, 1);
	ok = irq_wait(&ptimer_ticks, PTIMER_TICKS);
	printf("physical timer: %u ticks on PPI %u: %s\n", ptimer_ticks,
	       GIC_PPI_PTIMER, ok ? "ok" : "FAIL");
}

void guest_main(unsigned long x0)
{
	struct tick_result r;

	(void)x0;
	gic_init();
	printf("timer: GICv%u, %u ticks at %u Hz\n", gic_version(), TICKS, HZ);
	r = ticker_run(TICKS, HZ);
	printf("timer: %u periods in %llu us, max latency %llu us\n", TICKS,
	       r.elapsed_us, r.max_late_us);
	printf("timer: %u ticks, %u lost, %u doubled\n", r.ticks, r.lost,
	       r.doubled);
	check_physical_timer();
	printf("timer: %u unexpected, %u spurious interrupts\n",
	       irq_unexpected_count(), irq_spurious_count());
}
