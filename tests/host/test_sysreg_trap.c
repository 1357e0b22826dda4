/* SPDX-License-Identifier: MIT */
/* Which trapped system instructions Bulkhead emulates, and how. */
#include <string.h>

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

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The value a trapped MRS of this encoding gives Rt (x5). */
static u64 read_reg(struct vcpu *v, unsigned op0, unsigned op1, unsigned crn,
		    unsigned crm, unsigned op2)
{
	struct guest_frame f = frame(0xdead);

	CHECK_EQ(handle_sysreg_trap(v, &f,
				    esr(op0, op1, crn, crm, op2, 5, true)),
		 SYSREG_DONE);
	return f.x[5];
}

static unsigned field(u64 reg, unsigned shift)
{
	return (reg >> shift) & 0xf;
}

TEST(sysreg_raz_wi_registers)
{
	const u64 reads[] = {
		esr(3, 1, 11, 0, 2, 5, true), /* L2CTLR_EL1 */
		esr(3, 1, 15, 2, 1, 5, true), /* CPUECTLR_EL1 */
		esr(3, 0, 1, 0, 1, 5, true),  /* ACTLR_EL1 */
		esr(2, 0, 1, 3, 4, 5, true),  /* OSDLR_EL1 */
		esr(2, 0, 1, 4, 4, 5, true),  /* DBGPRCR_EL1 */
	};

	for (size_t i = 0; i < COUNT(reads); i++) {
		struct vcpu *v = &fixture_vm(1)->vcpus[0];
		struct guest_frame f = frame(0xdead);

		CHECK_EQ(handle_sysreg_trap(v, &f, reads[i]), SYSREG_DONE);
		CHECK_EQ(f.x[5], 0);
	}
}

TEST(sysreg_writes_are_ignored_and_xzr_is_safe)
{
	struct vcpu *v = &fixture_vm(1)->vcpus[0];
	struct guest_frame f = frame(0x1234);

	CHECK_EQ(handle_sysreg_trap(v, &f, esr(3, 0, 1, 0, 1, 7, false)),
		 SYSREG_DONE); /* ACTLR_EL1 */
	CHECK_EQ(f.x[7], 0x1234);
	f = frame(0x1234);
	CHECK_EQ(handle_sysreg_trap(v, &f, esr(3, 1, 11, 0, 2, 31, true)),
		 SYSREG_DONE);
	fake.id_registers[ID_REG_INDEX(4, 0)] = ~0ULL;
	CHECK_EQ(handle_sysreg_trap(v, &f, esr(3, 0, 0, 4, 0, 31, true)),
		 SYSREG_DONE);
	for (int i = 0; i < 31; i++)
		CHECK_EQ(f.x[i], 0x1234);
}

TEST(sysreg_unknown_traps_are_not_emulated)
{
	struct vcpu *v = &fixture_vm(1)->vcpus[0];
	struct guest_frame f = frame(0);

	/* TPIDR_EL1 never traps; if it did, it is not Bulkhead's to fake. */
	CHECK_EQ(handle_sysreg_trap(v, &f, esr(3, 0, 13, 0, 4, 1, false)),
		 SYSREG_UNKNOWN);
	/* Nor do the breakpoint registers (MDCR_EL2.TDA is 0). */
	CHECK_EQ(handle_sysreg_trap(v, &f, esr(2, 0, 0, 0, 4, 1, true)),
		 SYSREG_UNKNOWN);
}

/* A hidden feature's registers are UNDEFINED, read or written, and the
 * guest's registers are left alone. */
