/* SPDX-License-Identifier: MIT */
/* Which trapped coprocessor accesses an ARMv7 guest gets emulated, how. */
#include <string.h>

#include "fake_guest_state.h"
#include "psr.h"
#include "syndrome.h"
#include "sysreg.h"
#include "sysreg_trap.h"
#include "test.h"
#include "vm.h"

#define HSR_CV		 (1u << 24)
#define COND_AL		 0xe
#define COND_EQ		 0x0
#define RT		 5
#define RT2		 6
#define ID_REG(crm, op2) CP15_ISS32(0, 0, crm, op2)
#define OFFSET		 0x1000000ull

static struct vm vm = {.counter_offset = OFFSET};
static struct vcpu vcpu = {.vm = &vm};

/* An MCR/MRC syndrome of class `ec` for `reg` (its ISS), Rt, with COND. */
static u32 cp_hsr(unsigned ec, u32 reg, unsigned rt, bool read, unsigned cond)
{
	return (u32)ec << ESR_EC_SHIFT | ESR_IL | HSR_CV | cond << 20 | reg |
	       rt << 5 | read;
}

static u32 mrc(u32 reg, unsigned rt)
{
	return cp_hsr(EC_CP15_32, reg, rt, true, COND_AL);
}

static u32 mcr(u32 reg, unsigned rt)
{
	return cp_hsr(EC_CP15_32, reg, rt, false, COND_AL);
}

/* MCRR/MRRC of `reg64` (its ISS: Opc1, CRm), Rt2 in ISS[13:10]. */
static u32 mcrr_hsr(unsigned ec, u32 reg64, bool read)
{
	return (u32)ec << ESR_EC_SHIFT | ESR_IL | HSR_CV | COND_AL << 20 |
	       reg64 | RT2 << 10 | RT << 5 | read;
}

static struct guest_frame frame(u32 fill)
{
	struct guest_frame f = {.lr_usr = fill};

	for (int i = 0; i < 13; i++)
		f.r[i] = fill;
	return f;
}

static void reset(void)
{
	fake_guest_reset();
	fake_guest.cpsr = MODE_SVC;
	memset(&vcpu.exits, 0, sizeof(vcpu.exits));
}

/* The value a trapped MRC of `reg` gives r5. */
static u32 read_reg(u32 reg)
{
	struct guest_frame f = frame(0xdead);

	CHECK_EQ(handle_sysreg_trap(&vcpu, &f, mrc(reg, RT)), SYSREG_DONE);
	return f.r[RT];
}

static unsigned field(u32 reg, unsigned shift)
{
	return reg >> shift & 0xf;
}

/* On a core with every feature the guest sees none that traps. */
TEST(v7_sysreg_id_registers_hide_features)
{
	u32 r;

	reset();
	fake_cp_set(FAKE_CP15, CP15_ISS(ID_PFR0), 0xffffffff);
	fake_cp_set(FAKE_CP15, CP15_ISS(ID_PFR1), 0xffffffff);
	fake_cp_set(FAKE_CP15, CP15_ISS(ID_DFR0), 0xffffffff);
	fake_cp_set(FAKE_CP15, ID_REG(2, 0), 0x02101110);
	r = read_reg(CP15_ISS(ID_PFR1));
	CHECK_EQ(field(r, 12), 0);   /* Virtualization */
	CHECK_EQ(field(r, 4), 0xf);  /* Security: as the hardware */
	CHECK_EQ(field(r, 16), 0xf); /* GenTimer */
	r = read_reg(CP15_ISS(ID_DFR0));
	CHECK_EQ(field(r, 24), 0);  /* PerfMon */
	CHECK_EQ(field(r, 12), 0);  /* CopTrc */
	CHECK_EQ(field(r, 16), 0);  /* MMapTrc */
	CHECK_EQ(field(r, 0), 0xf); /* CopDbg */
	r = read_reg(CP15_ISS(ID_PFR0));
	CHECK_EQ(field(r, 12), 0xf); /* ThumbEE: the guest's */
	CHECK_EQ(field(r, 8), 0xf);  /* Jazelle (trivial) */
	CHECK_EQ(read_reg(ID_REG(2, 0)), 0x02101110);
	/* ID_AFR0, and the reserved encodings, read 0 without a look at
	 * the hardware. */
	CHECK_EQ(read_reg(ID_REG(1, 3)), 0);
	CHECK_EQ(read_reg(ID_REG(3, 0)), 0);
	CHECK_EQ(read_reg(ID_REG(7, 7)), 0);
	CHECK(!fake_guest.unknown_read);
	CHECK_EQ(vcpu.exits.count[EXIT_SYSREG], 7);
}

