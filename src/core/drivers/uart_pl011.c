/* SPDX-License-Identifier: MIT */
/* Arm PL011 UART, transmit only: the hypervisor's console. */
#include "console.h"

#define UARTDR	    0x00
#define UARTFR	    0x18
#define UARTFR_TXFF (1u << 5)

static volatile u32 *reg(u64 base, unsigned off)
{
	return (volatile u32 *)(uintptr_t)(base + off);
}

/* Firmware or QEMU has set the line up; Bulkhead only transmits. */
void uart_init(u64 base)
{
	(void)base;
}

void uart_putc(u64 base, char c)
{
	while (*reg(base, UARTFR) & UARTFR_TXFF)
		;
	*reg(base, UARTDR) = (u8)c;
}
