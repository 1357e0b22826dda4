/* SPDX-License-Identifier: MIT */
/*
 * A token bucket: at most `burst` events at once, refilled at `per_sec`.
 * Everything a guest can make the hypervisor print goes through one, so no
 * guest can flood the shared console or make a cheap trap slow.
 */
#ifndef RATELIMIT_H
#define RATELIMIT_H

#include "spinlock.h"
#include "types.h"

struct ratelimit {
	u32 burst;
	u32 per_sec;
	u32 tokens;
	u32 suppressed;	      /* events refused since the last allowed one */
	u64 last;	      /* counter value of the last refill */
	struct spinlock lock; /* ratelimit_take()'s: a VM's vCPUs share one */
};

void ratelimit_init(struct ratelimit *rl, u32 burst, u32 per_sec, u64 now);

/*
 * Take a token at counter value `now` (counter at `freq` Hz). Returns true
 * if the event may go ahead; *suppressed then tells how many were refused
 * before it (so the caller can say so) and is reset. Safe from several
 * cores at once (it takes the limiter's lock).
 */
bool ratelimit_take(struct ratelimit *rl, u64 now, u64 freq, u32 *suppressed);
/* Take n tokens at once if there are that many (nothing is counted). The
 * caller serialises its takers (the console: under its ring's lock). */
bool ratelimit_take_n(struct ratelimit *rl, u32 n, u64 now, u64 freq);

#endif
