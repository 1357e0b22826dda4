/* SPDX-License-Identifier: MIT */
/* PSCI and SMCCC as a guest sees them: argument checks and vCPU states. */
#include <bulkhead/abi.h>

#include "fake_arch.h"
#include "smccc.h"
#include "test.h"
#include "vm_fixture.h"

#define ENTRY (FIXTURE_RAM_IPA + 0x1000)

static s64 call(struct vcpu *v, u64 fid, u64 a1, u64 a2, u64 a3)
{
	u64 regs[SMCCC_REGS] = {fid, a1, a2, a3};

	smccc_handle(v, regs);
	return (s64)regs[0];
}

TEST(psci_version_and_info)
{
	struct vcpu *v = &fixture_vm(1)->vcpus[0];

	CHECK_EQ(call(v, PSCI_VERSION, 0, 0, 0), PSCI_VERSION_1_1);
	CHECK_EQ(call(v, PSCI_MIGRATE_INFO_TYPE, 0, 0, 0), 2);
	CHECK_EQ(call(v, 0x84000005 /* MIGRATE */, 0, 0, 0), -1);
	CHECK_EQ(call(v, PSCI_FEATURES, PSCI_CPU_ON, 0, 0), 0);
	CHECK_EQ(call(v, PSCI_FEATURES, PSCI_CPU_ON | PSCI_SMC64, 0, 0), 0);
	CHECK_EQ(call(v, PSCI_FEATURES, SMCCC_VERSION, 0, 0), 0);
	CHECK_EQ(call(v, PSCI_FEATURES, 0x84000042, 0, 0), -1);
	/* SYSTEM_OFF has no SMC64 form: not a way to stop the VM. */
	CHECK_EQ(call(v, PSCI_FEATURES, PSCI_SYSTEM_OFF | PSCI_SMC64, 0, 0),
		 -1);
	CHECK_EQ(call(v, PSCI_SYSTEM_OFF | PSCI_SMC64, 0, 0, 0), -1);
	CHECK_EQ(v->vm->state, VM_RUNNING);
}

TEST(psci_cpu_on_checks_its_arguments)
{
	struct vm *vm = fixture_vm(2);
	struct vcpu *v = &vm->vcpus[0];
	u64 on = PSCI_CPU_ON | PSCI_SMC64;

	vm->vcpus[0].state = VCPU_ON;
	CHECK_EQ(call(v, on, 2, ENTRY, 0), PSCI_INVALID_PARAMETERS);
	CHECK_EQ(call(v, on, 0x100, ENTRY, 0), PSCI_INVALID_PARAMETERS);
	CHECK_EQ(call(v, on, 1ULL << 32, ENTRY, 0), PSCI_INVALID_PARAMETERS);
	CHECK_EQ(call(v, on, 0x80000001, ENTRY, 0), PSCI_INVALID_PARAMETERS);
	CHECK_EQ(call(v, on, 1, ENTRY + 2, 0), PSCI_INVALID_ADDRESS);
	CHECK_EQ(call(v, on, 1, FIXTURE_RAM_IPA + FIXTURE_RAM_SIZE, 0),
		 PSCI_INVALID_ADDRESS);
	CHECK_EQ(call(v, on, 1, 0x1000, 0), PSCI_INVALID_ADDRESS);
	CHECK_EQ(call(v, on, 0, ENTRY, 0), PSCI_ALREADY_ON);
	CHECK_EQ(vm->vcpus[1].state, VCPU_OFF);
	CHECK_EQ(fake.ipis, 0);
}

TEST(psci_cpu_on_starts_a_sibling_on_its_own_core)
{
	struct vm *vm = fixture_vm(2);
	struct vcpu *v = &vm->vcpus[0];

	vm->vcpus[0].state = VCPU_ON;
	CHECK_EQ(call(v, PSCI_CPU_ON | PSCI_SMC64, 1, ENTRY, 0x1234), 0);
	CHECK_EQ(vm->vcpus[1].state, VCPU_ON_PENDING);
	CHECK_EQ(vm->vcpus[1].entry, ENTRY);
	CHECK_EQ(vm->vcpus[1].arg, 0x1234);
	CHECK_EQ(fake.ipis, 1ULL << vm->vcpus[1].cpu);
	CHECK_EQ(call(v, PSCI_CPU_ON, 1, ENTRY, 0), PSCI_ON_PENDING);
	CHECK_EQ(call(v, PSCI_AFFINITY_INFO, 1, 0, 0),
		 PSCI_AFFINITY_ON_PENDING);
	vm->vcpus[1].state = VCPU_ON;
	CHECK_EQ(call(v, PSCI_CPU_ON, 1, ENTRY, 0), PSCI_ALREADY_ON);
}

TEST(psci_smc32_ignores_upper_argument_bits)
{
	struct vm *vm = fixture_vm(2);

	vm->vcpus[0].state = VCPU_ON;
	CHECK_EQ(call(&vm->vcpus[0], PSCI_CPU_ON, 0xffffffff00000001ULL,
		      0xabcd000000000000ULL | ENTRY, 0),
		 0);
	CHECK_EQ(vm->vcpus[1].entry, ENTRY);
}

