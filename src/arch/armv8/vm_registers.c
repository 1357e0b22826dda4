/* SPDX-License-Identifier: MIT */
/*
 * The EL1 memory-system registers HCR_EL2.TVM traps writes to while a
 * guest uses set/way maintenance (src/arch/arm/set_way.c says why): each
 * trapped write is performed, and one to SCTLR_EL1 goes to the set/way
 * policy.
 */
#include "cpu.h"
#include "set_way.h"
#include "sysreg.h"
#include "sysreg_trap.h"

static bool is_vm_register(u64 reg)
{
	switch (reg) {
#define VM_REGISTER_CASE(name, op0, op1, crn, crm, op2)                        \
	case SYSREG(op0, op1, crn, crm, op2):
		VM_REGISTERS(VM_REGISTER_CASE)
#undef VM_REGISTER_CASE
		return true;
	}
	return false;
}

bool vm_register_trapped(struct vcpu *vcpu, u64 iss, u64 value)
{
	u64 reg = iss & ISS_REG_MASK;
	u64 before;

	if ((iss & ISS_READ) || !is_vm_register(reg))
		return false;
	if (reg != SCTLR_EL1_ENC) {
		cpu_write_vm_register(reg, value);
		return true;
	}
	before = cpu_read_sctlr_el1();
	cpu_write_vm_register(reg, value);
	set_way_sctlr_written(vcpu, before, value);
	return true;
}
