/* SPDX-License-Identifier: MIT */
/*
 * Entry at EL2. The image starts with an arm64 Image header so QEMU's
 * -kernel and U-Boot's booti accept the .bin; the ELF enters at _start too.
 */
#include "asm_defs.h"

/* sp = top of core x0's stack (cpu_stacks[x0], see cpu_stack_top()). */
.macro set_stack
	ldr	x1, =cpu_stacks
	add	x2, x0, #1
	mov	x3, #STACK_SIZE
	madd	x1, x2, x3, x1
	mov	sp, x1
.endm

	.section .text.head, "ax"
	.global _start
_start:
	b	primary_entry		/* code0 */
	.long	0			/* code1 */
	.quad	TEXT_OFFSET		/* text_offset */
	.quad	_image_size		/* image_size, .bss included */
	.quad	0x2			/* flags: little-endian, 4 KiB pages */
	.quad	0, 0, 0			/* reserved */
	.ascii	"ARM\x64"		/* magic */
	.long	0			/* no PE/COFF header */

	.text
primary_entry:
	msr	daifset, #0xf
	mrs	x1, CurrentEL
	cmp	x1, #(2 << 2)
	b.ne	not_at_el2
	/* The image is linked to run where the Image header asks to be. */
	adr	x1, _start
	ldr	x2, =_start
	cmp	x1, x2
	b.ne	wrong_address
	/* .bss, 64-byte aligned at both ends (image.lds); MMU off, so
	 * stores (DC ZVA would fault on Device memory). */
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
1:	cmp	x1, x2
	b.hs	2f
	stp	xzr, xzr, [x1]
	stp	xzr, xzr, [x1, #16]
	stp	xzr, xzr, [x1, #32]
	stp	xzr, xzr, [x1, #48]
	add	x1, x1, #64
	b	1b
2:
	mov	x0, #0
	set_stack
	bl	cpu_local_init
	b	boot_primary

/*
 * Started by PSCI CPU_ON with x0 = the core's index, at EL2, MMU off.
 */
	.global secondary_entry
secondary_entry:
	msr	daifset, #0xf
	set_stack
	mov	x19, x0
	bl	cpu_local_init
	mov	x0, x19			/* boot_secondary(cpu) */
	b	boot_secondary

/* Wrong exception level or load address: say so on the UART, then stop. */
not_at_el2:
	mov	x0, x1
	mov	x1, #0
	b	early_stop
wrong_address:
	mov	x0, x1			/* where we run */
	mov	x1, x2			/* where we are linked */
	/* A stack right below the image: never the image itself. */
	adr	x2, _start
	mov	sp, x2
	b	early_stop_address
early_stop:
	adr	x2, _start
	mov	sp, x2
	b	early_stop_el
