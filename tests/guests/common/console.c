// SPDX-License-Identifier: MIT
/*
 * Console output. Under Bulkhead: the CONSOLE_WRITE hypercall, which
 * buffers per vCPU and prints whole lines, so every chunk we send ends at a
 * newline or is full. With -DGUEST_NATIVE (no hypervisor): the PL011 UART
 * of QEMU virt, written directly.
 */
#include <bulkhead/abi.h>

#include "guest.h"

#ifdef GUEST_NATIVE

#define PL011_BASE  0x09000000UL
#define UARTDR	    0x00
#define UARTFR	    0x18
#define UARTFR_TXFF (1u << 5)

void console_write(const char *s, unsigned long len)
{
	for (unsigned long i = 0; i < len; i++) {
		while (readl(PL011_BASE + UARTFR) & UARTFR_TXFF)
			;
		writel(PL011_BASE + UARTDR, (uint8_t)s[i]);
	}
}

#else

/* Length of the next chunk: up to BH_CONSOLE_WRITE_MAX, ending at '\n'. */
static unsigned long chunk_len(const char *s, unsigned long len)
{
	unsigned long n = 0;

	while (n < len && n < BH_CONSOLE_WRITE_MAX)
		if (s[n++] == '\n')
			break;
	return n;
}

static void write_chunk(const char *s, unsigned long n)
{
	unsigned long args[8] = {BH_HC_CONSOLE_WRITE, n};

	/* Byte i goes to bits 8 * (i % 4) of w(2 + i / 4). */
	for (unsigned long i = 0; i < n; i++)
		args[2 + i / 4] |= (unsigned long)(uint8_t)s[i]
				   << (8 * (i % 4));
	smccc_call(CONDUIT_HVC, args);
}

void console_write(const char *s, unsigned long len)
{
	while (len) {
		unsigned long n = chunk_len(s, len);

		write_chunk(s, n);
		s += n;
		len -= n;
	}
}

#endif
