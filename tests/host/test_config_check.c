/* SPDX-License-Identifier: MIT */
/*
 * The config checker (scripts/config-checker/config_check.c): one test per rejection,
 * each expecting exactly one problem with the given text.
 */
#include <stdio.h>
#include <string.h>

#include "config_check.h"
#include "test.h"
#include "vgic.h"

static const uint8_t image[256];

#define IMAGE_AT(ipa)                                                          \
	((struct bh_image){{image, image + sizeof(image)}, (ipa), (ipa)})

/* A VM that passes every check on its own: 8 MiB at IPA 0x40000000. */
#define GOOD_VM(vm_name, ...)                                                  \
	{                                                                      \
		.name = vm_name, BH_CPUS(__VA_ARGS__),                         \
		BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),               \
		.image = IMAGE_AT(0x40000000)                                  \
	}

#define MEM(ipa_, size_)                                                       \
	((struct bh_mem_region){.ipa = (ipa_), .size = (size_)})
#define MEM_AT(ipa_, size_, pa_)                                               \
	((struct bh_mem_region){.ipa = (ipa_), .size = (size_), .pa = (pa_)})
#define RTC                                                                    \
	((struct bh_dev_region){.name = "rtc",                                 \
				.pa = 0x09010000,                              \
				.ipa = 0x09010000,                             \
				.size = 0x1000})

struct outcome {
	unsigned problems;
	struct vm_layout layouts[72];
	char log[16384];
};

static void collect(void *ctx, const char *msg)
{
	struct outcome *o = ctx;
	size_t used = strlen(o->log);

	snprintf(o->log + used, sizeof(o->log) - used, "  %s\n", msg);
}

static struct outcome *check_on(const struct bh_vm_config *vms, size_t n,
				const struct platform *plat)
{
	static struct outcome o;
	struct bh_config cfg = {vms, n};

	memset(&o, 0, sizeof(o));
	o.problems = config_check(&cfg, plat, o.layouts, collect, &o);
	return &o;
}

static struct outcome *check(const struct bh_vm_config *vms, size_t n)
{
	return check_on(vms, n, &platform);
}

static bool said(const struct outcome *o, const char *text)
{
	return strstr(o->log, text) != NULL;
}

/* Exactly one problem, saying text; show what was said otherwise. */
#define EXPECT_ONE(o, text)                                                    \
	do {                                                                   \
		const struct outcome *o_ = (o);                                \
		if (!CHECK_EQ(o_->problems, 1) | !CHECK(said(o_, text)))       \
			printf("%s", o_->log);                                 \
	} while (0)

/* No problem at all; show what was said otherwise. */
#define EXPECT_NONE(o)                                                         \
	do {                                                                   \
		const struct outcome *o_ = (o);                                \
		if (!CHECK_EQ(o_->problems, 0))                                \
			printf("%s", o_->log);                                 \
	} while (0)

TEST(config_accepts_valid_config)
{
	struct bh_vm_config vms[] = {
		GOOD_VM("alpha", 0, 1),
		GOOD_VM("beta", 2),
	};
	struct outcome *o;
	u64 hyp_end;

	vms[0].devs = (struct bh_dev_region[]){RTC};
	vms[0].dev_count = 1;
	vms[0].irqs = (uint32_t[]){34};
	vms[0].irq_count = 1;
	vms[1].dtb = (struct bh_dtb){{image, image + 16}, 0x40100000};
	o = check(vms, 2);
	if (!CHECK_EQ(o->problems, 0))
		printf("%s", o->log);
	hyp_end = HYP_MEM_BASE + hyp_mem_size(&(struct bh_config){vms, 2});
	CHECK_EQ(o->layouts[0].pa[0], hyp_end);
	CHECK_EQ(o->layouts[1].pa[0], hyp_end + 8 * MiB);
}

TEST(config_rejects_no_vms)
{
	EXPECT_ONE(check(NULL, 0), "no VMs");
}