TEST(sysreg_hidden_features_are_undefined)
{
	struct vcpu *v = &fixture_vm(1)->vcpus[0];
	const unsigned regs[][5] = {
		{3, 3, 9, 12, 0},  /* PMCR_EL0 */
		{3, 3, 9, 13, 0},  /* PMCCNTR_EL0 */
		{3, 3, 9, 14, 0},  /* PMUSERENR_EL0 */
		{3, 0, 9, 14, 1},  /* PMINTENSET_EL1 */
		{3, 3, 14, 8, 0},  /* PMEVCNTR0_EL0 */
		{3, 3, 14, 15, 7}, /* PMCCFILTR_EL0 */
		{3, 0, 5, 3, 0},   /* ERRIDR_EL1 (RAS) */
		{3, 0, 5, 4, 2},   /* ERXSTATUS_EL1 */
		{3, 3, 13, 2, 0},  /* AMCR_EL0 (activity monitors) */
		{3, 3, 13, 4, 0},  /* AMEVCNTR00_EL0 */
		{3, 0, 9, 9, 7},   /* PMSIDR_EL1 (SPE) */
		{3, 0, 9, 10, 0},  /* PMBLIMITR_EL1 */
		{3, 0, 9, 11, 0},  /* TRBLIMITR_EL1 (trace buffer) */
		{3, 0, 1, 2, 1},   /* TRFCR_EL1 (trace filter) */
		{2, 1, 0, 1, 0},   /* TRCPRGCTLR (trace unit) */
		{3, 0, 1, 0, 6},   /* GCR_EL1 (MTE) */
		{3, 0, 5, 6, 0},   /* TFSR_EL1 */
		{3, 0, 10, 4, 3},  /* LORC_EL1 */
		{3, 3, 13, 0, 7},  /* SCXTNUM_EL0 */
	};

	for (size_t i = 0; i < COUNT(regs); i++) {
		const unsigned *r = regs[i];

		for (int read = 0; read < 2; read++) {
			struct guest_frame f = frame(0x77);

			CHECK_EQ(handle_sysreg_trap(v, &f,
						    esr(r[0], r[1], r[2], r[3],
							r[4], 5, read)),
				 SYSREG_UNDEFINED);
			CHECK_EQ(f.x[5], 0x77);
		}
	}
}

/* On a core with every feature, the guest sees none that traps or that
 * Bulkhead does not give it. */
TEST(sysreg_id_registers_hide_features)
{
	struct vcpu *v = &fixture_vm(1)->vcpus[0];
	u64 r;

	memset(fake.id_registers, 0xff, sizeof(fake.id_registers));
	r = read_reg(v, 3, 0, 0, 4, 0);		  /* ID_AA64PFR0_EL1 */
	CHECK_EQ(field(r, 16), 0xf);		  /* FP: as the hardware */
	CHECK_EQ(field(r, 28), 0);		  /* RAS */
	CHECK_EQ(field(r, 32), 0);		  /* SVE */
	CHECK_EQ(field(r, 40), 0);		  /* MPAM */
	CHECK_EQ(field(r, 44), 0);		  /* AMU */
	CHECK_EQ(field(r, 56), 1);		  /* CSV2: no SCXTNUM */
	r = read_reg(v, 3, 0, 0, 4, 1);		  /* ID_AA64PFR1_EL1 */
	CHECK_EQ(field(r, 8), 0);		  /* MTE */
	CHECK_EQ(field(r, 24), 0);		  /* SME */
	CHECK_EQ(read_reg(v, 3, 0, 0, 4, 4), 0);  /* ID_AA64ZFR0_EL1 (SVE) */
	CHECK_EQ(read_reg(v, 3, 0, 0, 4, 5), 0);  /* ID_AA64SMFR0_EL1 */
	r = read_reg(v, 3, 0, 0, 5, 0);		  /* ID_AA64DFR0_EL1 */
	CHECK_EQ(field(r, 0), 0xf);		  /* DebugVer */
	CHECK_EQ(field(r, 4), 0);		  /* TraceVer */
	CHECK_EQ(field(r, 8), 0);		  /* PMUVer */
	CHECK_EQ(field(r, 12), 0xf);		  /* BRPs */
	CHECK_EQ(field(r, 20), 0xf);		  /* WRPs */
	CHECK_EQ(field(r, 32), 0);		  /* PMSVer (SPE) */
	CHECK_EQ(field(r, 40), 0);		  /* TraceFilt */
	CHECK_EQ(field(r, 44), 0);		  /* TraceBuffer */
	r = read_reg(v, 3, 0, 0, 6, 1);		  /* ID_AA64ISAR1_EL1 */
	CHECK_EQ(r & 0xff000ff0, 0);		  /* APA, API, GPA, GPI */
	CHECK_EQ(field(r, 12), 0xf);		  /* JSCVT */
	r = read_reg(v, 3, 0, 0, 6, 2);		  /* ID_AA64ISAR2_EL1 */
	CHECK_EQ(r & 0xff00, 0);		  /* GPA3, APA3 */
	r = read_reg(v, 3, 0, 0, 7, 0);		  /* ID_AA64MMFR0_EL1 */
	CHECK_EQ(field(r, 56), 0);		  /* FGT */
	r = read_reg(v, 3, 0, 0, 1, 2);		  /* ID_DFR0_EL1 (AArch32) */
	CHECK_EQ(field(r, 24), 0);		  /* PerfMon */
	CHECK_EQ(field(r, 12), 0);		  /* CopTrc */
	CHECK_EQ(field(r, 0), 0xf);		  /* CopDbg */
	r = read_reg(v, 3, 0, 0, 1, 0);		  /* ID_PFR0_EL1 */
	CHECK_EQ(field(r, 20) | field(r, 28), 0); /* AMU, RAS */
	/* Reserved and future ID registers read as zero. */
	CHECK_EQ(read_reg(v, 3, 0, 0, 3, 3), 0);
	CHECK_EQ(read_reg(v, 3, 0, 0, 7, 7), 0);
}

