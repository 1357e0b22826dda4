/* SPDX-License-Identifier: MIT */
/* The ARMv7 early stops: not entered in HYP mode, not at the link address. */
#include "arch.h"
#include "asm_defs.h"
#include "boot.h"
#include "console.h"
#include "lib.h"
#include "platform.h"

noreturn void early_stop_mode(u32 mode);
noreturn void early_stop_moved(uintptr_t running, uintptr_t linked);

static const char *mode_name(u32 mode)
{
	switch (mode) {
	case 0x10:
		return "User";
	case 0x13:
		return "Supervisor";
	case 0x16:
		return "Monitor";
	case 0x1f:
		return "System";
	}
	return "another";
}

noreturn void early_stop_mode(u32 mode)
{
	char msg[200];

	format(msg, sizeof(msg),
	       "bulkhead: error: entered in %s mode (0x%x), not HYP mode. "
	       "Start it in HYP mode (QEMU: -M virt,virtualization=on).\r\n",
	       mode_name(mode), (unsigned)mode);
	early_stop(msg);
}

/*
 * The ARMv7 early stop for a wrong load address. Away from its link
 * address the image's literal pools still hold linked addresses (ARM code
 * reaches data through them, AArch64's through PC-relative ADRP), so the
 * shared early_stop_address() would read nothing of its own. Here every
 * address used is moved by the load offset by hand, and nothing called
 * takes an address: no format(), no tables; uart_putc() only computes.
 */
static void moved_puts(u64 uart, const char *s, uintptr_t offset)
{
	for (s = (const char *)((uintptr_t)s + offset); *s; s++)
		uart_putc(uart, *s);
}

static void puthex(u64 uart, u32 value)
{
	uart_putc(uart, '0');
	uart_putc(uart, 'x');
	for (int shift = 28; shift >= 0; shift -= 4) {
		unsigned digit = (value >> shift) & 0xf;

		uart_putc(uart,
			  (char)(digit < 10 ? '0' + digit : 'a' + digit - 10));
	}
}

noreturn void early_stop_moved(uintptr_t running, uintptr_t linked)
{
	uintptr_t offset = running - linked;
	const struct platform *moved =
		(const void *)((uintptr_t)&platform + offset);
	u64 uart = moved->uart_base;

	moved_puts(uart, "bulkhead: error: loaded at ", offset);
	puthex(uart, running);
	moved_puts(uart, " but linked for ", offset);
	puthex(uart, linked);
	moved_puts(uart, ".\r\n" LOAD_HINT, offset);
	arch_halt();
}
