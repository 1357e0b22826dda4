/* SPDX-License-Identifier: MIT */
/* The AArch32 program status registers (CPSR, SPSR_<mode>): modes, bits. */
#ifndef PSR_H
#define PSR_H

/* PSR.M: the processor mode. */
#define PSR_MODE_MASK 0x1f
#define MODE_USR      0x10
#define MODE_FIQ      0x11
#define MODE_IRQ      0x12
#define MODE_SVC      0x13
#define MODE_ABT      0x17
#define MODE_HYP      0x1a
#define MODE_UND      0x1b
#define MODE_SYS      0x1f

#define PSR_T	 (1u << 5) /* Thumb state */
#define PSR_F	 (1u << 6) /* FIQ masked */
#define PSR_I	 (1u << 7) /* IRQ masked */
#define PSR_A	 (1u << 8) /* asynchronous abort masked */
#define PSR_E	 (1u << 9) /* big-endian data */
#define PSR_GE	 (0xfu << 16)
#define PSR_J	 (1u << 24)
#define PSR_Q	 (1u << 27)
#define PSR_NZCV (0xfu << 28)
#define PSR_N	 (1u << 31)
#define PSR_Z	 (1u << 30)
#define PSR_C	 (1u << 29)
#define PSR_V	 (1u << 28)

/* The Thumb IT state, IT[7:0]: IT[1:0] in PSR[26:25], IT[7:2] in
 * PSR[15:10]. IT[7:4] is the condition of the next instruction. */
#define PSR_IT_LOW_SHIFT  25
#define PSR_IT_HIGH_SHIFT 10
#define PSR_IT_MASK	  (3u << PSR_IT_LOW_SHIFT | 0x3fu << PSR_IT_HIGH_SHIFT)

#endif
