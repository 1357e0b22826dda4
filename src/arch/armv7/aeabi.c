/* SPDX-License-Identifier: MIT */
/*
 * What libgcc's 64-bit division (__aeabi_uldivmod: the core divides u64
 * counters and sizes) calls on a division by zero; libgcc's own calls
 * raise(). Built without LTO (arch.mk): its only caller is libgcc, which
 * LTO does not see, so LTO would drop it.
 */
#include "log.h"

long long __aeabi_ldiv0(long long r);

long long __aeabi_ldiv0(long long r)
{
	(void)r;
	panic("64-bit division by zero");
}
