/* SPDX-License-Identifier: MIT */
/* Must be rejected: a virtio-mmio slot, whose device reads and writes its
 * rings and buffers by physical address (DMA) past Stage-2. The image is
 * this file's own bytes. */
#include <bulkhead/config.h>

BH_FILE(img, "config.c");

const struct bh_config bh_config = {BH_VMS({
	.name = "alpha",
	BH_CPUS(0),
	BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
	BH_DEVICES({.name = "virtio0",
		    .pa = 0x0a000000,
		    .ipa = 0x0a000000,
		    .size = 0x1000}),
	.image = {BH_BLOB(img), 0x40000000, 0x40000000},
})};
