/* SPDX-License-Identifier: MIT */
/*
 * The physical console (the platform's UART), shared by all cores, where
 * no VM can stall another: each VM writes into a ring of its own, and so
 * does the hypervisor; whoever finds the drain lock free moves lines from
 * the rings to the UART while its FIFO has room, without ever waiting
 * (src/core/console/console.c, docs/design.md).
 */
#ifndef CONSOLE_H
#define CONSOLE_H

#include "types.h"

/* A fresh console on this UART, with only the hypervisor's ring. */
void console_init(u64 uart_base);
/* Give VM `vm` (its index) its ring, printed as "[name] ", and 1/vms of
 * the line rate (CONFIG_CONSOLE_BAUD) as its budget. */
void console_vm_init(unsigned vm, const char *name, unsigned vms);

/* Queue the hypervisor's own log lines ("bulkhead: ..."). */
void console_write(const char *s, size_t len);
/* Queue a VM's bytes; dropped, and counted, if over its budget or ring. */
void console_vm_write(unsigned vm, const char *s, size_t len);

/*
 * Before the hypervisor says something about VM `vm` (it stopped, it
 * restarts): let what the VM queued go out first, so the message comes
 * after the VM's last lines. Waits on this core only, at most the time the
 * UART needs for a full ring.
 */
void console_vm_settle(unsigned vm);

/* Move what the UART takes now, unless another core is at it. */
void console_drain(void);
/* Before powering off: wait until everything queued is out. */
void console_flush(void);
/*
 * The keyboard (src/core/console/input.c): what the UART receives goes to
 * one VM's console at a time; Ctrl-\ starts a command for the hypervisor.
 * console_input_init() gives the keyboard to the first VM with a console
 * and turns the UART's receive interrupt on; console_receive() takes what
 * arrived (the UART's interrupt).
 */
void console_input_init(void);
void console_receive(void);
void console_input(u8 c);

/* A panic report: straight to the UART, past the rings, busy-waiting. */
void console_write_sync(const char *s, size_t len);

/* The UART driver the console uses (src/core/drivers/uart_pl011.c). */
void uart_init(u64 base);
/* Does the transmit FIFO take one more byte? Then uart_tx() puts it. */
bool uart_tx_ready(u64 base);
void uart_tx(u64 base, char c);
/* The transmit interrupt: on while bytes wait for FIFO space. */
void uart_tx_irq(u64 base, bool on);
/* Received bytes: is one there, take it; the receive interrupts on. */
bool uart_rx_ready(u64 base);
u8 uart_rx(u64 base);
void uart_rx_irq_on(u64 base);
/* One byte, waiting for FIFO space: early boot and panics only. */
void uart_putc(u64 base, char c);

#endif
