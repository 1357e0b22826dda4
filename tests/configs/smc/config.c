// SPDX-License-Identifier: MIT
/*
 * smc: SMCCC and Bulkhead hypercalls from VM "smc", which ends by calling
 * the firmware's PSCI SYSTEM_OFF with SMC. That must stop only this VM:
 * the bystander on core 1 keeps running until its own SYSTEM_OFF.
 */
#include <bulkhead/config.h>

BH_FILE(smc_img, "smc.bin");
BH_FILE(heartbeat_img, "heartbeat.bin");

const struct bh_config bh_config = {
	BH_VMS(
		{
			.name = "smc",
			BH_CPUS(0),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(smc_img),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		},
		{
			.name = "bystander",
			BH_CPUS(1),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(heartbeat_img),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		}),
};
