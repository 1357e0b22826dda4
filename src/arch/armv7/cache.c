/* SPDX-License-Identifier: MIT */
/* Cache maintenance by virtual address, to the point of coherency. */
#include "arch.h"
#include "cpu.h"
#include "sysreg.h"
#include "zero_poc.h"

size_t dcache_line(void)
{
	/* CTR.DminLine: log2 of the smallest line, in words. */
	return 4u << ((read_cp15(CTR) >> 16) & 0xf);
}

static void clean_invalidate_lines(uintptr_t p, uintptr_t end, size_t line)
{
	for (p &= ~(line - 1); p < end; p += line)
		write_cp15(DCCIMVAC, p);
}

void arch_clean_dcache_range(void *va, size_t len)
{
	clean_invalidate_lines((uintptr_t)va, (uintptr_t)va + len,
			       dcache_line());
	dsb(sy);
}

/* Every core's I-cache and branch predictor (inner shareable). */
void arch_sync_icache(void)
{
	write_cp15(ICIALLUIS, 0);
	write_cp15(BPIALLIS, 0);
	dsb(ish);
	isb();
}

/*
 * ARMv7 has no DC ZVA: each line is zeroed with STM of eight zeroed
 * registers (32 bytes a store; a line is a multiple of that, and [p, end)
 * is line-aligned), then cleaned and invalidated (DCCIMVAC) in the same
 * pass, while it is still in the cache: 9 instructions a 64-byte line.
 */
size_t zero_step(void)
{
	return dcache_line();
}

void zero_and_clean_aligned(u8 *p, u8 *end)
{
	size_t line_mask = dcache_line() - 1;
	u8 *line;

	__asm__ volatile("mov	r4, #0\n\t"
			 "mov	r5, #0\n\t"
			 "mov	r6, #0\n\t"
			 "mov	r7, #0\n\t"
			 "mov	r8, #0\n\t"
			 "mov	r9, #0\n\t"
			 "mov	r10, #0\n\t"
			 "mov	r11, #0\n"
			 "1:\tmov	%1, %0\n"
			 "2:\tstmia	%0!, {r4-r11}\n\t"
			 "tst	%0, %3\n\t"
			 "bne	2b\n\t"
			 "mcr	p15, 0, %1, c7, c14, 1\n\t" /* DCCIMVAC */
			 "cmp	%0, %2\n\t"
			 "blo	1b"
			 : "+r"(p), "=&r"(line)
			 : "r"(end), "r"(line_mask)
			 : "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11",
			   "cc", "memory");
}
