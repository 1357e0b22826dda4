/* SPDX-License-Identifier: MIT */
/* Must be rejected: a Linux VM whose RAM cannot hold its ARM zImage (this
 * directory's zImage: a zImage header saying it is 5.3 MiB), 32 MiB into
 * memory, its device tree and the room Linux needs to run. */
#include <bulkhead/config.h>

BH_FILE(kernel, "zImage");

const struct bh_config bh_config = {BH_VMS({
	.name = "linux",
	BH_CPUS(0),
	BH_MEMORY({.ipa = 0x40000000, .size = 64 * MiB}),
	.kernel = {.image = BH_BLOB(kernel), .bootargs = "console=ttyAMA0"},
})};
