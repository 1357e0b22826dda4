/* SPDX-License-Identifier: MIT */
/* Table building: block sizes, page fallback, attributes, errors. */
#include <stdlib.h>

#include "pagetable.h"
#include "test.h"

#define POOL_PAGES 16

struct table_walk {
	u64 pte;
	unsigned level;
};

static struct page_pool pool;

static struct pt new_pt(enum pt_regime regime, size_t pages)
{
	static void *mem;
	struct pt pt;

	free(mem);
	mem = aligned_alloc(PAGE_SIZE, POOL_PAGES * PAGE_SIZE);
	page_pool_init(&pool, mem, pages);
	CHECK_EQ(pt_init(&pt, &pool, regime, PT_START_LEVEL), PT_OK);
	return pt;
}

/* The leaf descriptor translating va, and its level (0 if none). */
static struct table_walk walk(const struct pt *pt, u64 va)
{
	u64 *table = pt->root;

	for (unsigned level = pt->start_level; level <= PT_LAST_LEVEL;
	     level++) {
		u64 pte = table[pt_index(va, level)];

		if (!pte_is_valid(pte))
			break;
		if (!pte_is_table(pte, level))
			return (struct table_walk){pte, level};
		table = (u64 *)(uintptr_t)pte_addr(pte).bits;
	}
	return (struct table_walk){0, 0};
}

#define S2_MEMATTR(pte) (((pte) >> 2) & 0xf)
#define S2AP(pte)	(((pte) >> 6) & 3)
#define SH(pte)		(((pte) >> 8) & 3)
#define AF(pte)		(((pte) >> 10) & 1)
#define XN(pte)		(((pte) >> 54) & 1)

TEST(pagetable_uses_1g_and_2m_blocks_when_aligned)
{
	struct pt pt = new_pt(PT_STAGE2, POOL_PAGES);
	struct table_walk w;

	CHECK_EQ(pt_map(&pt, 0x40000000, pa_of(0x80000000), 1ULL << 30,
			MEM_NORMAL),
		 PT_OK);
	w = walk(&pt, 0x40000000 + 12345 * 4096);
	CHECK_EQ(w.level, 1);
	CHECK_EQ(pte_addr(w.pte).bits, 0x80000000);
	CHECK_EQ(pt_map(&pt, 0x100000000, pa_of(0x44200000), 4 << 20,
			MEM_NORMAL),
		 PT_OK);
	w = walk(&pt, 0x100200000);
	CHECK_EQ(w.level, 2);
	CHECK_EQ(pte_addr(w.pte).bits, 0x44400000);
	CHECK_EQ(pool.used, 2); /* root + one level-2 table */
}

TEST(pagetable_falls_back_to_pages)
{
	struct pt pt = new_pt(PT_STAGE2, POOL_PAGES);
	struct table_walk w;

	/* IPA and PA disagree modulo 2 MiB: pages only. */
	CHECK_EQ(
		pt_map(&pt, 0x40000000, pa_of(0x44001000), 2 << 20, MEM_NORMAL),
		PT_OK);
	CHECK_EQ(walk(&pt, 0x40000000).level, 3);
	/* Aligned middle, ragged ends: pages, a block, pages. */
	CHECK_EQ(pt_map(&pt, 0x801ff000, pa_of(0x801ff000), (2 << 20) + 0x2000,
			MEM_NORMAL),
		 PT_OK);
	CHECK_EQ(walk(&pt, 0x801ff000).level, 3);
	w = walk(&pt, 0x80300000);
	CHECK_EQ(w.level, 2);
	CHECK_EQ(pte_addr(w.pte).bits, 0x80200000);
	CHECK_EQ(walk(&pt, 0x80400000).level, 3);
	CHECK_EQ(walk(&pt, 0x80401000).level, 0); /* not mapped */
}

