/* SPDX-License-Identifier: MIT */
/*
 * What the syndrome of an exception taken to the hypervisor says, where
 * AArch64's ESR_EL2 and AArch32's HSR agree: the exception class, the
 * classes both have, and the data and instruction abort ISS (with the
 * long-descriptor fault status codes: HYP and Stage 2 use LPAE). The
 * names are ESR_EL2's; HSR has the same layout in its 32 bits. The
 * decoders of aborts are in abort.h.
 */
#ifndef SYNDROME_H
#define SYNDROME_H

#define ESR_EC_SHIFT 26
#define ESR_EC(esr)  (((esr) >> ESR_EC_SHIFT) & 0x3f)
#define ESR_IL	     (1UL << 25)
#define ESR_ISS_MASK 0x1ffffff

#define EC_UNKNOWN  0x00
#define EC_WFX	    0x01
/* AArch32 coprocessor accesses (from an AArch32 guest on either). */
#define EC_CP15_32  0x03 /* MCR/MRC p15 */
#define EC_CP15_64  0x04 /* MCRR/MRRC p15 */
#define EC_CP14_MR  0x05 /* MCR/MRC p14 */
#define EC_CP14_LS  0x06 /* LDC/STC p14 */
#define EC_CP10_ID  0x08 /* VMRS of an ID register */
#define EC_CP14_64  0x0c /* MRRC p14 */
#define EC_HVC32    0x12
#define EC_SMC32    0x13
#define EC_IABT_LOW 0x20
#define EC_IABT_CUR 0x21
#define EC_DABT_LOW 0x24
#define EC_DABT_CUR 0x25
#define EC_PC_ALIGN 0x22
/* Classes only AArch64's EL2 takes (named in the fault report). */
#define EC_SYSREG   0x18
#define EC_SP_ALIGN 0x26
#define EC_SERROR   0x2f
#define EC_BRK	    0x3c

/* Data/instruction abort ISS */
#define ESR_ABT_FSC(esr)  ((esr)&0x3f)
#define ESR_DABT_WNR	  (1 << 6)
#define ESR_ABT_S1PTW	  (1 << 7)
#define FSC_SEA		  0x10		      /* synchronous external abort */
#define ESR_DABT_ISV	  (1UL << 24)	      /* the fields below are valid */
#define ESR_DABT_SAS(esr) (((esr) >> 22) & 3) /* log2 of the size */
#define ESR_DABT_SSE	  (1 << 21)	      /* sign-extend the load */
#define ESR_DABT_SRT(esr) (((esr) >> 16) & 0x1f)

#endif
