// SPDX-License-Identifier: MIT
/*
 * hello: the smallest useful guest. Prints who it is and what it was given
 * in x0, checks the DTB header if there is one, ticks five times and
 * powers its VM off.
 */
#include "guest.h"

#define FDT_MAGIC 0xd00dfeed

static void check_dtb(unsigned long dtb)
{
	/* The FDT header is big-endian. */
	uint32_t magic = __builtin_bswap32(readl(dtb));

	if (magic == FDT_MAGIC)
		printf("dtb magic ok at 0x%lx, size 0x%x\n", dtb,
		       __builtin_bswap32(readl(dtb + 4)));
	else
		printf("dtb magic BAD at 0x%lx: 0x%x\n", dtb, magic);
}

void guest_main(unsigned long x0)
{
	printf("hello from vCPU %u, MPIDR 0x%lx\n", this_vcpu(),
	       read_sysreg(mpidr_el1));
	printf("MIDR 0x%lx\n", read_sysreg(midr_el1));
	printf("x0 = 0x%lx\n", x0);
	if (x0)
		check_dtb(x0);
	for (int i = 1; i <= 5; i++) {
		delay_us(10 * 1000);
		printf("tick %d\n", i);
	}
}
