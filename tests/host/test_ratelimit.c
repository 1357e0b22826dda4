/* SPDX-License-Identifier: MIT */
#include "ratelimit.h"
#include "test.h"

TEST(ratelimit_burst_then_refill)
{
	struct ratelimit rl;
	u32 suppressed = 99;

	ratelimit_init(&rl, 3, 10, 1000);
	for (int i = 0; i < 3; i++)
		CHECK(ratelimit_take(&rl, 1000, 1000, &suppressed));
	CHECK_EQ(suppressed, 0);
	CHECK(!ratelimit_take(&rl, 1000, 1000, &suppressed));
	CHECK(!ratelimit_take(&rl, 1099, 1000, &suppressed));
	/* 100 ticks at 1000 Hz, 10 per second: one token back. */
	CHECK(ratelimit_take(&rl, 1100, 1000, &suppressed));
	CHECK_EQ(suppressed, 2);
	CHECK(!ratelimit_take(&rl, 1100, 1000, &suppressed));
	/* A long quiet spell refills to the burst, never beyond. */
	for (int i = 0; i < 3; i++)
		CHECK(ratelimit_take(&rl, 1000000, 1000, &suppressed));
	CHECK(!ratelimit_take(&rl, 1000000, 1000, &suppressed));
}

/*
 * Two cores read the counter, and the later reading refills first: the
 * earlier one must find no time passed, not a counter that wrapped round
 * to a full burst (issue 9 §2).
 */
TEST(ratelimit_earlier_reading_after_a_refill_earns_nothing)
{
	struct ratelimit rl;
	u32 suppressed;

	ratelimit_init(&rl, 3, 10, 0);
	for (int i = 0; i < 3; i++)
		CHECK(ratelimit_take(&rl, 0, 1000, &suppressed));
	CHECK(ratelimit_take(&rl, 100, 1000, &suppressed)); /* one back */
	CHECK(!ratelimit_take(&rl, 99, 1000, &suppressed));
	CHECK(!ratelimit_take(&rl, 50, 1000, &suppressed));
	CHECK_EQ(rl.tokens, 0);
}

TEST(ratelimit_takes_n_at_once_or_none)
{
	struct ratelimit rl;

	ratelimit_init(&rl, 100, 10, 0);
	CHECK(ratelimit_take_n(&rl, 60, 0, 1000));
	CHECK(!ratelimit_take_n(&rl, 41, 0, 1000)); /* 40 left: none taken */
	CHECK(ratelimit_take_n(&rl, 40, 0, 1000));
	/* 100 ticks at 1000 Hz, 10 per second: one token back. */
	CHECK(!ratelimit_take_n(&rl, 2, 100, 1000));
	CHECK(ratelimit_take_n(&rl, 1, 100, 1000));
}
