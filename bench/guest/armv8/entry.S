/* SPDX-License-Identifier: MIT */
/*
 * AArch64 benchmark guest start-up and vectors. The same image runs two ways:
 *  - under Bulkhead: entered at EL1h, as every test guest;
 *  - natively (QEMU virtualization=on, -kernel bench.elf): entered at EL2.
 *    It then installs a trivial EL2 vector table (a lower-EL synchronous
 *    exception is a bare `eret`: the hypercall floor), leaves IRQs and FIQs
 *    at EL1 (HCR_EL2.IMO/FMO = 0), gives EL1 the counters and timers and
 *    drops to EL1h. SMC then reaches QEMU's own PSCI.
 */

#include "start.inc"

#define HCR_EL2_RW	(1 << 31)  /* EL1 is AArch64; nothing trapped */
#define CNTHCTL_EL1_ALL 3	   /* EL1PCTEN | EL1PCEN */
#define SPSR_EL1H_MASKED 0x3c5	   /* EL1h, DAIF masked */
#define ICC_SRE_EL2_ALL	0xf	   /* SRE, DFB, DIB, Enable (EL1 may use it) */

/* Vector 5 (IRQ, current EL, SP_ELx): instructions before its timestamp. */
#define IRQ_STAMP_SKEW 1

/*
 * The first instruction reads the physical counter: under -icount it is
 * the number of instructions executed since QEMU's reset, the
 * boot_to_first_instruction metric (kept in x21 until .bss is zeroed).
 */
	.section .text.boot, "ax"
	.global	_start
_start:
	mrs	x21, cntpct_el0
	mov	x19, x0
	adr	x20, 1f
	b	el2_to_el1
1:	init_el1 x0, el1_vectors
	zero_bss x0, x1
	set_stack x0, x1
	adrp	x0, bench_boot_counter
	str	x21, [x0, :lo12:bench_boot_counter]
	mov	x0, x19
	bl	bench_main
	b	.

	.text
	.global	bench_secondary_entry
bench_secondary_entry:
	mov	x19, x0
	adr	x20, 1f
	b	el2_to_el1
1:	init_el1 x0, el1_vectors
	set_stack x0, x1
	mov	x0, x19
	bl	bench_secondary
	b	.

/* At EL2 (native run): set up EL2 as described above, eret to x20 at EL1. */
el2_to_el1:
	mrs	x0, CurrentEL
	cmp	x0, #(2 << 2)
	b.ne	2f
	adr	x0, el2_vectors
	msr	vbar_el2, x0
	mov	x0, #HCR_EL2_RW
	msr	hcr_el2, x0
	mov	x0, #CNTHCTL_EL1_ALL
	msr	cnthctl_el2, x0
	msr	cntvoff_el2, xzr
	/* GICv3 system registers implemented: let EL1 use them. */
	mrs	x0, id_aa64pfr0_el1
	ubfx	x0, x0, #24, #4
	cbz	x0, 1f
	mov	x0, #ICC_SRE_EL2_ALL
	msr	icc_sre_el2, x0
1:	mov	x0, #SPSR_EL1H_MASKED
	msr	spsr_el2, x0
	msr	elr_el2, x20
	isb
	eret
2:	br	x20

no_stack:
	ldr	w0, =PSCI_CPU_OFF
	smc	#0
	b	no_stack

/*
 * EL1 vectors. The IRQ entry (current EL, SP_ELx) reads the counter as its
 * second instruction and passes the first instruction's counter value to
 * bench_irq(). Every other entry goes to the test runtime's
 * guest_exception(), which reports it or skips an expected abort.
 * Caller-saved registers only: the C handlers preserve x19..x28.
 */
#define FRAME_SIZE (20 * 8)

.macro save_caller_saved
	save_x2_to_x17
	stp	x18, x30, [sp, #16 * 9]
.endm

.macro vector index
	.balign	0x80
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp]
	mov	x0, #\index
	mov	x1, sp
	b	exception_common
.endm

.macro irq_vector
	.balign	0x80
	stp	x0, x1, [sp, #-FRAME_SIZE]!
	mrs	x0, cntvct_el0
	sub	x0, x0, #IRQ_STAMP_SKEW
	b	irq_common
.endm

	.section .text.vectors, "ax"
	.balign	0x800
el1_vectors:
	.irp	i, 0, 1, 2, 3, 4
	vector	\i
	.endr
	irq_vector
	.irp	i, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	vector	\i
	.endr

exception_common:
	save_caller_saved
	bl	guest_exception
	b	restore_and_return

irq_common:
	save_caller_saved
	bl	bench_irq

restore_and_return:
	restore_x2_to_x17
	ldp	x18, x30, [sp, #16 * 9]
	ldp	x0, x1, [sp], #FRAME_SIZE
	eret

/*
 * Native EL2 vectors: a synchronous exception from EL1 (HVC) returns at
 * once, so a null hypercall costs exactly `hvc` + `eret`. Nothing else
 * is expected at EL2; it parks the core.
 */
.macro el2_entry insn
	.balign	0x80
	\insn
.endm

	.balign	0x800
el2_vectors:
	.rept	8
	el2_entry "b ."
	.endr
	el2_entry eret		/* lower EL, AArch64, synchronous */
	.rept	7
	el2_entry "b ."
	.endr
