/* SPDX-License-Identifier: MIT */
/* Must be rejected: a device mapped over the VM's memory. The image is this
 * file's own bytes. */
#include <bulkhead/config.h>

BH_FILE(img, "config.c");

const struct bh_config bh_config = {BH_VMS({
	.name = "alpha",
	BH_CPUS(0),
	BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
	BH_DEVICES({.name = "rtc",
		    .pa = 0x09010000,
		    .ipa = 0x40100000,
		    .size = 0x1000}),
	.image = {BH_BLOB(img), 0x40000000, 0x40000000},
})};
