/* SPDX-License-Identifier: MIT */
/*
 * The measured operations and the one routine that times them (ARMv7).
 *
 * timed_call(op, arg, result): r0 = r1 = arg, then
 *	isb; mrrc t0 = cntvct; blx op; isb; mrrc t1 = cntvct
 * and returns t1 - t0 (in r0, r1); *result = what op left in r0. Under
 * -icount one counter tick is one instruction, so timing op_empty (a bare
 * `bx lr`) gives the fixed cost of the measurement, which bench.c
 * subtracts. An op may clobber r0..r3 and r12 (SMCCC: the callee keeps
 * r4..r14 unless they carry results).
 */

	.arm
	.text
	.global	timed_call
timed_call:
	push	{r4-r6, lr}
	mov	r6, r2
	mov	r3, r0
	mov	r0, r1
	isb
	mrrc	p15, 1, r4, r5, c14		/* CNTVCT */
	blx	r3
	isb
	mrrc	p15, 1, r2, r3, c14
	str	r0, [r6]
	subs	r0, r2, r4
	sbc	r1, r3, r5
	pop	{r4-r6, pc}

.macro op name
	.global	\name
	.type	\name, %function
\name:
.endm

op op_empty
	bx	lr

/* r0 = function ID. */
op op_hvc
	hvc	#0
	bx	lr

op op_smc
	smc	#0
	bx	lr

/* r0 = BH_HC_CONSOLE_WRITE: one short line, "ping\n" (r1 bytes packed
 * little-endian in r2, r3). */
op op_console_line
	mov	r1, #5
	movw	r2, #0x6970		/* "pi" */
	movt	r2, #0x676e		/* "ng" */
	mov	r3, #0x0a		/* "\n" */
	hvc	#0
	bx	lr

/* r0 = address of a 32-bit register. */
op op_read32
	ldr	r0, [r0]
	bx	lr

/* GICv2: r1 = GICC base; acknowledge (GICC_IAR) + end of interrupt
 * (GICC_EOIR); returns the IAR value. */
op op_ack_eoi_v2
	ldr	r0, [r1, #0x0c]
	str	r0, [r1, #0x10]
	bx	lr

/*
 * SGI sender: read the counter just before the write that raises the
 * SGI, then WFE so this core yields (QEMU -icount runs all vCPUs on one
 * thread) and the target runs. Returns the counter value read.
 * r0 = GICD_SGIR value, r1 = its address.
 */
op sgi_send_v2
	isb
	mrrc	p15, 1, r2, r3, c14		/* CNTVCT */
	str	r0, [r1]
	dsb	sy
	wfe
	mov	r0, r2
	mov	r1, r3
	bx	lr

/* No executable stack. */
	.section .note.GNU-stack, "", %progbits
