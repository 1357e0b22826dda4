// SPDX-License-Identifier: MIT
/*
 * irq_bystander (irq-sgi): a VM next to one sending SGIs, with every SGI
 * and PPI enabled and no handler: it must receive no interrupt at all
 * while the other VM broadcasts. It counts for 3 s of counter time, and
 * says it is still listening every half second: under -icount on a busy
 * host those 3 s can take a minute of wall time, and the test harness
 * sees the run is alive.
 */
#include "guest.h"

#define LISTEN_US (3 * 1000 * 1000)
#define REPORT_US (500 * 1000)

void guest_main(unsigned long x0)
{
	(void)x0;
	gic_init();
	for (uint32_t id = 0; id < GIC_SPI_FIRST; id++)
		gic_enable(id, 0x80);
	irq_unmask();
	printf("bystander: GICv%u, listening\n", gic_version());
	for (uint32_t waited = 0; waited < LISTEN_US; waited += REPORT_US) {
		delay_us(REPORT_US);
		printf("bystander: listening, %u interrupts so far\n",
		       irq_unexpected_count() + irq_spurious_count());
	}
	irq_mask();
	printf("bystander: %u interrupts\n",
	       irq_unexpected_count() + irq_spurious_count());
}
