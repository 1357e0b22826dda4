/* SPDX-License-Identifier: MIT */
/* From the first C instruction to the core's idle loop, per core. */
#include "arch.h"
#include "console.h"
#include "cpu.h"
#include "gic.h"
#include "hyp.h"
#include "lib.h"
#include "log.h"
#include "platform.h"
#include "sysreg.h"
#include "vm.h"

u8 cpu_stacks[CONFIG_MAX_CPUS][STACK_SIZE] __attribute__((aligned(16))) noinit;

u64 cpu_stack_top(unsigned cpu)
{
	return (u64)(uintptr_t)cpu_stacks[cpu + 1];
}

noreturn void boot_primary(void);
noreturn void boot_secondary(void);
noreturn void early_stop_address(u64 running, u64 linked);
noreturn void early_stop_el(u64 current_el);

noreturn void boot_primary(void)
{
	hyp_early_init();
	mmu_build_tables();
	mmu_enable();
	cpu_local_set_id();
	cpu_init_el2();
	gic_init_distributor();
	gic_init_cpu();
	hyp_main();
}

noreturn void boot_secondary(void)
{
	mmu_enable();
	cpu_local_set_id();
	cpu_init_el2();
	gic_init_cpu();
	log_debug("CPU %u up", arch_cpu_id());
	cpu_idle_loop();
}

/*
 * Before the MMU, bss or a stack of our own: print with no lock and stop.
 * Only position-independent code runs here (the image is not where it was
 * linked), which is what GCC emits for AArch64 small-model C anyway.
 */
static noreturn void early_stop(const char *msg)
{
	while (*msg)
		uart_putc(platform.uart_base, *msg++);
	arch_halt();
}

noreturn void early_stop_address(u64 running, u64 linked)
{
	char msg[200];

	format(msg, sizeof(msg),
	       "bulkhead: error: loaded at 0x%lx but linked for 0x%lx.\r\n"
	       "Load the ELF as it is, or the .bin with booti / QEMU "
	       "-kernel (they honour the Image header).\r\n",
	       running, linked);
	early_stop(msg);
}

noreturn void early_stop_el(u64 current_el)
{
	char msg[160];

	format(msg, sizeof(msg),
	       "bulkhead: error: entered at EL%lu, not EL2. Start it at EL2 "
	       "(QEMU: -M virt,virtualization=on).\r\n",
	       current_el >> 2);
	early_stop(msg);
}
