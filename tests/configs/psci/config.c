// SPDX-License-Identifier: MIT
/*
 * psci: a 2-vCPU VM exercising the virtual PSCI (vCPU i on core i), which
 * owns the PL061 GPIO to remember across its SYSTEM_RESET that it already
 * booted once. A bystander on core 2 must run through the other VM's reset
 * and power-off.
 */
#include <bulkhead/config.h>

BH_FILE(psci_img, "psci.bin");
BH_FILE(heartbeat_img, "heartbeat.bin");

const struct bh_config bh_config = {
	BH_VMS(
		{
			.name = "psci",
			BH_CPUS(0, 1),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			BH_DEVICES({.name = "gpio",
				    .pa = 0x09030000,
				    .ipa = 0x09030000,
				    .size = 0x1000}),
			.image = {.file = BH_BLOB(psci_img),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		},
		{
			.name = "bystander",
			BH_CPUS(2),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(heartbeat_img),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		}),
};