TEST(config_rejects_more_vms_than_max_vms)
{
	static char names[CONFIG_MAX_VMS + 1][8];
	struct bh_vm_config vms[CONFIG_MAX_VMS + 1];
	struct bh_vm_config good = GOOD_VM("", 0);
	char text[64];
	struct outcome *o;

	good.mem = (struct bh_mem_region[]){MEM(0x40000000, 4 * KiB)};
	for (size_t v = 0; v < ARRAY_SIZE(vms); v++) {
		snprintf(names[v], sizeof(names[v]), "vm%zu", v);
		vms[v] = good;
		vms[v].name = names[v];
	}
	snprintf(text, sizeof(text), "%d VMs, but CONFIG_MAX_VMS is %d",
		 CONFIG_MAX_VMS + 1, CONFIG_MAX_VMS);
	o = check(vms, ARRAY_SIZE(vms));
	/* Sharing core 0 is a problem of its own; only the count matters. */
	if (!CHECK(said(o, text)))
		printf("%s", o->log);
}

TEST(config_rejects_unnamed_vm)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0), GOOD_VM("", 1)};

	EXPECT_ONE(check(vms, 2), "VM 1 has no name");
}

TEST(config_rejects_duplicate_names)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0), GOOD_VM("alpha", 1)};

	EXPECT_ONE(check(vms, 2), "VMs 0 and 1 are both named 'alpha'");
}

TEST(config_rejects_vm_without_vcpus)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};

	vms[0].cpu_count = 0;
	EXPECT_ONE(check(vms, 1), "VM 'alpha' has no vCPUs");
}

TEST(config_rejects_core_beyond_platform)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0, platform.cpu_count)};
	char text[64];

	snprintf(text, sizeof(text), "vCPU 1 is on core %u, which does not",
		 platform.cpu_count);
	EXPECT_ONE(check(vms, 1), text);
}

TEST(config_rejects_core_beyond_max_cpus)
{
	struct platform many = platform;
	struct bh_vm_config vms[] = {GOOD_VM("alpha", CONFIG_MAX_CPUS)};
	char text[64];

	many.cpu_count = CONFIG_MAX_CPUS + 1;
	snprintf(text, sizeof(text), "CONFIG_MAX_CPUS is %d; use cores 0-%d",
		 CONFIG_MAX_CPUS, CONFIG_MAX_CPUS - 1);
	EXPECT_ONE(check_on(vms, 1, &many), text);
}

TEST(config_rejects_core_of_two_vms)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0, 1),
				     GOOD_VM("beta", 1)};

	EXPECT_ONE(check(vms, 2),
		   "VM 'beta': core 1 is already given to VM 'alpha'");
}

TEST(config_rejects_core_listed_twice)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 1, 1)};

	EXPECT_ONE(check(vms, 1), "VM 'alpha': core 1 is listed twice");
}

TEST(config_rejects_vm_without_memory)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};
	struct outcome *o;

	vms[0].mem_count = 0;
	o = check(vms, 1);
	/* Where its image would go is not asked then. */
	CHECK_EQ(o->problems, 1);
	CHECK(said(o, "VM 'alpha' has no memory"));
}

TEST(config_rejects_too_many_memory_regions)
{
	struct bh_mem_region mem[LAYOUT_MAX_VM_REGIONS + 1];
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};

	for (size_t i = 0; i < ARRAY_SIZE(mem); i++)
		mem[i] = MEM(0x40000000 + i * MiB, MiB);
	vms[0].mem = mem;
	vms[0].mem_count = ARRAY_SIZE(mem);
	EXPECT_ONE(check(vms, 1), "VM 'alpha' has 9 memory regions, at most");
}

TEST(config_rejects_empty_region)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};

	vms[0].mem = (struct bh_mem_region[]){MEM(0x40000000, 8 * MiB),
					      MEM(0x50000000, 0)};
	vms[0].mem_count = 2;
	EXPECT_ONE(check(vms, 1),
		   "VM 'alpha': memory IPA 0x50000000-0x50000000 has size 0");
}

TEST(config_rejects_unaligned_memory)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0), GOOD_VM("beta", 1),
				     GOOD_VM("gamma", 2)};
	struct outcome *o;

	vms[0].mem = (struct bh_mem_region[]){MEM(0x40000000, 8 * MiB + 16)};
	vms[1].mem = (struct bh_mem_region[]){
		MEM_AT(0x40000000, 8 * MiB, 0x50000800)};
	vms[2].mem = (struct bh_mem_region[]){MEM(0x3ffff800, 8 * MiB)};
	o = check(vms, 3);
	CHECK_EQ(o->problems, 3);
	CHECK(said(o, "VM 'alpha': memory IPA 0x40000000-0x40800010: size "
		      "0x800010 is not 4 KiB aligned: use a multiple of "
		      "0x1000, e.g. 0x801000"));
	CHECK(said(o, "VM 'beta': memory IPA 0x40000000-0x40800000: pa "
		      "0x50000800 is not 4 KiB aligned"));
	CHECK(said(o, "VM 'gamma': memory IPA 0x3ffff800-0x407ff800: ipa "
		      "0x3ffff800 is not 4 KiB aligned"));
}

