/* SPDX-License-Identifier: MIT */
/*
 * A VM's boot plan (boot_plan.h). A Linux kernel is placed by the rules
 * of its format, which its header's magic names: an arm64 Image or an
 * ARM zImage (below). The device tree and the initrd follow it, each on
 * a 2 MiB boundary, so none of them shares a 2 MiB block with the
 * kernel's mapping. Runs on the host too: no libc.
 */
#include "boot_plan.h"

/* Both headers lie in a kernel's first bytes. */
#define KERNEL_HEADER_LEN 0x40

/* The arm64 Image header (Documentation/arch/arm64/booting.rst):
 * little-endian fields at these offsets. */
#define IMAGE_TEXT_OFFSET 0x08
#define IMAGE_SIZE	  0x10
#define IMAGE_MAGIC	  0x38
#define ARM64_MAGIC	  0x644d5241u /* "ARM\x64" */

/* The ARM zImage header (arch/arm/boot/compressed/head.S): the magic,
 * then the link addresses of its start and end. */
#define ZIMAGE_MAGIC	 0x24
#define ZIMAGE_START	 0x28
#define ZIMAGE_END	 0x2c
#define ARM_ZIMAGE_MAGIC 0x016f2818u
/*
 * A zImage built with AUTO_ZRELADDR (Debian's armmp kernels) decompresses
 * its kernel to (where it runs & 0xf8000000) + 0x8000: the start of RAM
 * only if RAM starts on a 128 MiB boundary and the zImage sits in its
 * first 128 MiB. It goes 32 MiB in (Documentation/arch/arm/booting.rst:
 * "above 32MiB", so it never has to move out of the kernel's way).
 */
#define ZIMAGE_WINDOW	 (128 * MiB)
#define ZIMAGE_OFFSET	 (32 * MiB)
/* What the decompressor uses past its end: its bss, a 4 KiB stack and a
 * 64 KiB heap (head.S, vmlinux.lds.S), with room to spare. */
#define ZIMAGE_SCRATCH	 MiB

static u64 blob_size(struct bh_blob b)
{
	return (u64)(b.end - b.start);
}

static u64 read_le(const u8 *p, unsigned bytes)
{
	u64 v = 0;

	for (unsigned i = bytes; i-- > 0;)
		v = v << 8 | p[i];
	return v;
}

static bool has_magic(struct bh_blob kernel, unsigned at, u32 magic)
{
	return blob_size(kernel) >= KERNEL_HEADER_LEN &&
	       read_le(kernel.start + at, 4) == magic;
}

const char *boot_load_name(const struct boot_plan *plan,
			   enum boot_load_kind kind)
{
	static const char *const names[] = {"image", "DTB", "initrd"};

	return kind == LOAD_IMAGE && plan->is_linux ? "kernel" : names[kind];
}

static void set_load(struct boot_plan *p, enum boot_load_kind kind,
		     struct bh_blob blob, u64 ipa, u64 size)
{
	p->load[kind] = (struct boot_load){
		.blob = blob, .ipa = ipa, .size = MAX(size, blob_size(blob))};
}

/* An arm64 Image goes text_offset bytes above the 2 MiB-aligned base of
 * the first memory region (which suits both settings of the header's
 * "physical placement" flag), and occupies image_size bytes there. */
static const char *place_arm64_image(const struct bh_vm_config *vm,
				     struct boot_plan *p)
{
	struct bh_blob image = vm->kernel.image;
	u64 text_offset = read_le(image.start + IMAGE_TEXT_OFFSET, 8);
	u64 base = ALIGN_UP(vm->mem[0].ipa, 2 * MiB);

	if (!ALIGNED(text_offset, PAGE_SIZE) || text_offset >= 2 * MiB)
		return "the kernel's text_offset is not a page offset below "
		       "2 MiB: is the Image header damaged?";
	set_load(p, LOAD_IMAGE, image, base + text_offset,
		 read_le(image.start + IMAGE_SIZE, 8));
	return NULL;
}

/* An ARM zImage goes 32 MiB into the first memory region, which must
 * start on a 128 MiB boundary; it occupies its size and scratch room. */
static const char *place_zimage(const struct bh_vm_config *vm,
				struct boot_plan *p)
{
	struct bh_blob image = vm->kernel.image;
	u64 start = read_le(image.start + ZIMAGE_START, 4);
	u64 end = read_le(image.start + ZIMAGE_END, 4);
	u64 base = vm->mem[0].ipa;

