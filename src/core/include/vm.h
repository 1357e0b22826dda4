/* SPDX-License-Identifier: MIT */
/*
 * VMs and their vCPUs. Each vCPU is pinned to one physical core for good;
 * each VM has its own Stage-2 table and VMID. State changes (vCPU power,
 * VM stop/reset) happen under the VM's lock; a core only ever enters its
 * own vCPU, from cpu_idle_loop().
 */
#ifndef VM_H
#define VM_H

#include <bulkhead/config.h>

#include "arch.h"
#include "boot_plan.h"
#include "exit_stats.h"
#include "layout.h"
#include "pagetable.h"
#include "ratelimit.h"
#include "restart_backoff.h"
#include "spinlock.h"
#include "vgic.h"
#include "vuart.h"

enum vcpu_state {
	VCPU_OFF,	 /* not running guest code; its core is idle */
	VCPU_ON_PENDING, /* started (boot or CPU_ON), core not yet in */
	VCPU_ON,	 /* its core runs the guest */
};

/* A guest console line being collected (one per vCPU, so never mixed);
 * a longer one is split. */
#define GUEST_LINE_MAX 120
struct guest_line {
	char text[GUEST_LINE_MAX + 1]; /* and its '\n' */
	size_t len;
};

struct vcpu {
	struct vm *vm;
	unsigned id;  /* index in the VM = its MPIDR Aff0 */
	unsigned cpu; /* physical core */
	volatile enum vcpu_state state;
	struct exit_stats exits; /* written by its own core only */
	/* How an ON_PENDING vCPU starts (arch_vcpu_enter): where, with
	 * what argument, and why. */
	u64 entry;
	u64 arg;
	enum vcpu_start start;
	struct guest_line line;
	struct vgic_cpu vgic;
};

/* Count one exit of the running vCPU, on its own core (exit_stats.h). */
static inline void exit_count(struct vcpu *vcpu, enum exit_cause c)
{
	exit_stats_add(&vcpu->exits, c);
}

enum vm_state {
	VM_RUNNING,
	VM_STOPPING,  /* SYSTEM_OFF: parking vCPUs, then stopped */
	VM_RESETTING, /* SYSTEM_RESET: parking vCPUs, then reloaded */
	VM_STOPPED,
	VM_LOADING, /* vCPUs off: vCPU 0's core zeroes and loads its RAM */
};

struct vm {
	const struct bh_vm_config *cfg;
	unsigned id; /* index in the config; the VMID is id + 1 */
	struct vm_layout layout;
	struct boot_plan boot; /* what its RAM holds at (re)start */
	struct pt s2;
	struct spinlock lock;
	/* EL2 maps its RAM while ram_users > 0 (vm.c: open_ram); the lock
	 * guards the count and the mapping. */
	struct spinlock ram_lock;
	unsigned ram_users;
	volatile enum vm_state state;
	const char *stop_reason; /* why it is stopping, for the log */
	unsigned vcpu_count;
	struct vcpu vcpus[CONFIG_MAX_CPUS];
	struct vgic vgic;
	struct vuart vuart; /* its console device, if the config gives one */
	u64 counter_offset; /* its counters, virtual and physical, start
			       here (CNTVOFF_EL2; ptimer.c) */
	u32 starts;	    /* how often it was loaded and started */
	struct ratelimit log_limit; /* hypervisor messages about it */
	/* Restarts: vCPU 0's core loads a VM_LOADING VM once arch_counter()
	 * reaches restart_at; a storm of its own restarts pushes that out. */
	struct restart_backoff backoff;
	u64 restart_at;
	bool restart_by_console; /* the operator's: never waits */
};

/* Build every VM from bh_config and print the boot table. */
void vms_init(struct page_pool *pool);
/* Zero and load the VM's memory; vCPU 0 becomes ON_PENDING. Called by
 * vCPU 0's core while the VM is VM_LOADING, with no lock held. */
void vm_boot(struct vm *vm);
unsigned vm_count(void);
/* VM i of the config, i < vm_count(). */
struct vm *vm_get(unsigned i);
/* The vCPU pinned to this core, or NULL for a core in no VM (once the
 * core has called vm_bind_this_cpu(), after vms_init()). */
struct vcpu *this_vcpu(void);
void vm_bind_this_cpu(void);
/* Which core runs `cpu`, for cpus the config uses (arch_cpu_power_on). */
bool cpu_in_use(unsigned cpu);

/* The core's idle loop: start its vCPU when asked, finish VM stops. */
noreturn void cpu_idle_loop(void);

/*
 * Stop the VM of the calling vCPU (how = VM_STOPPING) or restart it
 * (VM_RESETTING); `why` goes to the log. Every vCPU leaves the guest, then
 * the core of vCPU 0 finishes the job (cpu_idle_loop).
 */
noreturn void vm_stop(struct vcpu *self, enum vm_state how, const char *why);
/* Restart a VM from outside (the console's menu): a running one as if it
 * had called SYSTEM_RESET, a stopping one once its vCPUs are off, a
 * stopped one from scratch. */
void vm_request_restart(struct vm *vm);
/* Called when the core took an IPI while running the guest. */
void vcpu_check_requests(struct vcpu *vcpu);

/* The running vCPU powers itself off (PSCI CPU_OFF). */
noreturn void vcpu_power_off(struct vcpu *vcpu);
/* PSCI CPU_SUSPEND: on the vCPU's own core, wait (WFI at EL2) until an
 * interrupt for it is pending, or the hypervisor signals the core. */
void vcpu_suspend(struct vcpu *vcpu);
/* PSCI CPU_ON of a sibling; returns a PSCI status. */
int vcpu_power_on(struct vm *vm, unsigned id, u64 entry, u64 arg);

/* Is [ipa, ipa+len) inside the VM's RAM? Then *pa is where. */
bool vm_ipa_to_pa(const struct vm *vm, ipaddr_t ipa, u64 len, paddr_t *pa);

/* Clean and invalidate all of the vCPU's VM's RAM from the data caches,
 * on the vCPU's own core, in a trap of the guest's, with no lock held (it
 * maps the RAM at EL2 meanwhile); this core's interrupts are served
 * between 2 MiB steps. */
void vm_clean_dcache(struct vcpu *vcpu);

/*
 * A guest-triggered message: a warning (vm_log) or news (vm_log_info),
 * printed unless the VM's rate limit says no. Every line a guest can make
 * the hypervisor print goes through one of these.
 */
void vm_log(struct vm *vm, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void vm_log_info(struct vm *vm, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Say how many of the VM's messages its log rate limit held back, if any. */
void vm_report_suppressed(struct vm *vm);

enum access { ACCESS_READ, ACCESS_WRITE, ACCESS_FETCH };
/* A Stage-2 fault the hypervisor does not handle: log it (rate-limited).
 * size is the access's size in bytes from the syndrome, 0 if it gave none
 * (a load or store pair, writeback...: nothing to emulate it from). */
void vm_report_bad_access(struct vcpu *vcpu, ipaddr_t ipa, bool ipa_known,
			  u64 pc, enum access access, unsigned size);

#endif
