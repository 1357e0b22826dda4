/* SPDX-License-Identifier: MIT */
/*
 * Trapped coprocessor accesses of an ARMv7 guest: MCR/MRC, MCRR/MRRC of
 * cp15 and cp14, VMRS of the VFP ID registers. The same policy by denial
 * as AArch64's sysreg_trap.c (docs/guest-interface.md): what traps is what
 * reaches beyond the guest's core and memory, would describe the machine,
 * or belongs to a feature the guest is not given.
 *
 * - ID registers (HCR.TID3): the hardware's values with hidden features'
 *   fields at 0 (id_regs.c, shared with AArch64). Writes are UNDEFINED.
 * - PMU (HDCR.TPM/TPMCR): UNDEFINED, as on a core without one: nothing
 *   keeps its counters from counting in HYP.
 * - ACTLR (HCR.TAC) and the IMPLEMENTATION DEFINED registers (HCR.TIDCP:
 *   lockdown, TCM, DMA spaces of CRn 9-11; HSTR.T15: CRn 15): RAZ/WI.
 * - Set/way cache maintenance (HCR.TSW): DCISW, DCCSW, DCCISW would
 *   reach lines of every VM sharing the cache. Emulated as on AArch64
 *   (src/arch/arm/set_way.c): the VM's RAM cleaned by address at the
 *   first one and at the guest's cache on/off transitions, seen by
 *   trapping writes to the PL1 memory-system registers meanwhile
 *   (HCR.TVM: VM_REGISTERS32/64, each write performed).
 * - Debug (HDCR.TDOSA/TDRA): the OS lock is the core's own; DBGOSDLR and
 *   DBGPRCR RAZ/WI; no debug ROM or self address (DBGDRAR, DBGDSAR 0).
 *   Trace (HCPTR.TTA) is hidden: UNDEFINED. Jazelle (HSTR.TJDBX) is the
 *   trivial implementation: RAZ/WI. ThumbEE does not trap (cpu.c).
 * - The physical counter and timer (CNTHCTL): ptimer.c.
 * A trapped instruction that fails its condition does nothing.
 */
#include "sysreg_trap.h"
#include "guest_state.h"
#include "id_regs.h"
#include "insn.h"
#include "psr.h"
#include "set_way.h"
#include "syndrome.h"
#include "sysreg.h"
#include "vm.h"

#define ISS_READ      (1u << 0)
#define ISS_RT(iss)   ((iss) >> 5 & 0xf)
#define ISS_RT2(iss)  ((iss) >> 10 & 0xf) /* MCRR/MRRC */
#define REG_OPC1(reg) ((reg) >> 14 & 0x7)
#define REG_CRN(reg)  ((reg) >> 10 & 0xf)
#define REG_CRM(reg)  ((reg) >> 1 & 0xf)
#define REG_OPC2(reg) ((reg) >> 17 & 0x7)
#define PC	      15
#define VMRS_MVFR0    7 /* VMRS register numbers, in the CRn field */
#define VMRS_MVFR1    6

#define ACTLR2	     0, 1, 0, 3
/* cp14 debug registers (cp14 encodes its ISS as cp15 does) */
#define DBGDRAR	     0, 1, 0, 0
#define DBGDSAR	     0, 2, 0, 0
#define DBGOSDLR     0, 1, 3, 4
#define DBGPRCR	     0, 1, 4, 4
#define DBGDRAR64    0, 1
#define DBGDSAR64    0, 2
#define CP14_TRACE   1 /* cp14 Opc1 of the trace unit, */
#define CP14_JAZELLE 7 /* and Jazelle */

static bool is_wide(u32 hsr)
{
	return ESR_EC(hsr) == EC_CP15_64 || ESR_EC(hsr) == EC_CP14_64;
}

static bool is_id_register(u32 reg)
{
	return REG_OPC1(reg) == 0 && REG_CRN(reg) == 0 && REG_CRM(reg) >= 1 &&
	       REG_CRM(reg) <= 7;
}

/* cp15 ID register CRm 1..7: CRm 1..3 hold AArch32 ID registers but
 * Opc2 0..2 of CRm 3, where AArch64 shows the MVFRs (VMRS here). */
static u32 id_register(u32 reg)
{
	unsigned crm = REG_CRM(reg), op2 = REG_OPC2(reg);
	u32 limits = (crm == 3 && op2 <= 2) ? 0 : aarch32_id_limits(crm, op2);

	return (u32)id_fields_capped(limits ? cp15_read(reg) : 0, limits);
}

