/* SPDX-License-Identifier: MIT */
#include "restart_backoff.h"

u32 restart_backoff_next(struct restart_backoff *b, u64 ran_ms,
			 bool *storm_began)
{
	*storm_began = false;
	if (ran_ms >= RESTART_QUICK_MS) {
		restart_backoff_clear(b);
		return 0;
	}
	if (++b->quick_in_a_row <= RESTART_FREE)
		return 0;
	*storm_began = b->wait_ms == 0;
	/* Kconfig keeps the longest wait >= the first. */
	b->wait_ms = b->wait_ms ? MIN(2 * b->wait_ms,
				      (u32)CONFIG_RESTART_BACKOFF_MAX_MS)
				: RESTART_FIRST_WAIT_MS;
	return b->wait_ms;
}

void restart_backoff_clear(struct restart_backoff *b)
{
	*b = (struct restart_backoff){0};
}
