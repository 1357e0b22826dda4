/* SPDX-License-Identifier: MIT */
/*
 * What a guest may see of the ID registers (HCR.TID3 traps them): the
 * hardware's values, each 4-bit field capped to a limit, so a feature
 * that traps or that a guest is not given reads as not implemented.
 */
#ifndef ID_REGS_H
#define ID_REGS_H

#include "types.h"

/* A field's limit: SHOW, the hardware's value; UPTO, at most `max`. */
#define SHOW(shift)	 (0xfULL << (shift))
#define UPTO(shift, max) ((u64)(max) << (shift))

/*
 * The AArch32 ID registers: CRn 0, Opc1 0, CRm 1..3 (ID_PFR0 .. ID_MMFR5;
 * cp15 on AArch32, ID_*_EL1 on AArch64, where CRm 3 Opc2 0..2 are the
 * MVFRs that AArch32 reads with VMRS). Their limits, 0 for encodings
 * that hold nothing to show.
 */
#define AARCH32_ID_CRM_LAST 3
u32 aarch32_id_limits(unsigned crm, unsigned op2);

/* `value` with each field capped to its limit in `limits`. */
u64 id_fields_capped(u64 value, u64 limits);

#endif
