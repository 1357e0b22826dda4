/* SPDX-License-Identifier: MIT */
/* Reset storms: a VM restarting itself in a loop is slowed down. */
#include "restart_backoff.h"
#include "test.h"

#define QUICK (RESTART_QUICK_MS - 1)

/* Restart `b` after runs of `ran_ms`, n times; the last wait. */
static u32 restarts(struct restart_backoff *b, unsigned n, u64 ran_ms)
{
	bool began;
	u32 wait = 0;

	while (n--)
		wait = restart_backoff_next(b, ran_ms, &began);
	return wait;
}

TEST(restart_backoff_lets_a_few_quick_restarts_through)
{
	struct restart_backoff b = {0};

	CHECK_EQ(restarts(&b, RESTART_FREE, 0), 0);
}

TEST(restart_backoff_doubles_up_to_the_limit)
{
	struct restart_backoff b = {0};
	bool began;
	u32 expect = RESTART_FIRST_WAIT_MS;

	restarts(&b, RESTART_FREE, QUICK);
	CHECK_EQ(restart_backoff_next(&b, QUICK, &began), expect);
	CHECK(began); /* said once, at the first wait */
	while (expect < CONFIG_RESTART_BACKOFF_MAX_MS) {
		expect = 2 * expect < CONFIG_RESTART_BACKOFF_MAX_MS
				 ? 2 * expect
				 : CONFIG_RESTART_BACKOFF_MAX_MS;
		CHECK_EQ(restart_backoff_next(&b, QUICK, &began), expect);
		CHECK(!began);
	}
	CHECK_EQ(restarts(&b, 10, QUICK), CONFIG_RESTART_BACKOFF_MAX_MS);
}

/* A run of RESTART_QUICK_MS or more ends the storm: the next restarts are
 * at once again, and a new storm is reported anew. */
TEST(restart_backoff_ends_after_a_long_run)
{
	struct restart_backoff b = {0};
	bool began;

	CHECK(restarts(&b, RESTART_FREE + 3, QUICK) > 0);
	CHECK_EQ(restart_backoff_next(&b, RESTART_QUICK_MS, &began), 0);
	CHECK(!began);
	CHECK_EQ(restarts(&b, RESTART_FREE, QUICK), 0);
	CHECK_EQ(restart_backoff_next(&b, QUICK, &began),
		 RESTART_FIRST_WAIT_MS);
	CHECK(began);
}

TEST(restart_backoff_cleared_by_the_operator)
{
	struct restart_backoff b = {0};

	restarts(&b, RESTART_FREE + 5, QUICK);
	restart_backoff_clear(&b);
	CHECK_EQ(restarts(&b, RESTART_FREE, QUICK), 0);
}
