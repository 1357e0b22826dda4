/* SPDX-License-Identifier: MIT */
/* The AArch64 side of a core: its trap frame and per-core set-up. */
#ifndef CPU_H
#define CPU_H

#include "asm_defs.h"
#include "sysreg.h"
#include "sysreg_result.h"
#include "types.h"

struct vcpu;

/*
 * A guest's registers as saved on trap entry (vectors.S): x0..x18 and x30
 * always, x19..x29 only for exits that name one of them. ELR_EL2 and
 * SPSR_EL2 stay in their registers: nothing at EL2 takes an exception.
 */
struct guest_frame {
	u64 x[31];
	u64 pad;
};
_Static_assert(sizeof(struct guest_frame) == FRAME_SIZE, "frame layout");

/* Register Rt as an instruction names it: 31 is the zero register. */
static inline u64 frame_get(const struct guest_frame *f, unsigned rt)
{
	return rt == XZR ? 0 : f->x[rt];
}

static inline void frame_set(struct guest_frame *f, unsigned rt, u64 value)
{
	if (rt != XZR)
		f->x[rt] = value;
}

/* EL2 controls every core sets before running a guest (cpu.c). */
void cpu_init_el2(void);
/* Hypervisor stage 1 (mmu.c): tables built once, enabled on each core.
 * [written, written + len), whole cache lines, is what this core stored
 * to with the MMU off: it is invalidated from the caches first. */
void mmu_build_tables(void);
void mmu_enable(const void *written, size_t len);
paddr_t mmu_hyp_root(void);
/* Every core drops the TLB entries of the hypervisor's stage 1. */
void hyp_tlb_flush_all(void);

/* Guest traps (traps.c, sysreg_trap.c). */
void handle_guest_call(struct guest_frame *frame);
void handle_guest_dabt(struct guest_frame *frame, u64 esr);
void handle_guest_sysreg(struct guest_frame *frame, u64 esr);
void handle_guest_sync(struct guest_frame *frame, u64 esr);
void handle_guest_irq(void);
void handle_guest_serror(void);
/* What became of a trapped MSR/MRS/DC (sysreg_trap.c). */
enum sysreg_result handle_sysreg_trap(struct vcpu *vcpu,
				      struct guest_frame *frame, u64 esr);

/* vm_registers.c: a trapped write to one of the VM_REGISTERS
 * (HCR_EL2.TVM, set by set_way.c), emulated if true. */
bool vm_register_trapped(struct vcpu *vcpu, u64 iss, u64 value);

/* Hardware the sysreg emulation reads and writes (cpu.c); HCR_EL2.TVM's
 * switch is set_way.h's. */
u64 cpu_read_sctlr_el1(void);
void cpu_write_vm_register(u64 reg, u64 value);
u64 cpu_id_register(unsigned crm, unsigned op2);
void cpu_set_os_lock(bool locked);
u64 cpu_os_lock_status(void);
/* The physical counter and timer (ptimer.c); `iss` is the trap's ISS.
 * True if it was one of theirs, emulated. */
bool handle_ptimer_trap(struct vcpu *vcpu, struct guest_frame *f, u64 iss);

/* Assembly helpers (boot.S, vectors.S). */
noreturn void enter_guest(u64 entry, u64 arg, u64 stack_top);
/* vcpu_reset.S: zero the FP/SIMD and EL1/EL0 registers a guest can write,
 * but SCTLR_EL1. */
void vcpu_reset_el1_el0(void);
void secondary_entry(void);
extern char el2_vectors[];

u64 cpu_stack_top(unsigned cpu);
u64 cpu_pa_range(void);
void arch_stage2_activate(paddr_t root, unsigned vmid);

/* The register pointing at this core's per-core data (cpu_local.c). */
static inline void *cpu_slot(void)
{
	return (void *)read_sysreg(tpidr_el2);
}

static inline void set_cpu_slot(void *slot)
{
	write_sysreg(tpidr_el2, slot);
}

/* PSCI CPU_ON as this arch calls the firmware (SMC64: 64-bit entry and MPIDR). */
#define PSCI_CPU_ON_NATIVE (PSCI_CPU_ON | PSCI_SMC64)

/* The smallest D-cache line in bytes (CTR's DminLine; cache.c). */
size_t dcache_line(void);

#endif
