// SPDX-License-Identifier: MIT
/*
 * reset-storm: a VM restarting itself in a loop (tests/guests/storm.c)
 * beside a heartbeat. Its restarts must be slowed down on its own core,
 * and the heartbeat must beat through the storm.
 */
#include <bulkhead/config.h>

BH_FILE(storm_img, "storm.bin");
BH_FILE(heartbeat_img, "heartbeat.bin");

const struct bh_config bh_config = {
	BH_VMS(
		{
			.name = "storm",
			BH_CPUS(0),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			BH_DEVICES({.name = "gpio",
				    .pa = 0x09030000,
				    .ipa = 0x09030000,
				    .size = 0x1000}),
			.image = {.file = BH_BLOB(storm_img),
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
