// SPDX-License-Identifier: MIT
/*
 * The few string functions GCC may emit calls to even when freestanding
 * (struct copies, zeroed arrays). Byte-wise: with the MMU off all data
 * accesses are Device memory, where unaligned accesses fault.
 */
#include "guest.h"

void *memset(void *dst, int c, unsigned long n)
{
	unsigned char *d = dst;

	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

void *memcpy(void *dst, const void *src, unsigned long n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}

unsigned long strlen(const char *s)
{
	unsigned long n = 0;

	while (s[n])
		n++;
	return n;
}
