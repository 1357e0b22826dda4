/* SPDX-License-Identifier: MIT */
/* The shared console: one lock so lines from different cores never mix. */
#include "console.h"
#include "spinlock.h"

static u64 console_uart;
static struct spinlock console_lock = SPINLOCK_INIT;

void console_init(u64 uart_base)
{
	console_uart = uart_base;
	uart_init(uart_base);
}

void console_write(const char *s, size_t len)
{
	spin_lock(&console_lock);
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			uart_putc(console_uart, '\r');
		uart_putc(console_uart, s[i]);
	}
	spin_unlock(&console_lock);
}
