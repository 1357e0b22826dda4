/* SPDX-License-Identifier: MIT */
/*
 * Trapped system register and cache maintenance instructions (EC 0x18).
 * Guests keep almost all of EL1 to themselves; what traps is what reaches
 * beyond the guest's own core and memory, would describe the machine, or
 * belongs to a feature the guest is not given. A guest sees what a core
 * without those features would show (docs/guest-interface.md):
 *
 * - ID registers (HCR_EL2.TID3): the hardware's values with every field
 *   of a hidden feature read as 0, so the guest's view and what works for
 *   it agree. Unknown encodings in the ID space read as 0.
 * - Hidden features' registers: UNDEFINED, as on a core without them.
 *   The PMU is hidden: on ARMv8.0 nothing keeps its counters from counting
 *   at EL2 (no MDCR_EL2.HPMD), so a guest could time the hypervisor. RAS
 *   error records are shared by all cores; activity monitors count EL2's
 *   work; profiling, trace, MTE, LORegions and SCXTNUM are not set up.
 * - Self-hosted debug is the guest's (breakpoints, watchpoints and step
 *   do not trap). The OS lock traps and is the core's own lock, reset at
 *   every (re)start; OSDLR_EL1 and DBGPRCR_EL1 (power-down control) read
 *   as zero and ignore writes; MDRAR_EL1 reads 0: no debug ROM address.
 * - set/way cache maintenance: it would clean and invalidate lines of
 *   every VM sharing the cache. Emulated as KVM does (src/arch/arm/
 *   set_way.c, vm_registers.c): the VM's own RAM is cleaned by address
 *   at the first one and at the guest's cache on/off transitions, found
 *   by trapping the EL1 MMU registers (HCR_EL2.TVM) meanwhile.
 * - IMPLEMENTATION DEFINED registers (CRn 11, 15), e.g. L2CTLR_EL1 with the
 *   physical core count, and ACTLR_EL1 with core-wide controls: RAZ/WI.
 * - GICv3 SGI generation (ICC_SGI1R_EL1): through the vGIC, which only
 *   ever signals the VM's own vCPUs.
 */
#include "sysreg_trap.h"
#include "cpu.h"
#include "id_regs.h"
#include "set_way.h"
#include "sysreg.h"
#include "vm.h"

#define DC_ISW	       SYSREG(1, 0, 7, 6, 2)
#define DC_CSW	       SYSREG(1, 0, 7, 10, 2)
#define DC_CISW	       SYSREG(1, 0, 7, 14, 2)
#define MDRAR_EL1      SYSREG(2, 0, 1, 0, 0)
#define OSLAR_EL1      SYSREG(2, 0, 1, 0, 4)
#define OSLSR_EL1      SYSREG(2, 0, 1, 1, 4)
#define OSDLR_EL1      SYSREG(2, 0, 1, 3, 4)
#define DBGPRCR_EL1    SYSREG(2, 0, 1, 4, 4)
#define ACTLR_EL1      SYSREG(3, 0, 1, 0, 1)
#define RGSR_EL1       SYSREG(3, 0, 1, 0, 5)
#define GCR_EL1	       SYSREG(3, 0, 1, 0, 6)
#define TRFCR_EL1      SYSREG(3, 0, 1, 2, 1)
#define TFSR_EL1       SYSREG(3, 0, 5, 6, 0)
#define TFSRE0_EL1     SYSREG(3, 0, 5, 6, 1)
#define ICC_SGI1R_EL1  SYSREG(3, 0, 12, 11, 5)
#define ICC_ASGI1R_EL1 SYSREG(3, 0, 12, 11, 6)
#define ICC_SGI0R_EL1  SYSREG(3, 0, 12, 11, 7)
#define SCXTNUM_EL1    SYSREG(3, 0, 13, 0, 7)
#define SCXTNUM_EL0    SYSREG(3, 3, 13, 0, 7)

/*
 * What a guest may see of each AArch64 ID register (id_regs.h has the
 * AArch32 ones, which AArch32 guests see too), by ID_REG_INDEX from
 * CRm 4 up: for each 4-bit field, the highest value shown (SHOW: the
 * hardware's). A field not listed reads as 0 (not implemented).
 */
