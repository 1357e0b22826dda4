// SPDX-License-Identifier: MIT
/*
 * max-cpus: Bulkhead built for 2 cores on a 4-core machine. The cores
 * beyond the limit are never started; the two it has run one VM whose
 * vCPUs signal each other (irq_sgi), so the hypervisor's per-core state
 * (IPI targets, stacks, redistributors) is exercised on both.
 */
#include <bulkhead/config.h>

BH_FILE(sgi_img, "irq_sgi.bin");

const struct bh_config bh_config = {
	BH_VMS({
		.name = "sgi",
		BH_CPUS(0, 1),
		BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
		.image = {.file = BH_BLOB(sgi_img),
			  .load_ipa = 0x40000000,
			  .entry = 0x40000000},
	}),
};
