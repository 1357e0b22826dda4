/* SPDX-License-Identifier: MIT */
/*
 * make bench: one VM, "bench", with two vCPUs on cores 0 and 1 running the
 * benchmark guest (bench/guest/). vCPU 1 exists for the IPI measurement.
 */
#include <bulkhead/config.h>

BH_FILE(bench_image, "bench/bench.bin");

const struct bh_config bh_config = {
	BH_VMS({
		.name = "bench",
		BH_CPUS(0, 1),
		BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
		.image = {.file = BH_BLOB(bench_image),
			  .load_ipa = 0x40000000,
			  .entry = 0x40000000},
	}),
};
