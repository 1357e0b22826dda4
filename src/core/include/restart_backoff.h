/* SPDX-License-Identifier: MIT */
/*
 * Slowing down a VM that restarts itself in a loop (a reset storm): each
 * restart wipes and reloads its RAM and prints a line, so an unbounded
 * loop of them is work and log the guest could demand without end.
 */
#ifndef RESTART_BACKOFF_H
#define RESTART_BACKOFF_H

#include "types.h"

/* A run shorter than this counts as part of a storm. */
#define RESTART_QUICK_MS      1000
/* Quick restarts in a row that are let through at once (a guest may
 * well restart twice while it sets itself up). */
#define RESTART_FREE	      3
/* The first wait once a storm is recognised; each next one doubles, up
 * to CONFIG_RESTART_BACKOFF_MAX_MS. */
#define RESTART_FIRST_WAIT_MS 100

struct restart_backoff {
	u32 quick_in_a_row; /* restarts, each after a run < RESTART_QUICK_MS */
	u32 wait_ms;	    /* the last wait, 0 outside a storm */
};

/*
 * The VM asked to restart itself after running `ran_ms`: how long its
 * restart waits, in ms (0: at once). *storm_began is set when this is the
 * first wait of a storm, for the caller to say so once.
 */
u32 restart_backoff_next(struct restart_backoff *b, u64 ran_ms,
			 bool *storm_began);
/* A restart nobody should wait for (the operator's): the storm is over. */
void restart_backoff_clear(struct restart_backoff *b);

#endif
