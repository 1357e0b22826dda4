/* SPDX-License-Identifier: MIT */
/* Placement of VM memory (src/core/vm/layout.c). */
#include <string.h>

#include "layout.h"
#include "test.h"

/* The hypervisor's RAM for a config that carries no files. */
#define HYP_OWN_SIZE ALIGN_UP((u64)CONFIG_HYP_OWN_MEM_SIZE, 2 * MiB)
#define FREE_BASE    (HYP_MEM_BASE + HYP_OWN_SIZE)

/* One region per VM: place cfg and return the pa of VM v's region. */
static u64 place_one_each(const struct bh_vm_config *vms, size_t n, size_t v)
{
	struct bh_config cfg = {vms, n};
	struct vm_layout out[8];
	size_t fv, fr;

	CHECK_EQ(layout_place(&cfg, &platform, out, &fv, &fr), 0);
	return out[v].pa[0];
}

static struct bh_vm_config vm_with(const struct bh_mem_region *mem,
				   size_t count)
{
	return (struct bh_vm_config){
		.name = "vm", .mem = mem, .mem_count = count};
}

TEST(layout_places_first_region_after_hypervisor)
{
	struct bh_mem_region mem = {.ipa = 0x40000000, .size = 8 * MiB};
	struct bh_vm_config vm = vm_with(&mem, 1);

	CHECK_EQ(place_one_each(&vm, 1, 0), FREE_BASE);
}

/* The files a config carries grow the hypervisor's RAM, each file once. */
TEST(layout_sizes_hypervisor_ram_from_the_guest_files)
{
	static const u8 kernel[3 * MiB], initrd[1 * MiB + 1], image[100];
	struct bh_mem_region mem = {.ipa = 0x40000000, .size = 8 * MiB};
	struct bh_vm_config vms[] = {vm_with(&mem, 1), vm_with(&mem, 1),
				     vm_with(&mem, 1)};
	struct bh_config cfg = {vms, 3};
	u64 files = sizeof(kernel) + ALIGN_UP(sizeof(initrd), 16) +
		    ALIGN_UP(sizeof(image), 16);

	/* Two Linux VMs sharing one kernel and initrd, one bare-metal VM. */
	for (int v = 0; v < 2; v++) {
		vms[v].kernel.image =
			(struct bh_blob){kernel, kernel + 3 * MiB};
		vms[v].kernel.initrd =
			(struct bh_blob){initrd, initrd + sizeof(initrd)};
	}
	vms[2].image.file = (struct bh_blob){image, image + sizeof(image)};
	CHECK_EQ(hyp_mem_size(&cfg),
		 ALIGN_UP(CONFIG_HYP_OWN_MEM_SIZE + files, 2 * MiB));
	CHECK_EQ(place_one_each(vms, 3, 0),
		 HYP_MEM_BASE +
			 ALIGN_UP(CONFIG_HYP_OWN_MEM_SIZE + files, 2 * MiB));
}

TEST(layout_places_in_config_order)
{
	struct bh_mem_region a = {.ipa = 0x40000000, .size = 8 * MiB};
	struct bh_mem_region b = {.ipa = 0x40000000, .size = 4 * MiB};
	struct bh_vm_config vms[] = {vm_with(&a, 1), vm_with(&b, 1)};

	CHECK_EQ(place_one_each(vms, 2, 0), FREE_BASE);
	CHECK_EQ(place_one_each(vms, 2, 1), FREE_BASE + 8 * MiB);
}

TEST(layout_keeps_fixed_pa)
{
	struct bh_mem_region mem = {
		.ipa = 0, .size = 4 * MiB, .pa = 0x50000000};
	struct bh_vm_config vm = vm_with(&mem, 1);

	CHECK_EQ(place_one_each(&vm, 1, 0), 0x50000000);
}

TEST(layout_aligns_block_sized_regions_to_2mib)
{
	struct bh_mem_region mem[] = {
		{.ipa = 0x40000000, .size = 12 * KiB},
		{.ipa = 0x40200000, .size = 2 * MiB},
	};
	struct bh_config cfg = {(struct bh_vm_config[]){vm_with(mem, 2)}, 1};
	struct vm_layout out;
	size_t fv, fr;

	CHECK_EQ(layout_place(&cfg, &platform, &out, &fv, &fr), 0);
	CHECK_EQ(out.pa[0], FREE_BASE);
	CHECK_EQ(out.pa[1], FREE_BASE + 2 * MiB);
}

TEST(layout_packs_page_aligned_regions)
{
	struct bh_mem_region mem[] = {
		{.ipa = 0x40000000, .size = 12 * KiB},
		{.ipa = 0x40201000,
		 .size = 2 * MiB}, /* IPA not 2 MiB aligned */
		{.ipa = 0x40800000, .size = 3 * MiB}, /* size not either */
	};
	struct bh_config cfg = {(struct bh_vm_config[]){vm_with(mem, 3)}, 1};
	struct vm_layout out;
	size_t fv, fr;

	CHECK_EQ(layout_place(&cfg, &platform, &out, &fv, &fr), 0);
	CHECK_EQ(out.pa[1], FREE_BASE + 12 * KiB);
	CHECK_EQ(out.pa[2], FREE_BASE + 12 * KiB + 2 * MiB);
}

