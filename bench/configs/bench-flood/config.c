/* SPDX-License-Identifier: MIT */
/*
 * make bench, console_call beside a flood: the benchmark VM of
 * bench/configs/bench, and next to it a VM on core 2 that floods the
 * console (bench/flood/).
 */
#include <bulkhead/config.h>

BH_FILE(bench_image, "bench/bench.bin");
BH_FILE(flood_image, "bench/flood.bin");

const struct bh_config bh_config = {
	BH_VMS(
		{
			.name = "bench",
			BH_CPUS(0, 1),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(bench_image),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		},
		{
			.name = "flood",
			BH_CPUS(2),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(flood_image),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		}),
};
