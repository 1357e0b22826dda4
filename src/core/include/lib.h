/* SPDX-License-Identifier: MIT */
/* The few C library functions the hypervisor has (src/core/lib.c). */
#ifndef LIB_H
#define LIB_H

#include <stdarg.h>

#include "types.h"

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);

/*
 * printf-style formatting: %s %c %d %u %x %p, the lengths l, ll and z (each
 * read as its own C type: long and size_t are 32 bits on AArch32), width,
 * 0-pad.
 * Returns the length of what was stored, which is cut to fit `size`.
 */
int vformat(char *buf, size_t size, const char *fmt, va_list ap);
int format(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
