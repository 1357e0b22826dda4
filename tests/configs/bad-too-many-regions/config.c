/* SPDX-License-Identifier: MIT */
/* Must be rejected: more memory regions than LAYOUT_MAX_VM_REGIONS. The image
 * is this file's own bytes. */
#include <bulkhead/config.h>

BH_FILE(img, "config.c");

const struct bh_config bh_config = {BH_VMS({
	.name = "alpha",
	BH_CPUS(0),
	BH_MEMORY({.ipa = 0x40000000, .size = 4 * KiB},
		  {.ipa = 0x41000000, .size = 4 * KiB},
		  {.ipa = 0x42000000, .size = 4 * KiB},
		  {.ipa = 0x43000000, .size = 4 * KiB},
		  {.ipa = 0x44000000, .size = 4 * KiB},
		  {.ipa = 0x45000000, .size = 4 * KiB},
		  {.ipa = 0x46000000, .size = 4 * KiB},
		  {.ipa = 0x47000000, .size = 4 * KiB},
		  {.ipa = 0x48000000, .size = 4 * KiB}),
	.image = {BH_BLOB(img), 0x40000000, 0x40000000},
})};
