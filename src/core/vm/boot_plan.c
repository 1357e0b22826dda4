/* SPDX-License-Identifier: MIT */
/*
 * A VM's boot plan (boot_plan.h). For Linux, from the arm64 Image header
 * (Documentation/arch/arm64/booting.rst): the kernel goes text_offset
 * bytes above a 2 MiB-aligned base, at the bottom of the VM's first memory
 * region (which suits both settings of the header's "physical placement"
 * flag), and occupies image_size bytes there; the device tree and the
 * initrd follow, each on a 2 MiB boundary, so none of them shares a 2 MiB
 * block with the kernel's mapping. Runs on the host too: no libc.
 */
#include "boot_plan.h"

/* The arm64 Image header: little-endian fields at these offsets. */
#define IMAGE_TEXT_OFFSET 0x08
#define IMAGE_SIZE	  0x10
#define IMAGE_MAGIC	  0x38
#define IMAGE_HEADER_LEN  0x40
#define ARM64_MAGIC	  0x644d5241u /* "ARM\x64" */

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

static const char *plan_linux(const struct bh_vm_config *vm, struct bh_blob dtb,
			      struct boot_plan *p)
{
	const struct bh_linux *k = &vm->kernel;
	u64 text_offset, image_size, base, dtb_ipa;

	if (blob_size(k->image) < IMAGE_HEADER_LEN ||
	    read_le(k->image.start + IMAGE_MAGIC, 4) != ARM64_MAGIC)
		return "the kernel is not an arm64 Image (no \"ARM\\x64\" "
		       "magic at offset 0x38): give .kernel.image an "
		       "uncompressed arm64 Image, e.g. Debian's "
		       "/boot/vmlinuz-*-arm64";
	if (!vm->mem_count)
		return "a Linux VM needs memory: add a BH_MEMORY() region";
	text_offset = read_le(k->image.start + IMAGE_TEXT_OFFSET, 8);
	image_size = read_le(k->image.start + IMAGE_SIZE, 8);
	if (!ALIGNED(text_offset, PAGE_SIZE) || text_offset >= 2 * MiB)
		return "the kernel's text_offset is not a page offset below "
		       "2 MiB: is the Image header damaged?";
	base = ALIGN_UP(vm->mem[0].ipa, 2 * MiB);
	p->is_linux = true;
	set_load(p, LOAD_IMAGE, k->image, base + text_offset, image_size);
	dtb_ipa = ALIGN_UP(base + text_offset + p->load[LOAD_IMAGE].size,
			   2 * MiB);
	set_load(p, LOAD_DTB, dtb, dtb_ipa, BOOT_DTB_MAX);
	set_load(p, LOAD_INITRD, k->initrd, dtb_ipa + BOOT_DTB_MAX, 0);
	p->entry = base + text_offset;
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
