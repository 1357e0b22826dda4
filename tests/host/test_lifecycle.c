/* SPDX-License-Identifier: MIT */
/*
 * The VM and vCPU lifecycle across cores (vcpu.c, vm.c), on the whole
 * machine of system_fixture.h: boot, CPU_ON and CPU_OFF between siblings,
 * SYSTEM_OFF and SYSTEM_RESET with siblings running, the last VM's stop,
 * restarts from the console in each VM state, interrupts at an off
 * vCPU's core, and what each of these logs.
 */
#include <string.h>

#include <bulkhead/abi.h>

#include "console.h"
#include "gic.h"
#include "system_fixture.h"
#include "test.h"

#define SIBLING_ENTRY (ALPHA_RAM_IPA + 0x2000)

static struct vm *alpha(void)
{
	return vm_get(0);
}

static struct vm *beta(void)
{
	return vm_get(1);
}

static bool ipi_sent_to(unsigned cpu)
{
	return (fake.ipis >> cpu) & 1;
}

static bool entered(const struct vcpu *v, enum vcpu_start kind, u64 pc, u64 arg)
{
	return fake.left == FAKE_ENTERED && fake.entered == v &&
	       fake.entered_kind == kind && fake.entered_pc == pc &&
	       fake.entered_arg == arg;
}

/* vCPU 0 at its VM's (re)start, with its DTB (or 0) as argument. */
static bool booted(const struct vcpu *v, u64 pc, u64 dtb)
{
	return entered(v, VCPU_START_BOOT, pc, dtb);
}

/* A vCPU a sibling's CPU_ON started, with its context ID. */
static bool cpu_on_entered(const struct vcpu *v, u64 pc, u64 context)
{
	return entered(v, VCPU_START_CPU_ON, pc, context);
}

TEST(lifecycle_vms_init_logs_the_boot_table)
{
	system_init();
	CHECK(logged("bulkhead: VM 0 'alpha': 2 vCPU(s), VMID 1\n"));
	CHECK(logged("bulkhead:   vCPU 1 on CPU 2\n"));
	CHECK(logged("bulkhead:   RAM    IPA 0x040000000 -> PA 0x"));
	CHECK(logged(", 2048 KiB\n"));
	CHECK(logged("bulkhead:   device IPA 0x009010000 -> PA 0x009010000, "
		     "4 KiB (rtc)\n"));
	CHECK(logged("bulkhead:   IRQ    34\n"));
	CHECK(logged("bulkhead:   image IPA 0x040001000, 2 KiB\n"));
	CHECK(logged("bulkhead:   DTB IPA 0x040100000, 0 KiB\n"));
	CHECK(logged("bulkhead: VM 1 'beta': 1 vCPU(s), VMID 2\n"));
	CHECK(logged("bulkhead:   vCPU 0 on CPU 3\n"));
	CHECK_EQ(alpha()->state, VM_LOADING);
	CHECK_EQ(beta()->state, VM_LOADING);
	CHECK(!cpu_in_use(0));
	CHECK(cpu_in_use(1) && cpu_in_use(2) && cpu_in_use(3));
}

/* Powers itself off, but takes (and drops) what was routed to it first. */
TEST(lifecycle_a_core_in_no_vm_powers_off)
{
	system_init();
	console_clear();
	fake.acks[fake.ack_count++] = ALPHA_SPI;
	CHECK_EQ(run_core(0), FAKE_CPU_OFF);
	CHECK_EQ(fake.deactivated, 1);
	CHECK(logged("bulkhead: interrupt 34 on CPU 0, which runs no VM\n"
		     "bulkhead: CPU 0 is in no VM: powering it off\n"));
}

/* vCPU 0's core loads its VM and enters it; a restart asked for while it
 * loads only wakes that core (to end a reset storm's wait, if any), and
 * vCPU 1's core waits. */
