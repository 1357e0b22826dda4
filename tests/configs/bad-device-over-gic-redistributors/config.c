/* SPDX-License-Identifier: MIT */
/* Must be rejected (GICv3 platforms): a device at the guest addresses of
 * vCPU 1's redistributor. The image is this file's own bytes. */
#include <bulkhead/config.h>

BH_FILE(img, "config.c");

const struct bh_config bh_config = {BH_VMS({
	.name = "alpha",
	BH_CPUS(0, 1),
	BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
	BH_DEVICES({.name = "rtc",
		    .pa = 0x09010000,
		    .ipa = 0x080c0000,
		    .size = 0x1000}),
	.image = {BH_BLOB(img), 0x40000000, 0x40000000},
})};