TEST(v7_sysreg_id_register_writes_are_undefined)
{
	struct guest_frame f = frame(0);

	reset();
	CHECK_EQ(handle_sysreg_trap(&vcpu, &f, mcr(CP15_ISS(ID_PFR0), 1)),
		 SYSREG_UNDEFINED);
	CHECK_EQ(fake_guest.cp_writes, 0);
}

/* The VFP ID registers, read with VMRS (EC 0x08, CRn = the register). */
TEST(v7_sysreg_vmrs_of_mvfr)
{
	struct guest_frame f = frame(0);

	reset();
	fake_cp_set(FAKE_VFP, 7, 0x10110222);
	CHECK_EQ(handle_sysreg_trap(&vcpu, &f,
				    cp_hsr(EC_CP10_ID, CP15_ISS32(7, 7, 0, 0),
					   2, true, COND_AL)),
		 SYSREG_DONE);
	CHECK_EQ(f.r[2], 0x10110222);
	/* FPSID is not an ID register TID3 traps. */
	CHECK_EQ(handle_sysreg_trap(&vcpu, &f,
				    cp_hsr(EC_CP10_ID, CP15_ISS32(7, 0, 0, 0),
					   2, true, COND_AL)),
		 SYSREG_UNKNOWN);
}

/* The PMU is hidden: every register UNDEFINED, read or written, and the
 * guest's registers untouched. */
TEST(v7_sysreg_pmu_is_undefined)
{
	const u32 regs[] = {
		CP15_ISS32(0, 9, 12, 0),  /* PMCR */
		CP15_ISS32(0, 9, 13, 0),  /* PMCCNTR */
		CP15_ISS32(0, 9, 14, 0),  /* PMUSERENR */
		CP15_ISS32(0, 9, 14, 1),  /* PMINTENSET */
		CP15_ISS32(0, 14, 8, 0),  /* PMEVCNTR0 */
		CP15_ISS32(0, 14, 15, 7), /* PMCCFILTR */
	};

	reset();
	for (size_t i = 0; i < ARRAY_SIZE(regs); i++) {
		for (int read = 0; read < 2; read++) {
			struct guest_frame f = frame(0x77);

			CHECK_EQ(handle_sysreg_trap(&vcpu, &f,
						    cp_hsr(EC_CP15_32, regs[i],
							   RT, read, COND_AL)),
				 SYSREG_UNDEFINED);
			CHECK_EQ(f.r[RT], 0x77);
		}
	}
	CHECK_EQ(fake_guest.cp_reads + fake_guest.cp_writes, 0);
}

/* ACTLR and IMPLEMENTATION DEFINED registers: RAZ/WI. */
TEST(v7_sysreg_actlr_and_impdef_raz_wi)
{
	const u32 regs[] = {
		CP15_ISS32(0, 1, 0, 1), /* ACTLR */
		CP15_ISS32(1, 9, 0,
			   2), /* L2CTLR (Cortex-A15): the core count */
		CP15_ISS32(0, 11, 0, 0), /* DMA space */
		CP15_ISS32(4, 15, 0, 0), /* CBAR */
	};
	struct guest_frame f = frame(0x1234);

	reset();
	for (size_t i = 0; i < ARRAY_SIZE(regs); i++) {
		CHECK_EQ(read_reg(regs[i]), 0);
		CHECK_EQ(handle_sysreg_trap(&vcpu, &f, mcr(regs[i], 3)),
			 SYSREG_DONE);
		CHECK_EQ(f.r[3], 0x1234);
	}
	CHECK_EQ(fake_guest.cp_reads + fake_guest.cp_writes, 0);
}