TEST(lifecycle_boot_loads_each_vm_and_enters_its_vcpu_0)
{
	system_init();
	console_clear();
	vm_request_restart(alpha());
	CHECK_EQ(alpha()->state, VM_LOADING);
	CHECK_EQ(fake.ipis, 1u << alpha()->vcpus[0].cpu);
	CHECK_EQ(run_core(1), FAKE_ENTERED);
	CHECK(booted(&alpha()->vcpus[0], ALPHA_ENTRY, ALPHA_DTB_IPA));
	CHECK_EQ(alpha()->state, VM_RUNNING);
	CHECK_EQ(alpha()->vcpus[0].state, VCPU_ON);
	CHECK_EQ(system_ram(0)[ALPHA_ENTRY - ALPHA_RAM_IPA], 0xa1);
	CHECK_EQ(system_ram(0)[0], 0);
	CHECK(!logged("restarting"));
	CHECK_EQ(run_core(2), FAKE_SLEPT);
	CHECK_EQ(alpha()->vcpus[1].state, VCPU_OFF);
	CHECK_EQ(beta()->state, VM_LOADING); /* its own core loads it */
	CHECK_EQ(run_core(3), FAKE_ENTERED);
	CHECK(booted(&beta()->vcpus[0], BETA_ENTRY, 0));
	CHECK_EQ(beta()->state, VM_RUNNING);
}

TEST(lifecycle_cpu_on_and_off_between_siblings)
{
	struct vcpu *v0, *v1;

	system_boot();
	v0 = &alpha()->vcpus[0];
	v1 = &alpha()->vcpus[1];
	CHECK_EQ(guest_call(v0, PSCI_CPU_ON | PSCI_SMC64, 1, SIBLING_ENTRY,
			    0x77),
		 PSCI_SUCCESS);
	CHECK_EQ(fake.left, FAKE_NOT_LEFT);
	CHECK_EQ(v1->state, VCPU_ON_PENDING);
	CHECK(ipi_sent_to(2));
	CHECK_EQ(run_core(2), FAKE_ENTERED);
	CHECK(cpu_on_entered(v1, SIBLING_ENTRY, 0x77));
	CHECK_EQ(v1->state, VCPU_ON);
	CHECK_EQ(guest_call(v0, PSCI_CPU_ON, 1, SIBLING_ENTRY, 0),
		 PSCI_ALREADY_ON);
	CHECK_EQ(guest_call(v0, PSCI_AFFINITY_INFO, 1, 0, 0), PSCI_AFFINITY_ON);

	fake.ipis = 0;
	guest_call(v1, PSCI_CPU_OFF, 0, 0, 0);
	CHECK_EQ(fake.left, FAKE_PARKED);
	CHECK_EQ(v1->state, VCPU_OFF);
	CHECK(fake.vcpu_parked);
	CHECK(ipi_sent_to(1)); /* vCPU 0's core may be waiting for it */
	CHECK_EQ(alpha()->state, VM_RUNNING);
	CHECK_EQ(run_core(2), FAKE_SLEPT);
	CHECK_EQ(guest_call(v0, PSCI_AFFINITY_INFO, 1, 0, 0),
		 PSCI_AFFINITY_OFF);

	CHECK_EQ(guest_call(v0, PSCI_CPU_ON, 1, SIBLING_ENTRY, 0x88),
		 PSCI_SUCCESS);
	CHECK_EQ(run_core(2), FAKE_ENTERED);
	CHECK(cpu_on_entered(v1, SIBLING_ENTRY, 0x88));
}

/* vCPU 0 started again by its sibling's CPU_ON enters as CPU_ON wants
 * (AArch32: context ID in r0), not as a boot; the VM's SYSTEM_RESET then
 * starts it as a boot again (AArch32: DTB in r2). */
