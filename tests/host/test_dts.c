/* SPDX-License-Identifier: MIT */
/*
 * The device tree the build generates for a Linux VM (dts.c): what it
 * calls the cores and their timer comes from the platform, so an ARMv7
 * board's VMs see Cortex-A15 cores and an ARMv7 timer.
 */
#define _GNU_SOURCE /* open_memstream */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dts.h"
#include "test.h"

static unsigned occurrences(const char *text, const char *what)
{
	unsigned n = 0;

	for (const char *p = strstr(text, what); p; p = strstr(p + 1, what))
		n++;
	return n;
}

/* The tree of a two-vCPU VM with 64 MiB and no kernel, on `plat`. */
static char *tree_on(const struct platform *plat)
{
	static const uint32_t cpus[] = {1, 2};
	static const struct bh_mem_region mem = {.ipa = 0x40000000,
						 .size = 64 * MiB};
	const struct bh_vm_config vm = {.name = "linux",
					.cpus = cpus,
					.cpu_count = 2,
					.mem = &mem,
					.mem_count = 1};
	const struct boot_plan plan = {0};
	char *text = NULL;
	size_t len;
	FILE *f = open_memstream(&text, &len);

	dts_print_vm(f, &vm, plat, &plan);
	fclose(f);
	return text;
}

TEST(dts_names_cores_and_timer_as_the_platform_does)
{
	struct platform armv7 = platform;
	char *text;

	text = tree_on(&platform);
	CHECK_EQ(occurrences(text, "compatible = \"arm,armv8\";"), 2);
	CHECK_EQ(occurrences(text, "compatible = \"arm,armv8-timer\";"), 1);
	free(text);

	armv7.dt_cpu_compatible = "arm,cortex-a15";
	armv7.dt_timer_compatible = "arm,armv7-timer";
	text = tree_on(&armv7);
	CHECK_EQ(occurrences(text, "compatible = \"arm,cortex-a15\";"), 2);
	CHECK_EQ(occurrences(text, "compatible = \"arm,armv7-timer\";"), 1);
	CHECK_EQ(occurrences(text, "armv8"), 0);
	free(text);
}
