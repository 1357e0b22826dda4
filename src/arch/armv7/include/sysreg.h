/* SPDX-License-Identifier: MIT */
/*
 * ARMv7-A cp15 registers, and the cp14 debug registers Bulkhead uses:
 * their encodings, the accessors that reach them, and the bits of them
 * Bulkhead uses.
 *
 * A 32-bit register is named by its encoding (op1, CRn, CRm, op2), a
 * 64-bit one by (op1, CRm): e.g. `read_cp15(HSCTLR)`,
 * `write_cp15_64(HTTBR, root)`. The same names give the ISS a trapped
 * MCR/MRC (HSR EC 0x03) or MCRR/MRRC (EC 0x04) carries: CP15_ISS(SCTLR).
 * cp14's are named alike and reached by read_cp14()/write_cp14(); a
 * trapped cp14 MCR/MRC encodes its ISS as cp15's does.
 */
#ifndef SYSREG_H
#define SYSREG_H

/* clang-format off */
/* Identification */
#define MIDR		0, 0, 0, 0
#define CTR		0, 0, 0, 1
#define MPIDR		0, 0, 0, 5
#define ID_PFR0		0, 0, 1, 0
#define ID_PFR1		0, 0, 1, 1
#define ID_DFR0		0, 0, 1, 2
#define ID_MMFR0	0, 0, 1, 4
#define CCSIDR		1, 0, 0, 0
#define CLIDR		1, 0, 0, 1
#define CSSELR		2, 0, 0, 0
#define VPIDR		4, 0, 0, 0
#define VMPIDR		4, 0, 0, 5
/* System control, and HYP's trap controls */
#define SCTLR		0, 1, 0, 0
#define ACTLR		0, 1, 0, 1
#define CPACR		0, 1, 0, 2
#define HSCTLR		4, 1, 0, 0
#define HACTLR		4, 1, 0, 1
#define HCR		4, 1, 1, 0
#define HDCR		4, 1, 1, 1
#define HCPTR		4, 1, 1, 2
#define HSTR		4, 1, 1, 3
#define HACR		4, 1, 1, 7
/* Translation */
#define TTBR0_32	0, 2, 0, 0
#define TTBR1_32	0, 2, 0, 1
#define TTBCR		0, 2, 0, 2
#define HTCR		4, 2, 0, 2
#define VTCR		4, 2, 1, 2
#define DACR		0, 3, 0, 0
/* Faults */
#define DFSR		0, 5, 0, 0
#define IFSR		0, 5, 0, 1
#define ADFSR		0, 5, 1, 0
#define AIFSR		0, 5, 1, 1
#define HSR		4, 5, 2, 0
#define DFAR		0, 6, 0, 0
#define IFAR		0, 6, 0, 2
#define HDFAR		4, 6, 0, 0
#define HIFAR		4, 6, 0, 2
#define HPFAR		4, 6, 0, 4
#define PAR_32		0, 7, 4, 0
/* Cache and branch predictor maintenance (writes only) */
#define ICIALLUIS	0, 7, 1, 0
#define BPIALLIS	0, 7, 1, 6
#define ICIALLU		0, 7, 5, 0
#define BPIALL		0, 7, 5, 6
#define DCIMVAC		0, 7, 6, 1
#define DCISW		0, 7, 6, 2
#define DCCMVAC		0, 7, 10, 1
#define DCCSW		0, 7, 10, 2
#define DCCIMVAC	0, 7, 14, 1
#define DCCISW		0, 7, 14, 2
/* TLB maintenance (writes only) */
#define TLBIALLIS	0, 8, 3, 0
#define TLBIALLHIS	4, 8, 3, 0
#define TLBIALLNSNHIS	4, 8, 3, 4
#define TLBIALLH	4, 8, 7, 0
/* Performance monitors */
#define PMCR		0, 9, 12, 0
/* Memory attributes */
#define PRRR		0, 10, 2, 0
#define NMRR		0, 10, 2, 1
#define AMAIR0		0, 10, 3, 0
#define AMAIR1		0, 10, 3, 1
#define HMAIR0		4, 10, 2, 0
#define HMAIR1		4, 10, 2, 1
#define HAMAIR0		4, 10, 3, 0
#define HAMAIR1		4, 10, 3, 1
/* Vectors, context, thread IDs */
#define VBAR		0, 12, 0, 0
#define HVBAR		4, 12, 0, 0
#define CONTEXTIDR	0, 13, 0, 1
#define TPIDRURW	0, 13, 0, 2
#define TPIDRURO	0, 13, 0, 3
#define TPIDRPRW	0, 13, 0, 4
#define HTPIDR		4, 13, 0, 2
/* Generic timer */
#define CNTFRQ		0, 14, 0, 0
#define CNTKCTL		0, 14, 1, 0
#define CNTP_TVAL	0, 14, 2, 0
#define CNTP_CTL	0, 14, 2, 1
#define CNTV_TVAL	0, 14, 3, 0
#define CNTV_CTL	0, 14, 3, 1
#define CNTHCTL		4, 14, 1, 0
#define CNTHP_TVAL	4, 14, 2, 0
#define CNTHP_CTL	4, 14, 2, 1

