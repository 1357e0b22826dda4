/* SPDX-License-Identifier: MIT */
/*
 * Placement of VM memory in platform RAM. Runs both in the host config
 * checker and in the hypervisor, so it uses no libc.
 *
 * A pa of 0 marks a region not placed yet: no placed region can be at 0,
 * because the hypervisor always owns the start of RAM.
 */
#include "layout.h"

/* Alignments tried for a region, largest first: Stage-2 block sizes. */
static const u64 block_sizes[] = {GiB, 2 * MiB, PAGE_SIZE};

static size_t region_count(const struct bh_vm_config *vm)
{
	return MIN(vm->mem_count, LAYOUT_MAX_VM_REGIONS);
}

/* Start with the fixed regions where they are and the others unplaced. */
static void layout_init(const struct bh_config *cfg, struct vm_layout *out)
{
	for (size_t v = 0; v < cfg->vm_count; v++) {
		const struct bh_vm_config *vm = &cfg->vms[v];

		for (size_t r = 0; r < region_count(vm); r++)
			out[v].pa[r] = vm->mem[r].pa;
	}
}

/*
 * Does [pa, pa+size) collide with the hypervisor or a region already at
 * its place? If so, *end is the end of one range it collides with.
 */
static bool collides(const struct bh_config *cfg, const struct vm_layout *out,
		     u64 hyp_size, u64 pa, u64 size, u64 *end)
{
	if (ranges_overlap(pa, size, HYP_MEM_BASE, hyp_size)) {
		*end = HYP_MEM_BASE + hyp_size;
		return true;
	}
	for (size_t v = 0; v < cfg->vm_count; v++) {
		const struct bh_vm_config *vm = &cfg->vms[v];

		for (size_t r = 0; r < region_count(vm); r++) {
			u64 other = out[v].pa[r];
			u64 len = vm->mem[r].size;

			if (other && len &&
			    ranges_overlap(pa, size, other, len)) {
				*end = other + len;
				return true;
			}
		}
	}
	return false;
}

/* The lowest free, align-aligned address for size bytes of RAM, or 0. */
static u64 find_free(const struct bh_config *cfg, const struct platform *plat,
		     const struct vm_layout *out, u64 hyp_size, u64 size,
		     u64 align)
{
	u64 pa = ALIGN_UP(plat->ram_base, align);
	u64 end;

	while (range_within(pa, size, plat->ram_base, plat->ram_size)) {
		if (!collides(cfg, out, hyp_size, pa, size, &end))
			return pa;
		if (ALIGN_UP(end, align) <= pa)
			return 0; /* wrapped around: a range ends past 2^64 */
		pa = ALIGN_UP(end, align);
	}
	return 0;
}

/*
 * Place at the largest block alignment that the region's IPA and size allow
 * and that finds room, so Stage-2 can map it with the fewest entries. Any
 * region gets at least page alignment.
 */
static u64 place_region(const struct bh_config *cfg,
			const struct platform *plat,
			const struct vm_layout *out, u64 hyp_size,
			const struct bh_mem_region *mem)
{
	for (size_t i = 0; i < ARRAY_SIZE(block_sizes); i++) {
		u64 align = block_sizes[i];
		u64 pa;

		if (align > PAGE_SIZE && !ALIGNED(mem->ipa | mem->size, align))
			continue;
		pa = find_free(cfg, plat, out, hyp_size, mem->size, align);
		if (pa)
			return pa;
	}
	return 0;
}

/* The files a VM boots from; empty ones have start == end. */
enum { VM_FILES = 4 };
static struct bh_blob vm_file(const struct bh_vm_config *vm, unsigned k)
{
	const struct bh_blob files[VM_FILES] = {
		vm->image.file, vm->kernel.image, vm->kernel.initrd,
		vm->dtb.file};

	return files[k];
}

/* Did a VM before v, or v before its file k, name the same file? */
static bool carried_already(const struct bh_config *cfg, size_t v, unsigned k)
{
	const u8 *start = vm_file(&cfg->vms[v], k).start;

	for (size_t w = 0; w <= v; w++)
		for (unsigned j = 0; j < (w < v ? VM_FILES : k); j++)
			if (vm_file(&cfg->vms[w], j).start == start)
				return true;
	return false;
}

u64 hyp_mem_size(const struct bh_config *cfg)
{
	u64 size = CONFIG_HYP_OWN_MEM_SIZE;

	for (size_t v = 0; v < cfg->vm_count; v++) {
		for (unsigned k = 0; k < VM_FILES; k++) {
			struct bh_blob f = vm_file(&cfg->vms[v], k);

			if (f.start != f.end && !carried_already(cfg, v, k))
				size += ALIGN_UP((u64)(f.end - f.start), 16);
		}
	}
	return ALIGN_UP(size, 2 * MiB);
}

int layout_place(const struct bh_config *cfg, const struct platform *plat,
		 struct vm_layout *out, size_t *failed_vm,
		 size_t *failed_region)
{
	u64 hyp_size = hyp_mem_size(cfg);

	layout_init(cfg, out);
	for (size_t v = 0; v < cfg->vm_count; v++) {
		const struct bh_vm_config *vm = &cfg->vms[v];

		for (size_t r = 0; r < region_count(vm); r++) {
			if (vm->mem[r].pa)
				continue;
			out[v].pa[r] = place_region(cfg, plat, out, hyp_size,
						    &vm->mem[r]);
			if (!out[v].pa[r]) {
				*failed_vm = v;
				*failed_region = r;
				return -1;
			}
		}
	}
	return 0;
}
