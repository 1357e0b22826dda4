/* SPDX-License-Identifier: MIT */
/*
 * Set/way cache maintenance (AArch64 DC ISW/CSW/CISW, AArch32 DCISW/
 * DCCSW/DCCISW), as KVM does it. A set/way operation would act on lines
 * of every VM sharing the cache, and is only meaningful to software
 * turning its caches on or off (it reaches no other core's cache nor the
 * system cache). So the first one the guest issues cleans and invalidates
 * the VM's RAM by address, and makes the core trap writes to the guest's
 * memory-system registers (HCR.TVM, HCR_EL2.TVM); the ones that follow
 * do nothing. When the guest then turns its MMU and caches on or off
 * (SCTLR.M and C), the VM's RAM is cleaned again; once they are on, the
 * registers stop trapping, until the next set/way operation. A guest
 * looping on set/way costs its own core one trap per operation, and the
 * flushes are those of its own cache transitions.
 *
 * The policy is the same on both architectures; each has its own list of
 * trapped registers and performs the writes (armv8/vm_registers.c,
 * armv7/sysreg_trap.c).
 */
#include "set_way.h"
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

void set_way_sctlr_written(struct vcpu *vcpu, u64 before, u64 after)
{
	if (caches_on(after) != caches_on(before))
		vm_clean_dcache(vcpu);
	if (caches_on(after))
		cpu_trap_vm_regs(false);
}
