/* SPDX-License-Identifier: MIT */
/* The ARMv7 (HYP mode) side of a core: per-core set-up, guest traps. */
#ifndef CPU_H
#define CPU_H

#include "asm_defs.h"
#include "guest_frame.h"
#include "sysreg.h"
#include "types.h"

/* HYP controls every core sets before running a guest (cpu.c). The name
 * is the AArch64 one: HYP mode is ARMv7's PL2, the level EL2 succeeds. */
void cpu_init_el2(void);
/* Hypervisor stage 1 (src/arch/arm/mmu.c builds the table, mmu.c turns
 * it on). [written, written + len), whole cache lines, is what this core
 * stored to with the MMU off: it is invalidated from the caches first. */
void mmu_build_tables(void);
void mmu_enable(const void *written, size_t len);
paddr_t mmu_hyp_root(void);
/* Every core drops the TLB entries of the hypervisor's stage 1. */
void hyp_tlb_flush_all(void);

/* Guest traps (traps.c): the Hyp Trap vector's exits by HSR (HVC and SMC
 * with SMCCC's registers, vectors.S), and IRQs. */
void handle_guest_call(u64 regs[], u32 hsr);
void handle_guest_trap(struct guest_frame *frame, u32 hsr);
void handle_guest_irq(void);

/* Assembly helpers (boot.S, vectors.S, vcpu_reset.S). */
/* Enter the guest at `entry` in SVC mode with r0-r2 as given, every
 * other register zero, on a fresh HYP stack. */
noreturn void enter_guest(u32 entry, u32 r0, u32 r1, u32 r2, u32 stack_top);
/* Zero the PL1 and PL0 state a guest can write (banked registers, cp15,
 * VFP), but SCTLR. */
void vcpu_reset_pl1_pl0(void);
void secondary_entry(void);
extern char hyp_vectors[];

u64 cpu_stack_top(unsigned cpu);
void arch_stage2_activate(paddr_t root, unsigned vmid);

/* The register pointing at this core's per-core data (cpu_local.c). */
static inline void *cpu_slot(void)
{
	return (void *)read_cp15(HTPIDR);
}

static inline void set_cpu_slot(void *slot)
{
	write_cp15(HTPIDR, slot);
}

/* PSCI CPU_ON as this arch calls the firmware (SMC32). */
#define PSCI_CPU_ON_NATIVE PSCI_CPU_ON

/* The smallest D-cache line in bytes (CTR's DminLine; cache.c). */
size_t dcache_line(void);

#endif
