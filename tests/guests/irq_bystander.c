// SPDX-License-Identifier: MIT
/*
 * irq_bystander (irq-sgi): a VM next to one sending SGIs, with every SGI
 * and PPI enabled and no handler: it must receive no interrupt at all
 * while the other VM broadcasts. It counts for 3 s of counter time.
 */
#include "guest.h"

#define LISTEN_US (3 * 1000 * 1000)

void guest_main(unsigned long x0)
{
	(void)x0;
	gic_init();
	for (uint32_t id = 0; id < GIC_SPI_FIRST; id++)
		gic_enable(id, 0x80);
	irq_unmask();
	printf("bystander: GICv%u, listening\n", gic_version());
	delay_us(LISTEN_US);
	irq_mask();
	printf("bystander: %u interrupts\n",
	       irq_unexpected_count() + irq_spurious_count());
}
