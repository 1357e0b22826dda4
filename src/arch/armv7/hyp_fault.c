/* SPDX-License-Identifier: MIT */
/* Exceptions taken from HYP mode itself: a hypervisor bug, reported in
 * full, in the words AArch64's report uses (the tests grep them). */
#include "hyp_fault.h"
#include "arch.h"
#include "cpu.h"
#include "log.h"
#include "syndrome.h"
#include "sysreg.h"
#include "vm.h"

noreturn void hyp_exception_report(struct guest_frame *f, u32 vector);

/* vector: the HVBAR offset / 4 (vectors.S). */
static const char *kind_name(u32 vector)
{
	switch (vector) {
	case 1:
	case 2:
	case 3:
	case 4:
		return "synchronous";
	case 7:
		return "FIQ";
	}
	return "unexpected";
}

noreturn void hyp_exception_report(struct guest_frame *f, u32 vector)
{
	u32 hsr = read_cp15(HSR);
	bool dabt = ESR_EC(hsr) == EC_DABT_CUR;
	struct vcpu *vcpu = this_vcpu();
	u32 elr, spsr;

	__asm__ volatile("mrs %0, elr_hyp; mrs %1, spsr"
			 : "=r"(elr), "=r"(spsr));
	panic_line("CPU %u: %s exception at EL2: %s (EC 0x%x)", arch_cpu_id(),
		   kind_name(vector), exception_class_name(ESR_EC(hsr)),
		   (unsigned)ESR_EC(hsr));
	if (dabt || ESR_EC(hsr) == EC_IABT_CUR)
		report_abort(hsr);
	panic_line("  HSR 0x%08x  %s 0x%08x", (unsigned)hsr,
		   dabt ? "HDFAR" : "HIFAR",
		   (unsigned)(dabt ? read_cp15(HDFAR) : read_cp15(HIFAR)));
	panic_line("  ELR 0x%08x  SPSR 0x%08x", (unsigned)elr, (unsigned)spsr);
	panic_line("  r0 0x%x r1 0x%x lr 0x%x", (unsigned)f->r[0],
		   (unsigned)f->r[1], (unsigned)f->lr_usr);
	if (vcpu)
		panic_line("  this core runs VM '%s' vCPU %u",
			   vcpu->vm->cfg->name, vcpu->id);
	panic("hypervisor fault on CPU %u", arch_cpu_id());
}
