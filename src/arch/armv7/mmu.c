/* SPDX-License-Identifier: MIT */
/* Turning on the hypervisor's stage 1 on a core (ARMv7 HYP: HTTBR, LPAE). */
#include "arch.h"
#include "cpu.h"
#include "mair.h"
#include "sysreg.h"

/* HTCR: 32-bit VA (T0SZ = 0: the level-1 table has 4 entries), walks
 * cacheable write-back and inner shareable, RES1 bit 31. */
#define HTCR_VALUE 0x80003500u

/* TLBIALLHIS: HYP's own entries, on every core; guests' are tagged with
 * their VMID and stay. */
void hyp_tlb_flush_all(void)
{
	dsb(ishst);
	write_cp15(TLBIALLHIS, 0);
	dsb(ish);
	isb();
}

/*
 * Invalidate [start, end) (whole lines) to the point of coherency, then
 * turn on the MMU and the caches, with no memory access in between: the
 * stores made with the MMU off went to RAM past any stale line, which
 * would shadow them once the caches are on (armv8/mmu.c says more). The
 * I-cache and branch predictor are invalidated too: the image was
 * written by a loader.
 */
static void invalidate_then_enable(u32 start, u32 end, u32 hsctlr)
{
	u32 line = (u32)dcache_line();

	start &= ~(line - 1);
	__asm__ volatile("dsb sy\n"
			 "1: mcr p15, 0, %0, c7, c6, 1\n" /* DCIMVAC */
			 "add %0, %0, %2\n"
			 "cmp %0, %1\n"
			 "blo 1b\n"
			 "dsb sy\n"
			 "mcr p15, 0, %0, c7, c5, 0\n" /* ICIALLU */
			 "mcr p15, 0, %0, c7, c5, 6\n" /* BPIALL */
			 "dsb nsh\n"
			 "mcr p15, 4, %3, c1, c0, 0\n" /* HSCTLR */
			 "isb"
			 : "+r"(start)
			 : "r"(end), "r"(line), "r"(hsctlr)
			 : "memory", "cc");
}

void mmu_enable(const void *written, size_t len)
{
	/* The low word of MAIR_EL2's value: the same slots. */
	write_cp15(HMAIR0, (u32)MAIR_EL2_VALUE);
	write_cp15(HMAIR1, 0);
	write_cp15(HTCR, HTCR_VALUE);
	write_cp15_64(HTTBR, mmu_hyp_root().bits);
	isb();
	write_cp15(TLBIALLH, 0);
	dsb(ish);
	isb();
	invalidate_then_enable((uintptr_t)written, (uintptr_t)written + len,
			       HSCTLR_RES1 | HSCTLR_M | HSCTLR_C | HSCTLR_I |
				       HSCTLR_WXN);
}
