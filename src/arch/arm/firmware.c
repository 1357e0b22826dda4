/* SPDX-License-Identifier: MIT */
/* The platform firmware's PSCI (EL3, or the secure monitor), over SMC. */
#include "firmware.h"
#include "arch.h"
#include "cpu.h"
#include "platform.h"
#include <bulkhead/abi.h>

int arch_cpu_power_on(unsigned cpu)
{
	return (int)firmware_smc(PSCI_CPU_ON_NATIVE, platform.cpu_mpidr[cpu],
				 (uintptr_t)secondary_entry, cpu);
}

noreturn void arch_cpu_power_off(void)
{
	firmware_smc(PSCI_CPU_OFF, 0, 0, 0);
	arch_halt();
}

noreturn void arch_system_off(void)
{
	firmware_smc(PSCI_SYSTEM_OFF, 0, 0, 0);
	arch_halt();
}