TEST(lifecycle_vcpu_0_starts_as_a_boot_only_at_the_vms_start)
{
	struct vcpu *v0, *v1;

	system_boot();
	v0 = &alpha()->vcpus[0];
	v1 = &alpha()->vcpus[1];
	guest_call(v0, PSCI_CPU_ON, 1, SIBLING_ENTRY, 0);
	CHECK_EQ(run_core(2), FAKE_ENTERED);
	guest_call(v0, PSCI_CPU_OFF, 0, 0, 0);
	CHECK_EQ(fake.left, FAKE_PARKED);
	CHECK_EQ(guest_call(v1, PSCI_CPU_ON, 0, SIBLING_ENTRY, 0x55),
		 PSCI_SUCCESS);
	CHECK_EQ(run_core(1), FAKE_ENTERED);
	CHECK(cpu_on_entered(v0, SIBLING_ENTRY, 0x55));

	guest_call(v0, PSCI_SYSTEM_RESET, 0, 0, 0);
	CHECK_EQ(guest_takes_ipi(v1), FAKE_PARKED);
	CHECK_EQ(run_core(1), FAKE_ENTERED);
	CHECK(booted(v0, ALPHA_ENTRY, ALPHA_DTB_IPA));
}

/* vCPU 0's CPU_ON, made on its own core while vCPU 1's core is on its way
 * out of CPU_OFF (after the locked step, before it idles). */
static s64 racing_cpu_on;

static void sibling_cpu_on(void)
{
	unsigned cpu = fake.cpu;

	fake.vcpu_park_hook = NULL;
	racing_cpu_on = guest_call(&alpha()->vcpus[0], PSCI_CPU_ON, 1,
				   SIBLING_ENTRY, 0x99);
	fake.cpu = cpu;
}

/* Issue 9 §3: the CPU_ON was told SUCCESS, so vCPU 1 comes back on. */
TEST(lifecycle_cpu_on_right_after_cpu_off_stands)
{
	struct vcpu *v1;

	system_boot();
	v1 = &alpha()->vcpus[1];
	guest_call(&alpha()->vcpus[0], PSCI_CPU_ON, 1, SIBLING_ENTRY, 0);
	CHECK_EQ(run_core(2), FAKE_ENTERED);
	fake.ipis = 0;
	fake.vcpu_park_hook = sibling_cpu_on;
	guest_call(v1, PSCI_CPU_OFF, 0, 0, 0);
	CHECK_EQ(fake.left, FAKE_PARKED);
	CHECK_EQ(racing_cpu_on, PSCI_SUCCESS);
	CHECK(ipi_sent_to(2));
	CHECK_EQ(run_core(2), FAKE_ENTERED);
	CHECK(cpu_on_entered(v1, SIBLING_ENTRY, 0x99));
}

/* Ctrl-\ r <digit> on the hypervisor's console, taken on core 0. */
static void restart_from_console(unsigned vm)
{
	fake.cpu = 0;
	console_input(0x1c);
	console_input('r');
	console_input((u8)('0' + vm));
}

/* SYSTEM_OFF from vCPU 1 while vCPU 0 runs: vCPU 0 leaves at its IPI,
 * its core finishes the stop; the other VM runs on. Then a restart from
 * the console reloads the stopped VM from scratch. */
TEST(lifecycle_system_off_then_restart_from_the_console)
{
	struct vcpu *v0, *v1;

	system_boot();
	v0 = &alpha()->vcpus[0];
	v1 = &alpha()->vcpus[1];
	guest_call(v0, PSCI_CPU_ON, 1, SIBLING_ENTRY, 0);
	CHECK_EQ(run_core(2), FAKE_ENTERED);
	fake.ipis = 0;
	guest_call(v1, PSCI_SYSTEM_OFF, 0, 0, 0);
	CHECK_EQ(fake.left, FAKE_PARKED);
	CHECK_EQ(alpha()->state, VM_STOPPING);
	CHECK_EQ(v1->state, VCPU_OFF);
	CHECK_EQ(v0->state, VCPU_ON);
	CHECK(ipi_sent_to(1));
	CHECK_EQ(guest_takes_ipi(v0), FAKE_PARKED);
	CHECK_EQ(v0->state, VCPU_OFF);
	CHECK(!logged("stopped"));
	CHECK_EQ(run_core(1), FAKE_SLEPT);
	CHECK_EQ(alpha()->state, VM_STOPPED);
	CHECK(logged("bulkhead: VM 'alpha' stopped (SYSTEM_OFF)\n"));
	CHECK_EQ(fake.system_offs, 0);
	CHECK_EQ(beta()->state, VM_RUNNING);
	CHECK_EQ(run_core(1), FAKE_SLEPT); /* nothing more to do */

	memset(system_ram(0), 0xa5, SYSTEM_RAM_SIZE); /* what the run left */
	fake.ipis = 0;
	restart_from_console(0);
	CHECK_EQ(alpha()->state, VM_RESETTING);
	CHECK(ipi_sent_to(1));
	CHECK_EQ(run_core(2), FAKE_SLEPT); /* only vCPU 0 starts */
	CHECK_EQ(run_core(1), FAKE_ENTERED);
	CHECK(booted(v0, ALPHA_ENTRY, ALPHA_DTB_IPA));
	CHECK_EQ(alpha()->state, VM_RUNNING);
	CHECK(logged("bulkhead: console: restarting VM 0 'alpha'\n"));
	CHECK(logged("bulkhead: VM 'alpha' restarting (restarted from the "
		     "console)\n"));
	CHECK_EQ(system_ram(0)[0], 0);
	CHECK_EQ(system_ram(0)[ALPHA_ENTRY - ALPHA_RAM_IPA], 0xa1);
}

