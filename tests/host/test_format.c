/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "lib.h"
#include "test.h"

TEST(format_conversions)
{
	char buf[64];

	format(buf, sizeof(buf), "%d %u %x %lx %s %c", -42, 42u, 0xbeefu,
	       0x123456789abcdefUL, "str", 'c');
	CHECK(strcmp(buf, "-42 42 beef 123456789abcdef str c") == 0);
	format(buf, sizeof(buf), "[%08x] [%4d] [%3s] %p %%", 0x1fu, 7, "x",
	       (void *)0x10);
	CHECK(strcmp(buf, "[0000001f] [   7] [  x] 0x10 %") == 0);
	format(buf, sizeof(buf), "%zu %lu", (size_t)12, 0xffffffffffffffffUL);
	CHECK(strcmp(buf, "12 18446744073709551615") == 0);
}

TEST(format_truncates_and_returns_what_it_stored)
{
	char buf[8];

	CHECK_EQ(format(buf, sizeof(buf), "%s", "0123456789"), 7);
	CHECK(strcmp(buf, "0123456") == 0);
	CHECK_EQ(format(buf, 0, "%s", "x"), 0);
}
