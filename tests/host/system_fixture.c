/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "console.h"
#include "irq.h"
#include "page_pool.h"
#include "smccc.h"
#include "system_fixture.h"

static const u8 alpha_image[3000] = {0xa1};
static const u8 alpha_dtb[200] = {0xd0, 0x0d};
static const u8 beta_image[100] = {0xb1};

static const struct bh_vm_config vms[] = {
	{
		.name = "alpha",
		BH_CPUS(1, 2),
		BH_MEMORY({.ipa = ALPHA_RAM_IPA, .size = SYSTEM_RAM_SIZE}),
		BH_DEVICES({.name = "rtc",
			    .pa = 0x09010000,
			    .ipa = 0x09010000,
			    .size = 0x1000}),
		BH_IRQS(ALPHA_SPI),
		.image = {.file = {alpha_image,
				   alpha_image + sizeof(alpha_image)},
			  .load_ipa = ALPHA_ENTRY,
			  .entry = ALPHA_ENTRY},
		.dtb = {.file = {alpha_dtb, alpha_dtb + sizeof(alpha_dtb)},
			.load_ipa = ALPHA_DTB_IPA},
		.console = {.ipa = ALPHA_CONSOLE_IPA, .irq = ALPHA_CONSOLE_SPI},
	},
	{
		.name = "beta",
		BH_CPUS(3),
		BH_MEMORY({.ipa = BETA_ENTRY, .size = SYSTEM_RAM_SIZE}),
		.image = {.file = {beta_image, beta_image + sizeof(beta_image)},
			  .load_ipa = BETA_ENTRY,
			  .entry = BETA_ENTRY},
	},
};

/* vm.c and vcpu.c read the global config; tests of one VM (vm_fixture.c)
 * only its VM count: two, so one VM stopping does not power off. */
const struct bh_config bh_config = {vms, ARRAY_SIZE(vms)};
/* The build's generated device trees, which vm.c reads: none here. */
const struct bh_blob bh_generated_dtbs[CONFIG_MAX_VMS];

static u8 ram[ARRAY_SIZE(vms)][SYSTEM_RAM_SIZE] __attribute__((aligned(4096)));
static u8 pool_pages[64][PAGE_SIZE] __attribute__((aligned(4096)));

u8 *system_ram(unsigned vm)
{
	return ram[vm];
}

void system_init(void)
{
	static struct page_pool pool;

	/* vcpu.c counts stopped VMs for the life of the process: a VM an
	 * earlier test left stopped leaves that count first. */
	for (unsigned i = 0; i < vm_count(); i++)
		if (vm_get(i)->state == VM_STOPPED)
			vm_request_restart(vm_get(i));
	fake_reset();
	console_init(0);
	page_pool_init(&pool, pool_pages, ARRAY_SIZE(pool_pages));
	vms_init(&pool);
	for (unsigned i = 0; i < vm_count(); i++) {
		memset(ram[i], 0xa5, sizeof(ram[i]));
		/* Loads go here; Stage-2 keeps the platform address. */
		vm_get(i)->layout.pa[0] = (u64)(uintptr_t)ram[i];
	}
}

void system_boot(void)
{
	system_init();
	for (unsigned i = 0; i < vm_count(); i++)
		run_core(vm_get(i)->vcpus[0].cpu);
	console_clear();
	fake.ipis = 0;
	fake.entered = NULL;
}

enum fake_exit run_core(unsigned cpu)
{
	fake.cpu = cpu;
	fake.left = FAKE_NOT_LEFT;
	FAKE_NORETURN(cpu_idle_loop());
	return fake.left;
}

s64 guest_call(struct vcpu *v, u64 fid, u64 a1, u64 a2, u64 a3)
{
	u64 regs[SMCCC_REGS] = {fid, a1, a2, a3};

	fake.cpu = v->cpu;
	fake.left = FAKE_NOT_LEFT;
	FAKE_NORETURN(smccc_handle(v, regs));
	return (s64)regs[0];
}

enum fake_exit guest_takes_ipi(struct vcpu *v)
{
	fake.cpu = v->cpu;
	fake.left = FAKE_NOT_LEFT;
	FAKE_NORETURN(irq_from_guest(v, GIC_HYP_IPI));
	return fake.left;
}

const char *console_text(void)
{
	static char text[sizeof(fake.console)];
	size_t n = 0;

	console_drain();
	for (const char *p = fake.console; *p; p++)
		if (*p != '\r')
			text[n++] = *p;
	text[n] = '\0';
	return text;
}

bool logged(const char *what)
{
	return strstr(console_text(), what) != NULL;
}

void console_clear(void)
{
	console_drain();
	fake.console_len = 0;
	fake.console[0] = '\0';
}
