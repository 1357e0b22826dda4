/* SPDX-License-Identifier: MIT */
/*
 * ARMv7 guest start-up, in SVC mode with the MMU and caches off. vCPU 0
 * enters _start as Linux would be entered (r0 = 0, r1 = ~0, r2 = DTB IPA
 * or 0), secondaries enter secondary_entry through PSCI CPU_ON (r0 =
 * context). Both arrive with A, I and F masked. guest_main() gets r2.
 */

#include "start.inc"

	.arm
	.section .text.boot, "ax"
	.global _start
_start:
	mov	r4, r2
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
	init_svc r1, vectors
	set_stack r1, r2
	mov	r0, r4
	bl	guest_secondary_start
	b	.

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