static const u64 aarch64_id_limits[ID_REG_INDEX(ID_REG_CRM_LAST + 1, 0)] = {
	/* ID_AA64PFR0_EL1: EL0..EL3, FP, AdvSIMD, GIC, DIT, CSV2 up to
	 * FEAT_CSV2, CSV3; not RAS [31:28], SVE [35:32], SEL2, MPAM [43:40],
	 * AMU [47:44], RME. */
	[ID_REG_INDEX(4, 0)] = SHOW(0) | SHOW(4) | SHOW(8) | SHOW(12) |
			       SHOW(16) | SHOW(20) | SHOW(24) | SHOW(48) |
			       UPTO(56, 1) | SHOW(60),
	/* ID_AA64PFR1_EL1: BT, SSBS, CSV2_frac up to 1; not MTE [11:8],
	 * RAS_frac, MPAM_frac, SME [27:24], NMI, GCS and later. */
	[ID_REG_INDEX(4, 1)] = SHOW(0) | SHOW(4) | UPTO(32, 1),
	/* ID_AA64ZFR0_EL1 (SVE), ID_AA64SMFR0_EL1 (SME): 0. */
	/* ID_AA64DFR0_EL1: DebugVer, BRPs, WRPs, CTX_CMPs, DoubleLock; not
	 * TraceVer [7:4], PMUVer [11:8], PMSVer [35:32] (SPE), TraceFilt
	 * [43:40], TraceBuffer [47:44], BRBE and later. */
	[ID_REG_INDEX(5, 0)] =
		SHOW(0) | SHOW(12) | SHOW(20) | SHOW(28) | SHOW(36),
	/* ID_AA64ISAR0_EL1: all but TME [27:24]. */
	[ID_REG_INDEX(6, 0)] = 0xfffffffff0fffff0,
	/* ID_AA64ISAR1_EL1: DPB, JSCVT, FCMA, LRCPC, FRINTTS, SB, BF16, DGH,
	 * I8MM; not APA [7:4], API [11:8], GPA [27:24], GPI [31:28],
	 * SPECRES, XS, LS64. */
	[ID_REG_INDEX(6, 1)] = SHOW(0) | SHOW(12) | SHOW(16) | SHOW(20) |
			       SHOW(32) | SHOW(36) | SHOW(44) | SHOW(48) |
			       SHOW(52),
	/* ID_AA64ISAR2_EL1: RPRES, BC, CLRBHB; not WFxT, GPA3 [11:8], APA3
	 * [15:12], MOPS, PAC_frac. */
	[ID_REG_INDEX(6, 2)] = SHOW(4) | SHOW(20) | SHOW(28),
	/* ID_AA64MMFR0_EL1: PARange .. TGran4, ExS; not the stage-2 granules
	 * (TGran*_2), FGT, ECV. */
	[ID_REG_INDEX(7, 0)] = 0xffffffff | SHOW(44),
	/* ID_AA64MMFR1_EL1: HAFDBS, HPDS, PAN, SpecSEI, ETS, AFP, nTLBPA,
	 * ECBHB; not VMIDBits, VH, LO, XNX, TWED, HCX, TIDCP1, CMOW. */
	[ID_REG_INDEX(7, 1)] = SHOW(0) | SHOW(12) | SHOW(20) | SHOW(24) |
			       SHOW(36) | SHOW(44) | SHOW(48) | SHOW(60),
	/* ID_AA64MMFR2_EL1: all but NV [27:24], FWB [43:40], EVT [59:56]. */
	[ID_REG_INDEX(7, 2)] = 0xf0ff0ffff0ffffff,
};

static u64 id_limits(unsigned crm, unsigned op2)
{
	if (crm <= AARCH32_ID_CRM_LAST)
		return aarch32_id_limits(crm, op2);
	return aarch64_id_limits[ID_REG_INDEX(crm, op2)];
}

/* The guest's value of ID register (3, 0, 0, crm, op2): each field
 * capped to what the guest may see. */
static u64 id_register(unsigned crm, unsigned op2)
{
	u64 limits = id_limits(crm, op2);

	return id_fields_capped(limits ? cpu_id_register(crm, op2) : 0, limits);
}

static bool is_id_register(u64 iss)
{
	unsigned crm = ISS_CRM(iss);

	return ISS_OP0(iss) == 3 && ISS_OP1(iss) == 0 && ISS_CRN(iss) == 0 &&
	       crm >= ID_REG_CRM_FIRST && crm <= ID_REG_CRM_LAST;
}

static bool is_set_way(u64 iss)
{
	u64 op = iss & ISS_REG_MASK;

	return op == DC_ISW || op == DC_CSW || op == DC_CISW;
}

static bool is_raz_wi(u64 iss)
{
	u64 op = iss & ISS_REG_MASK;
	unsigned crn = ISS_CRN(iss);

	if (op == OSDLR_EL1 || op == DBGPRCR_EL1 || op == ACTLR_EL1)
		return true;
	/* IMPLEMENTATION DEFINED */
	return ISS_OP0(iss) == 3 && (crn == 11 || crn == 15);
}

