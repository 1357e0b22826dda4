/* SPDX-License-Identifier: MIT */
/*
 * What a VM's RAM holds when it (re)starts and how its vCPU 0 enters: the
 * bare-metal image and DTB where the config says, or a Linux kernel (an
 * arm64 Image or an ARM zImage), its device tree and initrd laid out as
 * that kernel's boot protocol asks. The
 * same code runs in the build's config checker (which proves every load
 * fits and writes the addresses into the generated device tree) and in
 * the hypervisor (which copies the blobs), so both agree.
 */
#ifndef BOOT_PLAN_H
#define BOOT_PLAN_H

#include <bulkhead/config.h>

#include "types.h"

/* Where the device tree goes: its own 2 MiB (the protocol's limit). */
#define BOOT_DTB_MAX (2 * MiB)

enum boot_load_kind { LOAD_IMAGE, LOAD_DTB, LOAD_INITRD, LOAD_KINDS };

struct boot_load {
	struct bh_blob blob; /* empty: nothing to load */
	u64 ipa;
	u64 size; /* what it occupies: a kernel's image_size, bss included */
};

struct boot_plan {
	bool is_linux;
	struct boot_load load[LOAD_KINDS];
	u64 entry; /* vCPU 0's PC */
	u64 dtb;   /* the device tree's IPA, or 0: vCPU 0's boot argument
		      (arch_vcpu_enter's VCPU_START_BOOT puts it in place) */
};

/* The device trees the build generated from the config, by VM index;
 * empty for a VM that has none (the build's dtbs.S). */
extern const struct bh_blob bh_generated_dtbs[];

/* Name of a load, for messages: "image", "kernel", "DTB", "initrd". */
const char *boot_load_name(const struct boot_plan *plan,
			   enum boot_load_kind kind);

/* A range of IPAs. */
struct ipa_range {
	u64 ipa;
	u64 size;
};

/* At most how many pieces the loads cut a memory region into. */
#define BOOT_GAPS_MAX (LOAD_KINDS + 1)

/*
 * The parts of the memory region [ipa, ipa + size) that no load's bytes
 * overwrite, in ascending order, into gaps[]: what must be zeroed before
 * the VM starts (a kernel's bss beyond its file, the DTB's unused room,
 * the rest of RAM). Returns how many.
 */
unsigned boot_plan_gaps(const struct boot_plan *plan, u64 ipa, u64 size,
			struct ipa_range gaps[BOOT_GAPS_MAX]);

/*
 * Plan the VM's boot with `dtb` as its device tree (the config's, or the
 * one the build generated; may be empty). Returns NULL, or why the plan is
 * impossible (e.g. the kernel is neither an arm64 Image nor a zImage),
 * with the fix.
 */
const char *boot_plan(const struct bh_vm_config *vm, struct bh_blob dtb,
		      struct boot_plan *out);

#endif