/* HCR.TIDCP's lockdown, DMA and TCM spaces, and CRn 15 (HSTR.T15). */
static bool is_impdef(u32 reg)
{
	unsigned crm = REG_CRM(reg);

	switch (REG_CRN(reg)) {
	case 9:
		return crm <= 2 || (crm >= 5 && crm <= 8);
	case 10:
		return crm == 0 || crm == 1 || crm == 4 || crm == 8;
	case 11:
		return crm <= 8 || crm == 15;
	case 15:
		return true;
	}
	return false;
}

/* PMCR .. PMOVSSET (CRn 9, CRm 12-14); PMEVCNTRn, PMEVTYPERn (CRn 14,
 * CRm 8-15). */
static bool is_pmu(u32 reg)
{
	unsigned crn = REG_CRN(reg), crm = REG_CRM(reg);

	return REG_OPC1(reg) == 0 && ((crn == 9 && crm >= 12 && crm <= 14) ||
				      (crn == 14 && crm >= 8));
}

static bool is_set_way(u32 reg)
{
	return reg == CP15_ISS(DCISW) || reg == CP15_ISS(DCCSW) ||
	       reg == CP15_ISS(DCCISW);
}

/* One of the registers HCR.TVM traps writes to (an MCR's ISS). */
static bool is_vm_register(u32 reg)
{
	switch (reg) {
#define VM_REGISTER_CASE(...) case CP15_ISS32(__VA_ARGS__):
		VM_REGISTERS32(VM_REGISTER_CASE)
#undef VM_REGISTER_CASE
		return true;
	}
	return false;
}

static bool is_vm_register64(u32 reg)
{
	switch (reg) {
#define VM_REGISTER64_CASE(...) case CP15_ISS64(__VA_ARGS__):
		VM_REGISTERS64(VM_REGISTER64_CASE)
#undef VM_REGISTER64_CASE
		return true;
	}
	return false;
}

/* A write HCR.TVM trapped: performed; SCTLR's goes to the set/way policy. */
static enum sysreg_result vm_register_write(struct vcpu *vcpu,
					    const struct cp_access *a)
{
	u32 before;

	if (a->reg != CP15_ISS(SCTLR)) {
		cp15_write(a->reg, (u32)a->value);
		return SYSREG_DONE;
	}
	before = cp15_read(a->reg);
	cp15_write(a->reg, (u32)a->value);
	set_way_sctlr_written(vcpu, before, a->value);
	return SYSREG_DONE;
}

static enum sysreg_result cp15_access(struct vcpu *vcpu, struct cp_access *a)
{
	enum sysreg_result timer = ptimer_access(vcpu, a);

	if (timer != SYSREG_UNKNOWN)
		return timer;
	if (!a->read && is_set_way(a->reg)) {
		set_way_trapped(vcpu);
		return SYSREG_DONE;
	}
	if (!a->read && is_vm_register(a->reg))
		return vm_register_write(vcpu, a);
	if (is_id_register(a->reg)) {
		if (!a->read)
			return SYSREG_UNDEFINED;
		a->value = id_register(a->reg);
		return SYSREG_DONE;
	}
	if (a->reg == CP15_ISS(ACTLR) || a->reg == CP15_ISS(ACTLR2) ||
	    is_impdef(a->reg)) {
		a->value = 0;
		return SYSREG_DONE;
	}
	return is_pmu(a->reg) ? SYSREG_UNDEFINED : SYSREG_UNKNOWN;
}

static enum sysreg_result cp15_wide_access(struct vcpu *vcpu,
					   struct cp_access *a)
{
	if (!a->read && is_vm_register64(a->reg)) {
		cp15_write64(a->reg, a->value);
		return SYSREG_DONE;
	}
	return ptimer_access(vcpu, a);
}

/* A register that reads as `value` and cannot be written. */
static enum sysreg_result read_only(struct cp_access *a, u32 value)
{
	a->value = value;
	return a->read ? SYSREG_DONE : SYSREG_UNDEFINED;
}

