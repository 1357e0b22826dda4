/* SPDX-License-Identifier: MIT */
/*
 * The hypervisor's own stage 1: an identity map of RAM (it loads every
 * VM's memory) and of the few devices it drives, built once by the boot
 * core with the MMU off and switched on by every core.
 */
#include "mmu.h"
#include "cpu.h"
#include "hyp.h"
#include "log.h"
#include "pagetable.h"
#include "platform.h"
#include "sysreg.h"

#define GICD_SIZE	0x10000
#define GICR_FRAME_SIZE 0x20000

static struct pt hyp_pt;

static void map_identity(u64 base, u64 size, enum mem_type type)
{
	int err = pt_map(&hyp_pt, base, pa_of(base), size, type);

	if (err)
		panic("cannot map 0x%lx-0x%lx for the hypervisor: %s", base,
		      base + size, pt_error_str(err));
}

void mmu_build_tables(void)
{
	if (pt_init(&hyp_pt, hyp_page_pool(), PT_HYP, PT_START_LEVEL))
		panic("no page for the hypervisor's translation table");
	map_identity(platform.ram_base, platform.ram_size, MEM_NORMAL);
	map_identity(platform.uart_base, PAGE_SIZE, MEM_DEVICE);
	map_identity(platform.gicd_base, GICD_SIZE, MEM_DEVICE);
	if (platform.gicr_base)
		map_identity(platform.gicr_base,
			     GICR_FRAME_SIZE * (u64)platform.cpu_count,
			     MEM_DEVICE);
	if (platform.gicc_base) {
		map_identity(platform.gicc_base, GICV2_CPU_IF_SIZE, MEM_DEVICE);
		map_identity(platform.gich_base, PAGE_SIZE, MEM_DEVICE);
	}
}

void mmu_enable(void)
{
	write_sysreg(mair_el2, MAIR_EL2_VALUE);
	write_sysreg(tcr_el2,
		     TCR_EL2_VALUE | (cpu_pa_range() << TCR_EL2_PS_SHIFT));
	write_sysreg(ttbr0_el2, pt_root_pa(&hyp_pt).bits);
	isb();
	__asm__ volatile("tlbi alle2; dsb ish; isb" ::: "memory");
	write_sysreg(sctlr_el2,
		     SCTLR_EL2_RES1 | SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_SA);
	isb();
}
