/* SPDX-License-Identifier: MIT */
/*
 * vCPU power and VM lifetime: each core's idle loop, PSCI CPU_ON/CPU_OFF,
 * and stopping or restarting a whole VM while its other vCPUs may be
 * running on other cores.
 */
#include "arch.h"
#include "console.h"
#include "gic.h"
#include "irq.h"
#include "log.h"
#include "vm.h"
#include <bulkhead/abi.h>

static struct spinlock stop_count_lock = SPINLOCK_INIT;
static unsigned vms_stopped;

/* Make `cpu` look at its vCPU and VM state again. */
static void wake(unsigned cpu)
{
	if (cpu != arch_cpu_id())
		gic_send_ipi(cpu);
}

static bool all_vcpus_off(const struct vm *vm)
{
	for (unsigned i = 0; i < vm->vcpu_count; i++)
		if (vm->vcpus[i].state != VCPU_OFF)
			return false;
	return true;
}

/* With vm->lock held: begin stopping, and get every other vCPU out. */
static void begin_stop_locked(struct vm *vm, enum vm_state how, const char *why)
{
	if (vm->state != VM_RUNNING)
		return; /* someone else is stopping it already */
	vm->state = how;
	vm->stop_reason = why;
	for (unsigned i = 0; i < vm->vcpu_count; i++) {
		struct vcpu *v = &vm->vcpus[i];

		if (v->state == VCPU_ON_PENDING)
			v->state = VCPU_OFF; /* its core has not entered */
		else if (v->state == VCPU_ON)
			wake(v->cpu);
	}
}

/* Leave the guest of a vCPU already marked off, and go idle. */
static noreturn void leave_guest(struct vcpu *vcpu)
{
	gic_vcpu_park();
	wake(vcpu->vm->vcpus[0].cpu); /* vCPU 0's core may be waiting for us */
	arch_cpu_reset_stack_and_idle();
}

/* Leave the guest for good: mark the vCPU off and go idle. */
static noreturn void park(struct vcpu *vcpu)
{
	struct vm *vm = vcpu->vm;

	spin_lock(&vm->lock);
	vcpu->state = VCPU_OFF;
	spin_unlock(&vm->lock);
	leave_guest(vcpu);
}

noreturn void vm_stop(struct vcpu *self, enum vm_state how, const char *why)
{
	spin_lock(&self->vm->lock);
	begin_stop_locked(self->vm, how, why);
	spin_unlock(&self->vm->lock);
	park(self);
}

void vm_request_restart(struct vm *vm)
{
	static const char why[] = "restarted from the console";

	spin_lock(&vm->lock);
	vm->restart_by_console = true;
	if (vm->state == VM_STOPPED) {
		/* Its vCPUs are off: vCPU 0's core reloads it. */
		vm->state = VM_RESETTING;
		vm->stop_reason = why;
		spin_lock(&stop_count_lock);
		vms_stopped--;
		spin_unlock(&stop_count_lock);
		wake(vm->vcpus[0].cpu);
	} else if (vm->state == VM_LOADING) {
		/* Perhaps waiting out a reset storm's back-off: no more. */
		restart_backoff_clear(&vm->backoff);
		vm->restart_at = 0;
		wake(vm->vcpus[0].cpu);
	} else if (vm->state == VM_STOPPING) {
		/* Its vCPUs are leaving already: reload it once they have. */
		vm->state = VM_RESETTING;
		vm->stop_reason = why;
	} else {
		begin_stop_locked(vm, VM_RESETTING, why);
	}
	spin_unlock(&vm->lock);
}

void vcpu_check_requests(struct vcpu *vcpu)
{
	if (vcpu->vm->state != VM_RUNNING)
		park(vcpu);
}

noreturn void vcpu_power_off(struct vcpu *vcpu)
{
	struct vm *vm = vcpu->vm;

	spin_lock(&vm->lock);
	vcpu->state = VCPU_OFF;
	/* A VM with no vCPU left running can never run again: stop it. */
	if (all_vcpus_off(vm))
		begin_stop_locked(vm, VM_STOPPING, "all vCPUs off");
	spin_unlock(&vm->lock);
	/* Off in one locked step: a sibling's CPU_ON from now on stands. */
	leave_guest(vcpu);
}

void vcpu_suspend(struct vcpu *vcpu)
{
	/* An interrupt arriving after the check is pending physically (a
	 * sibling's SGI or an emulated device's comes as an IPI): it ends
	 * the WFI at once. */
	if (!vgic_vcpu_has_pending(vcpu))
		arch_idle_wait();
}

int vcpu_power_on(struct vm *vm, unsigned id, u64 entry, u64 arg)
{
	struct vcpu *v = &vm->vcpus[id];
	int ret = PSCI_SUCCESS;

	spin_lock(&vm->lock);
	if (vm->state != VM_RUNNING)
		ret = PSCI_DENIED;
	else if (v->state == VCPU_ON)
		ret = PSCI_ALREADY_ON;
	else if (v->state == VCPU_ON_PENDING)
		ret = PSCI_ON_PENDING;
	else {
		v->entry = entry;
		v->arg = arg;
		v->start = VCPU_START_CPU_ON;
		v->state = VCPU_ON_PENDING;
		wake(v->cpu);
	}
	spin_unlock(&vm->lock);
	return ret;
}

static void count_stopped_vm(void)
{
	bool last;

	spin_lock(&stop_count_lock);
	last = ++vms_stopped == vm_count();
	spin_unlock(&stop_count_lock);
	if (last) {
		log_info("all VMs have stopped: powering off");
		console_flush();
		arch_system_off();
	}
}

