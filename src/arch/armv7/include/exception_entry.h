/* SPDX-License-Identifier: MIT */
/*
 * Exceptions HYP gives a guest: what the CPU would do taking them itself
 * (Arm ARM v7-A B1.8: mode, return link, CPSR, vector, fault status).
 */
#ifndef EXCEPTION_ENTRY_H
#define EXCEPTION_ENTRY_H

#include "types.h"

enum guest_exception {
	GUEST_UNDEF,	  /* Undefined Instruction */
	GUEST_PABT,	  /* Prefetch Abort: external, on a fetch */
	GUEST_DABT_READ,  /* Data Abort: external, on a read */
	GUEST_DABT_WRITE, /* on a write */
};

/* Where the guest was (its CPSR and the instruction's address, from
 * SPSR_hyp and ELR_hyp) and its controls of exception entry. */
struct guest_context {
	u32 cpsr, pc;
	u32 sctlr, vbar;
	bool lpae; /* TTBCR.EAE: the long-descriptor fault status format */
};

/* What taking the exception does. */
struct exception_entry {
	u32 mode;   /* the mode it is taken to */
	u32 lr;	    /* its LR_<mode> */
	u32 spsr;   /* its SPSR_<mode>: the CPSR it was taken from */
	u32 cpsr;   /* the CPSR it starts with */
	u32 vector; /* and where */
	u32 fsr;    /* DFSR/IFSR of an abort: a synchronous external one */
};

struct exception_entry exception_entry(enum guest_exception kind,
				       const struct guest_context *g);

/* Give the running guest the exception at the instruction it trapped on
 * (ELR_hyp); an abort's faulting address is `far`. */
void inject_exception(enum guest_exception kind, u32 far);

#endif
