// SPDX-License-Identifier: MIT
/*
 * storm: a VM that restarts itself (SYSTEM_RESET) at once on every boot,
 * STORM_BOOTS times, then powers off. It owns the PL061 GPIO and counts
 * its boots in GPIODIR, which a VM reset leaves alone (RAM does not
 * survive). The hypervisor must slow the storm down (its restart back-off).
 */
#include "guest.h"

#define STORM_BOOTS 10
#define GPIODIR	    (0x09030000UL + 0x400) /* 8 bits */

void guest_main(unsigned long x0)
{
	uint32_t boot = (readl(GPIODIR) & 0xff) + 1;

	(void)x0;
	printf("storm: boot %u\n", boot);
	if (boot == STORM_BOOTS) {
		writel(GPIODIR, 0);
		psci_system_off(CONDUIT_HVC);
	}
	writel(GPIODIR, boot);
	psci_system_reset(CONDUIT_HVC);
}
