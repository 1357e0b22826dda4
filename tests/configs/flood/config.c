// SPDX-License-Identifier: MIT
/*
 * flood: a hostile VM on core 0 floods the hypervisor with unknown calls,
 * faults and console lines; the bystander on core 1 must keep its pace and
 * the log must stay bounded by the per-VM rate limits.
 */
#include <bulkhead/config.h>

BH_FILE(flood_img, "flood.bin");
BH_FILE(heartbeat_img, "heartbeat.bin");

const struct bh_config bh_config = {
	BH_VMS(
		{
			.name = "flood",
			BH_CPUS(0),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(flood_img),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		},
		{
			.name = "bystander",
			BH_CPUS(1),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(heartbeat_img),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		}),
};