/* The last vCPU's CPU_OFF stops its VM; the last VM to stop powers the
 * machine off, once everything logged is out. */
TEST(lifecycle_the_last_vm_to_stop_powers_the_machine_off)
{
	system_boot();
	guest_call(&alpha()->vcpus[0], PSCI_CPU_OFF, 0, 0, 0);
	CHECK_EQ(fake.left, FAKE_PARKED);
	CHECK_EQ(alpha()->state, VM_STOPPING);
	CHECK_EQ(run_core(1), FAKE_SLEPT);
	CHECK(logged("bulkhead: VM 'alpha' stopped (all vCPUs off)\n"));
	guest_call(&beta()->vcpus[0], PSCI_SYSTEM_OFF, 0, 0, 0);
	CHECK_EQ(fake.system_offs, 0);
	fake.uart_slow = true; /* a drain leaves bytes behind */
	CHECK_EQ(run_core(3), FAKE_SYSTEM_OFF);
	CHECK_EQ(fake.system_offs, 1);
	/* All out of the UART before the power went (no drain since). */
	CHECK(strstr(fake.console,
		     "bulkhead: VM 'beta' stopped (SYSTEM_OFF)\r\n"
		     "bulkhead: all VMs have stopped: powering "
		     "off\r\n"));
}

/* A restart asked for while a guest's SYSTEM_OFF is parking the vCPUs:
 * the console said "restarting", so the VM restarts, not stops. */
TEST(lifecycle_restart_from_the_console_while_stopping)
{
	struct vcpu *v0;

	system_boot();
	v0 = &alpha()->vcpus[0];
	guest_call(v0, PSCI_CPU_ON, 1, SIBLING_ENTRY, 0);
	CHECK_EQ(run_core(2), FAKE_ENTERED);
	guest_call(&alpha()->vcpus[1], PSCI_SYSTEM_OFF, 0, 0, 0);
	CHECK_EQ(alpha()->state, VM_STOPPING);
	restart_from_console(0);
	CHECK(logged("bulkhead: console: restarting VM 0 'alpha'\n"));
	CHECK_EQ(guest_takes_ipi(v0), FAKE_PARKED);
	CHECK_EQ(run_core(1), FAKE_ENTERED);
	CHECK(booted(v0, ALPHA_ENTRY, ALPHA_DTB_IPA));
	CHECK(logged("bulkhead: VM 'alpha' restarting (restarted from the "
		     "console)\n"));
	CHECK(!logged("stopped"));
	CHECK_EQ(alpha()->state, VM_RUNNING);
}

/* The console's restart, on core 0, as alpha's stop is being logged:
 * after alpha is STOPPED, before vcpu.c counts it. */
static void restart_alpha_once(void)
{
	unsigned cpu = fake.cpu;

	fake.uart_tx_hook = NULL;
	restart_from_console(0);
	fake.cpu = cpu;
}