static void set_state(struct vm *vm, enum vm_state state)
{
	spin_lock(&vm->lock);
	vm->state = state;
	spin_unlock(&vm->lock);
}

/* With vm->lock held: how long a restart the VM asked for itself waits. */
static u32 restart_wait_ms(struct vm *vm, u64 now, bool *storm_began)
{
	u64 ran_ms = (now - vm->counter_offset) * 1000 / arch_counter_freq();

	*storm_began = false;
	if (vm->restart_by_console) {
		vm->restart_by_console = false;
		restart_backoff_clear(&vm->backoff);
		return 0;
	}
	return restart_backoff_next(&vm->backoff, ran_ms, storm_began);
}

/*
 * On vCPU 0's core, every vCPU of a restarting VM off: it loads again
 * once restart_at has come (leader_duties()). The lines it prints go
 * through the VM's own rate limit: a guest can restart at will.
 */
static void schedule_restart(struct vm *vm)
{
	u64 now = arch_counter();
	bool storm_began;
	u32 wait_ms;

	spin_lock(&vm->lock);
	wait_ms = restart_wait_ms(vm, now, &storm_began);
	vm->restart_at = now + wait_ms * arch_counter_freq() / 1000;
	vm->state = VM_LOADING;
	spin_unlock(&vm->lock);
	if (storm_began)
		vm_log(vm,
		       "restarts itself too often (%u times in a row, each "
		       "within %u ms of its start): each restart now waits, "
		       "from %u ms doubling up to %u ms",
		       vm->backoff.quick_in_a_row, RESTART_QUICK_MS,
		       RESTART_FIRST_WAIT_MS, CONFIG_RESTART_BACKOFF_MAX_MS);
	if (wait_ms)
		vm_log_info(vm, "restarting in %u ms (%s)", wait_ms,
			    vm->stop_reason);
	else
		vm_log_info(vm, "restarting (%s)", vm->stop_reason);
}

/* On vCPU 0's core, once every vCPU of a stopping VM is off. */
static void finish_stop(struct vm *vm)
{
	bool restart;

	console_vm_settle(vm->id);
	/* One locked step: a restart from the console either came before
	 * (RESETTING) or finds the VM STOPPED. */
	spin_lock(&vm->lock);
	restart = vm->state == VM_RESETTING;
	if (!restart)
		vm->state = VM_STOPPED;
	spin_unlock(&vm->lock);
	if (restart) {
		schedule_restart(vm);
		return;
	}
	vm_report_suppressed(vm);
	log_info("VM '%s' stopped (%s)", vm->cfg->name, vm->stop_reason);
	count_stopped_vm();
}

/*
 * On vCPU 0's core, at boot and on every restart: zero and load the VM's
 * memory, each VM on its own core and in parallel with the others. No
 * lock is held meanwhile (it is long); nothing else changes a VM_LOADING
 * VM: its vCPUs are off and no sibling can start (claim_start() and
 * CPU_ON want VM_RUNNING), and a restart request leaves it as it is.
 */
static void load_and_run(struct vm *vm)
{
	vm_boot(vm);
	set_state(vm, VM_RUNNING);
}

/* A VM_LOADING VM's load is due now; else this core's alarm is set for
 * when it is, and the core waits in its idle loop, serving interrupts. */
static bool load_due(struct vm *vm)
{
	u64 at, now = arch_counter();
	bool load;

	spin_lock(&vm->lock);
	load = vm->state == VM_LOADING;
	at = vm->restart_at;
	spin_unlock(&vm->lock);
	if (load && now < at) {
		arch_wake_at(at);
		return false;
	}
	return load;
}

static void leader_duties(struct vm *vm)
{
	bool done;

	spin_lock(&vm->lock);
	done = (vm->state == VM_STOPPING || vm->state == VM_RESETTING) &&
	       all_vcpus_off(vm);
	spin_unlock(&vm->lock);
	if (done)
		finish_stop(vm);
	if (load_due(vm))
		load_and_run(vm);
}

static bool claim_start(struct vcpu *v)
{
	bool start;

	spin_lock(&v->vm->lock);
	start = v->state == VCPU_ON_PENDING && v->vm->state == VM_RUNNING;
	if (start)
		v->state = VCPU_ON;
	spin_unlock(&v->vm->lock);
	return start;
}

/* CONFIG_DEBUG_PANIC_TEST: a fault at EL2, of the kind Kconfig chose.
 * Nothing is mapped at 0x10; code is read-only; the stack never runs. */
static void debug_panic_test(void)
{
#if defined(CONFIG_DEBUG_PANIC_READ_UNMAPPED)
	volatile uintptr_t unmapped = 0x10;

	(void)*(volatile u32 *)unmapped;
#elif defined(CONFIG_DEBUG_PANIC_WRITE_TEXT)
	*(volatile u32 *)(uintptr_t)cpu_idle_loop = 0;
#elif defined(CONFIG_DEBUG_PANIC_EXEC_STACK)
	volatile u32 on_stack[1] = {0};

	((void (*)(void))(uintptr_t)on_stack)();
#endif
}

noreturn void cpu_idle_loop(void)
{
	struct vcpu *v;

	vm_bind_this_cpu();
	v = this_vcpu();

	if (!v) {
		debug_panic_test();
		irq_handle_pending(NULL);
		log_info("CPU %u is in no VM: powering it off", arch_cpu_id());
		arch_cpu_power_off();
	}
	for (;;) {
		if (v->id == 0)
			leader_duties(v->vm);
		if (claim_start(v)) {
			vgic_vcpu_reset(v);
			arch_vcpu_enter(v, v->entry, v->arg, v->start);
		}
		arch_idle_wait();
		irq_handle_pending(v);
	}
}
