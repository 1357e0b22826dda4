/* SPDX-License-Identifier: MIT */
/*
 * vcpu_reset_pl1_pl0(): the guest state of this core in reset, before a
 * vCPU (re)starts on it. Nothing else ever runs in PL1/PL0 here, so every
 * register the last run could write still holds what it wrote: its banked
 * stack pointers and link registers, thread IDs, vector base, translation
 * tables, VFP data. A restarted VM must not read its earlier life. What
 * enter_guest() does not set: r0-r12 and LR_usr are its. SCTLR is set by
 * the caller; the vGIC resets the virtual CPU interface.
 */
#include "sysreg.h"

#define FPEXC_EN	(1 << 30)
#define MVFR0_D32	2	/* MVFR0.SIMDReg: 32 doubleword registers */
#define ID_PFR0_STATE3	(0xf << 12)	/* ThumbEE */

.macro zero_cp15 op1, crn, crm, op2
	mcr	p15, \op1, r0, c\crn, c\crm, \op2
.endm

.macro zero_cp15_64 op1, crm
	mcrr	p15, \op1, r0, r1, c\crm
.endm

	.arm
	.fpu	neon-vfpv4
	.text
	.global	vcpu_reset_pl1_pl0
vcpu_reset_pl1_pl0:
	mov	r0, #0
	mov	r1, #0
	/* The banked registers of every PL1 mode and of USR/SYS. */
	.irp	reg, sp_usr, sp_svc, lr_svc, spsr_svc, sp_abt, lr_abt, spsr_abt, sp_und, lr_und, spsr_und, sp_irq, lr_irq, spsr_irq, r8_fiq, r9_fiq, r10_fiq, r11_fiq, r12_fiq, sp_fiq, lr_fiq, spsr_fiq
	msr	\reg, r0
	.endr
	/* PL1 and PL0 cp15 registers a guest can write, but SCTLR. */
	zero_cp15 CPACR
	zero_cp15_64 TTBR0
	zero_cp15_64 TTBR1
	zero_cp15 TTBCR
	zero_cp15 DACR
	zero_cp15 DFSR
	zero_cp15 IFSR
	zero_cp15 ADFSR
	zero_cp15 AIFSR
	zero_cp15 DFAR
	zero_cp15 IFAR
	zero_cp15_64 PAR
	zero_cp15 PRRR
	zero_cp15 NMRR
	zero_cp15 AMAIR0
	zero_cp15 AMAIR1
	zero_cp15 VBAR
	zero_cp15 CONTEXTIDR
	zero_cp15 TPIDRURW
	zero_cp15 TPIDRURO
	zero_cp15 TPIDRPRW
	zero_cp15 CSSELR
	zero_cp15 CNTKCTL
	zero_cp15 CNTV_CTL
	zero_cp15_64 CNTV_CVAL
	zero_cp15 CNTP_CTL
	/* ThumbEE's registers (cpu.c leaves them untrapped), on a core that
	 * has it (ID_PFR0.State3): TEECR, TEEHBR. */
	mrc	p15, 0, r2, c0, c1, 0		/* ID_PFR0 */
	tst	r2, #ID_PFR0_STATE3
	mcrne	p14, 6, r0, c0, c0, 0		/* TEECR */
	mcrne	p14, 6, r0, c1, c0, 0		/* TEEHBR */
	/* VFP/Advanced SIMD (HCPTR leaves them untrapped): enabled for the
	 * zeroing, then off as at reset (FPEXC.EN = 0). */
	ldr	r2, =FPEXC_EN
	vmsr	fpexc, r2
	.irp	n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	vmov	d\n, r0, r1
	.endr
	vmrs	r2, mvfr0
	and	r2, r2, #0xf
	cmp	r2, #MVFR0_D32
	bne	1f
	.irp	n, 16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	vmov	d\n, r0, r1
	.endr
1:	vmsr	fpscr, r0
	vmsr	fpexc, r0
	isb
	bx	lr