/* Then alpha was not the last VM to stop: no power-off; it restarts. */
TEST(lifecycle_restart_from_the_console_as_a_stop_ends)
{
	system_boot();
	guest_call(&beta()->vcpus[0], PSCI_SYSTEM_OFF, 0, 0, 0);
	CHECK_EQ(run_core(3), FAKE_SLEPT);
	CHECK_EQ(beta()->state, VM_STOPPED);
	guest_call(&alpha()->vcpus[0], PSCI_SYSTEM_OFF, 0, 0, 0);
	fake.uart_tx_hook = restart_alpha_once;
	fake.idle_wakeups = 1; /* the console's IPI */
	CHECK_EQ(run_core(1), FAKE_ENTERED);
	CHECK_EQ(fake.system_offs, 0);
	CHECK(booted(&alpha()->vcpus[0], ALPHA_ENTRY, ALPHA_DTB_IPA));
	CHECK(logged("bulkhead: VM 'alpha' restarting (restarted from the "
		     "console)\n"));
	CHECK_EQ(alpha()->state, VM_RUNNING);
}

/* SYSTEM_RESET while vCPU 1's CPU_ON is granted but its core not in yet:
 * that start is void. The restart line goes through the VM's rate limit:
 * once it has a token again (a second on), vCPU 0's core reports what the
 * limit held back before it says the VM restarts. */
TEST(lifecycle_system_reset_voids_a_pending_cpu_on)
{
	struct vcpu *v0, *v1;

	system_boot();
	v0 = &alpha()->vcpus[0];
	v1 = &alpha()->vcpus[1];
	guest_call(v0, PSCI_CPU_ON, 1, SIBLING_ENTRY, 0);
	CHECK_EQ(v1->state, VCPU_ON_PENDING);
	for (unsigned i = 0; i < CONFIG_GUEST_LOG_BURST + 5; i++)
		vm_log(alpha(), "noise %u", i);
	console_clear();
	fake.now += FAKE_FREQ;
	guest_call(v0, PSCI_SYSTEM_RESET, 0, 0, 0);
	CHECK_EQ(fake.left, FAKE_PARKED);
	CHECK_EQ(alpha()->state, VM_RESETTING);
	CHECK_EQ(v1->state, VCPU_OFF);
	CHECK_EQ(run_core(2), FAKE_SLEPT);
	CHECK_EQ(run_core(1), FAKE_ENTERED);
	CHECK(booted(v0, ALPHA_ENTRY, ALPHA_DTB_IPA));
	CHECK_EQ(v1->state, VCPU_OFF);
	CHECK(logged(
		"bulkhead: VM 'alpha': 5 messages suppressed (rate "
		"limit)\nbulkhead: VM 'alpha' restarting (SYSTEM_RESET)\n"));
	CHECK_EQ(alpha()->log_limit.suppressed, 0);
}

/* A restart from the console of a running VM: as its own SYSTEM_RESET. */
TEST(lifecycle_restart_from_the_console_while_running)
{
	struct vcpu *v0, *v1;

	system_boot();
	v0 = &alpha()->vcpus[0];
	v1 = &alpha()->vcpus[1];
	guest_call(v0, PSCI_CPU_ON, 1, SIBLING_ENTRY, 0);
	CHECK_EQ(run_core(2), FAKE_ENTERED);
	fake.ipis = 0;
	restart_from_console(0);
	CHECK_EQ(alpha()->state, VM_RESETTING);
	CHECK_EQ(fake.ipis, (1u << 1) | (1u << 2));
	CHECK_EQ(guest_takes_ipi(v1), FAKE_PARKED);
	CHECK_EQ(run_core(1), FAKE_SLEPT); /* vCPU 0 still runs: its core */
	CHECK_EQ(alpha()->state, VM_RESETTING); /* has not had the IPI */
	CHECK_EQ(guest_takes_ipi(v0), FAKE_PARKED);
	CHECK_EQ(run_core(1), FAKE_ENTERED);
	CHECK(booted(v0, ALPHA_ENTRY, ALPHA_DTB_IPA));
	CHECK(logged("bulkhead: VM 'alpha' restarting (restarted from the "
		     "console)\n"));
	CHECK_EQ(beta()->state, VM_RUNNING);
}

