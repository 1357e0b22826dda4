// SPDX-License-Identifier: MIT
/*
 * reader (isolation): tries to reach what belongs to the victim VM: its
 * RAM by physical address (read, then write over its marker) and the RTC
 * passed through to it. Each access lies outside the reader's stage-2 map,
 * so Bulkhead must inject an external abort, which the reader catches and
 * reports. Then it shows it can still run and stops.
 */
#include "guest.h"
#include "isolation.h"

#define BEATS	4
#define BEAT_US (75 * 1000)

/* Read 32 bits at ipa expecting an abort; true if it came. */
static bool read_aborts(unsigned long ipa)
{
	struct abort_info abort;
	uint32_t value;

	expect_abort();
	value = readl(ipa);
	if (!abort_taken(&abort)) {
		printf("read of IPA 0x%lx returned 0x%x: NOT ISOLATED\n", ipa,
		       value);
		return false;
	}
	printf("caught abort reading IPA 0x%lx: ESR 0x%lx FAR 0x%lx\n", ipa,
	       abort.esr, abort.far);
	return true;
}

static bool write_aborts(unsigned long ipa, uint32_t value)
{
	struct abort_info abort;

	expect_abort();
	writel(ipa, value);
	if (!abort_taken(&abort)) {
		printf("write of IPA 0x%lx did not abort: NOT ISOLATED\n", ipa);
		return false;
	}
	printf("caught abort writing IPA 0x%lx: ESR 0x%lx FAR 0x%lx\n", ipa,
	       abort.esr, abort.far);
	return true;
}

void guest_main(unsigned long x0)
{
	(void)x0;
	printf("reader up\n");
	if (read_aborts(VICTIM_RAM_PA))
		printf("foreign memory read aborted\n");
	if (write_aborts(VICTIM_RAM_PA + VICTIM_MARKER_OFFSET, 0xbad0bad0))
		printf("foreign memory write aborted\n");
	if (read_aborts(RTC_BASE))
		printf("foreign device read aborted\n");
	for (int i = 1; i <= BEATS; i++) {
		delay_us(BEAT_US);
		printf("heartbeat %d\n", i);
	}
}
