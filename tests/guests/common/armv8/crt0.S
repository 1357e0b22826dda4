/* SPDX-License-Identifier: MIT */
/*
 * Guest start-up: vCPU 0 enters _start (x0 = DTB IPA or 0), secondaries
 * enter secondary_entry through PSCI CPU_ON (x0 = context). Both arrive at
 * EL1h with the MMU and caches off and DAIF masked.
 */

#include "start.inc"

/*
 * What the vCPU found at entry in the registers start-up overwrites:
 * struct entry_state (guest.h) per vCPU. In .data, which zero_bss leaves,
 * and with the MMU off: only this vCPU's slot is written.
 */
.macro save_entry_state tmp0, tmp1, tmp2
	mrs	\tmp0, mpidr_el1
	and	\tmp0, \tmp0, #(GUEST_MAX_VCPUS - 1)
	adrp	\tmp1, guest_entry_state
	add	\tmp1, \tmp1, :lo12:guest_entry_state
	add	\tmp1, \tmp1, \tmp0, lsl #5
	mrs	\tmp2, sctlr_el1
	str	\tmp2, [\tmp1]
	mrs	\tmp2, vbar_el1
	str	\tmp2, [\tmp1, #8]
	mov	\tmp2, sp
	str	\tmp2, [\tmp1, #16]
.endm

	.section .text.boot, "ax"
	.global _start
_start:
	mov	x19, x0
	save_entry_state x1, x2, x3
	init_el1 x1, vectors
	zero_bss x1, x2
	set_stack x1, x2
	mov	x0, x19
	bl	guest_main
	bl	guest_exit

	.text
	.global secondary_entry
secondary_entry:
	mov	x19, x0
	save_entry_state x1, x2, x3
	init_el1 x1, vectors
	set_stack x1, x2
	mov	x0, x19
	bl	guest_secondary_start
	b	.

	.data
	.balign	32
	.global	guest_entry_state
guest_entry_state:
	.fill	GUEST_MAX_VCPUS * 4, 8, 0

	.text
no_stack:
	ldr	w0, =PSCI_CPU_OFF
	hvc	#0
	b	no_stack

/*
 * The vector table: every entry but IRQ (below) saves x0-x30 in a frame on the current
 * stack and passes its index (0..15) to guest_exception(). When that
 * returns (an expected abort was skipped), the registers are restored.
 */
#define FRAME_SIZE (32 * 8)

.macro vector index
	.balign	0x80
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp]
	mov	x0, #\index
	b	exception_common
.endm

/*
 * IRQs taken at EL1 go to irq_dispatch() (irq.c) with the caller-saved
 * registers, ELR_EL1 and SPSR_EL1 saved, so a handler may unmask IRQs and
 * be preempted; IRQs are masked again before ELR/SPSR are restored.
 */
#define IRQ_FRAME_SIZE (24 * 8)

.macro irq_vector
	.balign	0x80
	sub	sp, sp, #IRQ_FRAME_SIZE
	stp	x0, x1, [sp]
	b	irq_common
.endm

	.section .text.vectors, "ax"
	.balign	0x800
	.global vectors
vectors:
	.irp	i, 0, 1, 2, 3, 4
	vector	\i
	.endr
	irq_vector		/* 5: IRQ, current EL, SP_ELx */
	.irp	i, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	vector	\i
	.endr

exception_common:
	save_x2_to_x17
	stp	x18, x19, [sp, #16 * 9]
	stp	x20, x21, [sp, #16 * 10]
	stp	x22, x23, [sp, #16 * 11]
	stp	x24, x25, [sp, #16 * 12]
	stp	x26, x27, [sp, #16 * 13]
	stp	x28, x29, [sp, #16 * 14]
	str	x30, [sp, #16 * 15]
	bl	guest_exception
	ldp	x0, x1, [sp]
	restore_x2_to_x17
	ldp	x18, x19, [sp, #16 * 9]
	ldp	x20, x21, [sp, #16 * 10]
	ldp	x22, x23, [sp, #16 * 11]
	ldp	x24, x25, [sp, #16 * 12]
	ldp	x26, x27, [sp, #16 * 13]
	ldp	x28, x29, [sp, #16 * 14]
	ldr	x30, [sp, #16 * 15]
	add	sp, sp, #FRAME_SIZE
	eret

irq_common:
	save_x2_to_x17
	stp	x18, x29, [sp, #16 * 9]
	mrs	x0, elr_el1
	mrs	x1, spsr_el1
	stp	x30, x0, [sp, #16 * 10]
	str	x1, [sp, #16 * 11]
	bl	irq_dispatch
	msr	daifset, #2
	ldr	x1, [sp, #16 * 11]
	ldp	x30, x0, [sp, #16 * 10]
	msr	elr_el1, x0
	msr	spsr_el1, x1
	ldp	x0, x1, [sp]
	restore_x2_to_x17
	ldp	x18, x29, [sp, #16 * 9]
	add	sp, sp, #IRQ_FRAME_SIZE
	eret
