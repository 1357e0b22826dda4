// SPDX-License-Identifier: MIT
/*
 * irq-rtc: "owner" has the PL031 RTC and its interrupt (SPI 2, INTID 34)
 * and takes its match interrupt; "intruder" tries to enable, pend,
 * activate, re-prioritise and route 34 through its own distributor, which
 * must read back zero and change nothing for the owner.
 */
#include <bulkhead/config.h>

BH_FILE(intruder_img, "irq_rtc_intruder.bin");
BH_FILE(owner_img, "irq_rtc_owner.bin");

const struct bh_config bh_config = {
	BH_VMS(
		{
			.name = "intruder",
			BH_CPUS(0),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(intruder_img),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		},
		{
			.name = "owner",
			BH_CPUS(1),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			BH_DEVICES({.name = "rtc",
				    .pa = 0x09010000,
				    .ipa = 0x09010000,
				    .size = 0x1000}),
			BH_IRQS(34),
			.image = {.file = BH_BLOB(owner_img),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		}),
};
