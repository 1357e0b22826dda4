/* SPDX-License-Identifier: MIT */
/*
 * The hypervisor's own stage 1, identity-mapped and shared by every core
 * (one TTBR0_EL2): its image, each part with its own permissions, and the
 * few devices it drives; built once by the boot core with the MMU off.
 * VM RAM is mapped only while the hypervisor loads or cleans it
 * (arch_map_vm_ram). SCTLR_EL2.WXN makes every writable page
 * execute-never, whatever its descriptor says.
 */
#include "mmu.h"
#include "arch.h"
#include "cpu.h"
#include "hyp.h"
#include "log.h"
#include "mair.h"
#include "pagetable.h"
#include "platform.h"
#include "spinlock.h"
#include "sysreg.h"

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
	/*
	 * The break of break-before-make: every core forgets the entries
	 * before any can be made again. By address it would take a TLBI per
	 * page or block of the range; ALLE2IS drops only EL2's own entries
	 * (guests' are tagged with their VMID), which cost a few walks to
	 * refill. Loads and set/way cleans are rare enough.
	 */
	__asm__ volatile("dsb ishst; tlbi alle2is; dsb ish; isb" ::: "memory");
}

/*
 * Invalidate [start, end) (whole lines) to the point of coherency, then
 * turn on the MMU and the caches, with no memory access in between.
 *
 * With the MMU off every data access is Device memory: stores go to RAM
 * and leave whatever lines the caches hold for those addresses (from a
 * boot loader or firmware that ran with caches on) as they were. Once the
 * caches are on, such a stale line would shadow what was stored, or, if
 * dirty, be written back over it later. A line another agent fills after
 * the invalidation holds what RAM holds, which is right as long as this
 * core stores nothing more with the MMU off: hence one asm block. The
 * DSB before it orders the Device stores before the invalidation, which
 * by-address maintenance does not otherwise wait for.
 *
 * The I-cache is invalidated too: the image was written by a loader, and
 * lines fetched before that may remain. QEMU models no caches, so no test
 * there can show any of this; it matters on hardware.
 */
static void invalidate_then_enable(u64 start, u64 end, u64 sctlr)
{
	u64 line = 4UL << ((read_sysreg(ctr_el0) >> 16) & 0xf);

	__asm__ volatile("dsb sy\n"
			 "1: dc ivac, %0\n"
			 "add %0, %0, %2\n"
			 "cmp %0, %1\n"
			 "b.lo 1b\n"
			 "dsb sy\n"
			 "ic iallu\n"
			 "dsb nsh\n"
			 "msr sctlr_el2, %3\n"
			 "isb"
			 : "+r"(start)
			 : "r"(end), "r"(line), "r"(sctlr)
			 : "memory", "cc");
}

void mmu_enable(const void *written, size_t len)
{
	write_sysreg(mair_el2, MAIR_EL2_VALUE);
	write_sysreg(tcr_el2,
		     TCR_EL2_VALUE | (cpu_pa_range() << TCR_EL2_PS_SHIFT));
	write_sysreg(ttbr0_el2, pt_root_pa(&hyp_pt).bits);
	isb();
	__asm__ volatile("tlbi alle2; dsb ish; isb" ::: "memory");
	invalidate_then_enable((uintptr_t)written, (uintptr_t)written + len,
			       SCTLR_EL2_RES1 | SCTLR_M | SCTLR_C | SCTLR_I |
				       SCTLR_SA | SCTLR_WXN);
}
