// SPDX-License-Identifier: MIT
/*
 * irq-priority: one vCPU with 10 interrupts pending at once (more than the
 * list registers), taken in priority order, and preemption in a handler.
 */
#include <bulkhead/config.h>

BH_FILE(priority_img, "irq_priority.bin");

const struct bh_config bh_config = {
	BH_VMS({
		.name = "priority",
		BH_CPUS(0),
		BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
		.image = {.file = BH_BLOB(priority_img),
			  .load_ipa = 0x40000000,
			  .entry = 0x40000000},
	}),
};
