/* SPDX-License-Identifier: MIT */
/*
 * The system configuration: what one configs/<name>/config.c describes.
 *
 * A config.c defines `const struct bh_config bh_config` with one entry per
 * VM. The same file is compiled twice: for the host, where the config
 * checker validates it before anything is linked, and for the target, where
 * it becomes part of the firmware image together with the guest images it
 * pulls in with BH_FILE(). See docs/configuration.md.
 */
#ifndef BULKHEAD_CONFIG_H
#define BULKHEAD_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#define KiB (1024ULL)
#define MiB (1024ULL * KiB)
#define GiB (1024ULL * MiB)

/* A file carried inside the image: see BH_FILE(). */
struct bh_blob {
	const uint8_t *start;
	const uint8_t *end;
};

/* Guest RAM. pa == 0 lets the build place it in free platform RAM. */
struct bh_mem_region {
	uint64_t ipa;
	uint64_t size;
	uint64_t pa;
};

/*
 * A passthrough device: physical MMIO at pa appears at ipa in the VM. For
 * the device tree the build generates (Linux VMs), `compatible` names its
 * driver, `irq` its SPI (one of the VM's BH_IRQS, 0 for none), and
 * `dt_props` adds properties verbatim (DTS syntax, e.g. "clocks = ...;").
 */
struct bh_dev_region {
	const char *name;
	uint64_t pa;
	uint64_t ipa;
	uint64_t size;
	const char *compatible;
	uint32_t irq;
	const char *dt_props;
};

/* The guest image: copied to load_ipa; vCPU 0 starts at entry. */
struct bh_image {
	struct bh_blob file;
	uint64_t load_ipa;
	uint64_t entry;
};

/* Optional device tree: copied to load_ipa, its IPA passed in x0 (AArch32:
 * r2, as Linux wants it). */
struct bh_dtb {
	struct bh_blob file;
	uint64_t load_ipa;
};

/*
 * A Linux kernel, booted as its architecture's booting.rst asks: an arm64
 * Image at the first memory region's 2 MiB-aligned base plus its
 * text_offset, or an ARM zImage 32 MiB into that region (which must start
 * on a 128 MiB boundary); then the device tree and the initrd, each on its
 * own 2 MiB boundary above the kernel; the device tree's IPA in x0
 * (AArch64) or r2 (AArch32). The build generates the device tree from
 * this config (see docs/configuration.md) unless .dtb gives one.
 */
struct bh_linux {
	struct bh_blob image;  /* an arm64 Image or an ARM zImage */
	struct bh_blob initrd; /* optional: an initramfs (cpio, gzip) */
	const char *bootargs;  /* the kernel command line */
};

/*
 * The VM's console: an emulated PL011 at ipa (4 KiB) raising virtual SPI
 * irq, what Linux's amba-pl011 driver and earlycon talk to. Its output is
 * the VM's lines on the hypervisor's UART. ipa == 0: none.
 */
struct bh_console {
	uint64_t ipa;
	uint32_t irq;
};

struct bh_vm_config {
	const char *name;
	/* vCPU i runs on physical core cpus[i]. */
	const uint32_t *cpus;
	size_t cpu_count;
	const struct bh_mem_region *mem;
	size_t mem_count;
	const struct bh_dev_region *devs;
	size_t dev_count;
	/* Physical interrupt IDs (SPIs) this VM owns. */
	const uint32_t *irqs;
	size_t irq_count;
	struct bh_image image; /* a bare-metal image, or: */
	struct bh_linux
		kernel; /* a Linux kernel ("linux" is a macro in GNU C) */
	struct bh_dtb dtb;
	struct bh_console console;
};

struct bh_config {
	const struct bh_vm_config *vms;
	size_t vm_count;
};

extern const struct bh_config bh_config;

/* Count the elements of a brace list of `type`, e.g. for BH_CPUS(0, 1). */
#define BH_COUNT(type, ...) (sizeof((const type[]){__VA_ARGS__}) / sizeof(type))

/* Field initialisers for struct bh_vm_config, each setting a list and its
 * count: BH_CPUS(1, 2), BH_MEMORY({.ipa = ..., .size = ...}), ... */
#define BH_CPUS(...)                                                           \
	.cpus = (const uint32_t[]){__VA_ARGS__},                               \
	.cpu_count = BH_COUNT(uint32_t, __VA_ARGS__)
#define BH_MEMORY(...)                                                         \
	.mem = (const struct bh_mem_region[]){__VA_ARGS__},                    \
	.mem_count = BH_COUNT(struct bh_mem_region, __VA_ARGS__)
#define BH_DEVICES(...)                                                        \
	.devs = (const struct bh_dev_region[]){__VA_ARGS__},                   \
	.dev_count = BH_COUNT(struct bh_dev_region, __VA_ARGS__)
#define BH_IRQS(...)                                                           \
	.irqs = (const uint32_t[]){__VA_ARGS__},                               \
	.irq_count = BH_COUNT(uint32_t, __VA_ARGS__)
#define BH_VMS(...)                                                            \
	.vms = (const struct bh_vm_config[]){__VA_ARGS__},                     \
	.vm_count = BH_COUNT(struct bh_vm_config, __VA_ARGS__)

/*
 * BH_FILE(sym, "path") pulls a file into the image as read-only data and
 * declares `sym`; use it as `.file = BH_BLOB(sym)`. Paths are searched in
 * the config's own directory, then in the build's guest directory.
 */
#define BH_FILE(sym, path)                                                     \
	__asm__(".pushsection .rodata.bh_file." #sym ",\"a\"\n"                \
		".balign 16\n" #sym "_start:\n"                                \
		".incbin \"" path "\"\n" #sym "_end:\n"                        \
		".popsection\n");                                              \
	extern const uint8_t sym##_start[], sym##_end[]
#define BH_BLOB(sym)                                                           \
	{                                                                      \
		sym##_start, sym##_end                                         \
	}

#endif
