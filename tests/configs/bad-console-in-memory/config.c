/* SPDX-License-Identifier: MIT */
/* Must be rejected: the console's page inside the VM's RAM. The image is
 * this file's own bytes. */
#include <bulkhead/config.h>

BH_FILE(img, "config.c");

const struct bh_config bh_config = {BH_VMS({
	.name = "alpha",
	BH_CPUS(0),
	BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
	.image = {BH_BLOB(img), 0x40000000, 0x40000000},
	.console = {.ipa = 0x40100000, .irq = 33},
})};