/* 64-bit registers: (op1, CRm) */
#define TTBR0		0, 2
#define TTBR1		1, 2
#define HTTBR		4, 2
#define VTTBR		6, 2
#define PAR		0, 7
#define CNTPCT		0, 14
#define CNTVCT		1, 14
#define CNTP_CVAL	2, 14
#define CNTV_CVAL	3, 14
#define CNTVOFF		4, 14
#define CNTHP_CVAL	6, 14

/* cp14 debug registers (same (op1, CRn, CRm, op2) form, p14) */
#define DBGDIDR		0, 0, 0, 0
#define DBGDSCRext	0, 0, 2, 2
#define DBGVCR		0, 0, 7, 0
#define DBGOSLAR	0, 1, 0, 4
#define DBGOSLSR	0, 1, 1, 4
/* Breakpoint and watchpoint n: CRm = n. */
#define DBGBVR(n)	0, 0, n, 4
#define DBGBCR(n)	0, 0, n, 5
#define DBGWVR(n)	0, 0, n, 6
#define DBGWCR(n)	0, 0, n, 7

/* The assembler's operands for MRC/MCR (cp15 or cp14) and MRRC/MCRR. */
#define CP_OPERANDS32(cp, op1, crn, crm, op2)                                  \
	#cp ", " #op1 ", %0, c" #crn ", c" #crm ", " #op2
#define CP15_OPERANDS64(op1, crm) "p15, " #op1 ", %Q0, %R0, c" #crm
/* One more step, so a register's name expands before it is split. */
#define cp15_operands32(...)	  CP_OPERANDS32(p15, __VA_ARGS__)
#define cp14_operands32(...)	  CP_OPERANDS32(p14, __VA_ARGS__)
#define cp15_operands64(...)	  CP15_OPERANDS64(__VA_ARGS__)

/* The ISS of a trapped MCR/MRC (Opc2, Opc1, CRn, CRm; Rt and direction
 * masked out) and of a trapped MCRR/MRRC (Opc1, CRm). */
#define CP15_ISS32(op1, crn, crm, op2)                                         \
	((u32)(op2) << 17 | (u32)(op1) << 14 | (u32)(crn) << 10 |              \
	 (u32)(crm) << 1)
#define CP15_ISS64(op1, crm) ((u32)(op1) << 16 | (u32)(crm) << 1)
#define CP15_ISS(...)	     CP15_ISS32(__VA_ARGS__)
#define CP15_ISS_64(...)     CP15_ISS64(__VA_ARGS__)
#define CP15_ISS32_MASK	     0x000ffc1eu
#define CP15_ISS64_MASK	     0x000f001eu

#ifndef __ASSEMBLY__
#include "types.h"

#define read_cp(operands)                                                      \
	({                                                                     \
		u32 __v;                                                       \
		__asm__ volatile("mrc " operands : "=r"(__v));                 \
		__v;                                                           \
	})
#define write_cp(operands, v)                                                  \
	__asm__ volatile("mcr " operands : : "r"((u32)(v)) : "memory")
#define read_cp15(reg)	   read_cp(cp15_operands32(reg))
#define write_cp15(reg, v) write_cp(cp15_operands32(reg), v)
#define read_cp14(reg)	   read_cp(cp14_operands32(reg))
#define write_cp14(reg, v) write_cp(cp14_operands32(reg), v)
#define read_cp15_64(reg)                                                      \
	({                                                                     \
		u64 __v;                                                       \
		__asm__ volatile("mrrc " cp15_operands64(reg) : "=r"(__v));    \
		__v;                                                           \
	})
