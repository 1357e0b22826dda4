/* SPDX-License-Identifier: MIT */
/*
 * Building translation tables: the hypervisor's stage 1 and each VM's
 * Stage 2. A range is mapped with the largest blocks its alignment allows
 * (1 GiB, 2 MiB) and 4 KiB pages elsewhere: TLB reach is a real source of
 * guest overhead. Stage 2 is built once at boot and never changed; the
 * hypervisor's own table also maps VM RAM for a while (pt_unmap), and
 * mapping the same range again reuses the tables the first time built.
 */
#ifndef PAGETABLE_H
#define PAGETABLE_H

#include "page_pool.h"
#include "pte.h"

struct pt {
	u64 *root;
	unsigned start_level;
	enum pt_regime regime;
	struct page_pool *pool;
};

enum pt_error {
	PT_OK = 0,
	PT_NO_MEMORY = -1,  /* the page pool is exhausted */
	PT_OVERLAP = -2,    /* part of the range is already mapped */
	PT_MISALIGNED = -3, /* address or size not 4 KiB aligned */
	PT_PARTIAL = -4,    /* the range covers only part of a block */
};

int pt_init(struct pt *pt, struct page_pool *pool, enum pt_regime regime,
	    unsigned start_level);
int pt_map(struct pt *pt, u64 va, paddr_t pa, u64 size, enum mem_type type);
/* Remove every mapping in [va, va + size) (none there is fine); the tables
 * stay, empty, so no page goes back to the pool. The caller invalidates
 * the TLBs. */
int pt_unmap(struct pt *pt, u64 va, u64 size);
const char *pt_error_str(int err);

/* The hypervisor maps RAM 1:1, so a table's PA is its address. */
static inline paddr_t pt_root_pa(const struct pt *pt)
{
	return pa_of((uintptr_t)pt->root);
}

#endif
