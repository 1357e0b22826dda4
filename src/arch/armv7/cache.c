/* SPDX-License-Identifier: MIT */
/* Cache maintenance by virtual address, to the point of coherency. */
#include "arch.h"
#include "sysreg.h"
#include "zero_poc.h"

static size_t dcache_line(void)
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
 * ARMv7 has no DC ZVA: each line is zeroed with stores (STRD: the line is
 * aligned), then cleaned and invalidated, in one pass so the line is
 * still in the cache when it is cleaned.
 */
static void zero_line(u64 *p, size_t line)
{
	for (u64 *end = p + line / 8; p < end; p++)
		*(volatile u64 *)p = 0;
}

size_t zero_step(void)
{
	return dcache_line();
}

void zero_and_clean_aligned(u8 *p, u8 *end)
{
	size_t line = dcache_line();

	for (; p < end; p += line) {
		zero_line((u64 *)p, line);
		write_cp15(DCCIMVAC, p);
	}
}
