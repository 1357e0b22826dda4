/* SPDX-License-Identifier: MIT */
#include "ratelimit.h"

void ratelimit_init(struct ratelimit *rl, u32 burst, u32 per_sec, u64 now)
{
	*rl = (struct ratelimit){.burst = burst,
				 .per_sec = per_sec,
				 .tokens = burst,
				 .last = now};
}

static void refill(struct ratelimit *rl, u64 now, u64 freq)
{
	u64 ticks_per_token = freq / rl->per_sec;
	u64 earned;

	if (ticks_per_token == 0)
		ticks_per_token = 1;
	/* A core that read the counter before another refilled: no time
	 * has passed for it (now - last would wrap to a full burst). */
	if (now <= rl->last)
		return;
	earned = (now - rl->last) / ticks_per_token;
	if (earned == 0)
		return;
	/* Advance by whole tokens only, so partial periods are not lost. */
	rl->last += earned * ticks_per_token;
	rl->tokens = (u32)MIN((u64)rl->burst, rl->tokens + earned);
}

bool ratelimit_take_n(struct ratelimit *rl, u32 n, u64 now, u64 freq)
{
	refill(rl, now, freq);
	if (rl->tokens < n)
		return false;
	rl->tokens -= n;
	return true;
}

bool ratelimit_take(struct ratelimit *rl, u64 now, u64 freq, u32 *suppressed)
{
	bool ok;

	spin_lock(&rl->lock);
	ok = ratelimit_take_n(rl, 1, now, freq);
	if (ok) {
		*suppressed = rl->suppressed;
		rl->suppressed = 0;
	} else {
		rl->suppressed++;
	}
	spin_unlock(&rl->lock);
	return ok;
}
