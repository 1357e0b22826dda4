// SPDX-License-Identifier: MIT
/*
 * victim (isolation): owns fixed RAM and the PL031 RTC. It plants a marker
 * in its RAM, checks the RTC's peripheral ID, then keeps printing
 * heartbeats while the reader VM pokes at both, and finally checks that
 * the marker is still intact.
 */
#include "guest.h"
#include "isolation.h"

#define GUEST_RAM_IPA 0x40000000UL
#define MARKER_IPA    (GUEST_RAM_IPA + VICTIM_MARKER_OFFSET)

#define RTC_PERIPHID0 0xfe0
#define BEATS	      8
#define BEAT_US	      (100 * 1000)

/*
 * PeriphID0..3 of a PL031: part number 0x031, designer 0x41 (ARM). The
 * top nibble of PeriphID2 is the revision (QEMU reports 0x14), not checked.
 */
static const uint8_t rtc_periphid[4] = {0x31, 0x10, 0x04, 0x00};
static const uint8_t rtc_periphid_mask[4] = {0xff, 0xff, 0x0f, 0xff};

static void check_rtc(void)
{
	bool ok = true;
	uint32_t id[4];

	for (int i = 0; i < 4; i++) {
		id[i] = readl(RTC_BASE + RTC_PERIPHID0 + 4 * i) & 0xff;
		ok = ok && (id[i] & rtc_periphid_mask[i]) == rtc_periphid[i];
	}
	printf("rtc periphid 0x%02x 0x%02x 0x%02x 0x%02x\n", id[0], id[1],
	       id[2], id[3]);
	printf(ok ? "rtc periphid ok\n" : "rtc periphid WRONG\n");
}

void guest_main(unsigned long x0)
{
	(void)x0;
	writel(MARKER_IPA, VICTIM_MARKER);
	printf("victim up, marker 0x%x at IPA 0x%lx\n", VICTIM_MARKER,
	       MARKER_IPA);
	check_rtc();
	for (int i = 1; i <= BEATS; i++) {
		delay_us(BEAT_US);
		printf("heartbeat %d\n", i);
	}
	if (readl(MARKER_IPA) == VICTIM_MARKER)
		printf("marker intact\n");
	else
		printf("marker CHANGED to 0x%x\n", readl(MARKER_IPA));
}