TEST(config_rejects_unaligned_device)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};

	vms[0].devs = (struct bh_dev_region[]){{.name = "rtc",
						.pa = 0x09010000,
						.ipa = 0x09010000,
						.size = 0x800}};
	vms[0].dev_count = 1;
	EXPECT_ONE(check(vms, 1), "device 'rtc' IPA 0x9010000-0x9010800: "
				  "size 0x800 is not 4 KiB aligned");
}

TEST(config_rejects_ipa_beyond_39_bits)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};

	vms[0].mem = (struct bh_mem_region[]){MEM(0x40000000, 8 * MiB),
					      MEM(BIT(39) - 4 * KiB, 8 * KiB)};
	vms[0].mem_count = 2;
	EXPECT_ONE(check(vms, 1), "memory IPA 0x7ffffff000-0x8000001000 is "
				  "beyond the 39-bit IPA space");
}

TEST(config_rejects_overlapping_memory_ipas)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};

	vms[0].mem = (struct bh_mem_region[]){MEM(0x40000000, 8 * MiB),
					      MEM(0x40400000, 8 * MiB)};
	vms[0].mem_count = 2;
	EXPECT_ONE(check(vms, 1),
		   "VM 'alpha': memory IPA 0x40400000-0x40c00000 overlaps "
		   "memory IPA 0x40000000-0x40800000: give each region its "
		   "own guest address range");
}

TEST(config_rejects_device_ipa_in_memory)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};

	vms[0].devs = (struct bh_dev_region[]){{.name = "rtc",
						.pa = 0x09010000,
						.ipa = 0x40100000,
						.size = 0x1000}};
	vms[0].dev_count = 1;
	EXPECT_ONE(check(vms, 1), "VM 'alpha': device 'rtc' IPA "
				  "0x40100000-0x40101000 overlaps memory IPA");
}

TEST(config_rejects_overlapping_device_ipas)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};

	vms[0].devs = (struct bh_dev_region[]){RTC,
					       {.name = "gpio",
						.pa = 0x09030000,
						.ipa = 0x09010000,
						.size = 0x1000}};
	vms[0].dev_count = 2;
	EXPECT_ONE(check(vms, 1), "device 'gpio' IPA 0x9010000-0x9011000 "
				  "overlaps device 'rtc' IPA");
}

TEST(config_rejects_memory_outside_ram)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};

	vms[0].mem = (struct bh_mem_region[]){
		MEM_AT(0x40000000, 8 * MiB, 0x30000000)};
	EXPECT_ONE(check(vms, 1), "VM 'alpha': memory 0x30000000-0x30800000 "
				  "is outside RAM 0x40000000-");
}

TEST(config_rejects_memory_in_hypervisor)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};

	vms[0].mem = (struct bh_mem_region[]){
		MEM_AT(0x40000000, 8 * MiB, HYP_MEM_BASE + 4 * MiB)};
	EXPECT_ONE(check(vms, 1), "overlaps the hypervisor's RAM");
}

TEST(config_rejects_memory_of_two_vms_overlapping)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0), GOOD_VM("beta", 1)};

	vms[0].mem = (struct bh_mem_region[]){
		MEM_AT(0x40000000, 8 * MiB, 0x48400000)};
	vms[1].mem = (struct bh_mem_region[]){
		MEM_AT(0x40000000, 8 * MiB, 0x48000000)};
	EXPECT_ONE(check(vms, 2),
		   "VM 'beta': memory 0x48000000-0x48800000 overlaps VM "
		   "'alpha' memory 0x48400000-0x48c00000: give each VM its "
		   "own physical range");
}

TEST(config_rejects_memory_without_free_ram)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0), GOOD_VM("beta", 1)};

	vms[1].mem =
		(struct bh_mem_region[]){MEM(0x40000000, platform.ram_size)};
	EXPECT_ONE(check(vms, 2), "VM 'beta': no free RAM for memory IPA "
				  "0x40000000-0x80000000");
}

