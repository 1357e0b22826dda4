/* SPDX-License-Identifier: MIT */
/*
 * AArch64 (EL1) pieces of the test guests' runtime: register accessors,
 * MMIO, barriers, IRQ masking, the SMCCC conduit and what exception.c
 * needs to know about the vector table (crt0.S). Included by guest.h.
 */
#ifndef GUEST_ARCH_H
#define GUEST_ARCH_H

#include <stdbool.h>
#include <stdint.h>

#define read_sysreg(reg)                                                       \
	({                                                                     \
		uint64_t __v;                                                  \
		__asm__ volatile("mrs %0, " #reg : "=r"(__v));                 \
		__v;                                                           \
	})

#define write_sysreg(reg, val)                                                 \
	__asm__ volatile("msr " #reg ", %0" ::"r"((uint64_t)(val)))

/* Single 32-bit accesses, so a fault points at exactly one instruction. */
static inline uint32_t readl(uintptr_t addr)
{
	uint32_t v = 0; /* what a skipped (faulting) load leaves */

	__asm__ volatile("ldr %w0, [%1]" : "+r"(v) : "r"(addr) : "memory");
	return v;
}

static inline void writel(uintptr_t addr, uint32_t v)
{
	__asm__ volatile("str %w0, [%1]" ::"r"(v), "r"(addr) : "memory");
}

static inline uint8_t readb(uintptr_t addr)
{
	uint32_t v = 0;

	__asm__ volatile("ldrb %w0, [%1]" : "+r"(v) : "r"(addr) : "memory");
	return (uint8_t)v;
}

static inline void writeb(uintptr_t addr, uint8_t v)
{
	__asm__ volatile("strb %w0, [%1]" ::"r"(v), "r"(addr) : "memory");
}

static inline uint64_t readq(uintptr_t addr)
{
	uint64_t v = 0;

	__asm__ volatile("ldr %0, [%1]" : "+r"(v) : "r"(addr) : "memory");
	return v;
}

static inline void writeq(uintptr_t addr, uint64_t v)
{
	__asm__ volatile("str %0, [%1]" ::"r"(v), "r"(addr) : "memory");
}

static inline void dsb(void)
{
	__asm__ volatile("dsb sy" ::: "memory");
}

static inline void irq_unmask(void)
{
	__asm__ volatile("msr daifclr, #2" ::: "memory");
}

static inline void irq_mask(void)
{
	__asm__ volatile("msr daifset, #2" ::: "memory");
}

/* What vCPU i found at entry in the registers start-up overwrites
 * (crt0.S): SCTLR_EL1, VBAR_EL1, SP and a word of padding, to check the
 * hypervisor's reset state. */
struct entry_state {
	unsigned long reg[4];
};
extern struct entry_state guest_entry_state[];

/*
 * PSCI calls that take addresses or MPIDR values (CPU_ON, AFFINITY_INFO)
 * use the SMC64 IDs, as Linux does.
 */
#define PSCI_NATIVE_WIDTH PSCI_SMC64

/*
 * SMCCC calls: arguments in x0..x7, results in x0..x3. SMCCC 1.0 callees
 * may also corrupt x4..x17, so the asm says so. One function per conduit,
 * the same body with another instruction.
 */
#define SMCCC_CLOBBERS                                                         \
	"x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15", "x16", "x17",    \
		"memory"

#define DEFINE_SMCCC_CALL(name, insn)                                          \
	static struct smccc_res name(const unsigned long a[8])                 \
	{                                                                      \
		register unsigned long x0 __asm__("x0") = a[0];                \
		register unsigned long x1 __asm__("x1") = a[1];                \
		register unsigned long x2 __asm__("x2") = a[2];                \
		register unsigned long x3 __asm__("x3") = a[3];                \
		register unsigned long x4 __asm__("x4") = a[4];                \
		register unsigned long x5 __asm__("x5") = a[5];                \
		register unsigned long x6 __asm__("x6") = a[6];                \
		register unsigned long x7 __asm__("x7") = a[7];                \
                                                                               \
		__asm__ volatile(insn                                          \
				 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3),     \
				   "+r"(x4), "+r"(x5), "+r"(x6), "+r"(x7)      \
				 :                                             \
				 : SMCCC_CLOBBERS);                            \
		return (struct smccc_res){x0, x1, x2, x3};                     \
	}

/* The GICv3 CPU interface is the ICC_* system registers: gic.c uses them. */
#define ARCH_HAS_GICV3_CPUIF true

/*
 * Exceptions (crt0.S's vector table, exception.c). Index = the vector's
 * slot, 0..15; slot 4 (synchronous, current EL, SP_ELx) is the one an
 * expected abort arrives at. Syndrome, fault address and the faulting
 * instruction's address are ESR_EL1, FAR_EL1 and ELR_EL1.
 */
#define VEC_SYNC_CURRENT_SPX 4

static inline bool arch_abort_vector(unsigned long index)
{
	return index == VEC_SYNC_CURRENT_SPX;
}

static inline const char *arch_vector_name(unsigned long index)
{
	static const char *const names[16] = {
		"sync (EL1, SP0)",   "irq (EL1, SP0)",	  "fiq (EL1, SP0)",
		"serror (EL1, SP0)", "sync (EL1, SPx)",	  "irq (EL1, SPx)",
		"fiq (EL1, SPx)",    "serror (EL1, SPx)", "sync (EL0, A64)",
		"irq (EL0, A64)",    "fiq (EL0, A64)",	  "serror (EL0, A64)",
		"sync (EL0, A32)",   "irq (EL0, A32)",	  "fiq (EL0, A32)",
		"serror (EL0, A32)",
	};

	return names[index & 15];
}

static inline unsigned long arch_fault_syndrome(unsigned long index)
{
	(void)index;
	return read_sysreg(esr_el1);
}

static inline unsigned long arch_fault_address(unsigned long index)
{
	(void)index;
	return read_sysreg(far_el1);
}

static inline unsigned long arch_fault_pc(const unsigned long *regs)
{
	(void)regs;
	return read_sysreg(elr_el1);
}

/* Return to pc instead of the faulting instruction. */
static inline void arch_fault_resume_at(unsigned long *regs, unsigned long pc)
{
	(void)regs;
	write_sysreg(elr_el1, pc);
}

#define MDSCR_KDE (1u << 13) /* debug exceptions at EL1 enabled */

static inline void arch_debug_exceptions_off(void)
{
	write_sysreg(mdscr_el1, read_sysreg(mdscr_el1) & ~MDSCR_KDE);
}

#endif
