/* SPDX-License-Identifier: MIT */
/*
 * A VM's boot plan (src/core/vm/boot_plan.c), and what the config checker
 * says of a Linux VM that does not fit.
 */
#include <stdio.h>
#include <string.h>

#include "boot_plan.h"
#include "config_check.h"
#include "test.h"

/* An arm64 Image header: text_offset, image_size, "ARM\x64". */
static uint8_t kernel[4096];
static const uint8_t initrd[3000];

static void make_kernel(uint64_t text_offset, uint64_t image_size)
{
	memset(kernel, 0, sizeof(kernel));
	for (unsigned i = 0; i < 8; i++) {
		kernel[0x08 + i] = (uint8_t)(text_offset >> (8 * i));
		kernel[0x10 + i] = (uint8_t)(image_size >> (8 * i));
	}
	memcpy(kernel + 0x38, "ARM\x64", 4);
}

/* An ARM zImage header: its magic, start and end (the zImage's size). */
static void make_zimage(uint32_t size)
{
	const uint32_t words[] = {0x016f2818, 0, size};

	memset(kernel, 0, sizeof(kernel));
	memcpy(kernel + 0x24, words, sizeof(words)); /* the host is LE */
}

static struct bh_vm_config linux_vm(uint64_t mem_ipa, uint64_t mem_size)
{
	static const uint32_t cpus[] = {1};
	static struct bh_mem_region mem;

	mem = (struct bh_mem_region){.ipa = mem_ipa, .size = mem_size};
	return (struct bh_vm_config){
		.name = "linux",
		.cpus = cpus,
		.cpu_count = 1,
		.mem = &mem,
		.mem_count = 1,
		.kernel = {.image = {kernel, kernel + sizeof(kernel)},
			   .initrd = {initrd, initrd + sizeof(initrd)},
			   .bootargs = "console=ttyAMA0"},
	};
}

static const struct bh_blob no_dtb;

TEST(boot_plan_places_linux_as_the_protocol_asks)
{
	struct bh_vm_config vm = linux_vm(0x40000000, 256 * MiB);
	struct boot_plan p;

	make_kernel(0x80000, 0x2010000);
	CHECK(boot_plan(&vm, no_dtb, &p) == NULL);
	CHECK(p.is_linux);
	/* Kernel: text_offset above the 2 MiB-aligned base of the RAM. */
	CHECK_EQ(p.load[LOAD_IMAGE].ipa, 0x40080000);
	CHECK_EQ(p.load[LOAD_IMAGE].size, 0x2010000);
	CHECK_EQ(p.entry, 0x40080000);
	/* DTB: the next 2 MiB boundary past image_size (bss included). */
	CHECK_EQ(p.load[LOAD_DTB].ipa, 0x42200000);
	CHECK_EQ(p.dtb, 0x42200000);
	/* initrd: the 2 MiB after the DTB's. */
	CHECK_EQ(p.load[LOAD_INITRD].ipa, 0x42400000);
	CHECK_EQ(p.load[LOAD_INITRD].size, sizeof(initrd));
}

TEST(boot_plan_aligns_an_unaligned_ram_base)
{
	struct bh_vm_config vm = linux_vm(0x40100000, 256 * MiB);
	struct boot_plan p;

	make_kernel(0, 0x100000);
	CHECK(boot_plan(&vm, no_dtb, &p) == NULL);
	CHECK_EQ(p.entry, 0x40200000);
}

TEST(boot_plan_refuses_what_is_no_arm64_image_nor_zimage)
{
	struct bh_vm_config vm = linux_vm(0x40000000, 256 * MiB);
	struct boot_plan p;
	const char *why;

	make_kernel(0, 0x100000);
	kernel[0x38] = 'X';
	why = boot_plan(&vm, no_dtb, &p);
	CHECK(why && strstr(why, "neither an arm64 Image"));
}

/* Debian's armmp-lpae zImage (5,546,496 bytes) in 128 MiB at 1 GiB: 32 MiB
 * in, so its kernel decompresses below it; the DTB on the 2 MiB boundary
 * past the decompressor's scratch room (1 MiB), the initrd after it. */
