// SPDX-License-Identifier: MIT
/*
 * heartbeat: a bystander that outlives the scenario next to it. It prints
 * a numbered beat every 150 ms of counter time for 1.5 s, so a test can
 * assert that it kept running after another VM stopped or reset.
 */
#include "guest.h"

#define BEATS	10
#define BEAT_US (150 * 1000)

void guest_main(unsigned long x0)
{
	(void)x0;
	printf("heartbeat: %d beats, one every %d ms\n", BEATS, BEAT_US / 1000);
	for (int i = 1; i <= BEATS; i++) {
		delay_us(BEAT_US);
		printf("beat %d\n", i);
	}
	printf("heartbeat done\n");
}
