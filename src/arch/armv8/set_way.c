/* SPDX-License-Identifier: MIT */
/*
 * Set/way cache maintenance (DC ISW/CSW/CISW), as KVM does it. A set/way
 * operation would act on lines of every VM sharing the cache, and is only
 * meaningful to software turning its caches on or off (it reaches no
 * other core's cache nor the system cache). So the first one the guest
 * issues cleans and invalidates the VM's RAM by address, and makes the
 * core trap writes to the EL1 memory-system registers (HCR_EL2.TVM); the
 * ones that follow do nothing. When the guest then turns its MMU and
 * caches on or off (SCTLR_EL1.M and C), the VM's RAM is cleaned again;
 * once they are on, the registers stop trapping, until the next set/way
 * operation. A guest looping on set/way costs its own core one trap per
 * operation, and the flushes are those of its own cache transitions.
 */
#include "cpu.h"
#include "sysreg.h"
#include "sysreg_trap.h"
#include "vm.h"

#define SCTLR_M (1UL << 0)
#define SCTLR_C (1UL << 2)

static bool caches_on(u64 sctlr)
{
	return (sctlr & (SCTLR_M | SCTLR_C)) == (SCTLR_M | SCTLR_C);
}

void set_way_trapped(struct vcpu *vcpu)
{
	if (cpu_vm_regs_trapped())
		return; /* cleaned at the last one; again at the transition */
	vm_clean_dcache(vcpu);
	cpu_trap_vm_regs(true);
}

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
	bool was_on;

	if ((iss & ISS_READ) || !is_vm_register(reg))
		return false;
	if (reg != SCTLR_EL1_ENC) {
		cpu_write_vm_register(reg, value);
		return true;
	}
	was_on = caches_on(cpu_read_sctlr_el1());
	cpu_write_vm_register(reg, value);
	if (caches_on(value) != was_on)
		vm_clean_dcache(vcpu);
	if (caches_on(value))
		cpu_trap_vm_regs(false);
	return true;
}
