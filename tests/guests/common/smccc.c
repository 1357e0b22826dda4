// SPDX-License-Identifier: MIT
/*
 * SMCCC calls through HVC or SMC: eight arguments in, four results out
 * (registers and clobbers: DEFINE_SMCCC_CALL in guest_arch.h).
 */
#include "guest.h"

DEFINE_SMCCC_CALL(call_hvc, "hvc #0")
DEFINE_SMCCC_CALL(call_smc, "smc #0")

struct smccc_res smccc_call(enum conduit c, const unsigned long args[8])
{
#ifdef GUEST_NATIVE
	/* Without EL2 and EL3, QEMU's PSCI answers HVC and SMC is UNDEFINED. */
	c = CONDUIT_HVC;
#endif
	return c == CONDUIT_SMC ? call_smc(args) : call_hvc(args);
}

struct smccc_res smccc(enum conduit c, uint32_t fid, unsigned long a1,
		       unsigned long a2, unsigned long a3)
{
	const unsigned long args[8] = {fid, a1, a2, a3};

	return smccc_call(c, args);
}

int32_t smccc_status(enum conduit c, uint32_t fid, unsigned long a1,
		     unsigned long a2, unsigned long a3)
{
	/* Only w0 is defined for SMC32 results; PSCI codes fit in it. */
	return (int32_t)(uint32_t)smccc(c, fid, a1, a2, a3).a0;
}
