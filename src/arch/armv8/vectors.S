/* SPDX-License-Identifier: MIT */
/*
 * EL2 exception vectors. Guest exits save the guest's x0-x30, ELR and SPSR
 * in a struct guest_frame on this core's EL2 stack, call C, restore, eret.
 * Exceptions taken from EL2 itself are hypervisor bugs: reported, fatal.
 */
#include "asm_defs.h"

.macro save_guest_frame
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #16 * 0]
	stp	x2, x3, [sp, #16 * 1]
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	stp	x16, x17, [sp, #16 * 8]
	stp	x18, x19, [sp, #16 * 9]
	stp	x20, x21, [sp, #16 * 10]
	stp	x22, x23, [sp, #16 * 11]
	stp	x24, x25, [sp, #16 * 12]
	stp	x26, x27, [sp, #16 * 13]
	stp	x28, x29, [sp, #16 * 14]
	mrs	x0, elr_el2
	mrs	x1, spsr_el2
	stp	x30, x0, [sp, #16 * 15]
	str	x1, [sp, #FRAME_SPSR]
.endm

/* A guest exit: save, call the C handler with the frame, return to guest. */
.macro guest_vector handler
	.balign	0x80
	save_guest_frame
	mov	x0, sp
	bl	\handler
	b	guest_return
.endm

/* A hypervisor exception: save what we can and report it. */
.macro el2_vector kind
	.balign	0x80
	save_guest_frame
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
	guest_vector handle_guest_sync		/* lower EL, AArch64 */
	guest_vector handle_guest_irq
	el2_vector 10				/* fiq: Bulkhead uses none */
	guest_vector handle_guest_serror
	guest_vector handle_guest_sync		/* lower EL, AArch32 (EL0) */
	guest_vector handle_guest_irq
	el2_vector 14
	guest_vector handle_guest_serror

	.text
guest_return:
	ldp	x30, x0, [sp, #16 * 15]
	ldr	x1, [sp, #FRAME_SPSR]
	msr	elr_el2, x0
	msr	spsr_el2, x1
	ldp	x0, x1, [sp, #16 * 0]
	ldp	x2, x3, [sp, #16 * 1]
	ldp	x4, x5, [sp, #16 * 2]
	ldp	x6, x7, [sp, #16 * 3]
	ldp	x8, x9, [sp, #16 * 4]
	ldp	x10, x11, [sp, #16 * 5]
	ldp	x12, x13, [sp, #16 * 6]
	ldp	x14, x15, [sp, #16 * 7]
	ldp	x16, x17, [sp, #16 * 8]
	ldp	x18, x19, [sp, #16 * 9]
	ldp	x20, x21, [sp, #16 * 10]
	ldp	x22, x23, [sp, #16 * 11]
	ldp	x24, x25, [sp, #16 * 12]
	ldp	x26, x27, [sp, #16 * 13]
	ldp	x28, x29, [sp, #16 * 14]
	add	sp, sp, #FRAME_SIZE
	eret

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
	mrs	x0, tpidr_el2
	bl	cpu_stack_top
	mov	sp, x0
	b	cpu_idle_loop
