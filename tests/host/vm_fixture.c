/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "boot_plan.h"
#include "console.h"
#include "fake_arch.h"
#include "platform.h"
#include "vm_fixture.h"

static const uint32_t fixture_cpus[] = {1, 2, 3, 4};
static const struct bh_mem_region fixture_mem[] = {
	{.ipa = FIXTURE_RAM_IPA, .size = FIXTURE_RAM_SIZE},
};
static const uint32_t fixture_irqs[] = {FIXTURE_SPI_A, FIXTURE_SPI_B};
static struct bh_vm_config fixture_cfg;
static struct vm fixture;

struct vm *fixture_vm(unsigned vcpus)
{
	return fixture_vm_gic(vcpus, platform.gic_version == 3);
}

struct vm *fixture_vm_gic(unsigned vcpus, bool gic_v3)
{
	fake_reset();
	fixture_cfg = (struct bh_vm_config){
		.name = "fix",
		.cpus = fixture_cpus,
		.cpu_count = vcpus,
		.mem = fixture_mem,
		.mem_count = 1,
		.irqs = fixture_irqs,
		.irq_count = 2,
	};
	memset(&fixture, 0, sizeof(fixture));
	fixture.cfg = &fixture_cfg;
	fixture.layout.pa[0] = 0x50000000;
	fixture.vcpu_count = vcpus;
	for (unsigned i = 0; i < vcpus; i++)
		fixture.vcpus[i] = (struct vcpu){
			.vm = &fixture, .id = i, .cpu = fixture_cpus[i]};
	vgic_init(&fixture);
	fixture.vgic.v3 = gic_v3;
	vgic_reset(&fixture);
	ratelimit_init(&fixture.log_limit, 3, 1, 0);
	console_init(0);
	console_vm_init(fixture.id, fixture_cfg.name, 1);
	return &fixture;
}