TEST(psci_affinity_info)
{
	struct vm *vm = fixture_vm(2);
	struct vcpu *v = &vm->vcpus[0];

	vm->vcpus[0].state = VCPU_ON;
	CHECK_EQ(call(v, PSCI_AFFINITY_INFO, 0, 0, 0), PSCI_AFFINITY_ON);
	CHECK_EQ(call(v, PSCI_AFFINITY_INFO, 1, 0, 0), PSCI_AFFINITY_OFF);
	CHECK_EQ(call(v, PSCI_AFFINITY_INFO, 7, 0, 0), PSCI_INVALID_PARAMETERS);
	CHECK_EQ(call(v, PSCI_AFFINITY_INFO, 1, 1, 0), PSCI_INVALID_PARAMETERS);
}

TEST(psci_system_off_stops_only_the_vm)
{
	struct vm *vm = fixture_vm(3);
	struct vcpu *v = &vm->vcpus[0];

	vm->vcpus[0].state = VCPU_ON;
	vm->vcpus[1].state = VCPU_ON;
	vm->vcpus[2].state = VCPU_ON_PENDING;
	CHECK(FAKE_NORETURN(call(v, PSCI_SYSTEM_OFF, 0, 0, 0)));
	CHECK_EQ(vm->state, VM_STOPPING);
	CHECK_EQ(vm->vcpus[0].state, VCPU_OFF);
	CHECK(fake.vcpu_parked); /* its virtual CPU interface is off */
	CHECK_EQ(vm->vcpus[1].state, VCPU_ON); /* until its IPI lands */
	CHECK_EQ(vm->vcpus[2].state, VCPU_OFF);
	CHECK(fake.ipis & (1ULL << vm->vcpus[1].cpu));
	CHECK_EQ(fake.system_offs, 0);
	/* The sibling takes its IPI and leaves the guest too. */
	CHECK(FAKE_NORETURN(vcpu_check_requests(&vm->vcpus[1])));
	CHECK_EQ(vm->vcpus[1].state, VCPU_OFF);
	/* A second SYSTEM_OFF while stopping changes nothing. */
	CHECK_EQ(call(v, PSCI_CPU_ON, 1, ENTRY, 0), PSCI_DENIED);
}

TEST(psci_system_reset_and_last_cpu_off)
{
	struct vm *vm = fixture_vm(2);

	vm->vcpus[1].state = VCPU_ON;
	CHECK(FAKE_NORETURN(call(&vm->vcpus[1], PSCI_SYSTEM_RESET, 0, 0, 0)));
	CHECK_EQ(vm->state, VM_RESETTING);

	vm = fixture_vm(2);
	vm->vcpus[0].state = VCPU_ON;
	vm->vcpus[1].state = VCPU_ON;
	CHECK(FAKE_NORETURN(call(&vm->vcpus[1], PSCI_CPU_OFF, 0, 0, 0)));
	CHECK_EQ(vm->state, VM_RUNNING);
	CHECK(FAKE_NORETURN(call(&vm->vcpus[0], PSCI_CPU_OFF, 0, 0, 0)));
	CHECK_EQ(vm->state, VM_STOPPING);
}

/* A sibling's CPU_ON while the vCPU is on its way off (issue 9 §3). */
static struct vm *racing_vm;
static s64 racing_on;

static void sibling_cpu_on(void)
{
	racing_on = call(&racing_vm->vcpus[0], PSCI_CPU_ON | PSCI_SMC64, 1,
			 ENTRY, 0);
}

/*
 * CPU_OFF, and a sibling's CPU_ON landing as the vCPU leaves its guest:
 * the CPU_ON was told SUCCESS, so the vCPU must come back on.
 */
TEST(psci_cpu_on_racing_cpu_off_is_not_lost)
{
	struct vm *vm = racing_vm = fixture_vm(2);

	vm->vcpus[0].state = VCPU_ON;
	vm->vcpus[1].state = VCPU_ON;
	fake.vcpu_park_hook = sibling_cpu_on;
	CHECK(FAKE_NORETURN(call(&vm->vcpus[1], PSCI_CPU_OFF, 0, 0, 0)));
	fake.vcpu_park_hook = NULL;
	CHECK_EQ(racing_on, PSCI_SUCCESS);
	CHECK_EQ(vm->vcpus[1].state, VCPU_ON_PENDING);
	CHECK_EQ(vm->vcpus[1].entry, ENTRY);
}

