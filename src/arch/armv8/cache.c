/* SPDX-License-Identifier: MIT */
/* Cache maintenance by virtual address, to the point of coherency. */
#include "arch.h"
#include "sysreg.h"

static size_t dcache_line(void)
{
	/* CTR_EL0.DminLine: log2 of the smallest line, in words. */
	return 4UL << ((read_sysreg(ctr_el0) >> 16) & 0xf);
}

void arch_clean_dcache_range(void *va, size_t len)
{
	size_t line = dcache_line();
	uintptr_t p = (uintptr_t)va & ~(line - 1);
	uintptr_t end = (uintptr_t)va + len;

	for (; p < end; p += line)
		__asm__ volatile("dc civac, %0" ::"r"(p) : "memory");
	dsb(sy);
}

void arch_sync_icache(void)
{
	__asm__ volatile("ic ialluis; dsb ish; isb" ::: "memory");
}
