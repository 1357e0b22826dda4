/* SPDX-License-Identifier: MIT */
/*
 * 4 KiB pages for translation tables, from a fixed pool. Tables are built
 * once at boot from a static configuration and never freed, so a bump
 * allocator over a pool sized by CONFIG_PAGE_POOL_PAGES is all it takes.
 */
#ifndef PAGE_POOL_H
#define PAGE_POOL_H

#include "types.h"

struct page_pool {
	u8 *base;
	size_t pages;
	size_t used;
};

void page_pool_init(struct page_pool *pool, void *base, size_t pages);
/* A zeroed, page-aligned page, or NULL when the pool is exhausted. */
void *page_alloc(struct page_pool *pool);

#endif
