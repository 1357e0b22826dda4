/* SPDX-License-Identifier: MIT */
#include "pagetable.h"

int pt_init(struct pt *pt, struct page_pool *pool, enum pt_regime regime,
	    unsigned start_level)
{
	pt->pool = pool;
	pt->regime = regime;
	pt->start_level = start_level;
	pt->root = page_alloc(pool);
	return pt->root ? PT_OK : PT_NO_MEMORY;
}

/* The table a table descriptor points to (tables are mapped 1:1). */
static u64 *table_at(u64 pte)
{
	return (u64 *)(uintptr_t)pte_addr(pte).bits;
}

/* The next-level table behind *pte, allocated if the entry is empty. */
static u64 *next_table(struct pt *pt, u64 *pte, unsigned level)
{
	u64 *table;

	if (pte_is_table(*pte, level))
		return table_at(*pte);
	if (pte_is_valid(*pte))
		return NULL; /* a block is already there */
	table = page_alloc(pt->pool);
	if (table)
		*pte = pte_table(pa_of((uintptr_t)table));
	return table;
}

static bool fits_leaf(u64 va, paddr_t pa, u64 size, unsigned level)
{
	u64 block = pt_level_size(level);

	/* Level 0 has no blocks with a 4 KiB granule. */
	return level >= 1 && ALIGNED(va, block) && ALIGNED(pa.bits, block) &&
	       size >= block;
}

static int map_level(struct pt *pt, u64 *table, unsigned level, u64 va,
		     paddr_t pa, u64 size, enum mem_type type)
{
	while (size) {
		u64 *pte = &table[pt_index(va, level)];
		u64 block = pt_level_size(level);
		/* Bytes of the range inside this entry's span. */
		u64 span = MIN(size, block - (va & (block - 1)));

		if (fits_leaf(va, pa, size, level)) {
			if (pte_is_valid(*pte))
				return PT_OVERLAP;
			*pte = pte_leaf(pt->regime, level, pa, type);
		} else {
			u64 *next = next_table(pt, pte, level);
			int err;

			if (!next)
				return pte_is_valid(*pte) ? PT_OVERLAP
							  : PT_NO_MEMORY;
			err = map_level(pt, next, level + 1, va, pa, span,
					type);
			if (err)
				return err;
		}
		va += span;
		pa = pa_add(pa, span);
		size -= span;
	}
	return PT_OK;
}

int pt_map(struct pt *pt, u64 va, paddr_t pa, u64 size, enum mem_type type)
{
	if (!ALIGNED(va | pa.bits | size, PAGE_SIZE) || size == 0)
		return PT_MISALIGNED;
	return map_level(pt, pt->root, pt->start_level, va, pa, size, type);
}

static int unmap_level(u64 *table, unsigned level, u64 va, u64 size)
{
	while (size) {
		u64 *pte = &table[pt_index(va, level)];
		u64 block = pt_level_size(level);
		u64 span = MIN(size, block - (va & (block - 1)));

		if (pte_is_table(*pte, level)) {
			int err = unmap_level(table_at(*pte), level + 1, va,
					      span);

			if (err)
				return err;
		} else if (pte_is_valid(*pte)) {
			if (span != block)
				return PT_PARTIAL;
			*pte = 0;
		}
		va += span;
		size -= span;
	}
	return PT_OK;
}

int pt_unmap(struct pt *pt, u64 va, u64 size)
{
	if (!ALIGNED(va | size, PAGE_SIZE) || size == 0)
		return PT_MISALIGNED;
	return unmap_level(pt->root, pt->start_level, va, size);
}

const char *pt_error_str(int err)
{
	switch (err) {
	case PT_OK:
		return "ok";
	case PT_NO_MEMORY:
		return "out of table pages (raise CONFIG_PAGE_POOL_PAGES)";
	case PT_OVERLAP:
		return "range already mapped";
	case PT_MISALIGNED:
		return "address or size not 4 KiB aligned";
	case PT_PARTIAL:
		return "range covers only part of a block";
	}
	return "unknown error";
}
