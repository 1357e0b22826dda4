// SPDX-License-Identifier: MIT
/*
 * flood: a hostile guest that tries to drown the hypervisor and the shared
 * console. As fast as it can it makes unknown calls through both conduits
 * (each must return NOT_SUPPORTED and print nothing), reads outside its
 * memory (each must abort, and the hypervisor's reports must be rate
 * limited), and prints a burst of console lines (beyond its byte budget:
 * dropped). Then it keeps quiet long enough for the limits to refill and
 * triggers one more report, which must carry the count of what was
 * suppressed, and one more line, which comes after the count of the
 * bytes dropped.
 */
#include <bulkhead/abi.h>
#include <stddef.h>

#include "guest.h"

#define UNKNOWN_BH_FID	0x860000abu
#define UNKNOWN_SIP_FID 0x82000042u
#define CALLS		100000
#define BAD_IPA		0x48000000UL
#define BAD_READS	200
#define LINES		1000
#define QUIET_US	(1200 * 1000)

/* Make CALLS calls of fid through c; return how many said NOT_SUPPORTED. */
static int unknown_calls(enum conduit c, uint32_t fid)
{
	int refused = 0;

	for (int i = 0; i < CALLS; i++)
		if (smccc_status(c, fid, 0, 0, 0) == SMCCC_NOT_SUPPORTED)
			refused++;
	return refused;
}

static void flood_calls(void)
{
	uint64_t start = counter_now();
	int hvc = unknown_calls(CONDUIT_HVC, UNKNOWN_BH_FID);
	int smc = unknown_calls(CONDUIT_SMC, UNKNOWN_SIP_FID);
	u64 ticks = counter_now() - start;

	printf("unknown calls returning -1: hvc %d/%d, smc %d/%d, in %llu "
	       "ticks\n",
	       hvc, CALLS, smc, CALLS, ticks);
}

/* One read of ipa with the abort armed; true if the abort came. Quiet:
 * the flood of its own console lines comes later. */
static bool bad_read(uintptr_t ipa)
{
	expect_abort_quiet();
	readl(ipa);
	return abort_taken(NULL);
}

static void flood_bad_reads(void)
{
	int caught = 0;

	for (int i = 0; i < BAD_READS; i++)
		if (bad_read(BAD_IPA + (uintptr_t)i * 4096))
			caught++;
	printf("bad reads aborted: %d/%d\n", caught, BAD_READS);
}

static void flood_console(void)
{
	for (int i = 1; i <= LINES; i++)
		printf("flood line %d\n", i);
}

void guest_main(unsigned long x0)
{
	(void)x0;
	printf("flood starts\n");
	flood_calls();
	flood_bad_reads();
	flood_console();
	delay_us(QUIET_US);
	printf("last bad read %s\n", bad_read(BAD_IPA) ? "aborted" : "MISSED");
	printf("flood done\n");
}
