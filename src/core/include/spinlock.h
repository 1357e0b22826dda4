/* SPDX-License-Identifier: MIT */
/* Spinlocks: implemented by the arch (exclusives + WFE on Arm). */
#ifndef SPINLOCK_H
#define SPINLOCK_H

#include "types.h"

struct spinlock {
	volatile u32 next;
	volatile u32 owner;
};

#define SPINLOCK_INIT                                                          \
	{                                                                      \
		0, 0                                                           \
	}

void spin_lock(struct spinlock *lock);
/* Take the lock if it is free, never wait: true if taken. */
bool spin_trylock(struct spinlock *lock);
void spin_unlock(struct spinlock *lock);

#endif
