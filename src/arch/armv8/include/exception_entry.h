/* SPDX-License-Identifier: MIT */
#ifndef EXCEPTION_ENTRY_H
#define EXCEPTION_ENTRY_H

#include "types.h"

/* Features of the core that change what exception entry does. */
#define CPU_HAS_PAN  (1u << 0) /* FEAT_PAN: ID_AA64MMFR1_EL1.PAN */
#define CPU_HAS_SSBS (1u << 1) /* FEAT_SSBS: ID_AA64PFR1_EL1.SSBS */
#define CPU_HAS_MTE  (1u << 2) /* FEAT_MTE: ID_AA64PFR1_EL1.MTE */

/*
 * PSTATE for an exception taken to EL1h from a guest state `old` (its
 * SPSR_EL2), with the guest's SCTLR_EL1, on a core with `features`.
 */
u64 el1_exception_pstate(u64 old, u64 sctlr_el1, unsigned features);

#endif
