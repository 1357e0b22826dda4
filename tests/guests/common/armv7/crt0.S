/* SPDX-License-Identifier: MIT */
/*
 * ARMv7 guest start-up, in SVC mode with the MMU and caches off. vCPU 0
 * enters _start as Linux would be entered (r0 = 0, r1 = ~0, r2 = DTB IPA
 * or 0), secondaries enter secondary_entry through PSCI CPU_ON (r0 =
 * context). Both arrive with A, I and F masked. guest_main() gets r2.
 */

#include "start.inc"

/*
 * What the vCPU found at entry in the registers start-up overwrites:
 * struct entry_state (guest_arch.h) per vCPU. In .data, which zero_bss
 * leaves, and with the MMU off: only this vCPU's slot is written.
 */
.macro save_entry_state tmp0, tmp1, tmp2
	mrc	p15, 0, \tmp0, c0, c0, 5	/* MPIDR */
	and	\tmp0, \tmp0, #(GUEST_MAX_VCPUS - 1)
	ldr	\tmp1, =guest_entry_state
	add	\tmp1, \tmp1, \tmp0, lsl #4
	mrc	p15, 0, \tmp2, c1, c0, 0	/* SCTLR */
	str	\tmp2, [\tmp1]
	mrc	p15, 0, \tmp2, c12, c0, 0	/* VBAR */
	str	\tmp2, [\tmp1, #4]
	mov	\tmp2, sp
	str	\tmp2, [\tmp1, #8]
	str	lr, [\tmp1, #12]
.endm

	.arm
	.section .text.boot, "ax"
	.global _start
_start:
	mov	r4, r2
	save_entry_state r1, r2, r3
	init_svc r1, vectors
	zero_bss r1, r2, r3
	set_stack r1, r2
	mov	r0, r4
	bl	guest_main
	bl	guest_exit

	.text
	.global secondary_entry
secondary_entry:
	mov	r4, r0
	save_entry_state r1, r2, r3
	init_svc r1, vectors
	set_stack r1, r2
	mov	r0, r4
	bl	guest_secondary_start
	b	.

	.data
	.balign	16
	.global	guest_entry_state
guest_entry_state:
	.fill	GUEST_MAX_VCPUS * 4, 4, 0

	.text
no_stack:
	ldr	r0, =PSCI_CPU_OFF
	hvc	#0
	b	no_stack

	vector_table vec_irq

/* IRQ: irq_dispatch() (irq.c) does the rest. */
vec_irq:
	irq_enter
	irq_call irq_dispatch

/* No executable stack. */
	.section .note.GNU-stack, "", %progbits