TEST(v7_sysreg_unknown_traps_are_not_emulated)
{
	struct guest_frame f = frame(0);

	reset();
	/* TPIDRPRW never traps; if it did, it is not Bulkhead's to fake. */
	CHECK_EQ(handle_sysreg_trap(&vcpu, &f, mcr(CP15_ISS32(0, 13, 0, 4), 1)),
		 SYSREG_UNKNOWN);
	/* Nor do the breakpoint registers (HDCR.TDA is 0). */
	CHECK_EQ(handle_sysreg_trap(&vcpu, &f,
				    cp_hsr(EC_CP14_MR, CP15_ISS32(0, 0, 0, 4),
					   1, true, COND_AL)),
		 SYSREG_UNKNOWN);
	/* LDC/STC of cp14 neither. */
	CHECK_EQ(handle_sysreg_trap(&vcpu, &f,
				    (u32)EC_CP14_LS << ESR_EC_SHIFT | ESR_IL),
		 SYSREG_UNKNOWN);
}

/* CNTPCT counts from the VM's start: MRRC gives Rt the low word, Rt2
 * the high one. */
TEST(v7_sysreg_cntpct_read_is_offset)
{
	struct guest_frame f = frame(0);

	reset();
	fake_cp_set(FAKE_CP15, CP15_ISS_64(CNTPCT), OFFSET + 0x123456789ull);
	CHECK_EQ(handle_sysreg_trap(
			 &vcpu, &f,
			 mcrr_hsr(EC_CP15_64, CP15_ISS_64(CNTPCT), true)),
		 SYSREG_DONE);
	CHECK_EQ(f.r[RT], 0x23456789);
	CHECK_EQ(f.r[RT2], 0x1);
	/* Read-only. */
	CHECK_EQ(handle_sysreg_trap(
			 &vcpu, &f,
			 mcrr_hsr(EC_CP15_64, CP15_ISS_64(CNTPCT), false)),
		 SYSREG_UNDEFINED);
}

TEST(v7_sysreg_cntp_cval_is_offset_tval_ctl_pass)
{
	struct guest_frame f = frame(0);

	reset();
	f.r[RT] = 0x1000;
	f.r[RT2] = 0x2;
	CHECK_EQ(handle_sysreg_trap(
			 &vcpu, &f,
			 mcrr_hsr(EC_CP15_64, CP15_ISS_64(CNTP_CVAL), false)),
		 SYSREG_DONE);
	CHECK_EQ(fake_cp_get(FAKE_CP15, CP15_ISS_64(CNTP_CVAL)),
		 0x200001000ull + OFFSET);
	f = frame(0);
	CHECK_EQ(handle_sysreg_trap(
			 &vcpu, &f,
			 mcrr_hsr(EC_CP15_64, CP15_ISS_64(CNTP_CVAL), true)),
		 SYSREG_DONE);
	CHECK_EQ(f.r[RT], 0x1000);
	CHECK_EQ(f.r[RT2], 0x2);
	f.r[1] = 0x5;
	CHECK_EQ(handle_sysreg_trap(&vcpu, &f, mcr(CP15_ISS(CNTP_CTL), 1)),
		 SYSREG_DONE);
	CHECK_EQ(fake_cp_get(FAKE_CP15, CP15_ISS(CNTP_CTL)), 0x5);
	fake_cp_set(FAKE_CP15, CP15_ISS(CNTP_TVAL), 0x777);
	CHECK_EQ(read_reg(CP15_ISS(CNTP_TVAL)), 0x777);
}

