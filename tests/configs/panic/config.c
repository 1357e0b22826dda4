// SPDX-License-Identifier: MIT
/*
 * panic: core 0 is in no VM and, built with CONFIG_DEBUG_PANIC_TEST, takes
 * a data abort at EL2. Its panic report must say so; the VMs on cores 1
 * and 2 must not notice.
 */
#include <bulkhead/config.h>

BH_FILE(hello_img, "hello.bin");
BH_FILE(heartbeat_img, "heartbeat.bin");

const struct bh_config bh_config = {
	BH_VMS(
		{
			.name = "alpha",
			BH_CPUS(1),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(hello_img),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		},
		{
			.name = "beta",
			BH_CPUS(2),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(heartbeat_img),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		}),
};
