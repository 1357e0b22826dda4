/* SPDX-License-Identifier: MIT */
/* Loading a VM's memory (vm_boot) and the VM_LOADING state around it. */
#include <stdlib.h>
#include <string.h>

#include <bulkhead/abi.h>

#include "arch.h"
#include "fake_arch.h"
#include "smccc.h"
#include "test.h"
#include "vm_fixture.h"

#define IMAGE_OFF 0x1000
#define DTB_OFF	  0x700000

static const u8 image[3000] = {1, 2, 3};
static const u8 dtb[100] = {0xd0};

/* The fixture VM with its RAM in host memory full of 0xa5 (what an earlier
 * run left), an image and a DTB to load. */
static struct vm *vm_with_ram(u8 **ram)
{
	struct vm *vm = fixture_vm(2);

	*ram = malloc(FIXTURE_RAM_SIZE);
	memset(*ram, 0xa5, FIXTURE_RAM_SIZE);
	vm->layout.pa[0] = (u64)(uintptr_t)*ram;
	vm->boot.load[LOAD_IMAGE] = (struct boot_load){
		{image, image + sizeof(image)}, FIXTURE_RAM_IPA + IMAGE_OFF, 0};
	vm->boot.load[LOAD_DTB] = (struct boot_load){
		{dtb, dtb + sizeof(dtb)}, FIXTURE_RAM_IPA + DTB_OFF, 0};
	vm->boot.entry = FIXTURE_RAM_IPA + IMAGE_OFF;
	vm->state = VM_LOADING;
	return vm;
}

static bool all_zero(const u8 *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (p[i])
			return false;
	return true;
}

TEST(vm_boot_zeroes_what_no_image_writes)
{
	u8 *ram;
	struct vm *vm = vm_with_ram(&ram);

	vm_boot(vm);
	CHECK(memcmp(ram + IMAGE_OFF, image, sizeof(image)) == 0);
	CHECK(memcmp(ram + DTB_OFF, dtb, sizeof(dtb)) == 0);
	CHECK(all_zero(ram, IMAGE_OFF));
	CHECK(all_zero(ram + IMAGE_OFF + sizeof(image),
		       DTB_OFF - IMAGE_OFF - sizeof(image)));
	CHECK(all_zero(ram + DTB_OFF + sizeof(dtb),
		       FIXTURE_RAM_SIZE - DTB_OFF - sizeof(dtb)));
	/* Each byte once: zeroed or copied, not both. */
	CHECK_EQ(fake.zeroed, FIXTURE_RAM_SIZE - sizeof(image) - sizeof(dtb));
	CHECK_EQ(fake.cache_cleans, 2); /* the two copies */
	CHECK_EQ(vm->vcpus[0].state, VCPU_ON_PENDING);
	CHECK_EQ(vm->vcpus[0].entry, FIXTURE_RAM_IPA + IMAGE_OFF);
	CHECK_EQ(vm->vcpus[1].state, VCPU_OFF);
	free(ram);
}

/* While its vCPU 0's core loads it, a VM starts no vCPU, and a restart
 * request only wakes that core (it is starting afresh already, but may be
 * waiting out a reset storm's back-off, which the operator ends). */
TEST(a_loading_vm_starts_nothing)
{
	u8 *ram;
	struct vm *vm = vm_with_ram(&ram);
	u64 regs[SMCCC_REGS] = {PSCI_CPU_ON | PSCI_SMC64, 1,
				FIXTURE_RAM_IPA + IMAGE_OFF, 0};

	vm->vcpus[0].state = VCPU_ON; /* as if it ran, to make the call */
	smccc_handle(&vm->vcpus[0], regs);
	CHECK_EQ((s64)regs[0], PSCI_DENIED);
	CHECK_EQ(vm->vcpus[1].state, VCPU_OFF);
	vm_request_restart(vm);
	CHECK_EQ(vm->state, VM_LOADING);
	CHECK_EQ(fake.ipis, 1u << vm->vcpus[0].cpu);
	free(ram);
}

/* EL2 maps the VM's RAM to load or clean it, and only meanwhile. */
TEST(vm_ram_is_mapped_at_el2_only_to_load_or_clean_it)
{
	u8 *ram;
	struct vm *vm = vm_with_ram(&ram);

	vm_boot(vm);
	CHECK_EQ(fake.map_calls, 1);
	CHECK_EQ(fake.unmapped_accesses, 0);
	CHECK_EQ(fake.mapped_count, 0);
	vm->state = VM_RUNNING; /* as once it is loaded */
	vm_clean_dcache(&vm->vcpus[0]);
	CHECK_EQ(fake.map_calls, 2);
	CHECK_EQ(fake.unmapped_accesses, 0);
	CHECK_EQ(fake.mapped_count, 0);
	free(ram);
}

/* Two of its vCPUs clean at once: the window stays until both are done. */
TEST(vm_ram_window_is_shared_by_its_users)
{
	u8 *ram;
	struct vm *vm = vm_with_ram(&ram);

	/* Another vCPU is in the middle of a clean: the RAM is mapped. */
	vm->ram_users = 1;
	arch_map_vm_ram(pa_of(vm->layout.pa[0]), FIXTURE_RAM_SIZE);
	vm->state = VM_RUNNING;
	vm_clean_dcache(&vm->vcpus[0]);
	CHECK_EQ(fake.map_calls, 1);	/* not mapped again */
	CHECK_EQ(fake.mapped_count, 1); /* nor unmapped under the other */
	CHECK_EQ(fake.unmapped_accesses, 0);
	free(ram);
}

/* A clean goes 2 MiB at a time and serves the core's interrupts between
 * steps: one that came for another VM's use (the hypervisor's console)
 * waits a step, not the whole VM. A stop that came meanwhile parks the
 * vCPU once the RAM is unmapped again. */
TEST(vm_clean_serves_interrupts_between_steps)
{
	u8 *ram;
	struct vm *vm = vm_with_ram(&ram);

	vm->state = VM_RUNNING;
	fake.acks[fake.ack_count++] = GIC_HYP_IPI;
	vm_clean_dcache(&vm->vcpus[0]);
	CHECK_EQ(fake.cache_cleans, FIXTURE_RAM_SIZE / (2 * MiB));
	CHECK_EQ(fake.deactivated, 1); /* after the first step */
	vm->state = VM_STOPPING;
	fake.cache_cleans = 0;
	CHECK(FAKE_NORETURN(vm_clean_dcache(&vm->vcpus[0])));
	CHECK_EQ(fake.left, FAKE_PARKED);
	CHECK_EQ(fake.cache_cleans, FIXTURE_RAM_SIZE / (2 * MiB));
	CHECK_EQ(fake.mapped_count, 0);
	free(ram);
}