TEST(config_rejects_device_outside_windows)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};

	vms[0].devs = (struct bh_dev_region[]){{.name = "gic",
						.pa = 0x08000000,
						.ipa = 0x0c000000,
						.size = 0x10000}};
	vms[0].dev_count = 1;
	EXPECT_ONE(check(vms, 1),
		   "VM 'alpha': device 'gic' 0x8000000-0x8010000 is not "
		   "inside a device window of qemu-aarch64-virt");
	CHECK(said(check(vms, 1), "virtio-mmio 0xa000000-0xa004000"));
}

/* A bus master's DMA bypasses Stage-2: with no IOMMU, no VM gets one. */
TEST(config_rejects_bus_masters)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};

	vms[0].devs = (struct bh_dev_region[]){{.name = "fw_cfg",
						.pa = 0x09020000,
						.ipa = 0x09020000,
						.size = 0x1000}};
	vms[0].dev_count = 1;
	EXPECT_ONE(check(vms, 1),
		   "VM 'alpha': device 'fw_cfg' 0x9020000-0x9021000 covers "
		   "fw_cfg (its DMA interface)");
	/* A window that takes in a virtio-mmio slot among other things. */
	vms[0].devs = (struct bh_dev_region[]){{.name = "virtio",
						.pa = 0x0a003000,
						.ipa = 0x0a003000,
						.size = 0x1000}};
	EXPECT_ONE(check(vms, 1), "covers the virtio-mmio transports");
}

TEST(config_rejects_device_of_two_vms)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0), GOOD_VM("beta", 1)};

	vms[0].devs = (struct bh_dev_region[]){RTC};
	vms[0].dev_count = 1;
	vms[1].devs = vms[0].devs;
	vms[1].dev_count = 1;
	EXPECT_ONE(check(vms, 2), "VM 'beta': device 'rtc' 0x9010000-0x9011000 "
				  "overlaps VM 'alpha' device 'rtc'");
}

TEST(config_rejects_interrupt_of_two_vms)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0), GOOD_VM("beta", 1)};

	vms[0].irqs = (uint32_t[]){34};
	vms[0].irq_count = 1;
	vms[1].irqs = (uint32_t[]){40, 34};
	vms[1].irq_count = 2;
	EXPECT_ONE(check(vms, 2),
		   "VM 'beta': interrupt 34 is already given to VM 'alpha'");
}

TEST(config_rejects_interrupts_other_than_spis)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};
	struct outcome *o;

	vms[0].irqs = (uint32_t[]){31, 32, 1019, 1020};
	vms[0].irq_count = 4;
	o = check(vms, 1);
	CHECK_EQ(o->problems, 2);
	CHECK(said(o, "VM 'alpha': interrupt 31 is not an SPI (32-1019)"));
	CHECK(said(o, "interrupt 1020 is not an SPI"));
}

TEST(config_rejects_the_console_uarts_interrupt)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};

	vms[0].irqs = (uint32_t[]){platform.uart_irq};
	vms[0].irq_count = 1;
	EXPECT_ONE(check(vms, 1), "VM 'alpha': interrupt 33 is the console "
				  "UART's, which the hypervisor keeps");
}

/* QEMU virt's GIC, as a VM sees it, whatever the platform built. */
static struct platform with_gic(unsigned version)
{
	struct platform p = platform;

	p.gic_version = version;
	p.gicd_base = 0x08000000;
	p.gicr_base = version == 3 ? 0x080a0000 : 0;
	p.gicc_base = version == 2 ? 0x08010000 : 0;
	return p;
}

TEST(config_rejects_memory_over_gic_distributor)
{
	struct platform v2 = with_gic(2), v3 = with_gic(3);
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};
	const char *text = "VM 'alpha': memory IPA 0x8000000-0x8010000 "
			   "overlaps the GIC distributor IPA "
			   "0x8000000-0x8010000: the VM's GIC lives there";

	vms[0].mem = (struct bh_mem_region[]){MEM(0x40000000, 8 * MiB),
					      MEM(0x08000000, 64 * KiB)};
	vms[0].mem_count = 2;
	EXPECT_ONE(check_on(vms, 1, &v3), text);
	EXPECT_ONE(check_on(vms, 1, &v2), text);
}

