/* SPDX-License-Identifier: MIT */
/*
 * The demo (`make run`): Debian's Linux in a VM of 2 vCPUs and 256 MiB,
 * with a busybox shell on its console (the keyboard is Linux's), beside
 * a bare-metal VM on the third core printing a heartbeat once a second.
 * `Ctrl-\` then `l` lists the VMs; see docs/linux-guests.md. Its test is
 * ./steps (make test runs it on every platform).
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
			/* quiet: the kernel's boot messages take ~10 s under
			 * emulation. TERM=dumb: the shell asks no terminal
			 * questions whose answers could eat typed input. */
			.kernel = {.image = BH_BLOB(linux_image),
				   .initrd = BH_BLOB(linux_initrd),
				   .bootargs =
					   "console=ttyAMA0 quiet TERM=dumb"},
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