TEST(smccc_routing)
{
	struct vcpu *v = &fixture_vm(1)->vcpus[0];
	u64 uid[SMCCC_REGS] = {BH_HC_CALL_UID};

	CHECK_EQ(call(v, SMCCC_VERSION, 0, 0, 0), SMCCC_VERSION_1_1);
	CHECK_EQ(call(v, SMCCC_ARCH_FEATURES, SMCCC_VERSION, 0, 0), 0);
	CHECK_EQ(call(v, SMCCC_ARCH_FEATURES, 0x80008000, 0, 0), -1);
	CHECK_EQ(call(v, 0x82000042, 0, 0, 0), -1); /* SiP */
	CHECK_EQ(call(v, 0x860000ab, 0, 0, 0), -1); /* unknown hypercall */
	CHECK_EQ(call(v, 0x04000000, 0, 0, 0), -1); /* yielding call */
	CHECK_EQ(call(v, 0xc4000042, 0, 0, 0), -1); /* unknown PSCI */
	CHECK_EQ(call(v, BH_HC_REVISION, 0, 0, 0), BH_ABI_MAJOR);
	smccc_handle(v, uid);
	CHECK_EQ(uid[0], BH_UID_W0);
	CHECK_EQ(uid[3], BH_UID_W3);
	/* Unknown calls are silent: nothing reaches the console. */
	CHECK_EQ(fake.console_len, 0);
}

/*
 * A call from an AArch32 guest, as its arch makes it: 32-bit registers,
 * zero-extended into regs[], and the low 32 bits of each result back in
 * r0..r3 (out[], when given). Returns r0 as the signed value SMCCC means.
 */
static int32_t call32(struct vcpu *v, u32 fid, u32 r1, u32 r2, u32 r3,
		      u32 out[4])
{
	u64 regs[SMCCC_REGS] = {fid, r1, r2, r3};

	fake.vcpu_aarch32 = true;
	smccc_handle(v, regs);
	fake.vcpu_aarch32 = false;
	for (unsigned i = 0; out && i < 4; i++)
		out[i] = (u32)regs[i];
	return (int32_t)(u32)regs[0];
}

/* SMC32 calls work from AArch32 as from AArch64, results in r0..r3. */
TEST(smccc_aarch32_makes_smc32_calls)
{
	struct vm *vm = fixture_vm(2);
	struct vcpu *v = &vm->vcpus[0];
	u32 uid[4];

	vm->vcpus[0].state = VCPU_ON;
	CHECK_EQ(call32(v, PSCI_VERSION, 0, 0, 0, NULL), PSCI_VERSION_1_1);
	CHECK_EQ(call(v, PSCI_VERSION, 0, 0, 0), PSCI_VERSION_1_1);
	CHECK_EQ(call32(v, SMCCC_VERSION, 0, 0, 0, NULL), SMCCC_VERSION_1_1);
	CHECK_EQ(call32(v, PSCI_FEATURES, PSCI_CPU_ON, 0, 0, NULL), 0);
	CHECK_EQ(call32(v, 0x84000042, 0, 0, 0, NULL), -1);
	call32(v, BH_HC_CALL_UID, 0, 0, 0, uid);
	CHECK_EQ(uid[0], BH_UID_W0);
	CHECK_EQ(uid[1], BH_UID_W1);
	CHECK_EQ(uid[2], BH_UID_W2);
	CHECK_EQ(uid[3], BH_UID_W3);
	CHECK_EQ(call32(v, PSCI_CPU_ON, 1, ENTRY, 0xfedcba98, NULL), 0);
	CHECK_EQ(vm->vcpus[1].entry, ENTRY);
	CHECK_EQ(vm->vcpus[1].arg, 0xfedcba98);
	CHECK_EQ(call32(v, PSCI_AFFINITY_INFO, 1, 0, 0, NULL),
		 PSCI_AFFINITY_ON_PENDING);
}

/* SMCCC gives AArch32 no SMC64 calls: each is NOT_SUPPORTED, has no
 * effect, and PSCI_FEATURES says so (as QEMU's own PSCI does on a
 * Cortex-A15); an AArch64 caller still has them. */
TEST(smccc_aarch32_gets_no_smc64_calls)
{
	struct vm *vm = fixture_vm(2);
	struct vcpu *v = &vm->vcpus[0];
	u32 on64 = PSCI_CPU_ON | PSCI_SMC64;

	vm->vcpus[0].state = VCPU_ON;
	CHECK_EQ(call32(v, on64, 1, ENTRY, 0, NULL), PSCI_NOT_SUPPORTED);
	CHECK_EQ(vm->vcpus[1].state, VCPU_OFF);
	CHECK_EQ(fake.ipis, 0);
	CHECK_EQ(call32(v, PSCI_AFFINITY_INFO | PSCI_SMC64, 0, 0, 0, NULL),
		 PSCI_NOT_SUPPORTED);
	CHECK_EQ(call32(v, PSCI_FEATURES, on64, 0, 0, NULL),
		 PSCI_NOT_SUPPORTED);
	CHECK_EQ(call32(v, BH_HC_CALL_UID | SMCCC_64, 0, 0, 0, NULL),
		 SMCCC_NOT_SUPPORTED);
	/* Last: had it worked, the vCPU would be waiting for an interrupt. */
	CHECK_EQ(call32(v, PSCI_CPU_SUSPEND | PSCI_SMC64, 0, 0, 0, NULL),
		 PSCI_NOT_SUPPORTED);
	CHECK_EQ(call(v, PSCI_FEATURES, on64, 0, 0), 0);
	CHECK_EQ(call(v, PSCI_AFFINITY_INFO | PSCI_SMC64, 1, 0, 0),
		 PSCI_AFFINITY_OFF);
}