static enum sysreg_result cp14_access(struct cp_access *a)
{
	switch (a->reg) {
	case CP15_ISS(DBGOSLAR):
		if (a->read)
			return SYSREG_UNDEFINED;
		cp14_write(a->reg, (u32)a->value);
		return SYSREG_DONE;
	case CP15_ISS(DBGOSLSR):
		return read_only(a, cp14_read(a->reg));
	case CP15_ISS(DBGDRAR):
	case CP15_ISS(DBGDSAR):
		return read_only(a, 0); /* Valid = 0b00: none */
	case CP15_ISS(DBGOSDLR):
	case CP15_ISS(DBGPRCR):
		a->value = 0;
		return SYSREG_DONE;
	}
	switch (REG_OPC1(a->reg)) {
	case CP14_TRACE:
		return SYSREG_UNDEFINED;
	case CP14_JAZELLE:
		a->value = 0;
		return SYSREG_DONE;
	}
	return SYSREG_UNKNOWN;
}

static enum sysreg_result cp14_wide_access(struct cp_access *a)
{
	if (a->reg == CP15_ISS_64(DBGDRAR64) ||
	    a->reg == CP15_ISS_64(DBGDSAR64))
		return read_only(a, 0);
	return SYSREG_UNKNOWN;
}

/* The MVFRs: the hardware's, with the same limits as AArch64 shows. */
static enum sysreg_result vmrs_access(struct cp_access *a)
{
	unsigned n = REG_CRN(a->reg);
	u32 limits;

	if (n != VMRS_MVFR0 && n != VMRS_MVFR1)
		return SYSREG_UNKNOWN;
	limits = aarch32_id_limits(3, n == VMRS_MVFR0 ? 0 : 1);
	return read_only(a, (u32)id_fields_capped(vfp_id_read(n), limits));
}

static enum sysreg_result emulate(struct vcpu *vcpu, u32 hsr,
				  struct cp_access *a)
{
	switch (ESR_EC(hsr)) {
	case EC_CP15_32:
		return cp15_access(vcpu, a);
	case EC_CP15_64:
		return cp15_wide_access(vcpu, a);
	case EC_CP14_MR:
		return cp14_access(a);
	case EC_CP14_64:
		return cp14_wide_access(a);
	case EC_CP10_ID:
		return vmrs_access(a);
	}
	return SYSREG_UNKNOWN;
}

/* A MRC to r15 sets the flags (APSR_nzcv) from the value's top bits. */
static void complete_read(struct guest_frame *f, u32 cpsr, u32 hsr,
			  const struct cp_access *a)
{
	if (a->wide) {
		set_guest_reg(f, cpsr, ISS_RT(hsr), (u32)a->value);
		set_guest_reg(f, cpsr, ISS_RT2(hsr), (u32)(a->value >> 32));
	} else if (ISS_RT(hsr) == PC) {
		set_guest_cpsr((cpsr & ~PSR_NZCV) | ((u32)a->value & PSR_NZCV));
	} else {
		set_guest_reg(f, cpsr, ISS_RT(hsr), (u32)a->value);
	}
}

/* r15 as a source, or as a destination of MRRC: UNPREDICTABLE. */
static bool names_pc(u32 hsr)
{
	bool read = hsr & ISS_READ;

	if (is_wide(hsr))
		return ISS_RT(hsr) == PC || ISS_RT2(hsr) == PC;
	return ISS_RT(hsr) == PC && !read;
}

static struct cp_access decode(const struct guest_frame *f, u32 cpsr, u32 hsr)
{
	struct cp_access a = {.read = hsr & ISS_READ, .wide = is_wide(hsr)};

	if (a.wide) {
		a.reg = hsr & CP15_ISS64_MASK;
		if (!a.read)
			a.value = (u64)guest_reg(f, cpsr, ISS_RT2(hsr)) << 32 |
				  guest_reg(f, cpsr, ISS_RT(hsr));
	} else {
		a.reg = hsr & CP15_ISS32_MASK;
		if (!a.read)
			a.value = guest_reg(f, cpsr, ISS_RT(hsr));
	}
	return a;
}

enum sysreg_result handle_sysreg_trap(struct vcpu *vcpu, struct guest_frame *f,
				      u32 hsr)
{
	u32 cpsr = guest_cpsr();
	struct cp_access a;
	enum sysreg_result result;

	exit_count(vcpu, EXIT_SYSREG);
	if (!insn_condition_passed(hsr, cpsr))
		return SYSREG_DONE;
	if (names_pc(hsr))
		return SYSREG_UNDEFINED; /* as UNPREDICTABLE allows */
	a = decode(f, cpsr, hsr);
	result = emulate(vcpu, hsr, &a);
	if (result == SYSREG_DONE && a.read)
		complete_read(f, cpsr, hsr, &a);
	return result;
}