TEST(pagetable_stage2_attributes)
{
	struct pt pt = new_pt(PT_STAGE2, POOL_PAGES);
	u64 ram, dev;

	pt_map(&pt, 0x40000000, pa_of(0x40000000), 2 << 20, MEM_NORMAL);
	pt_map(&pt, 0x09010000, pa_of(0x09010000), 4096, MEM_DEVICE);
	ram = walk(&pt, 0x40000000).pte;
	dev = walk(&pt, 0x09010000).pte;
	CHECK_EQ(S2_MEMATTR(ram), 0xf); /* normal, write-back */
	CHECK_EQ(S2AP(ram), 3);		/* read/write */
	CHECK_EQ(SH(ram), 3);		/* inner shareable */
	CHECK_EQ(AF(ram), 1);
	CHECK_EQ(XN(ram), 0);
	CHECK_EQ(S2_MEMATTR(dev), 1); /* Device-nGnRE */
	CHECK_EQ(XN(dev), 1);
	CHECK_EQ(dev & 3, 3); /* a level-3 page descriptor */
}

TEST(pagetable_hyp_stage1_attributes)
{
	struct pt pt = new_pt(PT_HYP, POOL_PAGES);
	u64 ram, dev;

	pt_map(&pt, 0x40000000, pa_of(0x40000000), 1ULL << 30, MEM_NORMAL);
	pt_map(&pt, 0x09000000, pa_of(0x09000000), 4096, MEM_DEVICE);
	ram = walk(&pt, 0x40000000).pte;
	dev = walk(&pt, 0x09000000).pte;
	CHECK_EQ((ram >> 2) & 7, 1); /* MAIR slot: normal */
	CHECK_EQ((dev >> 2) & 7, 0); /* MAIR slot: device */
	CHECK_EQ((ram >> 6) & 1, 1); /* AP[1] is RES1 at EL2 */
	CHECK_EQ(XN(ram), 0);
	CHECK_EQ(XN(dev), 1);
	CHECK_EQ(ram & 3, 1); /* a block */
}

/* The hypervisor's image: code read-only and executable, the rest never
 * executable, only data writable. */
TEST(pagetable_hyp_stage1_permissions)
{
	struct pt pt = new_pt(PT_HYP, POOL_PAGES);
	static const struct {
		enum mem_type type;
		u64 read_only, xn;
	} want[] = {{MEM_CODE, 1, 0},
		    {MEM_RODATA, 1, 1},
		    {MEM_DATA, 0, 1},
		    {MEM_DEVICE, 0, 1}};

	for (unsigned i = 0; i < ARRAY_SIZE(want); i++) {
		u64 va = 0x40000000 + i * PAGE_SIZE, pte;

		CHECK_EQ(pt_map(&pt, va, pa_of(va), PAGE_SIZE, want[i].type),
			 PT_OK);
		pte = walk(&pt, va).pte;
		CHECK_EQ((pte >> 7) & 1, want[i].read_only); /* AP[2] */
		CHECK_EQ((pte >> 6) & 1, 1);		     /* AP[1] RES1 */
		CHECK_EQ(XN(pte), want[i].xn);
	}
}

TEST(pagetable_stage2_read_only_types)
{
	struct pt pt = new_pt(PT_STAGE2, POOL_PAGES);
	u64 code, rodata;

	pt_map(&pt, 0x40000000, pa_of(0x40000000), PAGE_SIZE, MEM_CODE);
	pt_map(&pt, 0x40001000, pa_of(0x40001000), PAGE_SIZE, MEM_RODATA);
	code = walk(&pt, 0x40000000).pte;
	rodata = walk(&pt, 0x40001000).pte;
	CHECK_EQ(S2AP(code), 1); /* read only */
	CHECK_EQ(XN(code), 0);
	CHECK_EQ(S2AP(rodata), 1);
	CHECK_EQ(XN(rodata), 1);
}

/* Unmapping leaves the tables, and mapping the same range again reuses
 * them: a range mapped and unmapped over and over takes no more pages. */