TEST(layout_aligns_gib_regions_to_1gib)
{
	struct platform big = platform;
	struct bh_mem_region mem = {.ipa = 0x40000000, .size = GiB};
	struct bh_config cfg = {(struct bh_vm_config[]){vm_with(&mem, 1)}, 1};
	struct vm_layout out;
	size_t fv, fr;

	big.ram_size = 4 * GiB;
	CHECK_EQ(layout_place(&cfg, &big, &out, &fv, &fr), 0);
	CHECK_EQ(out.pa[0], ALIGN_UP(FREE_BASE, GiB));
}

/* Only a page-aligned gap is left: a block-sized region still fits. */
TEST(layout_falls_back_to_page_alignment)
{
	struct platform small = platform;
	struct bh_mem_region mem[] = {
		{.ipa = 0x40000000, .size = 4 * KiB},
		{.ipa = 0x40200000, .size = 2 * MiB},
	};
	struct bh_config cfg = {(struct bh_vm_config[]){vm_with(mem, 2)}, 1};
	struct vm_layout out;
	size_t fv, fr;

	small.ram_size = HYP_OWN_SIZE + 2 * MiB + 4 * KiB;
	CHECK_EQ(layout_place(&cfg, &small, &out, &fv, &fr), 0);
	CHECK_EQ(out.pa[1], FREE_BASE + 4 * KiB);
}

/* A later VM's fixed region is avoided by an earlier VM's placement. */
TEST(layout_avoids_fixed_regions_of_later_vms)
{
	struct bh_mem_region a = {.ipa = 0x40000000, .size = 2 * MiB};
	struct bh_mem_region b = {
		.ipa = 0x40000000, .size = 2 * MiB, .pa = FREE_BASE};
	struct bh_vm_config vms[] = {vm_with(&a, 1), vm_with(&b, 1)};

	CHECK_EQ(place_one_each(vms, 2, 0), FREE_BASE + 2 * MiB);
}

TEST(layout_fills_gaps_that_fit)
{
	struct bh_mem_region fixed = {
		.ipa = 0, .size = 4 * KiB, .pa = FREE_BASE + 8 * KiB};
	struct bh_mem_region small = {.ipa = 0x1000, .size = 8 * KiB};
	struct bh_mem_region big = {.ipa = 0x1000, .size = 12 * KiB};
	struct bh_vm_config fits[] = {vm_with(&fixed, 1), vm_with(&small, 1)};
	struct bh_vm_config too_big[] = {vm_with(&fixed, 1), vm_with(&big, 1)};

	CHECK_EQ(place_one_each(fits, 2, 1), FREE_BASE);
	CHECK_EQ(place_one_each(too_big, 2, 1), FREE_BASE + 12 * KiB);
}

TEST(layout_is_deterministic)
{
	struct bh_mem_region mem[] = {
		{.ipa = 0x40000000, .size = 6 * MiB},
		{.ipa = 0x40001000, .size = 20 * KiB},
		{.ipa = 0x80000000, .size = 4 * MiB, .pa = 0x60000000},
	};
	struct bh_config cfg = {
		(struct bh_vm_config[]){vm_with(mem, 3), vm_with(mem, 2)}, 2};
	struct vm_layout first[2], second[2];
	size_t fv, fr;

	/* Whatever the output held before must not matter. */
	memset(first, 0xa5, sizeof(first));
	memset(second, 0, sizeof(second));
	CHECK_EQ(layout_place(&cfg, &platform, first, &fv, &fr), 0);
	CHECK_EQ(layout_place(&cfg, &platform, second, &fv, &fr), 0);
	for (size_t v = 0; v < 2; v++)
		for (size_t r = 0; r < cfg.vms[v].mem_count; r++)
			CHECK_EQ(first[v].pa[r], second[v].pa[r]);
}

TEST(layout_reports_region_without_room)
{
	struct bh_mem_region a = {.ipa = 0x40000000, .size = 8 * MiB};
	struct bh_mem_region b[] = {
		{.ipa = 0x40000000, .size = 2 * MiB},
		{.ipa = 0x80000000, .size = 1 * GiB},
	};
	struct bh_config cfg = {
		(struct bh_vm_config[]){vm_with(&a, 1), vm_with(b, 2)}, 2};
	struct vm_layout out[2];
	size_t fv = 9, fr = 9;

	CHECK_EQ(layout_place(&cfg, &platform, out, &fv, &fr), -1);
	CHECK_EQ(fv, 1);
	CHECK_EQ(fr, 1);
	CHECK_EQ(out[0].pa[0], FREE_BASE);
}
