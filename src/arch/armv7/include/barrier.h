/* SPDX-License-Identifier: MIT */
/* Barriers whose spelling differs between AArch64 and AArch32 (shared code
 * in src/arch/arm/ uses these). */
#ifndef BARRIER_H
#define BARRIER_H

/* Order earlier loads before later loads and stores, inner shareable.
 * ARMv7 has no load-only DMB (ISHLD is ARMv8): the full one. */
#define dmb_ld() __asm__ volatile("dmb ish" ::: "memory")

#endif