static bool is_pmu(unsigned op1, unsigned crn, unsigned crm)
{
	return (crn == 9 && crm >= 12) || (crn == 14 && op1 == 3 && crm >= 8);
}

/* Registers of the features a guest is not given (see the top). */
static bool is_hidden_feature(u64 iss)
{
	unsigned op1 = ISS_OP1(iss), crn = ISS_CRN(iss), crm = ISS_CRM(iss);
	u64 op = iss & ISS_REG_MASK;

	if (ISS_OP0(iss) == 2)
		return op1 == 1; /* trace unit (CPTR_EL2.TTA) */
	if (ISS_OP0(iss) != 3)
		return false;
	if (is_pmu(op1, crn, crm))
		return true;
	if (op1 == 0 && crn == 5 && crm >= 3 && crm <= 5)
		return true; /* RAS error records (ERRIDR_EL1, ERX*) */
	if (op1 == 3 && crn == 13 && crm >= 2)
		return true; /* activity monitors (AM*_EL0) */
	if (op1 == 0 && crn == 9 && crm >= 9 && crm <= 11)
		return true; /* profiling (PMS*, PMB*) and trace buffer */
	if (op1 == 0 && crn == 10 && crm == 4)
		return true; /* LORegions */
	return op == TRFCR_EL1 || op == RGSR_EL1 || op == GCR_EL1 ||
	       op == TFSR_EL1 || op == TFSRE0_EL1 || op == SCXTNUM_EL0 ||
	       op == SCXTNUM_EL1;
}

/* Reads of ID registers; the OS lock; MDRAR_EL1. None can be written
 * (or read, for OSLAR_EL1) by an instruction that does not UNDEF. */
static enum sysreg_result emulate_register(u64 iss, u64 *value)
{
	u64 op = iss & ISS_REG_MASK;
	bool read = iss & ISS_READ;

	if (is_id_register(iss) && read)
		*value = id_register(ISS_CRM(iss), ISS_OP2(iss));
	else if (op == OSLSR_EL1 && read)
		*value = cpu_os_lock_status();
	else if (op == MDRAR_EL1 && read)
		*value = 0; /* ROMADDR not valid */
	else if (op == OSLAR_EL1 && !read)
		cpu_set_os_lock(*value & 1);
	else if (is_id_register(iss) || op == OSLSR_EL1 || op == MDRAR_EL1 ||
		 op == OSLAR_EL1)
		return SYSREG_UNDEFINED;
	else
		return SYSREG_UNKNOWN;
	return SYSREG_DONE;
}

/*
 * GICv3 SGIs: trapped by HCR_EL2.IMO. Group 1 SGIs go to the vGIC; the
 * guest's interrupts are all group 1, so group 0 SGIs (SGI0R, ASGI1R)
 * have nothing to signal and are ignored.
 */
static bool is_sgi(u64 iss)
{
	u64 op = iss & ISS_REG_MASK;

	return op == ICC_SGI1R_EL1 || op == ICC_ASGI1R_EL1 ||
	       op == ICC_SGI0R_EL1;
}

enum sysreg_result handle_sysreg_trap(struct vcpu *vcpu, struct guest_frame *f,
				      u64 esr)
{
	u64 iss = esr & ESR_ISS_MASK;
	unsigned rt = ISS_RT(iss);
	enum sysreg_result result = SYSREG_DONE;
	u64 value;

	/* Sending an SGI is the commonest trap by far: checked first. */
	if ((iss & (ISS_REG_MASK | ISS_READ)) == ICC_SGI1R_EL1) {
		exit_count(vcpu, EXIT_SGI);
		vgic_sgi1r(vcpu, frame_get(f, rt));
		return SYSREG_DONE;
	}
	exit_count(vcpu, EXIT_SYSREG);
	/* Reads of the write-only SGI registers and group 0 SGIs do nothing. */
	if (is_sgi(iss))
		return SYSREG_DONE;
	if (handle_ptimer_trap(vcpu, f, iss))
		return SYSREG_DONE;
	if (is_set_way(iss)) {
		set_way_trapped(vcpu);
	} else if (vm_register_trapped(vcpu, iss, frame_get(f, rt))) {
		/* emulated */
	} else if (is_raz_wi(iss)) {
		if (iss & ISS_READ)
			frame_set(f, rt, 0);
	} else if (is_hidden_feature(iss)) {
		result = SYSREG_UNDEFINED;
	} else {
		value = frame_get(f, rt);
		result = emulate_register(iss, &value);
		if (result == SYSREG_DONE && (iss & ISS_READ))
			frame_set(f, rt, value);
	}
	return result;
}
