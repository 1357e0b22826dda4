/* SPDX-License-Identifier: MIT */
/* Cache maintenance by virtual address, to the point of coherency. */
#include "arch.h"
#include "cpu.h"
#include "sysreg.h"
#include "zero_poc.h"

/* DCZID_EL0: DC ZVA zeroes 4 << BS bytes; DZP set: it is prohibited. */
#define DCZID_BS_MASK 0xf
#define DCZID_DZP     BIT(4)

size_t dcache_line(void)
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

/* DC ZVA's block in bytes, or 0 when it may not be used. */
static size_t zva_block(void)
{
	u64 dczid = read_sysreg(dczid_el0);

	return (dczid & DCZID_DZP) ? 0 : 4UL << (dczid & DCZID_BS_MASK);
}

static void dc_zva(u8 *p)
{
	__asm__ volatile("dc zva, %0" ::"r"(p) : "memory");
}

static void dc_civac(u8 *p)
{
	__asm__ volatile("dc civac, %0" ::"r"(p) : "memory");
}

/* The usual case, a DC ZVA block is one line: eight lines a round, at
 * three instructions a line and one compare and branch a round. */
static void zero_lines_zva(u8 *p, u8 *end, size_t line)
{
	u8 *rounds_end = end - (size_t)(end - p) % (8 * line);

	while (p < rounds_end)
		__asm__ volatile(".rept 8\n"
				 "dc zva, %0\n"
				 "dc civac, %0\n"
				 "add %0, %0, %1\n"
				 ".endr"
				 : "+r"(p)
				 : "r"(line)
				 : "memory");
	for (; p < end; p += line) {
		dc_zva(p);
		dc_civac(p);
	}
}

/* [p, end) is aligned to `step`, a multiple of both the block (0: no
 * DC ZVA) and the line. */
static void zero_blocks(u8 *p, u8 *end, size_t block, size_t line)
{
	if (block == line) {
		zero_lines_zva(p, end, line);
		return;
	}
	for (; p < end; p += MAX(block, line)) {
		for (u8 *z = p; z < p + MAX(block, line); z += block ?: 16) {
			if (block)
				dc_zva(z);
			else
				__asm__ volatile("stp xzr, xzr, [%0]" ::"r"(z)
						 : "memory");
		}
		for (u8 *c = p; c < p + MAX(block, line); c += line)
			dc_civac(c);
	}
}

size_t zero_step(void)
{
	return MAX(zva_block(), dcache_line());
}

void zero_and_clean_aligned(u8 *p, u8 *end)
{
	zero_blocks(p, end, zva_block(), dcache_line());
}
