// SPDX-License-Identifier: MIT
/*
 * C side of secondary start-up. A scenario that starts secondaries defines
 * guest_secondary(); the default one only reports that it ran.
 */
#include <bulkhead/abi.h>

#include "guest.h"

void guest_secondary_start(unsigned long context);

__attribute__((weak)) void guest_secondary(unsigned long context)
{
	printf("vcpu %u up, context 0x%lx (no work)\n", this_vcpu(), context);
}

void guest_secondary_start(unsigned long context)
{
	guest_secondary(context);
	psci_cpu_off(CONDUIT_HVC);
}
