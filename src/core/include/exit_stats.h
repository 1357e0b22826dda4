/* SPDX-License-Identifier: MIT */
/*
 * Guest exits counted by cause, per vCPU: each vCPU's counters are written
 * only by its own core (one increment per exit, no lock, no atomic), and
 * read from any core as a VM's sum (the console menu's Ctrl-\ s). A VM's
 * counters start again from zero when it (re)starts (vm_boot).
 */
#ifndef EXIT_STATS_H
#define EXIT_STATS_H

#include "types.h"

enum exit_cause {
	EXIT_HYPERCALL,	  /* HVC, SMC: PSCI, SMCCC, Bulkhead calls */
	EXIT_SYSREG,	  /* a trapped MSR/MRS/DC, but for an SGI sent */
	EXIT_SGI,	  /* an SGI sent: ICC_SGI1R_EL1, GICD_SGIR writes */
	EXIT_MMIO,	  /* an emulated device access: vGIC, console */
	EXIT_BAD_ACCESS,  /* a Stage-2 fault outside the VM: an abort */
	EXIT_IRQ,	  /* a physical interrupt for the guest (timers) */
	EXIT_IPI,	  /* the hypervisor's IPI: SGIs, injections, stops */
	EXIT_MAINTENANCE, /* the vGIC's maintenance interrupt */
	EXIT_OTHER, /* the console UART's interrupt, spurious ones, the rest */
	EXIT_CAUSES
};

struct exit_stats {
	u64 count[EXIT_CAUSES];
};

/* One exit of the vCPU whose stats these are, on its own core. */
static inline void exit_stats_add(struct exit_stats *s, enum exit_cause c)
{
	s->count[c]++;
}

/* The cause's name as the stats line prints it ("hypercall", ...). */
const char *exit_cause_name(enum exit_cause c);
u64 exit_stats_total(const struct exit_stats *s);

struct vm;
/* Zero the VM's counters; its vCPUs are off (vm_boot). */
void exit_stats_reset(struct vm *vm);
/* The sum over the VM's vCPUs, read from any core (each counter is
 * read whole, so at worst a few exits late). */
void exit_stats_sum(const struct vm *vm, struct exit_stats *sum);
/*
 * One line of the VM's exits since its (re)start, `ticks` counter ticks
 * of `freq` Hz ago: "VM 0 'linux': 12345 exits in 10.210 s, 1209/s:
 * hypercall 10, sysreg 0, ...". Returns its length (cut to fit size).
 */
int exit_stats_format(const struct vm *vm, u64 ticks, u64 freq, char *buf,
		      size_t size);

#endif
