/* SPDX-License-Identifier: MIT */
/*
 * The measured operations and the one routine that times them.
 *
 * timed_call(op, arg, result): x0 = x1 = arg, then
 *	isb; mrs t0, cntvct_el0; blr op; isb; mrs t1, cntvct_el0
 * and returns t1 - t0; *result = what op left in x0. Under -icount one
 * counter tick is one instruction, so timing op_empty (a bare `ret`)
 * gives the fixed cost of the measurement, which bench.c subtracts.
 * An op may clobber x0..x18 (SMCCC 1.1 lets the callee clobber x0..x17).
 */

	.text
	.global	timed_call
timed_call:
	stp	x29, x30, [sp, #-32]!
	stp	x19, x20, [sp, #16]
	mov	x20, x2
	mov	x3, x0
	mov	x0, x1
	isb
	mrs	x19, cntvct_el0
	blr	x3
	isb
	mrs	x1, cntvct_el0
	str	x0, [x20]
	sub	x0, x1, x19
	ldp	x19, x20, [sp, #16]
	ldp	x29, x30, [sp], #32
	ret

.macro op name
	.global	\name
	.type	\name, %function
\name:
.endm

op op_empty
	ret

/* x0 = function ID. */
op op_hvc
	hvc	#0
	ret

op op_smc
	smc	#0
	ret

/* x0 = BH_HC_CONSOLE_WRITE: one short line, "ping\n" (w1 bytes packed
 * little-endian in w2, w3). */
op op_console_line
	mov	x1, #5
	movz	x2, #0x6970		/* "pi" */
	movk	x2, #0x676e, lsl #16	/* "ng" */
	mov	x3, #0x0a		/* "\n" */
	hvc	#0
	ret

/* x0 = address of a 32-bit register. */
op op_read32
	ldr	w0, [x0]
	ret

/* GICv3 acknowledge + end of interrupt; returns the INTID. */
op op_ack_eoi_v3
	mrs	x0, icc_iar1_el1
	msr	icc_eoir1_el1, x0
	ret

/* GICv2: x1 = GICC base; the same with GICC_IAR / GICC_EOIR. */
op op_ack_eoi_v2
	ldr	w0, [x1, #0x0c]
	str	w0, [x1, #0x10]
	ret

/*
 * SGI senders: read the counter just before the write that raises the
 * SGI, then WFE so this core yields (QEMU -icount runs all vCPUs on one
 * thread) and the target runs. Return the counter value read.
 */
op sgi_send_v3		/* x0 = ICC_SGI1R_EL1 value */
	isb
	mrs	x1, cntvct_el0
	msr	icc_sgi1r_el1, x0
	isb
	wfe
	mov	x0, x1
	ret

op sgi_send_v2		/* x0 = GICD_SGIR value, x1 = its address */
	isb
	mrs	x2, cntvct_el0
	str	w0, [x1]
	dsb	sy
	wfe
	mov	x0, x2
	ret
