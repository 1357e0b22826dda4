/* SPDX-License-Identifier: MIT */
/*
 * HYP vectors (HVBAR).
 *
 * Every guest exit is a Hyp Trap (0x14) or an IRQ (0x18, HCR.IMO): the
 * entry saves r0-r12 and r14 in a struct guest_frame on this core's HYP
 * stack. HYP mode has no LR of its own (its r14 is LR_usr), so a guest
 * in USR or SYS mode has its LR live in r14: it is saved before any call.
 * ELR_hyp and SPSR_hyp stay in their registers. The other vectors are
 * taken from HYP mode itself, a hypervisor bug: reported, fatal. HYP runs
 * with IRQs masked, so an IRQ is always a guest's.
 */
#include <bulkhead/abi.h>

#include "asm_defs.h"

#define EC_HVC32 0x12
#define EC_SMC32 0x13

/* An HVC or SMC's stack: SMCCC's r0-r7 as smccc_handle()'s u64 regs[8],
 * then the guest's r12 and r14, which C may clobber (it keeps r4-r11). */
#define CALL_REGS      64
#define CALL_FRAME_SIZE (CALL_REGS + 8)

/* regs[slot] = reg, zero-extended (lr is 0). */
.macro call_reg reg, slot
	str	\reg, [sp, #(8 * \slot)]
	str	lr, [sp, #(8 * \slot + 4)]
.endm

/* The guest's PSR at entry: SVC mode, A, I and F masked, ARM state. */
#define GUEST_ENTRY_PSR 0x1d3

/* Kinds for hyp_exception_report(): the vector's offset / 4. */
#define HYP_VEC_UNUSED 0
#define HYP_VEC_UNDEF  1
#define HYP_VEC_HVC    2
#define HYP_VEC_PABT   3
#define HYP_VEC_DABT   4
#define HYP_VEC_FIQ    7

.macro save_frame
	sub	sp, sp, #FRAME_SIZE
	stm	sp, {r0-r12, lr}
.endm

.macro restore_frame_and_eret
	ldm	sp, {r0-r12, lr}
	add	sp, sp, #FRAME_SIZE
	eret
.endm

/* A hypervisor exception: save what we can and report it. */
.macro hyp_fault kind
	save_frame
	mov	r0, sp
	mov	r1, #\kind
	b	hyp_exception_report
.endm

	.arm
	.section .text.vectors, "ax"
	.balign	32
	.global	hyp_vectors
hyp_vectors:
	b	hyp_unused
	b	hyp_undef
	b	hyp_hvc
	b	hyp_pabt
	b	hyp_dabt
	b	guest_trap
	b	guest_irq
	b	hyp_fiq

hyp_unused:	hyp_fault HYP_VEC_UNUSED
hyp_undef:	hyp_fault HYP_VEC_UNDEF
hyp_hvc:	hyp_fault HYP_VEC_HVC
hyp_pabt:	hyp_fault HYP_VEC_PABT
hyp_dabt:	hyp_fault HYP_VEC_DABT
hyp_fiq:	hyp_fault HYP_VEC_FIQ

	.text
/*
 * The fastest exit, as on AArch64: an HVC with a Bulkhead function number
 * that does not exist (between BH_HC_LAST and BH_HC_QUERIES) gets
 * NOT_SUPPORTED here, with only r1 and r2 saved. They go where the
 * padding of a guest_frame or above a call's registers will be, so every
 * other exit builds its stack around them.
 */
guest_trap:
	push	{r1, r2}
	mrc	p15, 4, r1, c5, c2, 0	/* HSR */
	lsr	r2, r1, #26		/* EC */
	cmp	r2, #EC_SMC32
	beq	guest_call
	cmp	r2, #EC_HVC32
	bne	guest_trap_save
	lsr	r2, r0, #16		/* owner and call type of the ID */
	bic	r2, r2, #0x4000		/* SMC32 or SMC64 alike */
	cmp	r2, #0x8600		/* fast call, vendor hypervisor */
	bne	guest_call
	uxth	r2, r0
	cmp	r2, #BH_HC_LAST
	bls	guest_call
	cmp	r2, #BH_HC_QUERIES
	bhs	guest_call
	mov	r0, #SMCCC_NOT_SUPPORTED
	pop	{r1, r2}
	eret

/*
 * HVC and SMC: handle_guest_call(regs, HSR), r1 = HSR, the guest's r1 and
 * r2 pushed. SMCCC's arguments are built as the 64-bit registers
 * smccc_handle() takes, and its results r0-r3 come back from them.
 */
guest_call:
	sub	sp, sp, #CALL_FRAME_SIZE
	str	r12, [sp, #CALL_REGS]
	str	lr, [sp, #(CALL_REGS + 4)]
	mov	r12, r1
	ldr	r1, [sp, #CALL_FRAME_SIZE]
	ldr	r2, [sp, #(CALL_FRAME_SIZE + 4)]
	mov	lr, #0
	call_reg r0, 0
	call_reg r1, 1
	call_reg r2, 2
	call_reg r3, 3
	call_reg r4, 4
	call_reg r5, 5
	call_reg r6, 6
	call_reg r7, 7
	mov	r0, sp
	mov	r1, r12
	bl	handle_guest_call
	ldr	r0, [sp, #(8 * 0)]
	ldr	r1, [sp, #(8 * 1)]
	ldr	r2, [sp, #(8 * 2)]
	ldr	r3, [sp, #(8 * 3)]
	ldr	r12, [sp, #CALL_REGS]
	ldr	lr, [sp, #(CALL_REGS + 4)]
	add	sp, sp, #(CALL_FRAME_SIZE + 8)
	eret

/* Every other synchronous exit: handle_guest_trap(frame, HSR). */
guest_trap_save:
	sub	sp, sp, #(FRAME_SIZE - 8)
	ldr	r1, [sp, #(FRAME_SIZE - 8)]
	ldr	r2, [sp, #(FRAME_SIZE - 4)]
	stm	sp, {r0-r12, lr}
	mov	r0, sp
	mrc	p15, 4, r1, c5, c2, 0	/* HSR */
	bl	handle_guest_trap
	restore_frame_and_eret

guest_irq:
	save_frame
	bl	handle_guest_irq
	restore_frame_and_eret

/*
 * enter_guest(entry, r0, r1, r2, stack_top): start a vCPU in SVC mode with
 * the MMU off, r0-r2 as the caller's boot protocol says (cpu.c) and every
 * other register zero, so nothing of the hypervisor reaches the guest.
 * stack_top, the fifth argument, is on the stack this drops.
 */
	.global	enter_guest
enter_guest:
	ldr	r12, [sp]
	mov	sp, r12
	msr	elr_hyp, r0
	mov	r0, r1
	mov	r1, r2
	mov	r2, r3
	mov	r3, #GUEST_ENTRY_PSR
	msr	spsr_cxsf, r3
	mov	r3, #0
	mov	r4, #0
	mov	r5, #0
	mov	r6, #0
	mov	r7, #0
	mov	r8, #0
	mov	r9, #0
	mov	r10, #0
	mov	r11, #0
	mov	r12, #0
	mov	lr, #0
	eret

/* Drop whatever this core was doing in HYP and go idle (vcpu.c). */
	.global	arch_cpu_reset_stack_and_idle
arch_cpu_reset_stack_and_idle:
	bl	arch_cpu_id
	bl	cpu_stack_top		/* u64: the low word is r0 */
	mov	sp, r0
	b	cpu_idle_loop