TEST(pagetable_unmap_then_map_again_reuses_tables)
{
	struct pt pt = new_pt(PT_HYP, POOL_PAGES);
	u64 va = 0x801ff000, size = (2 << 20) + 0x2000;
	size_t used;

	CHECK_EQ(pt_map(&pt, va, pa_of(va), size, MEM_DATA), PT_OK);
	used = pool.used;
	CHECK_EQ(pt_unmap(&pt, va, size), PT_OK);
	CHECK_EQ(walk(&pt, va).level, 0);
	CHECK_EQ(walk(&pt, 0x80300000).level, 0);
	CHECK_EQ(walk(&pt, va + size - PAGE_SIZE).level, 0);
	for (int round = 0; round < 3; round++) {
		CHECK_EQ(pt_map(&pt, va, pa_of(va), size, MEM_DATA), PT_OK);
		CHECK_EQ(pt_unmap(&pt, va, size), PT_OK);
	}
	CHECK_EQ(pool.used, used);
	CHECK_EQ(pt_map(&pt, va, pa_of(va), size, MEM_DATA), PT_OK);
	CHECK_EQ(walk(&pt, 0x80300000).level, 2);
	CHECK_EQ(walk(&pt, va).level, 3);
}

TEST(pagetable_unmap_only_what_is_asked)
{
	struct pt pt = new_pt(PT_HYP, POOL_PAGES);

	pt_map(&pt, 0x40000000, pa_of(0x40000000), 0x3000, MEM_DATA);
	pt_map(&pt, 0x40200000, pa_of(0x40200000), 2 << 20, MEM_DATA);
	CHECK_EQ(pt_unmap(&pt, 0x40001000, PAGE_SIZE), PT_OK);
	CHECK_EQ(walk(&pt, 0x40000000).level, 3);
	CHECK_EQ(walk(&pt, 0x40001000).level, 0);
	CHECK_EQ(walk(&pt, 0x40002000).level, 3);
	/* Nothing mapped there: nothing to do. */
	CHECK_EQ(pt_unmap(&pt, 0x50000000, 2 << 20), PT_OK);
	/* Half a block would need the block split: refused, left alone. */
	CHECK_EQ(pt_unmap(&pt, 0x40200000, 1 << 20), PT_PARTIAL);
	CHECK_EQ(walk(&pt, 0x40200000).level, 2);
	CHECK_EQ(pt_unmap(&pt, 0x40000800, PAGE_SIZE), PT_MISALIGNED);
}

TEST(pagetable_errors)
{
	struct pt pt = new_pt(PT_STAGE2, 2);

	CHECK_EQ(pt_map(&pt, 0x40000800, pa_of(0), 4096, MEM_NORMAL),
		 PT_MISALIGNED);
	CHECK_EQ(pt_map(&pt, 0x40000000, pa_of(0), 0, MEM_NORMAL),
		 PT_MISALIGNED);
	CHECK_EQ(
		pt_map(&pt, 0x40000000, pa_of(0x40000000), 2 << 20, MEM_NORMAL),
		PT_OK);
	/* Over a block, and partly over it. */
	CHECK_EQ(pt_map(&pt, 0x40000000, pa_of(0x40000000), 4096, MEM_NORMAL),
		 PT_OVERLAP);
	CHECK_EQ(
		pt_map(&pt, 0x40100000, pa_of(0x50000000), 2 << 20, MEM_NORMAL),
		PT_OVERLAP);
	/* The pool (2 pages: root + one table) is spent. */
	CHECK_EQ(pt_map(&pt, 0x40201000, pa_of(0x40201000), 4096, MEM_NORMAL),
		 PT_NO_MEMORY);
}

TEST(page_pool_hands_out_zeroed_pages_then_null)
{
	static u8 mem[3 * PAGE_SIZE] __attribute__((aligned(4096)));
	struct page_pool p;
	u64 *a, *b;

	mem[PAGE_SIZE + 8] = 0xff;
	page_pool_init(&p, mem, 2);
	a = page_alloc(&p);
	b = page_alloc(&p);
	CHECK(a == (u64 *)mem);
	CHECK(b == (u64 *)(mem + PAGE_SIZE));
	CHECK_EQ(b[1], 0);
	CHECK(page_alloc(&p) == NULL);
}
