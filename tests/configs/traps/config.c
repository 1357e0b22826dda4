// SPDX-License-Identifier: MIT
/*
 * traps: one VM probing set/way cache maintenance, an implementation-
 * defined register, the PMU and the debug registers.
 */
#include <bulkhead/config.h>

BH_FILE(traps_img, "traps.bin");

const struct bh_config bh_config = {
	BH_VMS({
		.name = "traps",
		BH_CPUS(0),
		BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
		.image = {.file = BH_BLOB(traps_img),
			  .load_ipa = 0x40000000,
			  .entry = 0x40000000},
	}),
};
