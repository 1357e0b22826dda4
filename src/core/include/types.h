/* SPDX-License-Identifier: MIT */
/* Basic types, and distinct types for the three address spaces. */
#ifndef TYPES_H
#define TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
/* long long, as Linux: 64 bits on ILP32 and LP64 alike, so a u64 is
 * printed with %llx/%llu/%lld on both. */
typedef unsigned long long u64;
typedef long long s64;

/*
 * Physical, guest-physical (IPA) and hypervisor-virtual addresses are
 * wrapped in one-member structs so the compiler rejects passing one where
 * another is expected. Arithmetic goes through the accessors below.
 */
typedef struct {
	u64 bits;
} paddr_t;
typedef struct {
	u64 bits;
} ipaddr_t;
typedef struct {
	uintptr_t bits;
} vaddr_t;

static inline paddr_t pa_of(u64 bits)
{
	return (paddr_t){bits};
}
static inline ipaddr_t ipa_of(u64 bits)
{
	return (ipaddr_t){bits};
}
static inline paddr_t pa_add(paddr_t pa, u64 off)
{
	return (paddr_t){pa.bits + off};
}
static inline ipaddr_t ipa_add(ipaddr_t ipa, u64 off)
{
	return (ipaddr_t){ipa.bits + off};
}

#define ARRAY_SIZE(a)  (sizeof(a) / sizeof((a)[0]))
#define ALIGNED(x, a)  (((x) & ((a)-1)) == 0)
#define ALIGN_UP(x, a) (((x) + (a)-1) & ~((u64)(a)-1))
#define MIN(a, b)      ((a) < (b) ? (a) : (b))
#define MAX(a, b)      ((a) > (b) ? (a) : (b))
#define BIT(n)	       (1ULL << (n))

#define PAGE_SIZE 4096ULL
#define noreturn  _Noreturn
#define noinline  __attribute__((noinline))
/* Inline every call in the function (but noinline ones): for fast paths. */
#define flatten	  __attribute__((flatten))
/* Memory boot.S does not zero (stacks, pages zeroed when handed out): the
 * .bss zeroing runs with the MMU off and costs one store per 16 bytes. */
#define noinit	  __attribute__((section(".bss.noinit")))

/* Does [a, a+alen) overlap [b, b+blen)? Lengths are non-zero. */
static inline bool ranges_overlap(u64 a, u64 alen, u64 b, u64 blen)
{
	return a < b + blen && b < a + alen;
}

/* Is [a, a+alen) inside [b, b+blen)? Written to avoid overflow. */
static inline bool range_within(u64 a, u64 alen, u64 b, u64 blen)
{
	return a >= b && alen <= blen && a - b <= blen - alen;
}

#endif
