/* SPDX-License-Identifier: MIT */
/* Must be rejected: a Linux VM whose RAM cannot hold its kernel (this
 * directory's Image: an arm64 Image header saying the kernel takes
 * 48 MiB), device tree and the room Linux needs to run. */
#include <bulkhead/config.h>

BH_FILE(kernel, "Image");

const struct bh_config bh_config = {BH_VMS({
	.name = "linux",
	BH_CPUS(0),
	BH_MEMORY({.ipa = 0x40000000, .size = 64 * MiB}),
	.kernel = {.image = BH_BLOB(kernel), .bootargs = "console=ttyAMA0"},
})};
