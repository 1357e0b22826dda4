// SPDX-License-Identifier: MIT
/*
 * irq-timer: two VMs on cores 0 and 1 take 1000 virtual timer interrupts
 * each at 1 kHz, concurrently, with none lost or doubled.
 */
#include <bulkhead/config.h>

BH_FILE(timer_img, "irq_timer.bin");

const struct bh_config bh_config = {
	BH_VMS(
		{
			.name = "alpha",
			BH_CPUS(0),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(timer_img),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		},
		{
			.name = "beta",
			BH_CPUS(1),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(timer_img),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		}),
};
