/* SPDX-License-Identifier: MIT */
/*
 * Ticket locks: fair, so no core starves another. Waiters sleep in WFE;
 * the store-release of unlock clears their exclusive monitor and wakes
 * them, and under QEMU -icount WFE also yields to the other vCPUs.
 */
#include "spinlock.h"

void spin_lock(struct spinlock *lock)
{
	u32 ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_ACQUIRE);

	while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)
		__asm__ volatile("wfe");
}

/* Free when no ticket is out: then take the next one, if no one else has. */
bool spin_trylock(struct spinlock *lock)
{
	u32 owner = __atomic_load_n(&lock->owner, __ATOMIC_RELAXED);
	u32 free = owner;

	return __atomic_compare_exchange_n(&lock->next, &free, owner + 1, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

void spin_unlock(struct spinlock *lock)
{
	__atomic_store_n(&lock->owner, lock->owner + 1, __ATOMIC_RELEASE);
	__asm__ volatile("dsb ishst; sev" ::: "memory");
}
