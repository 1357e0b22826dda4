/* SPDX-License-Identifier: MIT */
/* From the first C instruction to the core's idle loop, per core. */
#include "boot.h"
#include "arch.h"
#include "console.h"
#include "cpu.h"
#include "cpu_local.h"
#include "gic.h"
#include "hyp.h"
#include "lib.h"
#include "log.h"
#include "platform.h"
#include "sysreg.h"
#include "vm.h"

/* Page-aligned: a core invalidates its own stack's lines before its MMU
 * goes on (boot_secondary), and no line may be shared with anything else. */
u8 cpu_stacks[CONFIG_MAX_CPUS][STACK_SIZE] noinit
	__attribute__((aligned(PAGE_SIZE)));

/* image.lds: .data, the stacks, the table pool and .bss, page-aligned. */
extern u8 __data_start[], _end[];

u64 cpu_stack_top(unsigned cpu)
{
	return (u64)(uintptr_t)cpu_stacks[cpu + 1];
}

noreturn void boot_primary(void)
{
	hyp_early_init();
	mmu_build_tables();
	/*
	 * What this core stored to with the MMU off, all between __data_start
	 * and _end: .bss (zeroed by boot.S), the variables the console and
	 * mmu_build_tables() set, the tables themselves in the table pool
	 * (the walker reads them through the caches), and this core's stack.
	 * No other core runs yet, so none has lines of it to lose.
	 */
	mmu_enable(__data_start, (size_t)(_end - __data_start));
	cpu_local_set_id();
	cpu_init_el2();
	gic_init_distributor();
	gic_init_cpu();
	hyp_main();
}

noreturn void boot_secondary(unsigned cpu)
{
	/* This core stored only to its own stack with the MMU off (the
	 * frames of the calls so far); nothing else, or it would have to be
	 * invalidated here too. */
	mmu_enable(cpu_stacks[cpu], STACK_SIZE);
	cpu_local_set_id();
	cpu_init_el2();
	gic_init_cpu();
	log_debug("CPU %u up", arch_cpu_id());
	cpu_idle_loop();
}

/*
 * Before the MMU, bss or a stack of our own: print with no lock and stop.
 * On AArch64 this may run away from the link address (its C reaches data
 * PC-relatively); ARMv7 C cannot, and has its own stop for that
 * (armv7/early_stop.c).
 */
noreturn void early_stop(const char *msg)
{
	while (*msg)
		uart_putc(platform.uart_base, *msg++);
	arch_halt();
}
