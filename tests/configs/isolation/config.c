// SPDX-License-Identifier: MIT
/*
 * isolation: "victim" owns fixed RAM (PA 0x48000000) and the PL031 RTC;
 * "reader" tries to reach both and must get an external abort each time,
 * while the victim runs on undisturbed. The addresses are shared with the
 * guests in tests/guests/isolation.h.
 */
#include <bulkhead/config.h>

BH_FILE(reader_img, "reader.bin");
BH_FILE(victim_img, "victim.bin");

const struct bh_config bh_config = {
	BH_VMS(
		{
			.name = "reader",
			BH_CPUS(0),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(reader_img),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		},
		{
			.name = "victim",
			BH_CPUS(1),
			BH_MEMORY({.ipa = 0x40000000,
				   .size = 8 * MiB,
				   .pa = 0x48000000}),
			BH_DEVICES({.name = "rtc",
				    .pa = 0x09010000,
				    .ipa = 0x09010000,
				    .size = 0x1000}),
			.image = {.file = BH_BLOB(victim_img),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		}),
};
