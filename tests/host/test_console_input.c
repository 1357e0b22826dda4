/* SPDX-License-Identifier: MIT */
/*
 * The keyboard (console/input.c) on the machine of system_fixture.h: typed
 * bytes reach the PL011 of the VM that has the keyboard, and Ctrl-\
 * commands list the VMs, move the keyboard, print exit counts, restart.
 */
#include "console.h"
#include "irq.h"
#include "platform.h"
#include "system_fixture.h"
#include "test.h"
#include "vuart.h"

#define ESC "\x1c"

static void type(const char *s)
{
	while (*s)
		console_input((u8)*s++);
}

/* What alpha's guest reads from its PL011's DR, until FR says empty. */
static unsigned guest_reads(char *buf, unsigned max)
{
	unsigned n = 0;

	for (;;) {
		struct mmio_access fr = {.ipa = ALPHA_CONSOLE_IPA + 0x18,
					 .size = 4};
		struct mmio_access dr = {.ipa = ALPHA_CONSOLE_IPA, .size = 4};

		vuart_mmio(&vm_get(0)->vcpus[0], &fr);
		if ((fr.value & (1u << 4)) || n == max) /* RXFE */
			return n;
		vuart_mmio(&vm_get(0)->vcpus[0], &dr);
		buf[n++] = (char)dr.value;
	}
}

TEST(console_input_keyboard_goes_to_the_first_vm_with_a_console)
{
	char got[8];

	system_boot();
	console_input_init();
	CHECK(logged("bulkhead: console: the keyboard is VM 0 'alpha''s "
		     "(Ctrl-\\ ? for help)\n"));
	CHECK(fake.uart_rx_irq);
	/* The UART's interrupt, on core 0, brings what was typed. */
	fake.cpu = 0;
	fake.uart_rx_bytes = "hi";
	irq_handle(NULL, platform.uart_irq);
	CHECK_EQ(fake.deactivated, 1);
	CHECK_EQ(guest_reads(got, sizeof(got)), 2);
	CHECK(got[0] == 'h' && got[1] == 'i');
	/* Ctrl-\ twice: one Ctrl-\ for the VM. */
	type(ESC ESC "x");
	CHECK_EQ(guest_reads(got, sizeof(got)), 2);
	CHECK(got[0] == 0x1c && got[1] == 'x');
}

TEST(console_input_commands)
{
	char got[8];

	system_boot();
	console_input_init();
	console_clear();
	type(ESC "l");
	CHECK(logged("bulkhead:   VM 0 'alpha': running, 2 vCPU(s), console, "
		     "has the keyboard\n"
		     "bulkhead:   VM 1 'beta': running, 1 vCPU(s), no "
		     "console\n"));
	type(ESC "1");
	CHECK(logged("bulkhead: console: VM 1 'beta' has no console\n"));
	type(ESC "7");
	CHECK(logged("bulkhead: console: there is no VM 7 (Ctrl-\\ l lists "
		     "them)\n"));
	type(ESC "?");
	CHECK(logged("bulkhead: console: Ctrl-\\ then: 0-9 the keyboard"));
	type(ESC "s");
	CHECK(logged("bulkhead:   VM 0 'alpha': 0 exits in "));
	CHECK(logged("bulkhead:   VM 1 'beta': 0 exits in "));
	/* Not a VM's number: no restart, and the keyboard is the VM's. */
	type(ESC "rx" ESC "r9");
	CHECK(logged("there is no VM 9"));
	CHECK(!logged("restarting"));
	CHECK_EQ(vm_get(0)->state, VM_RUNNING);
	CHECK_EQ(vm_get(1)->state, VM_RUNNING);
	type("y");
	CHECK_EQ(guest_reads(got, sizeof(got)), 1);
	CHECK_EQ(got[0], 'y'); /* after all that: only what was for it */
	type(ESC "0");
	CHECK(logged("bulkhead: console: the keyboard is VM 0 'alpha''s\n"));
}

/* A VM that is not running (here: loading) gets no keyboard bytes. */
TEST(console_input_only_reaches_a_running_vm)
{
	system_init();
	console_input_init();
	type("lost");
	CHECK_EQ(vm_get(0)->vuart.rx_count, 0);
}