#define write_cp15_64(reg, v)                                                  \
	__asm__ volatile("mcrr " cp15_operands64(reg)                          \
			 :                                                     \
			 : "r"((u64)(v))                                       \
			 : "memory")
/* Breakpoint and watchpoint n's registers, n a literal (debug_points.h). */
#define write_dbgbvr(n, v) write_cp14(DBGBVR(n), v)
#define write_dbgbcr(n, v) write_cp14(DBGBCR(n), v)
#define write_dbgwvr(n, v) write_cp14(DBGWVR(n), v)
#define write_dbgwcr(n, v) write_cp14(DBGWCR(n), v)

#define isb()	 __asm__ volatile("isb" ::: "memory")
#define dsb(opt) __asm__ volatile("dsb " #opt ::: "memory")
#define sev()	 __asm__ volatile("sev" ::: "memory")
#endif

/* HCR: what a guest's PL1 may do without the hypervisor (same bit
 * numbers as HCR_EL2's low word). */
#define HCR_VM	  (1u << 0)  /* Stage-2 translation on */
#define HCR_FMO	  (1u << 3)  /* physical FIQ to HYP */
#define HCR_IMO	  (1u << 4)  /* physical IRQ to HYP */
#define HCR_AMO	  (1u << 5)  /* physical asynchronous abort to HYP */
#define HCR_TID3  (1u << 18) /* trap ID registers */
#define HCR_TSC	  (1u << 19) /* trap SMC */
#define HCR_TIDCP (1u << 20) /* trap IMPLEMENTATION DEFINED registers */
#define HCR_TAC	  (1u << 21) /* trap ACTLR */
#define HCR_TSW	  (1u << 22) /* trap set/way cache maintenance */
#define HCR_TVM	  (1u << 26) /* trap writes to the PL1 MMU registers */

/* The PL1 memory-system registers HCR.TVM traps writes to (Arm ARM v7-A
 * B1.14.13): by MCR, and TTBR0/1 by LPAE's MCRR too. */
/* clang-format off */
#define VM_REGISTERS32(X)                                                      \
	X(SCTLR) X(TTBR0_32) X(TTBR1_32) X(TTBCR) X(DACR) X(DFSR) X(IFSR)      \
	X(ADFSR) X(AIFSR) X(DFAR) X(IFAR) X(PRRR) X(NMRR) X(AMAIR0)            \
	X(AMAIR1) X(CONTEXTIDR)
#define VM_REGISTERS64(X) X(TTBR0) X(TTBR1)
/* clang-format on */

/* HDCR: PMU, OS lock and power-down, debug ROM (as MDCR_EL2). */
#define HDCR_HPMN_MASK 0x1fu
#define HDCR_TPMCR     (1u << 5)
#define HDCR_TPM       (1u << 6)
#define HDCR_TDOSA     (1u << 10)
#define HDCR_TDRA      (1u << 11)

/* HCPTR: RES1 bits (cp0-cp9, cp12, cp13), and trace (cp14) trapped. */
#define HCPTR_RES1 0x33ffu
#define HCPTR_TTA  (1u << 20)

/* HSTR: Jazelle registers, and every cp15 register of CRn 15, trap. */
#define HSTR_TJDBX (1u << 17)
#define HSTR_T15   (1u << 15)

/* HSCTLR: MMU, D-cache, I-cache, writable means execute-never; the
 * remaining fields zero (exceptions in ARM state, little-endian, no
 * alignment checks), plus RES1. */
#define HSCTLR_RES1 0x30c50818u
#define HSCTLR_M    (1u << 0)
#define HSCTLR_C    (1u << 2)
#define HSCTLR_I    (1u << 12)
#define HSCTLR_WXN  (1u << 19)

/* DBGDIDR: breakpoints and watchpoints, less one. DBGOSLAR: the key
 * that locks the OS lock (any other value unlocks it). */
#define DBGDIDR_BRPS(didr) (((didr) >> 24) & 0xfu)
#define DBGDIDR_WRPS(didr) (((didr) >> 28) & 0xfu)
#define DBGOSLAR_LOCK	   0xc5acce55u

/* CNT*_CTL: the timer is on (its interrupt unmasked). */
#define CNT_CTL_ENABLE (1u << 0)

#endif
