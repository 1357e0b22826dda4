// SPDX-License-Identifier: MIT
/*
 * irq-sgi: SGIs between the two vCPUs of "sgi" (cores 0 and 1) in every
 * targeting mode; "bystander" on core 2 enables every SGI and PPI and
 * must receive nothing, broadcasts included.
 */
#include <bulkhead/config.h>

BH_FILE(sgi_img, "irq_sgi.bin");
BH_FILE(bystander_img, "irq_bystander.bin");

const struct bh_config bh_config = {
	BH_VMS(
		{
			.name = "sgi",
			BH_CPUS(0, 1),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(sgi_img),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		},
		{
			.name = "bystander",
			BH_CPUS(2),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(bystander_img),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		}),
};