TEST(boot_plan_places_a_zimage_above_its_kernel)
{
	struct bh_vm_config vm = linux_vm(0x40000000, 128 * MiB);
	struct boot_plan p;

	make_zimage(5546496);
	CHECK(boot_plan(&vm, no_dtb, &p) == NULL);
	CHECK(p.is_linux);
	CHECK_EQ(p.load[LOAD_IMAGE].ipa, 0x42000000);
	CHECK_EQ(p.load[LOAD_IMAGE].size, 5546496 + MiB);
	CHECK_EQ(p.entry, 0x42000000);
	CHECK_EQ(p.load[LOAD_DTB].ipa, 0x42800000);
	CHECK_EQ(p.dtb, 0x42800000);
	CHECK_EQ(p.load[LOAD_INITRD].ipa, 0x42a00000);
	/* Any 128 MiB boundary will do. */
	vm = linux_vm(0x48000000, 128 * MiB);
	CHECK(boot_plan(&vm, no_dtb, &p) == NULL);
	CHECK_EQ(p.entry, 0x4a000000);
}

/* AUTO_ZRELADDR decompresses to the 128 MiB boundary below the zImage. */
TEST(boot_plan_refuses_a_zimage_off_a_128_mib_boundary)
{
	struct bh_vm_config vm = linux_vm(0x44000000, 128 * MiB);
	struct boot_plan p;
	const char *why;

	make_zimage(5546496);
	why = boot_plan(&vm, no_dtb, &p);
	CHECK(why && strstr(why, "must start on a 128 MiB boundary"));
	CHECK(why && strstr(why, "move that region's .ipa"));
}

TEST(boot_plan_refuses_a_zimage_beyond_the_first_128_mib)
{
	struct bh_vm_config vm = linux_vm(0x40000000, 256 * MiB);
	struct boot_plan p;
	const char *why;

	make_zimage(95 * MiB); /* with its scratch room: 96 MiB */
	CHECK(boot_plan(&vm, no_dtb, &p) == NULL);
	make_zimage(95 * MiB + 1);
	why = boot_plan(&vm, no_dtb, &p);
	CHECK(why && strstr(why, "too large"));
	make_zimage(0);
	why = boot_plan(&vm, no_dtb, &p);
	CHECK(why && strstr(why, "is the zImage damaged?"));
}

TEST(boot_plan_refuses_an_image_and_a_kernel)
{
	struct bh_vm_config vm = linux_vm(0x40000000, 256 * MiB);
	struct boot_plan p;
	const char *why;

	make_kernel(0, 0x100000);
	vm.image.file = vm.kernel.image;
	why = boot_plan(&vm, no_dtb, &p);
	CHECK(why && strstr(why, "both an .image and a .kernel"));
}

TEST(boot_plan_keeps_bare_metal_as_configured)
{
	struct bh_vm_config vm = linux_vm(0x40000000, 8 * MiB);
	struct bh_blob dtb = {initrd, initrd + 100};
	struct boot_plan p;

	vm.kernel = (struct bh_linux){0};
	vm.image = (struct bh_image){
		{kernel, kernel + sizeof(kernel)}, 0x40000000, 0x40000040};
	vm.dtb.load_ipa = 0x40700000;
	CHECK(boot_plan(&vm, dtb, &p) == NULL);
	CHECK(!p.is_linux);
	CHECK_EQ(p.load[LOAD_IMAGE].ipa, 0x40000000);
	CHECK_EQ(p.entry, 0x40000040);
	CHECK_EQ(p.dtb, 0x40700000);
	CHECK_EQ(p.load[LOAD_INITRD].blob.start, NULL);
}

/* The memory no load writes: what the hypervisor zeroes. */
TEST(boot_plan_gaps_are_the_memory_no_load_writes)
{
	struct bh_vm_config vm = linux_vm(0x40000000, 256 * MiB);
	struct bh_blob dtb = {initrd, initrd + 100};
	struct ipa_range g[BOOT_GAPS_MAX];
	struct boot_plan p;

	/* Linux: below the kernel, its bss, the DTB's and the initrd's
	 * unused room, and the rest of RAM. */
	make_kernel(0x80000, 0x2010000);
	CHECK(boot_plan(&vm, dtb, &p) == NULL);
	CHECK_EQ(boot_plan_gaps(&p, 0x40000000, 256 * MiB, g), 4);
	CHECK_EQ(g[0].ipa, 0x40000000);
	CHECK_EQ(g[0].size, 0x80000);
	CHECK_EQ(g[1].ipa, 0x40080000 + sizeof(kernel));
	CHECK_EQ(g[1].ipa + g[1].size, 0x42200000);
	CHECK_EQ(g[2].ipa, 0x42200000 + 100);
	CHECK_EQ(g[2].ipa + g[2].size, 0x42400000);
	CHECK_EQ(g[3].ipa, 0x42400000 + sizeof(initrd));
	CHECK_EQ(g[3].ipa + g[3].size, 0x50000000);
	/* Another region, with no load in it: all of it. */
	CHECK_EQ(boot_plan_gaps(&p, 0x80000000, MiB, g), 1);
	CHECK_EQ(g[0].ipa, 0x80000000);
	CHECK_EQ(g[0].size, MiB);
	/* A region the loads fill from end to end: nothing. */
	CHECK_EQ(boot_plan_gaps(&p, 0x40080000, sizeof(kernel), g), 0);
}

