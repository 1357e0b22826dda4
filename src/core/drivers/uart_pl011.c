/* SPDX-License-Identifier: MIT */
/* Arm PL011 UART, transmit only: the hypervisor's console. */
#include "console.h"

#define UARTDR	      0x00
#define UARTFR	      0x18
#define UARTFR_TXFF   (1u << 5)
#define UARTFR_RXFE   (1u << 4)
#define UARTIMSC      0x38
#define UARTIMSC_RXIM (1u << 4)
#define UARTIMSC_TXIM (1u << 5)
#define UARTIMSC_RTIM (1u << 6)

static volatile u32 *reg(u64 base, unsigned off)
{
	return (volatile u32 *)(uintptr_t)(base + off);
}

/* Firmware or QEMU has set the line up; Bulkhead only transmits. */
void uart_init(u64 base)
{
	(void)base;
}

bool uart_tx_ready(u64 base)
{
	return !(*reg(base, UARTFR) & UARTFR_TXFF);
}

void uart_tx(u64 base, char c)
{
	*reg(base, UARTDR) = (u8)c;
}

/*
 * The transmit interrupt fires when the FIFO drains to its trigger level
 * after being above it; only the console's drainer changes the mask, so a
 * read-modify-write needs no lock (the receive interrupts stay masked).
 */
void uart_tx_irq(u64 base, bool on)
{
	volatile u32 *imsc = reg(base, UARTIMSC);

	*imsc = on ? (*imsc | UARTIMSC_TXIM) : (*imsc & ~UARTIMSC_TXIM);
}

bool uart_rx_ready(u64 base)
{
	return !(*reg(base, UARTFR) & UARTFR_RXFE);
}

u8 uart_rx(u64 base)
{
	return (u8)*reg(base,
			UARTDR); /* reading empties it: RXIM, RTIM clear */
}

/* Once, at boot, before the drainer may touch the mask. */
void uart_rx_irq_on(u64 base)
{
	*reg(base, UARTIMSC) |= UARTIMSC_RXIM | UARTIMSC_RTIM;
}

void uart_putc(u64 base, char c)
{
	while (!uart_tx_ready(base))
		;
	uart_tx(base, c);
}
