/* SPDX-License-Identifier: MIT */
/*
 * Entry in HYP mode. QEMU's -kernel enters the ELF at _start, and places
 * a raw image (the .bin) at RAM base + TEXT_OFFSET, where it is linked,
 * and jumps there in HYP mode. Both need the virtualization extensions'
 * HYP mode and the image at its link address: anything else is said on
 * the UART, and the core stops.
 */
#include "asm_defs.h"
#include "sysreg.h"

#define MODE_HYP 0x1a

/* sp = top of core r0's stack (cpu_stacks[r0], see cpu_stack_top()). */
.macro set_stack
	ldr	r1, =cpu_stacks
	add	r2, r0, #1
	mov	r3, #STACK_SIZE
	mla	r1, r2, r3, r1
	mov	sp, r1
.endm

/*
 * What HYP mode needs before any C: its vectors, so a fault is reported,
 * and HSCTLR in full (its reset value is UNKNOWN on hardware): MMU and
 * caches off, exceptions taken in ARM state, little-endian, no alignment
 * checks. mmu_enable() turns the MMU and caches on.
 */
.macro hyp_init tmp
	ldr	\tmp, =hyp_vectors
	mcr	p15, 4, \tmp, c12, c0, 0	/* HVBAR */
	ldr	\tmp, =HSCTLR_RES1
	mcr	p15, 4, \tmp, c1, c0, 0		/* HSCTLR */
	isb
.endm

	.arm
	.section .text.head, "ax"
	.global _start
_start:
	cpsid	aif
	/* The image is linked to run where QEMU and U-Boot place it. */
	adr	r5, _start
	ldr	r6, =_start
	cmp	r5, r6
	bne	wrong_address
	mrs	r4, cpsr
	and	r4, r4, #0x1f
	cmp	r4, #MODE_HYP
	bne	not_in_hyp
	hyp_init r0
	/* .bss, 64-byte aligned at both ends (image.lds); MMU off. */
	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r4, #0
	mov	r5, #0
	mov	r6, #0
	mov	r7, #0
1:	cmp	r0, r1
	stmlo	r0!, {r4-r7}
	stmlo	r0!, {r4-r7}
	stmlo	r0!, {r4-r7}
	stmlo	r0!, {r4-r7}
	blo	1b
	mov	r0, #0
	set_stack
	bl	cpu_local_init
	b	boot_primary

/*
 * Started by PSCI CPU_ON with r0 = the core's index, in HYP mode, MMU off.
 */
	.global secondary_entry
secondary_entry:
	cpsid	aif
	hyp_init r1
	set_stack
	mov	r4, r0
	bl	cpu_local_init
	mov	r0, r4			/* boot_secondary(cpu) */
	b	boot_secondary

/* Not in HYP mode: say which mode, then stop. A stack right below the
 * image: never the image itself. */
not_in_hyp:
	mov	r0, r4
	adr	sp, _start
	b	early_stop_mode

/* Not at the link address (r5: where it runs, r6: where it is linked):
 * said by C that moves each address it uses by the difference. A stack
 * right below the image: never the image itself. */
wrong_address:
	mov	r0, r5
	mov	r1, r6
	adr	sp, _start
	b	early_stop_moved
