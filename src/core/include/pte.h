/* SPDX-License-Identifier: MIT */
/*
 * Translation table descriptors, as the arch encodes them. Both Bulkhead
 * architectures use the long-descriptor (LPAE / VMSAv8-64) format with a
 * 4 KiB granule: 512 entries per table, blocks at levels 1 and 2, pages at
 * level 3. The core walks and fills tables; the arch supplies the bits.
 */
#ifndef PTE_H
#define PTE_H

#include "types.h"

#define PT_ENTRIES     512
#define PT_LAST_LEVEL  3
/* Tables start at level 1: 39-bit address spaces (AArch64), or LPAE. */
#define PT_START_LEVEL 1

/* Bytes one entry maps at `level` (level 3: 4 KiB, 2: 2 MiB, 1: 1 GiB). */
static inline u64 pt_level_size(unsigned level)
{
	return 1ULL << (12 + 9 * (PT_LAST_LEVEL - level));
}

static inline unsigned pt_index(u64 va, unsigned level)
{
	return (unsigned)(va / pt_level_size(level)) % PT_ENTRIES;
}

/* Which translation regime a table belongs to. */
enum pt_regime {
	PT_HYP,	   /* the hypervisor's own stage 1 */
	PT_STAGE2, /* a VM's Stage 2 */
};

/* What a mapping holds, which sets its memory type and permissions. */
enum mem_type {
	MEM_NORMAL, /* a VM's RAM: cacheable, read/write/execute */
	MEM_DEVICE, /* MMIO: Device-nGnRE, read/write, execute-never */
	MEM_CODE,   /* cacheable, read-only, executable */
	MEM_RODATA, /* cacheable, read-only, execute-never */
	MEM_DATA,   /* cacheable, read/write, execute-never */
};

static inline bool mem_writable(enum mem_type type)
{
	return type != MEM_CODE && type != MEM_RODATA;
}

static inline bool mem_executable(enum mem_type type)
{
	return type == MEM_NORMAL || type == MEM_CODE;
}

/* A block (levels 1, 2) or page (level 3) descriptor. */
u64 pte_leaf(enum pt_regime regime, unsigned level, paddr_t pa,
	     enum mem_type type);
u64 pte_table(paddr_t next);
bool pte_is_valid(u64 pte);
bool pte_is_table(u64 pte, unsigned level);
paddr_t pte_addr(u64 pte);

#endif
