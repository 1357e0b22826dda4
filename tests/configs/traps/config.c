// SPDX-License-Identifier: MIT
/*
 * traps: one VM probing set/way cache maintenance, an implementation-
 * defined register, the ID registers, hidden features and self-hosted
 * debug. It owns the PL061 GPIO to know, after its SYSTEM_RESET, that it
 * already booted once.
 */
#include <bulkhead/config.h>

BH_FILE(traps_img, "traps.bin");

const struct bh_config bh_config = {
	BH_VMS({
		.name = "traps",
		BH_CPUS(0),
		BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
		BH_DEVICES({.name = "gpio",
			    .pa = 0x09030000,
			    .ipa = 0x09030000,
			    .size = 0x1000}),
		.image = {.file = BH_BLOB(traps_img),
			  .load_ipa = 0x40000000,
			  .entry = 0x40000000},
	}),
};