/* A field shown up to a limit is capped, never raised. */
TEST(sysreg_id_register_fields_are_capped)
{
	struct vcpu *v = &fixture_vm(1)->vcpus[0];

	fake.id_registers[ID_REG_INDEX(4, 0)] = 2ULL << 56 | 0x11;
	CHECK_EQ(read_reg(v, 3, 0, 0, 4, 0), 1ULL << 56 | 0x11);
	fake.id_registers[ID_REG_INDEX(4, 0)] = 0;
	CHECK_EQ(read_reg(v, 3, 0, 0, 4, 0), 0);
}

TEST(sysreg_id_register_writes_are_undefined)
{
	struct vcpu *v = &fixture_vm(1)->vcpus[0];
	struct guest_frame f = frame(0);

	CHECK_EQ(handle_sysreg_trap(v, &f, esr(3, 0, 0, 5, 0, 1, false)),
		 SYSREG_UNDEFINED);
}

/* The OS lock is the core's: OSLAR_EL1 sets it, OSLSR_EL1 shows it. */
TEST(sysreg_os_lock_is_the_cores)
{
	struct vcpu *v = &fixture_vm(1)->vcpus[0];
	struct guest_frame f = frame(1);

	CHECK_EQ(handle_sysreg_trap(v, &f, esr(2, 0, 1, 0, 4, 3, false)),
		 SYSREG_DONE);
	CHECK(fake.os_lock);
	CHECK(read_reg(v, 2, 0, 1, 1, 4) & OSLSR_OSLK);
	f.x[3] = 0;
	CHECK_EQ(handle_sysreg_trap(v, &f, esr(2, 0, 1, 0, 4, 3, false)),
		 SYSREG_DONE);
	CHECK(!fake.os_lock);
	CHECK(!(read_reg(v, 2, 0, 1, 1, 4) & OSLSR_OSLK));
	/* OSLAR_EL1 is write-only, OSLSR_EL1 read-only. */
	CHECK_EQ(handle_sysreg_trap(v, &f, esr(2, 0, 1, 0, 4, 3, true)),
		 SYSREG_UNDEFINED);
	CHECK_EQ(handle_sysreg_trap(v, &f, esr(2, 0, 1, 1, 4, 3, false)),
		 SYSREG_UNDEFINED);
	/* MDRAR_EL1: no debug ROM address (Valid = 0). */
	CHECK_EQ(read_reg(v, 2, 0, 1, 0, 0), 0);
}

TEST(sysreg_sgi1r_goes_to_the_vgic)
{
	struct vm *vm = fixture_vm(2);
	struct guest_frame f = frame(0);

	f.x[2] = 9ULL << 24 | 2; /* SGI 9 to vCPU 1 */
	CHECK_EQ(handle_sysreg_trap(&vm->vcpus[0], &f,
				    esr(3, 0, 12, 11, 5, 2, false)),
		 SYSREG_DONE);
	CHECK_EQ(fake.ipis, 1ULL << vm->vcpus[1].cpu);
	fake.cpu = vm->vcpus[1].cpu; /* vCPU 1's core takes the IPI */
	vgic_flush(&vm->vcpus[1]);
	CHECK(vm->vcpus[1].vgic.private[9].pending); /* not enabled: waits */
}

