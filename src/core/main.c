/* SPDX-License-Identifier: MIT */
/* Boot: what the first core does once the arch has EL2 and the MMU ready. */
#include "arch.h"
#include "console.h"
#include "gic.h"
#include "hyp.h"
#include "log.h"
#include "platform.h"
#include "vm.h"

#define BULKHEAD_VERSION "0.1"

/* Not zeroed at boot: page_alloc() zeroes each page it hands out. */
static u8 table_pages[CONFIG_PAGE_POOL_PAGES][PAGE_SIZE]
	__attribute__((aligned(PAGE_SIZE))) noinit;
static struct page_pool table_pool;

struct page_pool *hyp_page_pool(void)
{
	if (!table_pool.base)
		page_pool_init(&table_pool, table_pages,
			       CONFIG_PAGE_POOL_PAGES);
	return &table_pool;
}

void hyp_early_init(void)
{
	console_init(platform.uart_base);
}

/*
 * The console UART's interrupt (its FIFO has room again) is the
 * hypervisor's: CPU 0 takes it, unless CPU 0 runs no VM and so powers
 * itself off; then the first core that runs one.
 */
static void route_console_irq(void)
{
	unsigned cpu = 0;

	while (cpu + 1 < MIN(platform.cpu_count, CONFIG_MAX_CPUS) &&
	       !cpu_in_use(cpu))
		cpu++;
	gic_irq_route(platform.uart_irq, cpu);
	gic_irq_enable(platform.uart_irq, cpu, true);
}

static void start_secondaries(void)
{
	for (unsigned cpu = 1; cpu < platform.cpu_count; cpu++) {
		int err;

		if (cpu >= CONFIG_MAX_CPUS || !cpu_in_use(cpu))
			continue;
		err = arch_cpu_power_on(cpu);
		if (err)
			panic("PSCI CPU_ON of CPU %u failed (%d): check the "
			      "platform's MPIDR list",
			      cpu, err);
	}
}

noreturn void hyp_main(void)
{
	log_info("Bulkhead " BULKHEAD_VERSION
		 " on %s: %u CPUs, RAM 0x%llx-0x%llx, "
		 "hypervisor 0x%llx-0x%llx",
		 platform.name, platform.cpu_count, platform.ram_base,
		 platform.ram_base + platform.ram_size, HYP_MEM_BASE,
		 HYP_MEM_BASE + hyp_mem_size(&bh_config));
	vms_init(hyp_page_pool());
	route_console_irq();
	console_input_init();
	start_secondaries();
	log_info("starting %u VM(s)", vm_count());
	cpu_idle_loop();
}
