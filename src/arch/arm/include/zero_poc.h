/* SPDX-License-Identifier: MIT */
/*
 * Zeroing memory to the point of coherency (arch_zero_to_poc(), zero_poc.c):
 * the shared part handles the unaligned ends, each arch its fastest way
 * for the aligned middle.
 */
#ifndef ZERO_POC_H
#define ZERO_POC_H

#include "types.h"

/* The alignment zero_and_clean_aligned() works in: a multiple of the
 * D-cache line. */
size_t zero_step(void);
/* Zero [p, end), aligned to zero_step(), and clean and invalidate it to
 * the point of coherency; the caller ends with a DSB. */
void zero_and_clean_aligned(u8 *p, u8 *end);

#endif