/*
 * An off vCPU's core still takes interrupts in its idle loop: its own
 * timer's tick waits for it, an SPI routed to vCPU 0 goes to vCPU 0's
 * core, the hypervisor's IPI and the maintenance interrupt end there.
 * When the vCPU is started, the tick its last run never took is gone, in
 * the vGIC and in the GIC.
 */
TEST(lifecycle_interrupts_at_an_off_vcpus_core)
{
	struct vcpu *v0, *v1;
	struct virq *spi;

	system_boot();
	v0 = &alpha()->vcpus[0];
	v1 = &alpha()->vcpus[1];
	spi = vgic_spi(&alpha()->vgic, ALPHA_SPI);
	fake.acks[fake.ack_count++] = GIC_HYP_IPI;
	fake.acks[fake.ack_count++] = GIC_MAINT_IRQ;
	fake.acks[fake.ack_count++] = GIC_VTIMER_IRQ;
	fake.acks[fake.ack_count++] = ALPHA_SPI;
	fake.idle_wakeups = 1;
	CHECK_EQ(run_core(2), FAKE_SLEPT);
	CHECK_EQ(fake.ack_count, 0);
	CHECK_EQ(v1->state, VCPU_OFF);
	CHECK(!fake.entered);
	CHECK(spi->pending);
	CHECK(v0->vgic.incoming);
	CHECK(ipi_sent_to(1));
	CHECK(v1->vgic.private[GIC_VTIMER_IRQ].pending);
	CHECK_EQ(fake.deactivated, 2); /* the IPI, the maintenance PPI */

	memset(fake.irq_active_cleared, 0, sizeof(fake.irq_active_cleared));
	guest_call(v0, PSCI_CPU_ON, 1, SIBLING_ENTRY, 0);
	CHECK_EQ(run_core(2), FAKE_ENTERED);
	CHECK(!v1->vgic.private[GIC_VTIMER_IRQ].pending);
	CHECK(fake.irq_active_cleared[GIC_VTIMER_IRQ]);
	CHECK(spi->pending); /* still vCPU 0's */
}

TEST(lifecycle_vm_log_is_rate_limited)
{
	system_boot();
	for (unsigned i = 0; i < CONFIG_GUEST_LOG_BURST + 3; i++)
		vm_log(alpha(), "message %u", i);
	CHECK(logged("bulkhead: VM 'alpha' message 0\n"));
	CHECK(logged("message 9\n"));
	CHECK(!logged("message 10\n"));
	CHECK(!logged("suppressed"));
	fake.now += FAKE_FREQ / CONFIG_GUEST_LOG_PER_SEC; /* one more */
	vm_log(alpha(), "message %u", 13);
	vm_log(alpha(), "message %u", 14);
	CHECK(logged("bulkhead: VM 'alpha': 3 messages suppressed (rate "
		     "limit)\nbulkhead: VM 'alpha' message 13\n"));
	CHECK(!logged("message 14\n"));
	console_clear();
	vm_report_suppressed(alpha());
	CHECK(logged("bulkhead: VM 'alpha': 1 messages suppressed (rate "
		     "limit)\n"));
	console_clear();
	vm_report_suppressed(alpha()); /* nothing new: nothing said */
	CHECK_EQ(fake.console_len, 0);
	vm_log(beta(), "has its own budget");
	CHECK(logged("bulkhead: VM 'beta' has its own budget\n"));
}

TEST(lifecycle_vm_report_bad_access)
{
	system_boot();
	vm_report_bad_access(&alpha()->vcpus[1], ipa_of(0x12345000), true,
			     0x40001004, ACCESS_WRITE, 4);
	vm_report_bad_access(&alpha()->vcpus[0], ipa_of(0), false, 0x40001008,
			     ACCESS_FETCH, 0);
	CHECK(logged("bulkhead: VM 'alpha' vCPU 1: write outside its memory "
		     "at IPA 0x12345000 (PC 0x40001004): injecting an external "
		     "abort\n"));
	CHECK(logged("bulkhead: VM 'alpha' vCPU 0: fetch fault at an unknown "
		     "IPA (PC 0x40001008): injecting an external abort\n"));
}
