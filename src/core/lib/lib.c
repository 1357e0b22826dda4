/* SPDX-License-Identifier: MIT */
/*
 * Freestanding replacements for the C library functions GCC may call.
 * memset and memcpy go a word at a time when they can: VM memory is zeroed
 * and reloaded at every VM (re)start. (-fno-tree-loop-distribute-patterns
 * keeps GCC from turning these loops back into calls to themselves.)
 */
#include "lib.h"

void *memset(void *dst, int c, size_t n)
{
	u8 *d = dst;
	u64 word = 0x0101010101010101ULL * (u8)c;

	for (; n && !ALIGNED((uintptr_t)d, 8); n--)
		*d++ = (u8)c;
	for (; n >= 8; n -= 8, d += 8)
		*(u64 *)d = word;
	while (n--)
		*d++ = (u8)c;
	return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	u8 *d = dst;
	const u8 *s = src;

	if (ALIGNED((uintptr_t)d | (uintptr_t)s, 8))
		for (; n >= 8; n -= 8, d += 8, s += 8)
			*(u64 *)d = *(const u64 *)s;
	while (n--)
		*d++ = *s++;
	return dst;
}
