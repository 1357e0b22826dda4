/* SPDX-License-Identifier: MIT */
/* Cache maintenance by virtual address, to the point of coherency. */
#include "arch.h"
#include "sysreg.h"

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

static void zero_bytes(u8 *p, u8 *end)
{
	for (; p < end; p++)
		*(volatile u8 *)p = 0;
}

void arch_zero_to_poc(void *va, size_t len)
{
	size_t line = dcache_line();
	u8 *start = va, *end = start + len;
	u8 *mid = (u8 *)(uintptr_t)ALIGN_UP((uintptr_t)start, line);
	u8 *mid_end = (u8 *)((uintptr_t)end & ~(line - 1));

	if (mid >= mid_end) { /* no whole line inside */
		zero_bytes(start, end);
		arch_clean_dcache_range(start, len);
		return;
	}
	zero_bytes(start, mid);
	zero_bytes(mid_end, end);
	arch_clean_dcache_range(start, (size_t)(mid - start));
	arch_clean_dcache_range(mid_end, (size_t)(end - mid_end));
	for (u8 *p = mid; p < mid_end; p += line) {
		zero_line((u64 *)p, line);
		write_cp15(DCCIMVAC, p);
	}
	dsb(sy);
}
