// SPDX-License-Identifier: MIT
/*
 * Exception reporting. Every synchronous exception prints its syndrome,
 * fault address and PC (AArch64: ESR, FAR, ELR; ARMv7: DFSR/IFSR,
 * DFAR/IFAR, the faulting instruction; guest_arch.h reads them). If the scenario armed an expected abort on this vCPU, the
 * faulting instruction is skipped and the guest goes on; anything else
 * ends the run, so a test never hangs on an unexplained exception.
 */
#include "guest.h"

struct expectation {
	bool armed;
	bool quiet;
	bool debug; /* a debug exception: return to ELR, debug now off */
	bool taken;
	struct abort_info info;
};

static volatile struct expectation expected[GUEST_MAX_VCPUS];

static void arm(bool quiet, bool debug)
{
	volatile struct expectation *e = &expected[this_vcpu()];

	e->taken = false;
	e->quiet = quiet;
	e->debug = debug;
	e->armed = true;
}

void expect_abort(void)
{
	arm(false, false);
}

void expect_abort_quiet(void)
{
	arm(true, false);
}

void expect_debug_exception(void)
{
	arm(false, true);
}

bool abort_taken(struct abort_info *info)
{
	volatile struct expectation *e = &expected[this_vcpu()];
	bool taken = e->taken;

	e->armed = false;
	e->taken = false;
	if (taken && info) {
		info->esr = e->info.esr;
		info->far = e->info.far;
		info->elr = e->info.elr;
	}
	return taken;
}

/* Skip the faulting instruction if this vCPU expected it; after a debug
 * exception, return to where it was taken with debug exceptions off. */
static bool handle_expected(unsigned long *regs, unsigned long esr,
			    unsigned long far, unsigned long elr)
{
	volatile struct expectation *e = &expected[this_vcpu()];

	if (!e->armed)
		return false;
	e->armed = false;
	e->taken = true;
	e->info.esr = esr;
	e->info.far = far;
	e->info.elr = elr;
	if (e->debug)
		arch_debug_exceptions_off();
	else
		arch_fault_resume_at(regs, elr + 4);
	return true;
}

void guest_exception(unsigned long index, unsigned long *regs);

void guest_exception(unsigned long index, unsigned long *regs)
{
	unsigned long esr = arch_fault_syndrome(index);
	unsigned long far = arch_fault_address(index);
	unsigned long elr = arch_fault_pc(regs);

	if (arch_abort_vector(index)) {
		volatile struct expectation *e = &expected[this_vcpu()];

		if (!(e->armed && e->quiet))
			printf("abort: ESR=0x%lx FAR=0x%lx ELR=0x%lx\n", esr,
			       far, elr);
		if (handle_expected(regs, esr, far, elr))
			return;
	}
	printf("unexpected exception: %s on vCPU %u: ESR=0x%lx FAR=0x%lx "
	       "ELR=0x%lx\n",
	       arch_vector_name(index), this_vcpu(), esr, far, elr);
	guest_exit();
}
