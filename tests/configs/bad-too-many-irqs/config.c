/* SPDX-License-Identifier: MIT */
/* Must be rejected: more interrupts than the vGIC holds (VGIC_MAX_SPIS,
 * 32). The image is this file's own bytes. */
#include <bulkhead/config.h>

BH_FILE(img, "config.c");

const struct bh_config bh_config = {BH_VMS({
	.name = "alpha",
	BH_CPUS(0),
	BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
	BH_IRQS(40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55,
		56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,
		72),
	.image = {BH_BLOB(img), 0x40000000, 0x40000000},
})};