/* A conditional MRC that fails its condition: done, with no effect. */
TEST(v7_sysreg_failed_condition_does_nothing)
{
	struct guest_frame f = frame(0x55);
	struct guest_frame before = f;

	reset();
	fake_guest.cpsr = MODE_SVC; /* Z clear: EQ fails */
	fake_cp_set(FAKE_CP15, CP15_ISS(CNTP_CTL), 0x1);
	CHECK_EQ(handle_sysreg_trap(&vcpu, &f,
				    cp_hsr(EC_CP15_32, CP15_ISS(CNTP_CTL), RT,
					   true, COND_EQ)),
		 SYSREG_DONE);
	CHECK(!memcmp(&f, &before, sizeof(f)));
	CHECK_EQ(fake_guest.cp_reads + fake_guest.cp_writes, 0);
	CHECK_EQ(fake_guest.cpsr, MODE_SVC);
	/* The same with Z set runs. */
	fake_guest.cpsr = MODE_SVC | PSR_Z;
	CHECK_EQ(handle_sysreg_trap(&vcpu, &f,
				    cp_hsr(EC_CP15_32, CP15_ISS(CNTP_CTL), RT,
					   true, COND_EQ)),
		 SYSREG_DONE);
	CHECK_EQ(f.r[RT], 0x1);
}

/* MRC to r15 sets the guest's flags; other accesses naming r15 are
 * UNPREDICTABLE, UNDEFINED here. */
TEST(v7_sysreg_mrc_to_apsr_nzcv)
{
	struct guest_frame f = frame(0);

	reset();
	fake_guest.cpsr = MODE_SVC | PSR_T;
	fake_cp_set(FAKE_CP15, CP15_ISS(CNTP_CTL), 0xa0000004);
	CHECK_EQ(handle_sysreg_trap(&vcpu, &f, mrc(CP15_ISS(CNTP_CTL), 15)),
		 SYSREG_DONE);
	CHECK_EQ(fake_guest.cpsr, MODE_SVC | PSR_T | PSR_N | PSR_C);
	CHECK_EQ(handle_sysreg_trap(&vcpu, &f, mcr(CP15_ISS(CNTP_CTL), 15)),
		 SYSREG_UNDEFINED);
}

/* The OS lock is the core's: DBGOSLAR writes go to it, DBGOSLSR shows
 * it; the debug ROM and self addresses are not valid. */
TEST(v7_sysreg_debug_registers)
{
	struct guest_frame f = frame(0);

	reset();
	f.r[3] = 0xc5acce55;
	CHECK_EQ(handle_sysreg_trap(&vcpu, &f,
				    cp_hsr(EC_CP14_MR, CP15_ISS(DBGOSLAR), 3,
					   false, COND_AL)),
		 SYSREG_DONE);
	CHECK_EQ(fake_cp_get(FAKE_CP14, CP15_ISS(DBGOSLAR)), 0xc5acce55);
	fake_cp_set(FAKE_CP14, CP15_ISS(DBGOSLSR), 0xa);
	CHECK_EQ(handle_sysreg_trap(&vcpu, &f,
				    cp_hsr(EC_CP14_MR, CP15_ISS(DBGOSLSR), 4,
					   true, COND_AL)),
		 SYSREG_DONE);
	CHECK_EQ(f.r[4], 0xa);
	CHECK_EQ(handle_sysreg_trap(&vcpu, &f,
				    cp_hsr(EC_CP14_MR, CP15_ISS(DBGOSLAR), 4,
					   true, COND_AL)),
		 SYSREG_UNDEFINED);
	f.r[4] = 0x99;
	CHECK_EQ(handle_sysreg_trap(&vcpu, &f,
				    cp_hsr(EC_CP14_MR, CP15_ISS32(0, 1, 0, 0),
					   4, true, COND_AL)),
		 SYSREG_DONE); /* DBGDRAR */
	CHECK_EQ(f.r[4], 0);
	f.r[RT] = f.r[RT2] = 0x99;
	CHECK_EQ(handle_sysreg_trap(
			 &vcpu, &f,
			 mcrr_hsr(EC_CP14_64, CP15_ISS64(0, 2), true)),
		 SYSREG_DONE); /* DBGDSAR, 64-bit */
	CHECK_EQ(f.r[RT] | f.r[RT2], 0);
}

