// SPDX-License-Identifier: MIT
/*
 * Exception reporting. Every synchronous exception at EL1 prints ESR, FAR
 * and ELR. If the scenario armed an expected abort on this vCPU, the
 * faulting instruction is skipped and the guest goes on; anything else
 * ends the run, so a test never hangs on an unexplained exception.
 */
#include "guest.h"

/* Vector table slot 4: synchronous exception, current EL, SP_ELx. */
#define VEC_SYNC_CURRENT_SPX 4

#define MDSCR_KDE (1u << 13) /* debug exceptions at EL1 enabled */

struct expectation {
	bool armed;
	bool quiet;
	bool debug; /* a debug exception: return to ELR, debug now off */
	bool taken;
	struct abort_info info;
};

static volatile struct expectation expected[GUEST_MAX_VCPUS];

static const char *const vector_names[16] = {
	"sync (EL1, SP0)",   "irq (EL1, SP0)",	  "fiq (EL1, SP0)",
	"serror (EL1, SP0)", "sync (EL1, SPx)",	  "irq (EL1, SPx)",
	"fiq (EL1, SPx)",    "serror (EL1, SPx)", "sync (EL0, A64)",
	"irq (EL0, A64)",    "fiq (EL0, A64)",	  "serror (EL0, A64)",
	"sync (EL0, A32)",   "irq (EL0, A32)",	  "fiq (EL0, A32)",
	"serror (EL0, A32)",
};

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
static bool handle_expected(uint64_t esr, uint64_t far, uint64_t elr)
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
		write_sysreg(mdscr_el1, read_sysreg(mdscr_el1) & ~MDSCR_KDE);
	else
		write_sysreg(elr_el1, elr + 4);
	return true;
}

void guest_exception(unsigned long index, unsigned long *regs);

void guest_exception(unsigned long index, unsigned long *regs)
{
	uint64_t esr = read_sysreg(esr_el1);
	uint64_t far = read_sysreg(far_el1);
	uint64_t elr = read_sysreg(elr_el1);

	(void)regs;
	if (index == VEC_SYNC_CURRENT_SPX) {
		volatile struct expectation *e = &expected[this_vcpu()];

		if (!(e->armed && e->quiet))
			printf("abort: ESR=0x%lx FAR=0x%lx ELR=0x%lx\n", esr,
			       far, elr);
		if (handle_expected(esr, far, elr))
			return;
	}
	printf("unexpected exception: %s on vCPU %u: ESR=0x%lx FAR=0x%lx "
	       "ELR=0x%lx\n",
	       vector_names[index & 15], this_vcpu(), esr, far, elr);
	guest_exit();
}
