/* SPDX-License-Identifier: MIT */
/* Barriers whose spelling differs between AArch64 and AArch32 (shared code
 * in src/arch/arm/ uses these). */
#ifndef BARRIER_H
#define BARRIER_H

/* Order earlier loads before later loads and stores, inner shareable. */
#define dmb_ld() __asm__ volatile("dmb ishld" ::: "memory")

#endif
