/* SPDX-License-Identifier: MIT */
/*
 * baremetal: two isolated VMs on their own cores, each with its own RAM and
 * console. "alpha" runs the hello guest, "beta" a guest that prints a
 * heartbeat; both stop by themselves and Bulkhead then powers off.
 */
#include <bulkhead/config.h>

BH_FILE(hello_image, "hello.bin");
BH_FILE(heartbeat_image, "heartbeat.bin");

const struct bh_config bh_config = {
	BH_VMS(
		{
			.name = "alpha",
			BH_CPUS(0),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(hello_image),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		},
		{
			.name = "beta",
			BH_CPUS(1),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(heartbeat_image),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		}),
};
