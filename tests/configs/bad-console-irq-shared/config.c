/* SPDX-License-Identifier: MIT */
/* Must be rejected: the console's virtual SPI is one the VM owns for a
 * device. The image is this file's own bytes. */
#include <bulkhead/config.h>

BH_FILE(img, "config.c");

const struct bh_config bh_config = {BH_VMS({
	.name = "alpha",
	BH_CPUS(0),
	BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
	BH_IRQS(34),
	.image = {BH_BLOB(img), 0x40000000, 0x40000000},
	.console = {.ipa = 0x09000000, .irq = 34},
})};
