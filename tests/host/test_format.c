/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "lib.h"
#include "test.h"

TEST(format_conversions)
{
	char buf[64];

	format(buf, sizeof(buf), "%d %u %x %llx %s %c", -42, 42u, 0xbeefu,
	       0x123456789abcdefULL, "str", 'c');
	CHECK(strcmp(buf, "-42 42 beef 123456789abcdef str c") == 0);
	format(buf, sizeof(buf), "[%08x] [%4d] [%3s] %p %%", 0x1fu, 7, "x",
	       (void *)0x10);
	CHECK(strcmp(buf, "[0000001f] [   7] [  x] 0x10 %") == 0);
	format(buf, sizeof(buf), "%zu %llu", (size_t)12, 0xffffffffffffffffULL);
	CHECK(strcmp(buf, "12 18446744073709551615") == 0);
}

/* l and z are as wide as long and size_t, 32 bits on ILP32 (AArch32):
 * reading them as 64 bits there takes the next argument too (this fails
 * in a 32-bit build of the host tests). */
TEST(format_reads_each_length_as_its_own_type)
{
	char buf[64];

	format(buf, sizeof(buf), "%zu %s", (size_t)12, "next");
	CHECK(strcmp(buf, "12 next") == 0);
	format(buf, sizeof(buf), "%lx %s", 0xabcUL, "next");
	CHECK(strcmp(buf, "abc next") == 0);
	format(buf, sizeof(buf), "%ld %s", -3L, "next");
	CHECK(strcmp(buf, "-3 next") == 0);
	format(buf, sizeof(buf), "%llx %s", 0x123456789abcdefULL, "next");
	CHECK(strcmp(buf, "123456789abcdef next") == 0);
	format(buf, sizeof(buf), "%lld %s", -0x123456789LL, "next");
	CHECK(strcmp(buf, "-4886718345 next") == 0);
}

TEST(format_truncates_and_returns_what_it_stored)
{
	char buf[8];

	CHECK_EQ(format(buf, sizeof(buf), "%s", "0123456789"), 7);
	CHECK(strcmp(buf, "0123456") == 0);
	CHECK_EQ(format(buf, 0, "%s", "x"), 0);
}
