/* SPDX-License-Identifier: MIT */
/*
 * What the core needs from the CPU architecture. Implemented by
 * src/arch/<arch>/ and, for host unit tests, by tests/host/fake_arch.c.
 * This is the only way core code reaches architecture-specific behaviour.
 */
#ifndef ARCH_H
#define ARCH_H

#include "types.h"

struct vcpu;

/* Index of the running physical core (0 .. platform.cpu_count-1). */
unsigned arch_cpu_id(void);
/* A pointer the core code keeps per physical core (its vCPU), one load
 * away on every guest exit. NULL until set. */
void *arch_cpu_local(void);
void arch_set_cpu_local(void *p);

/* Counter ticks since boot, and their frequency in Hz. */
u64 arch_counter(void);
u64 arch_counter_freq(void);

/* Sleep until an interrupt is pending (e.g. gic_send_ipi's). */
void arch_idle_wait(void);
/* Raise GIC_HYP_TIMER_IRQ on this core once arch_counter() reaches `when`
 * (an idle core's alarm clock); arch_wake_cancel() lowers it again. */
void arch_wake_at(u64 when);
void arch_wake_cancel(void);

/* Make guest memory written through the hypervisor's cacheable mapping
 * visible to a guest running with caches off, and to instruction fetch. */
void arch_clean_dcache_range(void *va, size_t len);
void arch_sync_icache(void);
/* Zero [va, va + len) and clean and invalidate it to the point of
 * coherency, in one pass: a guest with its caches off reads the zeroes,
 * and one that turns them on later finds no stale line. */
void arch_zero_to_poc(void *va, size_t len);

/*
 * The hypervisor's mapping of a VM's RAM (VA = PA, read/write, never
 * executable). It exists only while the hypervisor loads or cleans that
 * RAM, so no stray EL2 access reaches a VM otherwise. One caller at a time
 * per range (vm.c counts a VM's users); different VMs' ranges may be
 * mapped and unmapped on several cores at once. Mapping a range again
 * reuses the tables its first mapping built: vms_init() maps each VM's
 * RAM once on the boot core, so no table page is taken later.
 */
void arch_map_vm_ram(paddr_t pa, u64 size);
void arch_unmap_vm_ram(paddr_t pa, u64 size);

/* Firmware (PSCI) services for the physical machine. */
int arch_cpu_power_on(unsigned cpu);
noreturn void arch_cpu_power_off(void);
noreturn void arch_system_off(void);
noreturn void arch_halt(void);

/* Does the vCPU's guest kernel run in AArch32? Then its SMC and HVC
 * calls come in 32-bit registers, and SMCCC gives it no SMC64 calls. */
bool arch_vcpu_is_aarch32(const struct vcpu *vcpu);

/* Forget every TLB entry of the VM with this Stage-2 root and VMID. */
void arch_stage2_tlb_flush(paddr_t root, unsigned vmid);

/*
 * Why a vCPU starts, which decides the register its argument goes in: the
 * boot protocols of AArch32 Linux and of PSCI's CPU_ON differ there.
 */
enum vcpu_start {
	/* A VM's vCPU 0 at its (re)start; arg = the DTB's IPA, or 0.
	 * AArch64: x0 = arg. AArch32 (Linux's ARM boot protocol): r0 = 0,
	 * r1 = ~0 (no machine type: the DTB says it), r2 = arg. */
	VCPU_START_BOOT,
	/* PSCI CPU_ON; arg = its context ID: x0 / r0 = arg. */
	VCPU_START_CPU_ON,
};

/* Enter the vCPU at entry, with arg where `kind` says, every other
 * register in reset state. */
noreturn void arch_vcpu_enter(struct vcpu *vcpu, u64 entry, u64 arg,
			      enum vcpu_start kind);

/* Throw away the rest of this core's EL2 stack and run cpu_idle_loop(). */
noreturn void arch_cpu_reset_stack_and_idle(void);

#endif
