/* SPDX-License-Identifier: MIT */
/* Exceptions taken from EL2 itself: a hypervisor bug, reported in full. */
#include "arch.h"
#include "cpu.h"
#include "hyp_fault.h"
#include "log.h"
#include "sysreg.h"
#include "vm.h"

noreturn void el2_exception_report(struct guest_frame *f, u64 kind);

static const char *const kind_name[] = {"synchronous", "IRQ", "FIQ", "SError"};

noreturn void el2_exception_report(struct guest_frame *f, u64 kind)
{
	u64 esr = read_sysreg(esr_el2);
	struct vcpu *vcpu = this_vcpu();

	panic_line("CPU %u: %s exception at EL2: %s (EC 0x%llx)", arch_cpu_id(),
		   kind_name[kind % 4], exception_class_name(ESR_EC(esr)),
		   ESR_EC(esr));
	if (ESR_EC(esr) == EC_IABT_CUR || ESR_EC(esr) == EC_DABT_CUR)
		report_abort(esr);
	panic_line("  ESR 0x%016llx  FAR 0x%016llx", esr, read_sysreg(far_el2));
	panic_line("  ELR 0x%016llx  SPSR 0x%016llx", read_sysreg(elr_el2),
		   read_sysreg(spsr_el2));
	panic_line("  x0 0x%llx x1 0x%llx x30 0x%llx", f->x[0], f->x[1],
		   f->x[30]);
	if (vcpu)
		panic_line("  this core runs VM '%s' vCPU %u",
			   vcpu->vm->cfg->name, vcpu->id);
	panic("hypervisor fault on CPU %u", arch_cpu_id());
}