/* Trace is hidden; Jazelle is the trivial one. */
TEST(v7_sysreg_trace_jazelle)
{
	struct guest_frame f = frame(0x77);

	reset();
	CHECK_EQ(handle_sysreg_trap(&vcpu, &f,
				    cp_hsr(EC_CP14_MR, CP15_ISS32(1, 0, 0, 0),
					   1, true, COND_AL)),
		 SYSREG_UNDEFINED); /* trace unit */
	CHECK_EQ(handle_sysreg_trap(&vcpu, &f,
				    cp_hsr(EC_CP14_MR, CP15_ISS32(7, 1, 0, 0),
					   1, true, COND_AL)),
		 SYSREG_DONE); /* JOSCR */
	CHECK_EQ(f.r[1], 0);
	CHECK_EQ(fake_guest.cp_reads + fake_guest.cp_writes, 0);
}

/* A banked Rt: MRC into the SVC LR of a guest in SVC mode. */
TEST(v7_sysreg_rt_is_banked_by_mode)
{
	struct guest_frame f = frame(0);

	reset();
	fake_cp_set(FAKE_CP15, CP15_ISS(CNTP_CTL), 0x3);
	CHECK_EQ(handle_sysreg_trap(&vcpu, &f, mrc(CP15_ISS(CNTP_CTL), 14)),
		 SYSREG_DONE);
	CHECK_EQ(fake_guest.banked[BANKED_LR_SVC], 0x3);
	CHECK_EQ(f.lr_usr, 0);
}

#define SCTLR_AT_RESET	    0x00c50078u
#define SCTLR_MMU_CACHES_ON (SCTLR_AT_RESET | 0x5) /* M and C */

/* An MCR of `reg` with r5 = value, through the trap. */
static enum sysreg_result write_reg(u32 reg, u32 value)
{
	struct guest_frame f = frame(0);

	f.r[RT] = value;
	return handle_sysreg_trap(&vcpu, &f, mcr(reg, RT));
}

/* KVM's way, as on AArch64: the first set/way operation cleans the VM
 * and traps the MMU registers (HCR.TVM); the others do nothing until the
 * caches go on or off, which cleans again; with them on, the registers
 * stop trapping. */
TEST(v7_sysreg_set_way_cleans_at_the_first_and_at_cache_transitions)
{
	reset();
	fake_cp_set(FAKE_CP15, CP15_ISS(SCTLR), SCTLR_AT_RESET);
	CHECK_EQ(write_reg(CP15_ISS(DCCISW), 0x2), SYSREG_DONE);
	CHECK_EQ(fake_guest.dcache_cleans, 1);
	CHECK(fake_guest.vm_regs_trapped);
	for (u32 set = 1; set < 100; set++) {
		CHECK_EQ(write_reg(CP15_ISS(DCISW), set << 6 | 0x2),
			 SYSREG_DONE);
		CHECK_EQ(write_reg(CP15_ISS(DCCSW), set << 6), SYSREG_DONE);
	}
	CHECK_EQ(fake_guest.dcache_cleans, 1);
	CHECK_EQ(write_reg(CP15_ISS(SCTLR), SCTLR_MMU_CACHES_ON), SYSREG_DONE);
	CHECK_EQ(fake_cp_get(FAKE_CP15, CP15_ISS(SCTLR)), SCTLR_MMU_CACHES_ON);
	CHECK_EQ(fake_guest.dcache_cleans, 2);
	CHECK(!fake_guest.vm_regs_trapped);
	/* With caches on, the next operation starts again. */
	CHECK_EQ(write_reg(CP15_ISS(DCCSW), 0), SYSREG_DONE);
	CHECK_EQ(fake_guest.dcache_cleans, 3);
	CHECK(fake_guest.vm_regs_trapped);
	/* Turning them off: a clean, and the registers still trap; a write
	 * that changes neither M nor C: no clean. */
	CHECK_EQ(write_reg(CP15_ISS(SCTLR), SCTLR_AT_RESET), SYSREG_DONE);
	CHECK_EQ(fake_guest.dcache_cleans, 4);
	CHECK(fake_guest.vm_regs_trapped);
	CHECK_EQ(write_reg(CP15_ISS(SCTLR), SCTLR_AT_RESET | 1u << 12),
		 SYSREG_DONE);
	CHECK_EQ(fake_guest.dcache_cleans, 4);
	CHECK_EQ(write_reg(CP15_ISS(SCTLR), SCTLR_MMU_CACHES_ON), SYSREG_DONE);
	CHECK_EQ(fake_guest.dcache_cleans, 5);
	CHECK(!fake_guest.vm_regs_trapped);
	CHECK(!fake_guest.unknown_read);
}

