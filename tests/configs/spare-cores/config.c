// SPDX-License-Identifier: MIT
/*
 * spare-cores: one VM on core 2 only. Cores 0, 1 and 3 belong to no VM:
 * the hypervisor must power them off and still run the VM on core 2 (which
 * is not the boot core) to its end.
 */
#include <bulkhead/config.h>

BH_FILE(hello_img, "hello.bin");

const struct bh_config bh_config = {
	BH_VMS({
		.name = "solo",
		BH_CPUS(2),
		BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
		.image = {.file = BH_BLOB(hello_img),
			  .load_ipa = 0x40000000,
			  .entry = 0x40000000},
	}),
};
