/* SPDX-License-Identifier: MIT */
/*
 * EL2 exception vectors.
 *
 * A guest exit saves the registers C may clobber (x0-x18, x30) in a struct
 * guest_frame on this core's EL2 stack; x19-x29 stay in the CPU, preserved
 * by the C code, except for the exits that name one of them (a trapped
 * MSR/MRS or MMIO access with Rt >= 19), which save those too. Each kind
 * of exit goes straight to its own handler. ELR_EL2 and
 * SPSR_EL2 stay in their registers. Exceptions taken from EL2 itself are
 * hypervisor bugs: reported, fatal.
 */
#include <bulkhead/abi.h>

#include "asm_defs.h"

#define EC_HVC64 0x16
#define EC_SMC64 0x17
#define EC_SYSREG 0x18
#define EC_DABT_LOW 0x24

.macro save_x4_to_x18_and_x30
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	stp	x16, x17, [sp, #16 * 8]
	str	x18, [sp, #8 * 18]
	str	x30, [sp, #8 * 30]
.endm

.macro save_caller_saved
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #16 * 0]
	stp	x2, x3, [sp, #16 * 1]
	save_x4_to_x18_and_x30
.endm

.macro restore_caller_saved_and_eret
	ldr	x30, [sp, #8 * 30]
	ldr	x18, [sp, #8 * 18]
	ldp	x16, x17, [sp, #16 * 8]
	ldp	x14, x15, [sp, #16 * 7]
	ldp	x12, x13, [sp, #16 * 6]
	ldp	x10, x11, [sp, #16 * 5]
	ldp	x8, x9, [sp, #16 * 4]
	ldp	x6, x7, [sp, #16 * 3]
	ldp	x4, x5, [sp, #16 * 2]
	ldp	x2, x3, [sp, #16 * 1]
	ldp	x0, x1, [sp, #16 * 0]
	add	sp, sp, #FRAME_SIZE
	eret
.endm

/*
 * Call `handler` (frame, ESR) for a trap whose ISS names a register at
 * bit `rt_lsb`; x0 = frame, x1 = ESR. If that register is one of x19-x29,
 * it is saved in the frame first and reloaded afterwards, so the handler
 * can read or write it there.
 */
.macro call_with_rt handler, rt_lsb
	ubfx	x3, x1, #\rt_lsb, #5
	sub	x3, x3, #19
	cmp	x3, #(29 - 19)
	b.ls	1f
	bl	\handler
	b	guest_return
1:	stp	x19, x20, [sp, #8 * 19]
	stp	x21, x22, [sp, #8 * 21]
	stp	x23, x24, [sp, #8 * 23]
	stp	x25, x26, [sp, #8 * 25]
	stp	x27, x28, [sp, #8 * 27]
	str	x29, [sp, #8 * 29]
	bl	\handler
	ldp	x19, x20, [sp, #8 * 19]
	ldp	x21, x22, [sp, #8 * 21]
	ldp	x23, x24, [sp, #8 * 23]
	ldp	x25, x26, [sp, #8 * 25]
	ldp	x27, x28, [sp, #8 * 27]
	ldr	x29, [sp, #8 * 29]
	b	guest_return
.endm

/* A hypervisor exception: save what we can and report it. */
.macro el2_vector kind
	.balign	0x80
	save_caller_saved
	mov	x0, sp
	mov	x1, #\kind
	b	el2_exception_report
.endm

	.section .text.vectors, "ax"
	.balign	0x800
	.global	el2_vectors
el2_vectors:
	el2_vector 0	/* EL2 with SP_EL0: sync */
	el2_vector 1	/* irq */
	el2_vector 2	/* fiq */
	el2_vector 3	/* serror */
	el2_vector 4	/* EL2 with SP_EL2: sync */
	el2_vector 5	/* irq */
	el2_vector 6	/* fiq */
	el2_vector 7	/* serror */

	.balign	0x80	/* lower EL, AArch64: sync */
	b	guest_sync
	.balign	0x80	/* irq */
	b	guest_irq
	el2_vector 10	/* fiq: Bulkhead uses none */
	.balign	0x80	/* serror */
	b	guest_serror
	.balign	0x80	/* lower EL, AArch32 (EL0): sync */
	b	guest_sync
	.balign	0x80	/* irq */
	b	guest_irq
	el2_vector 14
	.balign	0x80	/* serror */
	b	guest_serror

	.text
/*
 * The fastest exit: an HVC with a Bulkhead function number that does not
 * exist (between BH_HC_LAST and BH_HC_QUERIES) gets NOT_SUPPORTED here,
 * before anything else is saved. Everything else goes on to C.
 */
guest_sync:
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #16 * 0]
	str	x2, [sp, #16 * 1]
	mrs	x1, esr_el2
	ubfx	x2, x1, #26, #6		/* EC (ISS2 above it may be set) */
	cmp	x2, #EC_SMC64
	b.eq	guest_smc
	cmp	x2, #EC_HVC64
	b.ne	guest_sync_save
	lsr	w2, w0, #16		/* owner and call type of the ID */
	bic	w2, w2, #0x4000		/* SMC32 or SMC64 alike */
	mov	w1, #0x8600		/* fast call, vendor hypervisor */
	cmp	w2, w1
	b.ne	guest_call
	and	w2, w0, #0xffff
	cmp	w2, #BH_HC_LAST
	b.ls	guest_call
	mov	w1, #BH_HC_QUERIES
	cmp	w2, w1
	b.hs	guest_call
	mov	x0, #SMCCC_NOT_SUPPORTED
	ldr	x1, [sp, #8]
	ldr	x2, [sp, #16]
	add	sp, sp, #FRAME_SIZE
	eret

/* A trapped SMC returns to itself: step over it (4 bytes in any state),
 * and end a software step over it (PSTATE.SS) as its execution would. */
guest_smc:
	mrs	x1, elr_el2
	add	x1, x1, #4
	msr	elr_el2, x1
	mrs	x1, spsr_el2
	bic	x1, x1, #(1 << 21)	/* SPSR_EL2.SS */
	msr	spsr_el2, x1
/* HVC and SMC: x0-x2 are in the frame already. */
guest_call:
	str	x3, [sp, #8 * 3]
	save_x4_to_x18_and_x30
	mov	x0, sp
	bl	handle_guest_call
	b	guest_return

/* Any other exit: x0-x2 are in the frame, x1 holds ESR, x2 the class. */
guest_sync_save:
	str	x3, [sp, #8 * 3]
	save_x4_to_x18_and_x30
	mov	x0, sp
	cmp	x2, #EC_DABT_LOW
	b.eq	guest_dabt
	cmp	x2, #EC_SYSREG
	b.eq	guest_sysreg
	bl	handle_guest_sync
	b	guest_return

/* Data aborts and MSR/MRS: x19-x29 go into the frame too when the
 * trapped instruction names one, for the handler to read or write. */
guest_dabt:
	call_with_rt	handle_guest_dabt, 16	/* ISS.SRT */
guest_sysreg:
	call_with_rt	handle_guest_sysreg, 5	/* ISS.Rt */

guest_serror:
	save_caller_saved
	bl	handle_guest_serror
	b	guest_return

/* The IRQ exit falls through into the return: the tick's path. */
guest_irq:
	save_caller_saved
	bl	handle_guest_irq
guest_return:
	restore_caller_saved_and_eret

/*
 * enter_guest(entry, arg, stack_top): start a vCPU at EL1h with the MMU
 * off, x0 = arg and every other register zero, so nothing of the
 * hypervisor reaches the guest.
 */
	.global	enter_guest
enter_guest:
	mov	sp, x2
	msr	elr_el2, x0
	mov	x2, #0x3c5		/* EL1h, DAIF masked */
	msr	spsr_el2, x2
	mov	x0, x1
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	mov	x4, xzr
	mov	x5, xzr
	mov	x6, xzr
	mov	x7, xzr
	mov	x8, xzr
	mov	x9, xzr
	mov	x10, xzr
	mov	x11, xzr
	mov	x12, xzr
	mov	x13, xzr
	mov	x14, xzr
	mov	x15, xzr
	mov	x16, xzr
	mov	x17, xzr
	mov	x18, xzr
	mov	x19, xzr
	mov	x20, xzr
	mov	x21, xzr
	mov	x22, xzr
	mov	x23, xzr
	mov	x24, xzr
	mov	x25, xzr
	mov	x26, xzr
	mov	x27, xzr
	mov	x28, xzr
	mov	x29, xzr
	mov	x30, xzr
	eret

/* Drop whatever this core was doing at EL2 and go idle (vcpu.c). */
	.global	arch_cpu_reset_stack_and_idle
arch_cpu_reset_stack_and_idle:
	bl	arch_cpu_id
	bl	cpu_stack_top
	mov	sp, x0
	b	cpu_idle_loop
