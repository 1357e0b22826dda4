/* SPDX-License-Identifier: MIT */
/* Zeroing memory to the point of coherency, as zero_poc.h says. */
#include "zero_poc.h"
#include "arch.h"
#include "sysreg.h"

static void zero_bytes(u8 *p, u8 *end)
{
	for (; p < end; p++)
		*(volatile u8 *)p = 0;
}

void arch_zero_to_poc(void *va, size_t len)
{
	size_t step = zero_step();
	u8 *start = va, *end = start + len;
	u8 *mid = (u8 *)(uintptr_t)ALIGN_UP((uintptr_t)start, step);
	u8 *mid_end = (u8 *)((uintptr_t)end & ~(step - 1));

	if (mid >= mid_end) { /* no whole step inside */
		zero_bytes(start, end);
		arch_clean_dcache_range(start, len);
		return;
	}
	zero_bytes(start, mid);
	zero_bytes(mid_end, end);
	arch_clean_dcache_range(start, (size_t)(mid - start));
	arch_clean_dcache_range(mid_end, (size_t)(end - mid_end));
	zero_and_clean_aligned(mid, mid_end);
	dsb(sy);
}
