// SPDX-License-Identifier: MIT
/*
 * smc: SMCCC handling in Bulkhead. Version queries through both conduits,
 * unknown calls (SiP over SMC and HVC, an unassigned Bulkhead call), the
 * Bulkhead UID and revision, a CONSOLE_WRITE with a bad count, and last
 * the firmware's PSCI SYSTEM_OFF issued directly with SMC: Bulkhead traps
 * it, so it must stop only this VM while the bystander keeps running.
 */
#include <bulkhead/abi.h>

#include "guest.h"

#define UNKNOWN_SIP_FID 0x82000042u
#define UNKNOWN_BH_FID	0x860000abu

static const char *const conduit_name[] = {"hvc", "smc"};

/*
 * Unknown Bulkhead IDs, on both sides of the hypervisor's fastest path
 * (function numbers between BH_HC_LAST and the 0xFF00 queries are refused
 * before anything is saved; the others go through the C dispatcher).
 */
static const uint32_t unknown_bh_fids[] = {
	UNKNOWN_BH_FID,		      /* fast path */
	UNKNOWN_BH_FID | 0x40000000u, /* its SMC64 form: fast path */
	0x86000000u | (BH_HC_LAST + 1),
	0x86000000u | (BH_HC_QUERIES - 1),
	0x86000000u, /* number 0: C */
	0x8600ff02u, /* an unused query: C */
};

static void check(const char *what, enum conduit c, int32_t got, int32_t want)
{
	printf("%s via %s = %d: %s\n", what, conduit_name[c], got,
	       got == want ? "ok" : "WRONG");
}

static void check_unknown_bulkhead_calls(void)
{
	unsigned ok = 0, n = sizeof(unknown_bh_fids) / sizeof(*unknown_bh_fids);

	for (unsigned i = 0; i < n; i++)
		ok += smccc_status(CONDUIT_HVC, unknown_bh_fids[i], 0, 0, 0) ==
		      SMCCC_NOT_SUPPORTED;
	check("unknown Bulkhead call", CONDUIT_HVC,
	      smccc_status(CONDUIT_HVC, UNKNOWN_BH_FID, 0, 0, 0),
	      SMCCC_NOT_SUPPORTED);
	printf("unknown Bulkhead IDs refused: %u/%u\n", ok, n);
}

static void check_version(enum conduit c)
{
	int32_t v = smccc_status(c, SMCCC_VERSION, 0, 0, 0);

	printf("SMCCC_VERSION via %s = 0x%x: %s\n", conduit_name[c],
	       (uint32_t)v, v == SMCCC_VERSION_1_1 ? "ok" : "WRONG");
}

static void check_uid(void)
{
	struct smccc_res r = smccc(CONDUIT_HVC, BH_HC_CALL_UID, 0, 0, 0);
	uint32_t w[4] = {r.a0, r.a1, r.a2, r.a3};
	bool ok = w[0] == BH_UID_W0 && w[1] == BH_UID_W1 && w[2] == BH_UID_W2 &&
		  w[3] == BH_UID_W3;

	printf("CALL_UID = %08x %08x %08x %08x: %s\n", w[0], w[1], w[2], w[3],
	       ok ? "ok" : "WRONG");
}

static void check_revision(void)
{
	struct smccc_res r = smccc(CONDUIT_HVC, BH_HC_REVISION, 0, 0, 0);

	printf("REVISION = %u.%u: %s\n", (uint32_t)r.a0, (uint32_t)r.a1,
	       r.a0 == BH_ABI_MAJOR && r.a1 == BH_ABI_MINOR ? "ok" : "WRONG");
}

static void print_call_count(void)
{
	struct smccc_res r = smccc(CONDUIT_HVC, BH_HC_CALL_COUNT, 0, 0, 0);

	printf("CALL_COUNT = %u\n", (uint32_t)r.a0);
}

void guest_main(unsigned long x0)
{
	(void)x0;
	check_version(CONDUIT_SMC);
	check_version(CONDUIT_HVC);
	check("unknown SiP call", CONDUIT_SMC,
	      smccc_status(CONDUIT_SMC, UNKNOWN_SIP_FID, 0, 0, 0),
	      SMCCC_NOT_SUPPORTED);
	check("unknown SiP call", CONDUIT_HVC,
	      smccc_status(CONDUIT_HVC, UNKNOWN_SIP_FID, 0, 0, 0),
	      SMCCC_NOT_SUPPORTED);
	check_unknown_bulkhead_calls();
	check_uid();
	check_revision();
	print_call_count();
	check("CONSOLE_WRITE(25 bytes)", CONDUIT_HVC,
	      smccc_status(CONDUIT_HVC, BH_HC_CONSOLE_WRITE,
			   BH_CONSOLE_WRITE_MAX + 1, 0, 0),
	      SMCCC_INVALID_PARAMETER);
	printf("firmware SYSTEM_OFF via smc\n");
	psci_system_off(CONDUIT_SMC);
}
