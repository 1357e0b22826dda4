/* SPDX-License-Identifier: MIT */
/*
 * Trapped system register and cache maintenance instructions (EC 0x18).
 * Guests keep almost all of EL1 to themselves; what traps is what reaches
 * beyond the guest's own core and memory, or would describe the machine:
 *
 * - set/way cache maintenance: it would clean and invalidate lines of
 *   every VM sharing the cache. Emulated by cleaning and invalidating the
 *   VM's own RAM by address, once per sweep: a sweep visits set 0, way 0
 *   once per cache level, and only whole sweeps mean anything.
 * - IMPLEMENTATION DEFINED registers (CRn 11, 15), e.g. L2CTLR_EL1 with the
 *   physical core count, and ACTLR_EL1 with core-wide controls: RAZ/WI.
 * - PMU: on ARMv8.0 a guest could count events at EL2 (PMEVTYPER.NSH) and
 *   time the hypervisor. Guests see a PMU with no counters: RAZ/WI.
 * - GICv3 SGI generation (ICC_SGI1R_EL1): through the vGIC, which only
 *   ever signals the VM's own vCPUs.
 * - Debug registers: breakpoints, watchpoints and the OS lock stay with
 *   the hypervisor (self-hosted debug of guests is not offered): RAZ/WI.
 */
#include "sysreg_trap.h"
#include "cpu.h"
#include "sysreg.h"
#include "vm.h"

#define DC_ISW	       SYSREG(1, 0, 7, 6, 2)
#define DC_CSW	       SYSREG(1, 0, 7, 10, 2)
#define DC_CISW	       SYSREG(1, 0, 7, 14, 2)
#define ACTLR_EL1      SYSREG(3, 0, 1, 0, 1)
#define ICC_SGI1R_EL1  SYSREG(3, 0, 12, 11, 5)
#define ICC_ASGI1R_EL1 SYSREG(3, 0, 12, 11, 6)
#define ICC_SGI0R_EL1  SYSREG(3, 0, 12, 11, 7)

static bool is_set_way(u64 iss)
{
	u64 op = iss & ISS_REG_MASK;

	return op == DC_ISW || op == DC_CSW || op == DC_CISW;
}

static bool is_raz_wi(u64 iss)
{
	unsigned op0 = ISS_OP0(iss), crn = ISS_CRN(iss), crm = ISS_CRM(iss);

	if (op0 == 2)
		return true; /* debug */
	if (op0 != 3)
		return false;
	if (crn == 11 || crn == 15)
		return true; /* IMPLEMENTATION DEFINED */
	if (crn == 9 && crm >= 12)
		return true; /* PMU control and counters */
	if (crn == 14 && ISS_OP1(iss) == 3 && crm >= 8)
		return true; /* PMU event counters and types */
	return (iss & ISS_REG_MASK) == ACTLR_EL1;
}

static void set_way(struct vcpu *vcpu, u64 operand)
{
	/* Bits [3:1] select the level; the rest is the set and way. */
	if ((operand & ~0xfUL) == 0)
		vm_clean_dcache(vcpu->vm);
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

bool handle_sysreg_trap(struct vcpu *vcpu, struct guest_frame *f, u64 esr)
{
	u64 iss = esr & ESR_ISS_MASK;
	unsigned rt = ISS_RT(iss);

	/* Sending an SGI is the commonest trap by far: checked first. */
	if ((iss & (ISS_REG_MASK | ISS_READ)) == ICC_SGI1R_EL1) {
		exit_count(vcpu, EXIT_SGI);
		vgic_sgi1r(vcpu, frame_get(f, rt));
		return true;
	}
	exit_count(vcpu, EXIT_SYSREG);
	/* Reads of the write-only SGI registers and group 0 SGIs do nothing. */
	if (is_sgi(iss))
		return true;
	if (handle_ptimer_trap(vcpu, f, iss))
		return true;
	if (is_set_way(iss))
		set_way(vcpu, frame_get(f, rt));
	else if (!is_raz_wi(iss))
		return false;
	else if (iss & ISS_READ)
		frame_set(f, rt, 0);
	return true;
}
