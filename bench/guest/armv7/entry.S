/* SPDX-License-Identifier: MIT */
/*
 * ARMv7 benchmark guest start-up and vectors. The same image runs two ways:
 *  - under Bulkhead: entered in SVC mode, as every ARMv7 test guest;
 *  - natively (QEMU virtualization=on, -kernel native.elf): entered in HYP
 *    mode. It then installs a trivial HYP vector table (a Hyp Trap, i.e.
 *    an HVC from SVC, is a bare `eret`: the hypercall floor), traps
 *    nothing (HCR = 0: IRQs and FIQs stay at PL1, SMC goes to QEMU's
 *    PSCI), gives PL1 the counters and timers and drops to SVC. The guest
 *    then runs what it runs under Bulkhead, at the same privilege level.
 */

#include "start.inc"

#define CPSR_MODE	0x1f
#define MODE_HYP	0x1a
#define SPSR_SVC_MASKED 0x1d3 /* SVC, A I F masked, ARM, little-endian */
#define CNTHCTL_PL1_ALL 3     /* PL1PCTEN | PL1PCEN */

/*
 * The IRQ vector's instructions before its counter read: the table's
 * branch and irq_enter's four (start.inc).
 */
#define IRQ_STAMP_SKEW 5

/*
 * The first instruction reads the physical counter: under -icount it is
 * the number of instructions executed since QEMU's reset, the
 * boot_to_first_instruction metric (kept in r10, r11 until .bss is
 * zeroed). hyp_to_svc returns to r8 in SVC mode: HYP's LR is LR_usr,
 * which SVC mode does not see.
 */
	.arm
	.section .text.boot, "ax"
	.global	_start
_start:
	mrrc	p15, 0, r10, r11, c14		/* CNTPCT */
	adr	r8, 1f
	b	hyp_to_svc
1:	init_svc r0, vectors
	zero_bss r0, r1, r2
	set_stack r0, r1
	ldr	r0, =bench_boot_counter
	strd	r10, r11, [r0]
	bl	bench_main
	b	.

	.text
	.global	bench_secondary_entry
bench_secondary_entry:
	adr	r8, 1f
	b	hyp_to_svc
1:	init_svc r0, vectors
	set_stack r0, r1
	bl	bench_secondary
	b	.

/* In HYP mode (native run): set up HYP as described above, eret to r8 in
 * SVC mode. In SVC mode already: go on at r8. */
hyp_to_svc:
	mrs	r0, cpsr
	and	r0, r0, #CPSR_MODE
	cmp	r0, #MODE_HYP
	bxne	r8
	ldr	r0, =hyp_vectors
	mcr	p15, 4, r0, c12, c0, 0		/* HVBAR */
	mov	r0, #0
	mcr	p15, 4, r0, c1, c1, 0		/* HCR */
	mcrr	p15, 4, r0, r0, c14		/* CNTVOFF */
	mov	r0, #CNTHCTL_PL1_ALL
	mcr	p15, 4, r0, c14, c1, 0		/* CNTHCTL */
	mov	r0, #SPSR_SVC_MASKED
	msr	spsr_cxsf, r0
	msr	elr_hyp, r8
	isb
	eret

no_stack:
	ldr	r0, =PSCI_CPU_OFF
	smc	#0
	b	no_stack

/*
 * PL1 vectors: the test runtime's (start.inc), whose synchronous
 * exceptions go to guest_exception(), which reports them or skips an
 * expected abort. The IRQ entry reads the counter as soon as it has
 * registers to read it into and passes bench_irq() the counter at the
 * vector's first instruction.
 */
	vector_table bench_vec_irq

bench_vec_irq:
	irq_enter
	mrrc	p15, 1, r0, r1, c14		/* CNTVCT */
	subs	r0, r0, #IRQ_STAMP_SKEW
	sbc	r1, r1, #0
	irq_call bench_irq

/*
 * Native HYP vectors: a Hyp Trap from SVC (HVC) returns at once, so a null
 * hypercall costs exactly `hvc` + `eret`. Nothing else is expected in HYP
 * mode; it parks the core.
 */
	.balign	32
hyp_vectors:
	.rept	5
	b	.
	.endr
	eret				/* 0x14: Hyp Trap */
	b	.			/* 0x18: IRQ */
	b	.			/* 0x1c: FIQ */

/* No executable stack. */
	.section .note.GNU-stack, "", %progbits
