/* SPDX-License-Identifier: MIT */
/* Must be rejected: fw_cfg, whose DMA interface would write any physical
 * address past Stage-2. The image is this file's own bytes. */
#include <bulkhead/config.h>

BH_FILE(img, "config.c");

const struct bh_config bh_config = {BH_VMS({
	.name = "alpha",
	BH_CPUS(0),
	BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
	BH_DEVICES({.name = "fw_cfg",
		    .pa = 0x09020000,
		    .ipa = 0x09020000,
		    .size = 0x1000}),
	.image = {BH_BLOB(img), 0x40000000, 0x40000000},
})};
