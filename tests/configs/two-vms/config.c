// SPDX-License-Identifier: MIT
/*
 * two-vms: two single-vCPU VMs on cores 0 and 1 running the same hello
 * guest. Only alpha gets a device tree, so alpha sees x0 = its IPA and
 * beta sees x0 = 0.
 */
#include <bulkhead/config.h>

BH_FILE(hello_img, "hello.bin");
BH_FILE(alpha_dtb, "alpha.dtb"); /* built from alpha.dts */

const struct bh_config bh_config = {
	BH_VMS(
		{
			.name = "alpha",
			BH_CPUS(0),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(hello_img),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
			.dtb = {.file = BH_BLOB(alpha_dtb),
				.load_ipa = 0x40700000},
		},
		{
			.name = "beta",
			BH_CPUS(1),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(hello_img),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		}),
};