	if (end <= start)
		return "the zImage header's end (offset 0x2c) is not above "
		       "its start (0x28): is the zImage damaged?";
	if (!ALIGNED(base, ZIMAGE_WINDOW))
		return "its first memory region must start on a 128 MiB "
		       "boundary, where an ARM zImage decompresses its "
		       "kernel (AUTO_ZRELADDR): move that region's .ipa to "
		       "one (e.g. 0x40000000)";
	set_load(p, LOAD_IMAGE, image, base + ZIMAGE_OFFSET,
		 end - start + ZIMAGE_SCRATCH);
	if (ZIMAGE_OFFSET + p->load[LOAD_IMAGE].size > ZIMAGE_WINDOW)
		return "the zImage is too large to fit between 32 MiB and "
		       "128 MiB into its first memory region, where it must "
		       "lie to decompress its kernel below itself";
	return NULL;
}

static const char *plan_linux(const struct bh_vm_config *vm, struct bh_blob dtb,
			      struct boot_plan *p)
{
	struct bh_blob image = vm->kernel.image;
	const char *why;
	u64 dtb_ipa;

	if (!vm->mem_count)
		return "a Linux VM needs memory: add a BH_MEMORY() region";
	if (has_magic(image, IMAGE_MAGIC, ARM64_MAGIC))
		why = place_arm64_image(vm, p);
	else if (has_magic(image, ZIMAGE_MAGIC, ARM_ZIMAGE_MAGIC))
		why = place_zimage(vm, p);
	else
		why = "the kernel is neither an arm64 Image (\"ARM\\x64\" at "
		      "offset 0x38) nor an ARM zImage (0x016f2818 at offset "
		      "0x24): give .kernel.image Debian's "
		      "/boot/vmlinuz-*-arm64 (ARMv7: vmlinuz-*-armmp-lpae)";
	if (why)
		return why;
	p->is_linux = true;
	dtb_ipa = ALIGN_UP(p->load[LOAD_IMAGE].ipa + p->load[LOAD_IMAGE].size,
			   2 * MiB);
	set_load(p, LOAD_DTB, dtb, dtb_ipa, BOOT_DTB_MAX);
	set_load(p, LOAD_INITRD, vm->kernel.initrd, dtb_ipa + BOOT_DTB_MAX, 0);
	p->entry = p->load[LOAD_IMAGE].ipa;
	p->dtb = dtb_ipa;
	return NULL;
}

const char *boot_plan(const struct bh_vm_config *vm, struct bh_blob dtb,
		      struct boot_plan *out)
{
	*out = (struct boot_plan){0};
	if (blob_size(vm->kernel.image)) {
		if (blob_size(vm->image.file))
			return "it has both an .image and a .kernel: give it "
			       "one of them";
		return plan_linux(vm, dtb, out);
	}
	if (blob_size(vm->kernel.initrd) || vm->kernel.bootargs)
		return "it has an initrd or bootargs but no .kernel.image: "
		       "they are for a Linux kernel";
	set_load(out, LOAD_IMAGE, vm->image.file, vm->image.load_ipa, 0);
	set_load(out, LOAD_DTB, dtb, vm->dtb.load_ipa, 0);
	out->entry = vm->image.entry;
	out->dtb = blob_size(dtb) ? vm->dtb.load_ipa : 0;
	return NULL;
}

/* The bytes load k writes inside [lo, hi), as a range (empty: size 0). */
static struct ipa_range load_within(const struct boot_plan *p, unsigned k,
				    u64 lo, u64 hi)
{
	u64 start = MAX(p->load[k].ipa, lo);
	u64 end = MIN(p->load[k].ipa + blob_size(p->load[k].blob), hi);

	return start < end ? (struct ipa_range){start, end - start}
			   : (struct ipa_range){0, 0};
}

/* The load that starts first at or above `from` in [from, hi) into *out;
 * false (and *out as it was) if none does. */
static bool next_load(const struct boot_plan *p, u64 from, u64 hi,
		      struct ipa_range *out)
{
	bool found = false;

	for (unsigned k = 0; k < LOAD_KINDS; k++) {
		struct ipa_range r = load_within(p, k, from, hi);

		if (r.size && (!found || r.ipa < out->ipa)) {
			*out = r;
			found = true;
		}
	}
	return found;
}

unsigned boot_plan_gaps(const struct boot_plan *plan, u64 ipa, u64 size,
			struct ipa_range gaps[BOOT_GAPS_MAX])
{
	u64 at = ipa, end = ipa + size;
	unsigned n = 0;

	while (at < end && n < BOOT_GAPS_MAX) {
		struct ipa_range load = {end, 0};

		next_load(plan, at, end, &load);
		if (load.ipa > at)
			gaps[n++] = (struct ipa_range){at, load.ipa - at};
		at = load.ipa + load.size;
	}
	return n;
}
