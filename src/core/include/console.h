/* SPDX-License-Identifier: MIT */
/* The physical console (platform UART), shared by all cores. */
#ifndef CONSOLE_H
#define CONSOLE_H

#include "types.h"

void console_init(u64 uart_base);
/* Write whole lines atomically with respect to other cores. */
void console_write(const char *s, size_t len);

/* The UART driver the console uses (src/core/uart_pl011.c). */
void uart_init(u64 base);
void uart_putc(u64 base, char c);

#endif
