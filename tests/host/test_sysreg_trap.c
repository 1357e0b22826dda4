/* SPDX-License-Identifier: MIT */
/* Which trapped system instructions Bulkhead emulates, and how. */
#include "cpu.h"
#include "fake_arch.h"
#include "sysreg.h"
#include "test.h"
#include "vm_fixture.h"

/* An EC 0x18 ESR for op0, op1, CRn, CRm, op2, Rt, read or write. */
static u64 esr(unsigned op0, unsigned op1, unsigned crn, unsigned crm,
	       unsigned op2, unsigned rt, bool read)
{
	return ((u64)EC_SYSREG << ESR_EC_SHIFT) | ESR_IL | (u64)op0 << 20 |
	       op2 << 17 | op1 << 14 | crn << 10 | rt << 5 | crm << 1 | read;
}

static struct guest_frame frame(u64 fill)
{
	struct guest_frame f = {0};

	for (int i = 0; i < 31; i++)
		f.x[i] = fill;
	return f;
}

TEST(sysreg_raz_wi_registers)
{
	struct vcpu *v = &fixture_vm(1)->vcpus[0];
	const u64 reads[] = {
		esr(3, 1, 11, 0, 2, 5, true),  /* L2CTLR_EL1 */
		esr(3, 1, 15, 2, 1, 5, true),  /* CPUECTLR_EL1 */
		esr(3, 0, 1, 0, 1, 5, true),   /* ACTLR_EL1 */
		esr(3, 3, 9, 12, 0, 5, true),  /* PMCR_EL0 */
		esr(3, 3, 9, 13, 0, 5, true),  /* PMCCNTR_EL0 */
		esr(3, 3, 14, 15, 7, 5, true), /* PMCCFILTR_EL0 */
		esr(2, 0, 0, 0, 4, 5, true),   /* DBGBVR0_EL1 */
		esr(2, 0, 1, 1, 4, 5, true),   /* OSLSR_EL1 */
	};

	for (size_t i = 0; i < sizeof(reads) / sizeof(reads[0]); i++) {
		struct guest_frame f = frame(0xdead);

		CHECK(handle_sysreg_trap(v, &f, reads[i]));
		CHECK_EQ(f.x[5], 0);
	}
}

TEST(sysreg_writes_are_ignored_and_xzr_is_safe)
{
	struct vcpu *v = &fixture_vm(1)->vcpus[0];
	struct guest_frame f = frame(0x1234);

	CHECK(handle_sysreg_trap(v, &f, esr(3, 3, 9, 12, 0, 7, false)));
	CHECK_EQ(f.x[7], 0x1234);
	f = frame(0x1234);
	CHECK(handle_sysreg_trap(v, &f, esr(3, 1, 11, 0, 2, 31, true)));
	for (int i = 0; i < 31; i++)
		CHECK_EQ(f.x[i], 0x1234);
}

TEST(sysreg_unknown_traps_are_not_emulated)
{
	struct vcpu *v = &fixture_vm(1)->vcpus[0];
	struct guest_frame f = frame(0);

	/* TTBR0_EL1 never traps; if it did, it is not Bulkhead's to fake. */
	CHECK(!handle_sysreg_trap(v, &f, esr(3, 0, 2, 0, 0, 1, false)));
}

TEST(sysreg_sgi1r_goes_to_the_vgic)
{
	struct vm *vm = fixture_vm(2);
	struct guest_frame f = frame(0);

	f.x[2] = 9ULL << 24 | 2; /* SGI 9 to vCPU 1 */
	CHECK(handle_sysreg_trap(&vm->vcpus[0], &f,
				 esr(3, 0, 12, 11, 5, 2, false)));
	CHECK_EQ(fake.ipis, 1ULL << vm->vcpus[1].cpu);
	fake.cpu = vm->vcpus[1].cpu; /* vCPU 1's core takes the IPI */
	vgic_flush(&vm->vcpus[1]);
	CHECK(vm->vcpus[1].vgic.private[9].pending); /* not enabled: waits */
}

TEST(sysreg_set_way_cleans_the_vm_once_per_sweep)
{
	struct vcpu *v = &fixture_vm(1)->vcpus[0];
	struct guest_frame f = frame(0);

	f.x[3] = 0x2; /* level 2, set 0, way 0: a sweep starts */
	CHECK(handle_sysreg_trap(v, &f, esr(1, 0, 7, 14, 2, 3, false)));
	CHECK_EQ(fake.cache_cleans, 1);
	f.x[3] = 0x2 | (5 << 6); /* level 2, set 5 */
	CHECK(handle_sysreg_trap(v, &f, esr(1, 0, 7, 6, 2, 3, false)));
	CHECK(handle_sysreg_trap(v, &f, esr(1, 0, 7, 10, 2, 3, false)));
	CHECK_EQ(fake.cache_cleans, 1);
}