/* Set/way operations are writes: an MRC of their encodings (UNDEFINED
 * on the core) is not one. */
TEST(v7_sysreg_set_way_reads_are_not_emulated)
{
	struct guest_frame f = frame(0);

	reset();
	CHECK_EQ(handle_sysreg_trap(&vcpu, &f, mrc(CP15_ISS(DCCISW), RT)),
		 SYSREG_UNKNOWN);
	CHECK_EQ(fake_guest.dcache_cleans, 0);
	CHECK(!fake_guest.vm_regs_trapped);
}

/* Every register HCR.TVM traps (Arm ARM v7-A B1.14.13) is written as the
 * guest asked, by MCR, and TTBR0/1 by MCRR (Rt low word, Rt2 high). */
TEST(v7_sysreg_tvm_trapped_writes_are_performed)
{
	static const u32 regs[] = {
		CP15_ISS(TTBR0_32), CP15_ISS(TTBR1_32), CP15_ISS(TTBCR),
		CP15_ISS(DACR),	    CP15_ISS(DFSR),	CP15_ISS(IFSR),
		CP15_ISS(ADFSR),    CP15_ISS(AIFSR),	CP15_ISS(DFAR),
		CP15_ISS(IFAR),	    CP15_ISS(PRRR),	CP15_ISS(NMRR),
		CP15_ISS(AMAIR0),   CP15_ISS(AMAIR1),	CP15_ISS(CONTEXTIDR),
	};
	static const u32 regs64[] = {CP15_ISS_64(TTBR0), CP15_ISS_64(TTBR1)};
	struct guest_frame f;

	reset();
	fake_guest.vm_regs_trapped = true;
	for (unsigned i = 0; i < sizeof(regs) / sizeof(regs[0]); i++) {
		CHECK_EQ(write_reg(regs[i], 0x1000 + i), SYSREG_DONE);
		CHECK_EQ(fake_cp_get(FAKE_CP15, regs[i]), 0x1000 + i);
	}
	for (unsigned i = 0; i < sizeof(regs64) / sizeof(regs64[0]); i++) {
		f = frame(0);
		f.r[RT] = 0x80004000 + i;
		f.r[RT2] = 0x2a;
		CHECK_EQ(handle_sysreg_trap(
				 &vcpu, &f,
				 mcrr_hsr(EC_CP15_64, regs64[i], false)),
			 SYSREG_DONE);
		CHECK_EQ(fake_cp_get(FAKE_CP15, regs64[i]),
			 0x2a80004000ull + i);
	}
	/* None of them is an SCTLR: the caches' state is not looked at. */
	CHECK_EQ(fake_guest.dcache_cleans, 0);
	CHECK(fake_guest.vm_regs_trapped);
	CHECK(!fake_guest.unknown_read);
}
