// SPDX-License-Identifier: MIT
/*
 * SMCCC calls through HVC or SMC: arguments in x0..x7, results in x0..x3.
 * SMCCC 1.0 callees may also corrupt x4..x17, so the asm says so.
 */
#include "guest.h"

#define SMCCC_CLOBBERS                                                         \
	"x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15", "x16", "x17",    \
		"memory"

/* One function per conduit, the same body with another instruction. */
#define DEFINE_SMCCC_CALL(name, insn)                                          \
	static struct smccc_res name(const unsigned long a[8])                 \
	{                                                                      \
		register unsigned long x0 __asm__("x0") = a[0];                \
		register unsigned long x1 __asm__("x1") = a[1];                \
		register unsigned long x2 __asm__("x2") = a[2];                \
		register unsigned long x3 __asm__("x3") = a[3];                \
		register unsigned long x4 __asm__("x4") = a[4];                \
		register unsigned long x5 __asm__("x5") = a[5];                \
		register unsigned long x6 __asm__("x6") = a[6];                \
		register unsigned long x7 __asm__("x7") = a[7];                \
                                                                               \
		__asm__ volatile(insn                                          \
				 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3),     \
				   "+r"(x4), "+r"(x5), "+r"(x6), "+r"(x7)      \
				 :                                             \
				 : SMCCC_CLOBBERS);                            \
		return (struct smccc_res){x0, x1, x2, x3};                     \
	}

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
