/* SPDX-License-Identifier: MIT */
/*
 * make bench-linux, verbose: bench/configs/linux-boot without `quiet`, so
 * Linux prints its whole boot log through the VM's emulated UART (one trap
 * per byte; natively the same bytes go to QEMU's PL011).
 */
#include <bulkhead/config.h>

BH_FILE(linux_image, "linux/kernel");
BH_FILE(linux_initrd, "linux/initramfs.cpio.gz");
BH_FILE(beacon_image, "beacon.bin");

const struct bh_config bh_config = {
	BH_VMS(
		{
			.name = "linux",
			BH_CPUS(0, 1),
			BH_MEMORY({.ipa = 0x40000000, .size = 256 * MiB}),
			.kernel = {.image = BH_BLOB(linux_image),
				   .initrd = BH_BLOB(linux_initrd),
				   .bootargs = "console=ttyAMA0 "
					       "bulkhead.check=hello"},
			.console = {.ipa = 0x09000000, .irq = 33},
		},
		{
			.name = "baremetal",
			BH_CPUS(2),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(beacon_image),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		}),
};