#define SCTLR_MMU_CACHES_ON 0x5 /* M and C */
/* arch_clean_dcache_range calls per clean of the fixture VM: 2 MiB each. */
#define CLEAN_STEPS	    (FIXTURE_RAM_SIZE / (2 * MiB))

/* A set/way operation or an SCTLR_EL1 write through the trap; Rt = x3. */
static enum sysreg_result set_way_op(struct vcpu *v, unsigned crm, u64 set)
{
	struct guest_frame f = frame(set);

	return handle_sysreg_trap(v, &f, esr(1, 0, 7, crm, 2, 3, false));
}

static enum sysreg_result write_sctlr(struct vcpu *v, u64 value)
{
	struct guest_frame f = frame(value);

	return handle_sysreg_trap(v, &f, esr(3, 0, 1, 0, 0, 3, false));
}

/* KVM's way: the first set/way operation cleans the VM and traps the MMU
 * registers; the others do nothing until the caches go on or off, which
 * cleans again; with them on, the registers stop trapping. */
TEST(sysreg_set_way_cleans_at_the_first_and_at_cache_transitions)
{
	struct vcpu *v = &fixture_vm(1)->vcpus[0];

	CHECK_EQ(set_way_op(v, 14, 0x2), SYSREG_DONE); /* DC CISW */
	CHECK_EQ(fake.cache_cleans, 1 * CLEAN_STEPS);
	CHECK(fake.vm_regs_trapped);
	for (u64 set = 1; set < 100; set++) {
		CHECK_EQ(set_way_op(v, 6, set << 6 | 0x2), SYSREG_DONE);
		CHECK_EQ(set_way_op(v, 10, set << 6), SYSREG_DONE);
	}
	CHECK_EQ(fake.cache_cleans, 1 * CLEAN_STEPS);
	CHECK_EQ(write_sctlr(v, SCTLR_MMU_CACHES_ON), SYSREG_DONE);
	CHECK_EQ(fake.sctlr_el1, SCTLR_MMU_CACHES_ON);
	CHECK_EQ(fake.cache_cleans, 2 * CLEAN_STEPS);
	CHECK(!fake.vm_regs_trapped);
	/* With caches on, the next operation starts again. */
	CHECK_EQ(set_way_op(v, 14, 0), SYSREG_DONE);
	CHECK_EQ(fake.cache_cleans, 3 * CLEAN_STEPS);
	CHECK(fake.vm_regs_trapped);
	/* Turning them off: a clean, and the registers still trap; a write
	 * that changes neither M nor C: no clean. */
	CHECK_EQ(write_sctlr(v, 0), SYSREG_DONE);
	CHECK_EQ(fake.cache_cleans, 4 * CLEAN_STEPS);
	CHECK(fake.vm_regs_trapped);
	CHECK_EQ(write_sctlr(v, 1UL << 12), SYSREG_DONE);
	CHECK_EQ(fake.cache_cleans, 4 * CLEAN_STEPS);
	CHECK_EQ(write_sctlr(v, SCTLR_MMU_CACHES_ON), SYSREG_DONE);
	CHECK_EQ(fake.cache_cleans, 5 * CLEAN_STEPS);
	CHECK(!fake.vm_regs_trapped);
}

/* The other trapped MMU registers are written as they are; reads of them
 * never trap (no TRVM), so a read here is not emulated. */
TEST(sysreg_trapped_mmu_registers_are_written_through)
{
	struct vcpu *v = &fixture_vm(1)->vcpus[0];
	struct guest_frame f = frame(0x40123000);

	CHECK_EQ(handle_sysreg_trap(v, &f, esr(3, 0, 2, 0, 1, 7, false)),
		 SYSREG_DONE); /* TTBR1_EL1 */
	CHECK_EQ(fake.vm_register_writes, 1);
	CHECK_EQ(fake.vm_register_last, 0x40123000);
	CHECK_EQ(handle_sysreg_trap(v, &f, esr(3, 0, 13, 0, 1, 7, false)),
		 SYSREG_DONE); /* CONTEXTIDR_EL1 */
	CHECK_EQ(fake.vm_register_writes, 2);
	CHECK(handle_sysreg_trap(v, &f, esr(3, 0, 2, 0, 1, 7, true)) !=
	      SYSREG_DONE);
	CHECK_EQ(fake.cache_cleans, 0);
}
