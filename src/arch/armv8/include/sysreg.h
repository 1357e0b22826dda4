/* SPDX-License-Identifier: MIT */
/* System register access and the bits of them Bulkhead uses. */
#ifndef SYSREG_H
#define SYSREG_H

#include "syndrome.h"

#ifndef __ASSEMBLY__
#include "types.h"

#define read_sysreg(r)                                                         \
	({                                                                     \
		u64 __v;                                                       \
		__asm__ volatile("mrs %0, " #r : "=r"(__v));                   \
		__v;                                                           \
	})
#define write_sysreg(r, v)                                                     \
	__asm__ volatile("msr " #r ", %0" ::"r"((u64)(v)) : "memory")
#define isb()	 __asm__ volatile("isb" ::: "memory")
#define dsb(opt) __asm__ volatile("dsb " #opt ::: "memory")
#define sev()	 __asm__ volatile("sev" ::: "memory")

/* Breakpoint and watchpoint n's registers, n a literal (debug_points.h). */
#define write_dbgbvr(n, v) write_sysreg(dbgbvr##n##_el1, v)
#define write_dbgbcr(n, v) write_sysreg(dbgbcr##n##_el1, v)
#define write_dbgwvr(n, v) write_sysreg(dbgwvr##n##_el1, v)
#define write_dbgwcr(n, v) write_sysreg(dbgwcr##n##_el1, v)
#endif

/* HCR_EL2: what a guest's EL1 may do without the hypervisor. */
#define HCR_VM	  (1 << 0)    /* Stage-2 translation on */
#define HCR_FMO	  (1 << 3)    /* physical FIQ to EL2 */
#define HCR_IMO	  (1 << 4)    /* physical IRQ to EL2 */
#define HCR_AMO	  (1 << 5)    /* physical SError to EL2 */
#define HCR_TID3  (1 << 18)   /* trap ID registers: sanitised copies */
#define HCR_TSC	  (1 << 19)   /* trap SMC: guests never reach firmware */
#define HCR_TIDCP (1 << 20)   /* trap IMPLEMENTATION DEFINED registers */
#define HCR_TACR  (1 << 21)   /* trap ACTLR_EL1 (core-wide controls) */
#define HCR_TVM	  (1 << 26)   /* trap writes to the EL1 MMU registers */
#define HCR_TSW	  (1 << 22)   /* trap set/way cache maintenance */
#define HCR_RW	  (1UL << 31) /* EL1 is AArch64 */
#define HCR_TLOR  (1UL << 35) /* trap LORegion registers (FEAT_LOR) */
#define HCR_TERR  (1UL << 36) /* trap RAS error records (FEAT_RAS) */
#define HCR_TEA	  (1UL << 37) /* synchronous external aborts to EL2 */

/* MDCR_EL2: PMU, OS lock, debug ROM, profiling and trace filters trap. */
#define MDCR_HPMN_MASK 0x1f
#define MDCR_TPMCR     (1 << 5)
#define MDCR_TPM       (1 << 6)
#define MDCR_TDOSA     (1 << 10)
#define MDCR_TDRA      (1 << 11)
#define MDCR_TPMS      (1 << 14) /* Statistical Profiling (FEAT_SPE) */
#define MDCR_TTRF      (1 << 19) /* TRFCR_EL1 (FEAT_TRF) */

/* CPTR_EL2: RES1 bits (TZ and TSM set: SVE and SME trap), and traps. */
#define CPTR_EL2_RES1 0x33ffUL
#define CPTR_TTA      (1UL << 20) /* trace registers */
#define CPTR_TAM      (1UL << 30) /* activity monitors (FEAT_AMUv1) */

/*
 * The ID register space HCR_EL2.TID3 traps: op0 3, op1 0, CRn 0, CRm 1..7
 * (CRm 1..3 AArch32, 4..7 AArch64). X(crm, op2) for each encoding.
 */
#define ID_REG_CRM_FIRST       1
#define ID_REG_CRM_LAST	       7
/* clang-format off */
#define ID_REG_ROW(X, crm) \
	X(crm, 0) X(crm, 1) X(crm, 2) X(crm, 3) \
	X(crm, 4) X(crm, 5) X(crm, 6) X(crm, 7)
#define ID_REGISTERS(X) \
	ID_REG_ROW(X, 1) ID_REG_ROW(X, 2) ID_REG_ROW(X, 3) ID_REG_ROW(X, 4) \
	ID_REG_ROW(X, 5) ID_REG_ROW(X, 6) ID_REG_ROW(X, 7)
/* clang-format on */
#define ID_REG_INDEX(crm, op2) ((crm)*8 + (op2))

/* 4-bit ID register fields Bulkhead reads itself. */
#define ID_FIELD(reg, shift) (((reg) >> (shift)) & 0xf)
#define PFR0_RAS	     28 /* ID_AA64PFR0_EL1 */
#define PFR0_AMU	     44
#define DFR0_TRACEVER	     4 /* ID_AA64DFR0_EL1 */
#define DFR0_PMUVER	     8
#define DFR0_PMUVER_IMPDEF   0xf /* a PMU, but not PMUv3 */
#define DFR0_BRPS	     12
#define DFR0_WRPS	     20
#define DFR0_PMSVER	     32
#define DFR0_TRACEFILT	     40
#define MMFR0_FGT	     56 /* ID_AA64MMFR0_EL1 */
#define MMFR1_LO	     16 /* ID_AA64MMFR1_EL1 */
#define MMFR1_HCX	     40

/* OSLSR_EL1.OSLK: the OS lock is locked (as at a cold reset). */
#define OSLSR_OSLK (1 << 1)

/* CNT*_CTL: the timer is on (its interrupt unmasked). */
#define CNT_CTL_ENABLE (1 << 0)

/* SPSR / PSTATE */
#define PSR_MODE_EL1H 0x5
#define PSR_DAIF      (0xfUL << 6)
#define PSR_MODE_MASK 0xf
#define PSR_AARCH32   (1 << 4)
#define PSR_SSBS      (1UL << 12)
#define PSR_SS	      (1UL << 21) /* software step: one instruction to run */
#define PSR_PAN	      (1UL << 22)
#define PSR_DIT	      (1UL << 24)
#define PSR_TCO	      (1UL << 25)
#define PSR_NZCV      (0xfUL << 28)

/* SCTLR_EL1 bits exception entry reads. */
#define SCTLR_SPAN  (1UL << 23) /* 0: set PSTATE.PAN on entry to EL1 */
#define SCTLR_DSSBS (1UL << 44) /* PSTATE.SSBS on entry to EL1 */

/* SCTLR_EL1 at reset with the MMU and caches off (RES1 bits only). */
#define SCTLR_EL1_RESET 0x30d00800UL

/* ESR_EL2: what AArch32's HSR shares is in syndrome.h; AArch64's own. */
#define EC_HVC64    0x16
#define EC_SMC64    0x17
#define ESR_DABT_SF (1 << 15) /* 64-bit register */
#define XZR	    31	      /* register 31: zero */

#endif
