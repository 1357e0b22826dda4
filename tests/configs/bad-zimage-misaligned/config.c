/* SPDX-License-Identifier: MIT */
/* Must be rejected: a Linux VM booting an ARM zImage (this directory's
 * zImage: a zImage header saying it is 5.3 MiB) from memory that does not
 * start on a 128 MiB boundary, where AUTO_ZRELADDR would put its kernel. */
#include <bulkhead/config.h>

BH_FILE(kernel, "zImage");

const struct bh_config bh_config = {BH_VMS({
	.name = "linux",
	BH_CPUS(0),
	BH_MEMORY({.ipa = 0x44000000, .size = 128 * MiB}),
	.kernel = {.image = BH_BLOB(kernel), .bootargs = "console=ttyAMA0"},
})};
