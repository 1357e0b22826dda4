/* SPDX-License-Identifier: MIT */
/* Turning on the hypervisor's stage 1 on a core (AArch64: TTBR0_EL2). */
#include "mmu.h"
#include "arch.h"
#include "cpu.h"
#include "mair.h"
#include "sysreg.h"

/*
 * By address it would take a TLBI per page or block of the range;
 * ALLE2IS drops only EL2's own entries (guests' are tagged with their
 * VMID), which cost a few walks to refill. Loads and set/way cleans are
 * rare enough.
 */
void hyp_tlb_flush_all(void)
{
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
	u64 line = dcache_line();

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
	write_sysreg(ttbr0_el2, mmu_hyp_root().bits);
	isb();
	__asm__ volatile("tlbi alle2; dsb ish; isb" ::: "memory");
	invalidate_then_enable((uintptr_t)written, (uintptr_t)written + len,
			       SCTLR_EL2_RES1 | SCTLR_M | SCTLR_C | SCTLR_I |
				       SCTLR_SA | SCTLR_WXN);
}
