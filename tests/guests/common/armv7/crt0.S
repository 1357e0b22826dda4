/* SPDX-License-Identifier: MIT */
/*
 * ARMv7 guest start-up, in SVC mode with the MMU and caches off. vCPU 0
 * enters _start as Linux would be entered (r0 = 0, r1 = ~0, r2 = DTB IPA
 * or 0), secondaries enter secondary_entry through PSCI CPU_ON (r0 =
 * context). Both arrive with A, I and F masked. guest_main() gets r2.
 */

#define GUEST_MAX_VCPUS 4
#define STACK_SHIFT	14 /* 16 KiB per vCPU, see guest.ld */

#define MODE_SVC 0x13

/* SCTLR: RES1/SBO bits and CP15BEN; MMU, caches and alignment checks off,
 * exceptions in ARM state to VBAR (V = 0), little-endian. */
#define SCTLR_VALUE 0x00c50078

#define PSCI_CPU_OFF 0x84000002

/* Per-vCPU state the hypervisor may not have set to what we rely on. */
.macro init_svc tmp
	cpsid	aif
	ldr	\tmp, =SCTLR_VALUE
	mcr	p15, 0, \tmp, c1, c0, 0		/* SCTLR */
	ldr	\tmp, =vectors
	mcr	p15, 0, \tmp, c12, c0, 0	/* VBAR */
	isb
.endm

/* The hypervisor zeroes VM RAM, but a SYSTEM_RESET may not. */
.macro zero_bss tmp0, tmp1, zero
	ldr	\tmp0, =__bss_start
	ldr	\tmp1, =__bss_end
	mov	\zero, #0
1:	cmp	\tmp0, \tmp1
	strlo	\zero, [\tmp0], #4
	blo	1b
.endm

/* sp = top of this vCPU's SVC stack (exceptions run on it too); a vCPU
 * without one turns itself off. */
.macro set_stack tmp0, tmp1
	mrc	p15, 0, \tmp0, c0, c0, 5	/* MPIDR */
	and	\tmp0, \tmp0, #0xff
	cmp	\tmp0, #GUEST_MAX_VCPUS
	bhs	no_stack
	add	\tmp0, \tmp0, #1
	ldr	\tmp1, =__stacks_start
	add	sp, \tmp1, \tmp0, lsl #STACK_SHIFT
.endm

	.arm
	.section .text.boot, "ax"
	.global _start
_start:
	mov	r4, r2
	init_svc r1
	zero_bss r1, r2, r3
	set_stack r1, r2
	mov	r0, r4
	bl	guest_main
	bl	guest_exit

	.text
	.global secondary_entry
secondary_entry:
	mov	r4, r0
	init_svc r1
	set_stack r1, r2
	mov	r0, r4
	bl	guest_secondary_start
	b	.

no_stack:
	ldr	r0, =PSCI_CPU_OFF
	hvc	#0
	b	no_stack

/*
 * The vector table. Every exception moves to SVC mode and its stack
 * (SRS stores the return address and SPSR there), so the other modes
 * need no stacks and an IRQ handler may unmask IRQs and be preempted.
 * LR_svc is live in the interrupted code: it is saved with the rest.
 */
	.section .text.vectors, "ax"
	.balign	32
	.global vectors
vectors:
	b	vec_reset
	b	vec_undef
	b	vec_svc
	b	vec_pabt
	b	vec_dabt
	b	vec_hyp
	b	vec_irq
	b	vec_fiq

/*
 * Everything but IRQ: the frame is r0-r12, LR_svc, the faulting
 * instruction's address (LR minus lr_offset), SPSR, and guest_exception()
 * gets (index, frame). When that returns (an expected abort was skipped,
 * the frame's PC moved on), the registers are restored.
 */
.macro vector name, index, lr_offset
\name:
	sub	lr, lr, #\lr_offset
	srsdb	sp!, #MODE_SVC
	cps	#MODE_SVC
	push	{r0-r12, lr}
	mov	r0, #\index
	b	exception_common
.endm

	vector	vec_reset, 0, 0
	vector	vec_undef, 1, 4
	vector	vec_svc, 2, 4
	vector	vec_pabt, 3, 4
	vector	vec_dabt, 4, 8
	vector	vec_hyp, 5, 0
	vector	vec_fiq, 7, 4

/* C wants an 8-byte aligned stack: r4 (saved) keeps the frame. */
exception_common:
	mov	r1, sp
	mov	r4, sp
	bic	sp, sp, #7
	bl	guest_exception
	mov	sp, r4
	pop	{r0-r12, lr}
	rfeia	sp!

/*
 * IRQ: the caller-saved registers, LR_svc and the return state, then
 * irq_dispatch() (irq.c); IRQs are masked again before the return.
 */
vec_irq:
	sub	lr, lr, #4
	srsdb	sp!, #MODE_SVC
	cps	#MODE_SVC
	push	{r0-r4, r12, lr}
	mov	r4, sp
	bic	sp, sp, #7
	bl	irq_dispatch
	cpsid	i
	mov	sp, r4
	pop	{r0-r4, r12, lr}
	rfeia	sp!

/* No executable stack. */
	.section .note.GNU-stack, "", %progbits
