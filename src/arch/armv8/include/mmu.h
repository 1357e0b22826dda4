/* SPDX-License-Identifier: MIT */
/* Translation controls for EL2 stage 1 and Stage 2 (4 KiB granule). */
#ifndef MMU_H
#define MMU_H

/* 39-bit address spaces: tables start at level 1 (PT_START_LEVEL). */
#define VA_BITS 39

#define TCR_T0SZ	 (64 - VA_BITS)
#define TCR_IRGN0_WBWA	 (1UL << 8)
#define TCR_ORGN0_WBWA	 (1UL << 10)
#define TCR_SH0_INNER	 (3UL << 12)
#define TCR_EL2_PS_SHIFT 16
#define TCR_EL2_RES1	 ((1UL << 31) | (1UL << 23))
#define TCR_EL2_VALUE                                                          \
	(TCR_EL2_RES1 | TCR_SH0_INNER | TCR_ORGN0_WBWA | TCR_IRGN0_WBWA |      \
	 TCR_T0SZ)

#define VTCR_SL0_LEVEL1 (1UL << 6)
#define VTCR_PS_SHIFT	16
#define VTCR_RES1	(1UL << 31)
#define VTCR_VALUE                                                             \
	(VTCR_RES1 | TCR_SH0_INNER | TCR_ORGN0_WBWA | TCR_IRGN0_WBWA |         \
	 VTCR_SL0_LEVEL1 | TCR_T0SZ)
#define VTTBR_VMID_SHIFT 48

/* SCTLR_EL2: MMU, D-cache, I-cache, SP alignment check, writable means
 * execute-never, plus RES1. */
#define SCTLR_EL2_RES1 0x30c50830UL
#define SCTLR_M	       (1 << 0)
#define SCTLR_C	       (1 << 2)
#define SCTLR_SA       (1 << 3)
#define SCTLR_I	       (1 << 12)
#define SCTLR_WXN      (1 << 19)

#endif
