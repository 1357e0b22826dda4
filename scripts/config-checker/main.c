/* SPDX-License-Identifier: MIT */
/*
 * checker <config-name>: validate the system configuration it is linked
 * with (bh_config) against the platform, before the hypervisor image links.
 * Prints the memory map and exits 0, or prints every problem and exits 1.
 */
#include <stdio.h>
#include <stdlib.h>

#include "config_check.h"

typedef unsigned long long ull;

static void report_error(void *ctx, const char *msg)
{
	fprintf(stderr, "error: config '%s': %s\n", (const char *)ctx, msg);
}

static void print_size(u64 size)
{
	if (ALIGNED(size, MiB))
		printf("(%llu MiB)", (ull)(size / MiB));
	else
		printf("(%llu KiB)", (ull)(size / KiB));
}

/* "0 1 3", or "-" for none. */
static void print_ids(const char *label, const uint32_t *ids, size_t n)
{
	printf("  %s", label);
	for (size_t i = 0; i < n; i++)
		printf(" %u", ids[i]);
	if (!n)
		printf(" -");
}

static void print_mapping(const char *what, u64 ipa, u64 pa, u64 size)
{
	printf("      %-14s 0x%09llx -> 0x%09llx ", what, (ull)ipa, (ull)pa);
	print_size(size);
	printf("\n");
}

static void print_vm(size_t v, const struct bh_vm_config *vm,
		     const struct vm_layout *layout)
{
	printf("  VM %zu %-12s", v, vm->name);
	print_ids("cores", vm->cpus, vm->cpu_count);
	print_ids("IRQs", vm->irqs, vm->irq_count);
	printf("\n");
	for (size_t i = 0; i < vm->mem_count; i++)
		print_mapping("RAM", vm->mem[i].ipa, layout->pa[i],
			      vm->mem[i].size);
	for (size_t i = 0; i < vm->dev_count; i++)
		print_mapping(vm->devs[i].name ? vm->devs[i].name : "device",
			      vm->devs[i].ipa, vm->devs[i].pa,
			      vm->devs[i].size);
}

static void print_map(const char *name, const struct vm_layout *layouts)
{
	printf("Config '%s' on %s: %zu VM%s (IPA -> PA)\n", name, platform.name,
	       bh_config.vm_count, bh_config.vm_count == 1 ? "" : "s");
	printf("  hypervisor     RAM 0x%09llx-0x%09llx ", (ull)HYP_MEM_BASE,
	       (ull)(HYP_MEM_BASE + HYP_MEM_SIZE));
	print_size(HYP_MEM_SIZE);
	printf("\n");
	for (size_t v = 0; v < bh_config.vm_count; v++)
		print_vm(v, &bh_config.vms[v], &layouts[v]);
}

int main(int argc, char **argv)
{
	struct vm_layout *layouts;
	int status = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: %s <config-name>\n", argv[0]);
		return 2;
	}
	layouts = calloc(bh_config.vm_count + 1, sizeof(*layouts));
	if (config_check(&bh_config, &platform, layouts, report_error, argv[1]))
		status = 1;
	else
		print_map(argv[1], layouts);
	free(layouts);
	return status;
}
