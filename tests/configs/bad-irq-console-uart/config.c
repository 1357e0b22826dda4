/* SPDX-License-Identifier: MIT */
/* Must be rejected: the console UART's interrupt, which the hypervisor
 * keeps. The image is this file's own bytes. */
#include <bulkhead/config.h>

BH_FILE(img, "config.c");

const struct bh_config bh_config = {BH_VMS({
	.name = "alpha",
	BH_CPUS(0),
	BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
	BH_IRQS(33),
	.image = {BH_BLOB(img), 0x40000000, 0x40000000},
})};
