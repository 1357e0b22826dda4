/*
 * linux-traps: Debian's Linux alone, 2 vCPUs, a shell on its console;
 * bench/linux-traps.sh counts its exits idle and busy
 * (make bench-linux-traps, docs/bench.md).
 */
#include <bulkhead/config.h>

BH_FILE(linux_image, "linux/kernel");
BH_FILE(linux_initrd, "linux/initramfs.cpio.gz");

const struct bh_config bh_config = {
	BH_VMS({
		.name = "linux",
		BH_CPUS(0, 1),
		BH_MEMORY({.ipa = 0x40000000, .size = 256 * MiB}),
		.kernel = {.image = BH_BLOB(linux_image),
			   .initrd = BH_BLOB(linux_initrd),
			   .bootargs = "console=ttyAMA0 quiet TERM=dumb"},
		.console = {.ipa = 0x09000000, .irq = 33},
	}),
};