TEST(config_rejects_device_over_gicv3_redistributors)
{
	struct platform v3 = with_gic(3);
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0, 1)};

	/* vCPU 1's redistributor: only a VM with two vCPUs has it. */
	vms[0].devs = (struct bh_dev_region[]){{.name = "rtc",
						.pa = 0x09010000,
						.ipa = 0x080c0000,
						.size = 0x1000}};
	vms[0].dev_count = 1;
	EXPECT_ONE(check_on(vms, 1, &v3),
		   "VM 'alpha': device 'rtc' IPA 0x80c0000-0x80c1000 overlaps "
		   "the GIC redistributors IPA 0x80a0000-0x80e0000");
	vms[0].cpu_count = 1;
	EXPECT_NONE(check_on(vms, 1, &v3));
}

TEST(config_rejects_device_over_gicv2_cpu_interface)
{
	struct platform v2 = with_gic(2), v3 = with_gic(3);
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};

	vms[0].devs = (struct bh_dev_region[]){{.name = "rtc",
						.pa = 0x09010000,
						.ipa = 0x08011000,
						.size = 0x1000}};
	vms[0].dev_count = 1;
	EXPECT_ONE(check_on(vms, 1, &v2),
		   "VM 'alpha': device 'rtc' IPA 0x8011000-0x8012000 overlaps "
		   "the GIC CPU interface IPA 0x8010000-0x8012000");
	/* GICv3 guests use system registers: no CPU interface there. */
	EXPECT_NONE(check_on(vms, 1, &v3));
}

TEST(config_rejects_more_interrupts_than_the_vgic_has)
{
	uint32_t irqs[VGIC_MAX_SPIS + 1];
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};
	char text[64];

	for (size_t i = 0; i < ARRAY_SIZE(irqs); i++)
		irqs[i] = (uint32_t)(platform.uart_irq + 1 + i);
	vms[0].irqs = irqs;
	vms[0].irq_count = ARRAY_SIZE(irqs);
	snprintf(text, sizeof(text), "VM 'alpha' has %d interrupts, at most %d",
		 VGIC_MAX_SPIS + 1, VGIC_MAX_SPIS);
	EXPECT_ONE(check(vms, 1), text);
	vms[0].irq_count = VGIC_MAX_SPIS;
	EXPECT_NONE(check(vms, 1));
}

TEST(config_rejects_missing_image)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};

	vms[0].image.file.end = vms[0].image.file.start;
	EXPECT_ONE(check(vms, 1), "VM 'alpha' has no image");
}

TEST(config_rejects_image_outside_memory)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};

	vms[0].image = IMAGE_AT(0x50000000);
	EXPECT_ONE(check(vms, 1), "VM 'alpha': image load_ipa 0x50000000 is "
				  "not in the VM's memory");
}

TEST(config_rejects_image_larger_than_memory)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};

	vms[0].image = IMAGE_AT(0x40800000 - 16);
	EXPECT_ONE(check(vms, 1),
		   "VM 'alpha': image IPA 0x407ffff0-0x408000f0 (256 bytes) "
		   "does not fit in memory IPA 0x40000000-0x40800000");
}

TEST(config_rejects_entry_outside_image)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};

	vms[0].image.entry = 0x40000000 + sizeof(image);
	EXPECT_ONE(check(vms, 1), "VM 'alpha': entry 0x40000100 is outside "
				  "the image IPA 0x40000000-0x40000100");
}

TEST(config_rejects_dtb_outside_memory)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};

	vms[0].dtb = (struct bh_dtb){{image, image + 16}, 0x30000000};
	EXPECT_ONE(check(vms, 1), "VM 'alpha': DTB load_ipa 0x30000000 is not "
				  "in the VM's memory");
}

TEST(config_rejects_dtb_overlapping_image)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0)};

	vms[0].dtb = (struct bh_dtb){{image, image + 16}, 0x40000080};
	EXPECT_ONE(check(vms, 1),
		   "VM 'alpha': DTB IPA 0x40000080-0x40000090 overlaps image "
		   "IPA 0x40000000-0x40000100: load the DTB outside the image");
}

TEST(config_reports_every_problem)
{
	struct bh_vm_config vms[] = {GOOD_VM("alpha", 0), GOOD_VM("alpha", 0)};
	struct outcome *o;

	vms[1].irqs = (uint32_t[]){7};
	vms[1].irq_count = 1;
	vms[1].image.entry = 0;
	o = check(vms, 2);
	CHECK_EQ(o->problems, 4);
	CHECK(said(o, "both named 'alpha'"));
	CHECK(said(o, "core 0 is already given"));
	CHECK(said(o, "interrupt 7 is not an SPI"));
	CHECK(said(o, "entry 0x0 is outside"));
}
