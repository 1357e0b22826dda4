/* SPDX-License-Identifier: MIT */
/*
 * The keyboard (console.h): what arrives on the hypervisor's UART goes to
 * the console of one VM at a time. Ctrl-\ starts a command for the
 * hypervisor (QEMU's -nographic keeps Ctrl-A for itself):
 *   Ctrl-\ 0..9   the keyboard to that VM
 *   Ctrl-\ l      list the VMs: state, vCPUs, which has the keyboard
 *   Ctrl-\ s      each VM's guest exits by cause since its (re)start
 *   Ctrl-\ r N    restart VM N
 *   Ctrl-\ ?      this help (so does any other key)
 *   Ctrl-\ Ctrl-\ one Ctrl-\ for the VM
 * A VM gets its bytes in its emulated UART's receive FIFO (VUART_FIFO):
 * a VM that does not read loses what comes after, and no one else does.
 * Runs on the core that takes the UART's interrupt; the work per byte is
 * bounded (a FIFO slot, at most one virtual interrupt).
 */
#include "arch.h"
#include "console.h"
#include "exit_stats.h"
#include "log.h"
#include "platform.h"
#include "vm.h"
#include "vuart.h"

#define ESCAPE 0x1c /* Ctrl-\ */

enum input_mode { TO_VM, COMMAND, RESTART_WHICH };

static enum input_mode mode;
static unsigned focus;

static bool has_console(const struct vm *vm)
{
	return vm->cfg->console.ipa != 0;
}

static const char *const state_names[] = {
	[VM_RUNNING] = "running",      [VM_STOPPING] = "stopping",
	[VM_RESETTING] = "restarting", [VM_STOPPED] = "stopped",
	[VM_LOADING] = "loading",
};

static void list_vms(void)
{
	for (unsigned i = 0; i < vm_count(); i++) {
		const struct vm *vm = vm_get(i);

		log_info("  VM %u '%s': %s, %u vCPU(s)%s%s", i, vm->cfg->name,
			 state_names[vm->state], vm->vcpu_count,
			 has_console(vm) ? ", console" : ", no console",
			 i == focus ? ", has the keyboard" : "");
	}
}

/* One line per VM: its exits since its (re)start, by cause, and per
 * second of that time. */
static void print_exit_stats(void)
{
	char line[224];

	for (unsigned i = 0; i < vm_count(); i++) {
		const struct vm *vm = vm_get(i);

		exit_stats_format(vm, arch_counter() - vm->counter_offset,
				  arch_counter_freq(), line, sizeof(line));
		log_info("  %s", line);
	}
}

static void help(void)
{
	log_info("console: Ctrl-\\ then: 0-9 the keyboard to that VM, l list "
		 "the VMs, s their exit counts, r and a digit restart that "
		 "VM, Ctrl-\\ a Ctrl-\\ for the VM");
}

static bool valid_vm(unsigned i)
{
	if (i < vm_count())
		return true;
	log_info("console: there is no VM %u (Ctrl-\\ l lists them)", i);
	return false;
}

static void give_keyboard(unsigned i)
{
	if (!valid_vm(i))
		return;
	if (!has_console(vm_get(i))) {
		log_info("console: VM %u '%s' has no console", i,
			 vm_get(i)->cfg->name);
		return;
	}
	focus = i;
	log_info("console: the keyboard is VM %u '%s''s", i,
		 vm_get(i)->cfg->name);
}

static void restart(u8 c)
{
	unsigned i = (unsigned)(c - '0');

	if (c < '0' || c > '9' || !valid_vm(i))
		return;
	log_info("console: restarting VM %u '%s'", i, vm_get(i)->cfg->name);
	vm_request_restart(vm_get(i));
}

static void to_vm(u8 c)
{
	struct vm *vm = vm_get(focus);

	if (has_console(vm) && vm->state == VM_RUNNING)
		vuart_receive(vm, c);
}

static void command(u8 c)
{
	mode = TO_VM;
	if (c >= '0' && c <= '9')
		give_keyboard((unsigned)(c - '0'));
	else if (c == 'l')
		list_vms();
	else if (c == 's')
		print_exit_stats();
	else if (c == 'r')
		mode = RESTART_WHICH;
	else if (c == ESCAPE)
		to_vm(c);
	else
		help();
}

void console_input(u8 c)
{
	switch (mode) {
	case COMMAND:
		command(c);
		break;
	case RESTART_WHICH:
		mode = TO_VM;
		restart(c);
		break;
	default:
		if (c == ESCAPE)
			mode = COMMAND;
		else
			to_vm(c);
	}
}

void console_receive(void)
{
	while (uart_rx_ready(platform.uart_base))
		console_input(uart_rx(platform.uart_base));
}

void console_input_init(void)
{
	for (focus = 0; focus < vm_count(); focus++)
		if (has_console(vm_get(focus)))
			break;
	if (focus == vm_count()) {
		focus = 0;
		return; /* no VM takes input: leave the receiver quiet */
	}
	log_info("console: the keyboard is VM %u '%s''s (Ctrl-\\ ? for help)",
		 focus, vm_get(focus)->cfg->name);
	uart_rx_irq_on(platform.uart_base);
}