TEST(boot_plan_gaps_of_bare_metal_in_any_order)
{
	struct bh_vm_config vm = linux_vm(0x40000000, 8 * MiB);
	struct bh_blob dtb = {initrd, initrd + 100};
	struct ipa_range g[BOOT_GAPS_MAX];
	struct boot_plan p;

	/* The DTB below the image, the image up to the end of RAM. */
	vm.kernel = (struct bh_linux){0};
	vm.image = (struct bh_image){{kernel, kernel + sizeof(kernel)},
				     0x40800000 - sizeof(kernel),
				     0x40800000 - sizeof(kernel)};
	vm.dtb.load_ipa = 0x40001000;
	CHECK(boot_plan(&vm, dtb, &p) == NULL);
	CHECK_EQ(boot_plan_gaps(&p, 0x40000000, 8 * MiB, g), 2);
	CHECK_EQ(g[0].ipa, 0x40000000);
	CHECK_EQ(g[0].size, 0x1000);
	CHECK_EQ(g[1].ipa, 0x40001000 + 100);
	CHECK_EQ(g[1].ipa + g[1].size, 0x40800000 - sizeof(kernel));
}

struct said {
	unsigned count;
	char text[1024];
};

static void remember(void *ctx, const char *msg)
{
	struct said *s = ctx;

	s->count++;
	snprintf(s->text, sizeof(s->text), "%s", msg);
}

TEST(config_rejects_a_linux_vm_too_small_for_its_kernel)
{
	struct bh_vm_config vm = linux_vm(0x40000000, 48 * MiB);
	struct bh_config cfg = {&vm, 1};
	struct vm_layout layout[1];
	struct said s = {0};

	make_kernel(0, 0x2010000);
	config_check(&cfg, &platform, layout, remember, &s);
	CHECK_EQ(s.count, 1);
	/* Kernel, DTB and initrd end just past 36 MiB; 32 MiB more to run. */
	CHECK(strstr(s.text, "take the first 37 MiB") != NULL);
	CHECK(strstr(s.text, "make that region at least 69 MiB") != NULL);
}

TEST(config_accepts_a_linux_vm_that_fits)
{
	struct bh_vm_config vm = linux_vm(0x40000000, 128 * MiB);
	struct bh_config cfg = {&vm, 1};
	struct vm_layout layout[1];
	struct said s = {0};

	make_kernel(0, 0x2010000);
	config_check(&cfg, &platform, layout, remember, &s);
	CHECK_EQ(s.count, 0);
}

/* A zImage at 32 MiB, its DTB and initrd end past 42 MiB; 32 MiB more. */
TEST(config_rejects_a_linux_vm_too_small_for_its_zimage)
{
	struct bh_vm_config vm = linux_vm(0x40000000, 64 * MiB);
	struct bh_config cfg = {&vm, 1};
	struct vm_layout layout[1];
	struct said s = {0};

	make_zimage(5546496);
	config_check(&cfg, &platform, layout, remember, &s);
	CHECK_EQ(s.count, 1);
	CHECK(strstr(s.text, "VM 'linux': its kernel (7 MiB in memory)"));
	CHECK(strstr(s.text, "take the first 43 MiB"));
	CHECK(strstr(s.text, "make that region at least 75 MiB") != NULL);
	vm = linux_vm(0x40000000, 75 * MiB);
	s.count = 0;
	config_check(&cfg, &platform, layout, remember, &s);
	CHECK_EQ(s.count, 0);
}
