// SPDX-License-Identifier: MIT
/*
 * PSCI wrappers. CPU_ON and AFFINITY_INFO take addresses and MPIDR
 * values: they use the IDs of the register width (PSCI_NATIVE_WIDTH,
 * guest_arch.h), as Linux does.
 */
#include <bulkhead/abi.h>

#include "guest.h"

int32_t psci_cpu_on(enum conduit c, unsigned long target, unsigned long entry,
		    unsigned long context)
{
	return smccc_status(c, PSCI_CPU_ON | PSCI_NATIVE_WIDTH, target, entry,
			    context);
}

int32_t psci_affinity_info(enum conduit c, unsigned long target)
{
	return smccc_status(c, PSCI_AFFINITY_INFO | PSCI_NATIVE_WIDTH, target,
			    0, 0);
}

/* A PSCI call that must not return: say so if it does, and stay put. */
static void __noreturn no_return(const char *what, int32_t ret)
{
	printf("%s returned %d\n", what, ret);
	for (;;)
		__asm__ volatile("wfi");
}

void psci_cpu_off(enum conduit c)
{
	no_return("CPU_OFF", smccc_status(c, PSCI_CPU_OFF, 0, 0, 0));
}

void psci_system_reset(enum conduit c)
{
	no_return("SYSTEM_RESET", smccc_status(c, PSCI_SYSTEM_RESET, 0, 0, 0));
}

void psci_system_off(enum conduit c)
{
	no_return("SYSTEM_OFF", smccc_status(c, PSCI_SYSTEM_OFF, 0, 0, 0));
}

void guest_exit(void)
{
	psci_system_off(CONDUIT_HVC);
}
