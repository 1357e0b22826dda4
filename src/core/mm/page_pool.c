/* SPDX-License-Identifier: MIT */
#include "page_pool.h"

void page_pool_init(struct page_pool *pool, void *base, size_t pages)
{
	*pool = (struct page_pool){.base = base, .pages = pages, .used = 0};
}

void *page_alloc(struct page_pool *pool)
{
	u64 *page;

	if (pool->used == pool->pages)
		return NULL;
	page = (u64 *)(pool->base + pool->used++ * PAGE_SIZE);
	for (size_t i = 0; i < PAGE_SIZE / sizeof(*page); i++)
		page[i] = 0;
	return page;
}
