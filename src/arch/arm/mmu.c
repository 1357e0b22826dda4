/* SPDX-License-Identifier: MIT */
/*
 * The hypervisor's own stage 1, identity-mapped and shared by every core
 * (one TTBR0_EL2 or HTTBR): its image, each part with its own permissions,
 * and the few devices it drives; built once by the boot core with the MMU
 * off. VM RAM is mapped only while the hypervisor loads or cleans it
 * (arch_map_vm_ram). WXN (SCTLR_EL2, HSCTLR) makes every writable page
 * execute-never, whatever its descriptor says. Turning it on is the
 * arch's (mmu_enable()).
 */
#include "arch.h"
#include "cpu.h"
#include "hyp.h"
#include "log.h"
#include "pagetable.h"
#include "platform.h"
#include "spinlock.h"

#define GICD_SIZE	0x10000
#define GICR_FRAME_SIZE 0x20000

/* The image's parts (image.lds), each starting on a page. */
extern u8 _start[], __text_end[], __data_start[], _end[];

static struct pt hyp_pt;
/* Taken around edits of hyp_pt once the MMU is on: two cores may map or
 * unmap two VMs' RAM at once, and their ranges can share a table. */
static struct spinlock hyp_pt_lock = SPINLOCK_INIT;

static void map_or_panic(u64 base, u64 size, int err)
{
	if (err)
		panic("cannot map 0x%llx-0x%llx for the hypervisor: %s", base,
		      base + size, pt_error_str(err));
}

static void map_identity(u64 base, u64 size, enum mem_type type)
{
	map_or_panic(base, size,
		     pt_map(&hyp_pt, base, pa_of(base), size, type));
}

static void map_image_part(const u8 *start, const u8 *end, enum mem_type type)
{
	map_identity((uintptr_t)start, (u64)(end - start), type);
}

void mmu_build_tables(void)
{
	if (pt_init(&hyp_pt, hyp_page_pool(), PT_HYP, PT_START_LEVEL))
		panic("no page for the hypervisor's translation table");
	map_image_part(_start, __text_end, MEM_CODE);
	/* The config and the guest files it carries are read-only too. */
	map_image_part(__text_end, __data_start, MEM_RODATA);
	/* Data, stacks, the table pool and .bss. */
	map_image_part(__data_start, _end, MEM_DATA);
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

paddr_t mmu_hyp_root(void)
{
	return pt_root_pa(&hyp_pt);
}

void arch_map_vm_ram(paddr_t pa, u64 size)
{
	int err;

	spin_lock(&hyp_pt_lock);
	err = pt_map(&hyp_pt, pa.bits, pa, size, MEM_DATA);
	spin_unlock(&hyp_pt_lock);
	map_or_panic(pa.bits, size, err);
	/* The entries were invalid, so no TLB holds them: once the walker
	 * sees the stores, the range is usable on this core. */
	__asm__ volatile("dsb ishst; isb" ::: "memory");
}

void arch_unmap_vm_ram(paddr_t pa, u64 size)
{
	int err;

	spin_lock(&hyp_pt_lock);
	err = pt_unmap(&hyp_pt, pa.bits, size);
	spin_unlock(&hyp_pt_lock);
	if (err)
		panic("cannot unmap 0x%llx-0x%llx from the hypervisor: %s",
		      pa.bits, pa.bits + size, pt_error_str(err));
	/* The break of break-before-make: every core forgets the entries
	 * before any can be made again. */
	hyp_tlb_flush_all();
}
