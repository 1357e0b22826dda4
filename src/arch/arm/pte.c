/* SPDX-License-Identifier: MIT */
/* Long descriptors, 4 KiB granule, for the hypervisor's stage 1 and Stage 2:
 * VMSAv8-64 and ARMv7 LPAE encode them alike. */
#include "pte.h"
#include "mair.h"

#define PTE_VALID     BIT(0)
#define PTE_NON_BLOCK BIT(1) /* table (levels 0-2) or page (level 3) */
#define PTE_AF	      BIT(10)
#define PTE_SH_INNER  (3ULL << 8)
#define PTE_XN	      BIT(54)
#define PTE_ADDR_MASK 0x0000fffffffff000ULL

/* EL2 stage 1: AttrIndx selects a MAIR_EL2 slot; AP[1] is RES1, AP[2]
 * makes it read-only. */
#define S1_ATTR(idx) ((u64)(idx) << 2)
#define S1_AP_RES1   BIT(6)
#define S1_AP_RO     BIT(7)

/* Stage 2: the memory type and access rights sit in the descriptor. */
#define S2_MEMATTR_DEVICE_nGnRE (1ULL << 2)
#define S2_MEMATTR_NORMAL_WB	(0xfULL << 2)
#define S2AP_R			BIT(6)
#define S2AP_W			BIT(7)

/* XN is bit 54 in both regimes (Stage 2: XN[1], for EL1 and EL0). */
static u64 xn_bit(enum mem_type type)
{
	return mem_executable(type) ? 0 : PTE_XN;
}

static u64 stage1_attrs(enum mem_type type)
{
	u64 perms =
		S1_AP_RES1 | (mem_writable(type) ? 0 : S1_AP_RO) | xn_bit(type);

	if (type == MEM_DEVICE)
		return S1_ATTR(MAIR_IDX_DEVICE) | perms;
	return S1_ATTR(MAIR_IDX_NORMAL) | PTE_SH_INNER | perms;
}

static u64 stage2_attrs(enum mem_type type)
{
	u64 perms = S2AP_R | (mem_writable(type) ? S2AP_W : 0) | xn_bit(type);

	if (type == MEM_DEVICE)
		return S2_MEMATTR_DEVICE_nGnRE | perms;
	return S2_MEMATTR_NORMAL_WB | PTE_SH_INNER | perms;
}

u64 pte_leaf(enum pt_regime regime, unsigned level, paddr_t pa,
	     enum mem_type type)
{
	u64 attrs = regime == PT_HYP ? stage1_attrs(type) : stage2_attrs(type);
	u64 kind = level == PT_LAST_LEVEL ? PTE_NON_BLOCK : 0;

	return (pa.bits & PTE_ADDR_MASK) | attrs | PTE_AF | kind | PTE_VALID;
}

u64 pte_table(paddr_t next)
{
	return (next.bits & PTE_ADDR_MASK) | PTE_NON_BLOCK | PTE_VALID;
}

bool pte_is_valid(u64 pte)
{
	return pte & PTE_VALID;
}

bool pte_is_table(u64 pte, unsigned level)
{
	return level < PT_LAST_LEVEL && (pte & (PTE_VALID | PTE_NON_BLOCK)) ==
						(PTE_VALID | PTE_NON_BLOCK);
}

paddr_t pte_addr(u64 pte)
{
	return pa_of(pte & PTE_ADDR_MASK);
}
