// SPDX-License-Identifier: MIT
/*
 * The flood beside the benchmark (bench/configs/bench-flood): a VM that
 * writes console lines as fast as it can for FLOOD_SECONDS of its virtual
 * counter, longer than the benchmark VM's console_call samples take,
 * then powers its VM off. Nearly all of it is over its budget and
 * dropped; make bench measures whether the benchmark VM's console call
 * notices. It runs on the test guests' runtime (tests/guests/common/).
 */
#include "guest.h"

#define FLOOD_SECONDS 2

void guest_main(unsigned long x0)
{
	uint64_t end = counter_now() + FLOOD_SECONDS * counter_freq();

	(void)x0;
	for (unsigned long n = 0; counter_now() < end; n++)
		printf("flood line %lu\n", n);
}
