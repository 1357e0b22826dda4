/* SPDX-License-Identifier: MIT */
/*
 * two-linux: two Debian Linux VMs side by side, each with 2 vCPUs, 256 MiB
 * and a busybox shell on its own console. The keyboard starts with
 * linux0; `Ctrl-\` then `1` gives it to linux1 (docs/linux-guests.md).
 * Its test is ./steps.
 */
#include <bulkhead/config.h>

/* One copy of each file in the image serves both VMs. */
BH_FILE(linux_image, "linux/kernel");
BH_FILE(linux_initrd, "linux/initramfs.cpio.gz");

#define LINUX_VM(vm_name, ...)                                                 \
	{                                                                      \
		.name = vm_name, BH_CPUS(__VA_ARGS__),                         \
		BH_MEMORY({.ipa = 0x40000000, .size = 256 * MiB}),             \
		.kernel = {.image = BH_BLOB(linux_image),                      \
			   .initrd = BH_BLOB(linux_initrd),                    \
			   .bootargs = "console=ttyAMA0 quiet TERM=dumb"},     \
		.console = {.ipa = 0x09000000, .irq = 33},                     \
	}

const struct bh_config bh_config = {
	BH_VMS(LINUX_VM("linux0", 0, 1), LINUX_VM("linux1", 2, 3)),
};
