/* SPDX-License-Identifier: MIT */
/*
 * SPI trigger mode, for both GIC versions: GICD_ICFGR is laid out the same
 * in GICv2 and GICv3. Sixteen interrupts share a register, possibly of
 * different VMs, so the read-modify-write happens under a lock.
 */
#include "gic.h"
#include "platform.h"
#include "spinlock.h"

#define GICD_ICFGR 0xc00

static struct spinlock icfgr_lock = SPINLOCK_INIT;

void gic_irq_set_edge(u32 intid, bool edge)
{
	volatile u32 *cfg =
		(volatile u32 *)(uintptr_t)(platform.gicd_base + GICD_ICFGR +
					    4 * (intid / 16));
	u32 bit = 2u << (2 * (intid % 16));

	spin_lock(&icfgr_lock);
	*cfg = edge ? (*cfg | bit) : (*cfg & ~bit);
	spin_unlock(&icfgr_lock);
}
