/* SPDX-License-Identifier: MIT */
/*
 * ARMv7-A (AArch32, SVC mode) pieces of the test guests' runtime: cp15
 * accessors, MMIO, barriers, IRQ masking, the SMCCC conduit and what
 * exception.c needs to know about the vector table (crt0.S). Included by
 * guest.h.
 *
 * read_sysreg()/write_sysreg() take the AArch64 name of a register the
 * shared code uses and reach its AArch32 encoding: the same architectural
 * register (CNTV_CTL_EL0 is CNTV_CTL), so shared code names it once.
 */
#ifndef GUEST_ARCH_H
#define GUEST_ARCH_H

#include <stdbool.h>
#include <stdint.h>

#define read_sysreg(reg)       read_##reg()
#define write_sysreg(reg, val) write_##reg(val)

/* A 32-bit coprocessor register: MRC/MCR cp, op1, Rt, CRn, CRm, op2. */
#define CP_REG32(cp, name, op1, crn, crm, op2)                                 \
	static inline unsigned long read_##name(void)                          \
	{                                                                      \
		unsigned long v;                                               \
		__asm__ volatile("mrc " #cp ", " #op1 ", %0, " #crn ", " #crm  \
				 ", " #op2                                     \
				 : "=r"(v));                                   \
		return v;                                                      \
	}                                                                      \
	static inline void write_##name(unsigned long v)                       \
	{                                                                      \
		__asm__ volatile("mcr " #cp ", " #op1 ", %0, " #crn ", " #crm  \
				 ", " #op2 ::"r"(v));                          \
	}
#define CP15_REG32(name, ...) CP_REG32(p15, name, __VA_ARGS__)
#define CP14_REG32(name, ...) CP_REG32(p14, name, __VA_ARGS__)

/* A 64-bit cp15 register: MRRC/MCRR p15, op1, Rt, Rt2, CRm. */
#define CP15_REG64(name, op1, crm)                                             \
	static inline uint64_t read_##name(void)                               \
	{                                                                      \
		uint64_t v;                                                    \
		__asm__ volatile("mrrc p15, " #op1 ", %Q0, %R0, " #crm         \
				 : "=r"(v));                                   \
		return v;                                                      \
	}                                                                      \
	static inline void write_##name(uint64_t v)                            \
	{                                                                      \
		__asm__ volatile("mcrr p15, " #op1                             \
				 ", %Q0, %R0, " #crm ::"r"(v));                \
	}

CP15_REG32(midr_el1, 0, c0, c0, 0)
CP15_REG32(mpidr_el1, 0, c0, c0, 5)
CP15_REG32(ccsidr_el1, 1, c0, c0, 0)
CP15_REG32(clidr_el1, 1, c0, c0, 1)
CP15_REG32(csselr_el1, 2, c0, c0, 0)
CP15_REG32(cntfrq_el0, 0, c14, c0, 0)
CP15_REG32(cntkctl_el1, 0, c14, c1, 0)
CP15_REG32(cntp_ctl_el0, 0, c14, c2, 1)
CP15_REG32(cntv_ctl_el0, 0, c14, c3, 1)
CP15_REG64(cntpct_el0, 0, c14)
CP15_REG64(cntvct_el0, 1, c14)
CP15_REG64(cntp_cval_el0, 2, c14)
CP15_REG64(cntv_cval_el0, 3, c14)
CP15_REG32(sctlr, 0, c1, c0, 0)
CP15_REG64(ttbr0, 0, c2)
CP15_REG32(ttbcr, 0, c2, c0, 2)
CP15_REG32(mair0, 0, c10, c2, 0) /* PRRR when TTBCR.EAE is 0 */
CP15_REG32(dfsr, 0, c5, c0, 0)
CP15_REG32(ifsr, 0, c5, c0, 1)
CP15_REG32(dfar, 0, c6, c0, 0)
CP15_REG32(ifar, 0, c6, c0, 2)

/*
 * No GICv3 CPU interface: Cortex-A15/A7 have a GICv2 one, so gic_version()
 * never reports 3 here and the compiler drops gic.c's GICv3 path. Its
 * registers are declared, never defined: a call left in fails the link.
 */
#define ARCH_HAS_GICV3_CPUIF false
uint64_t read_icc_sre_el1(void);
uint64_t read_icc_iar1_el1(void);
void write_icc_pmr_el1(uint64_t v);
void write_icc_bpr1_el1(uint64_t v);
void write_icc_ctlr_el1(uint64_t v);
void write_icc_igrpen1_el1(uint64_t v);
void write_icc_sgi1r_el1(uint64_t v);
void write_icc_eoir1_el1(uint64_t v);

/* Single accesses, so a fault points at exactly one instruction. */
static inline uint32_t readl(uintptr_t addr)
{
	uint32_t v = 0; /* what a skipped (faulting) load leaves */

	__asm__ volatile("ldr %0, [%1]" : "+r"(v) : "r"(addr) : "memory");
	return v;
}

static inline void writel(uintptr_t addr, uint32_t v)
{
	__asm__ volatile("str %0, [%1]" ::"r"(v), "r"(addr) : "memory");
}

static inline uint8_t readb(uintptr_t addr)
{
	uint32_t v = 0;

	__asm__ volatile("ldrb %0, [%1]" : "+r"(v) : "r"(addr) : "memory");
	return (uint8_t)v;
}

static inline void writeb(uintptr_t addr, uint8_t v)
{
	__asm__ volatile("strb %0, [%1]" ::"r"(v), "r"(addr) : "memory");
}

/* LDRD/STRD: one instruction, two single-copy atomic words (no LPAE MMU). */
static inline uint64_t readq(uintptr_t addr)
{
	uint64_t v = 0;

	__asm__ volatile("ldrd %Q0, %R0, [%1]"
			 : "+r"(v)
			 : "r"(addr)
			 : "memory");
	return v;
}

static inline void writeq(uintptr_t addr, uint64_t v)
{
	__asm__ volatile("strd %Q0, %R0, [%1]" ::"r"(v), "r"(addr) : "memory");
}

static inline void dsb(void)
{
	__asm__ volatile("dsb sy" ::: "memory");
}

static inline void irq_unmask(void)
{
	__asm__ volatile("cpsie i" ::: "memory");
}

static inline void irq_mask(void)
{
	__asm__ volatile("cpsid i" ::: "memory");
}

/* What vCPU i found at entry in the registers start-up overwrites
 * (crt0.S): SCTLR, VBAR, SP_svc and LR_svc, to check the hypervisor's
 * reset state. */
struct entry_state {
	unsigned long reg[4];
};
extern struct entry_state guest_entry_state[];

/* Registers are 32 bits: every PSCI call uses its SMC32 ID. */
#define PSCI_NATIVE_WIDTH 0

/*
 * SMCCC calls (SMC32/HVC32): arguments in r0..r7, results in r0..r3; the
 * callee preserves r4..r14 unless they carry results.
 */
#define DEFINE_SMCCC_CALL(name, insn)                                          \
	static struct smccc_res name(const unsigned long a[8])                 \
	{                                                                      \
		register unsigned long r0 __asm__("r0") = a[0];                \
		register unsigned long r1 __asm__("r1") = a[1];                \
		register unsigned long r2 __asm__("r2") = a[2];                \
		register unsigned long r3 __asm__("r3") = a[3];                \
		register unsigned long r4 __asm__("r4") = a[4];                \
		register unsigned long r5 __asm__("r5") = a[5];                \
		register unsigned long r6 __asm__("r6") = a[6];                \
		register unsigned long r7 __asm__("r7") = a[7];                \
                                                                               \
		__asm__ volatile(insn                                          \
				 : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3),     \
				   "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7)      \
				 :                                             \
				 : "memory");                                  \
		return (struct smccc_res){r0, r1, r2, r3};                     \
	}

/*
 * Exceptions (crt0.S). Index = the vector's slot, 0..7. crt0.S passes a
 * frame of r0-r12, LR_svc, the faulting instruction's address (slot
 * FRAME_PC, restored into the PC on return) and its SPSR.
 */
#define VEC_UNDEF 1
#define VEC_PABT  3
#define VEC_DABT  4
#define FRAME_PC  14

static inline bool arch_abort_vector(unsigned long index)
{
	return index == VEC_UNDEF || index == VEC_PABT || index == VEC_DABT;
}

static inline const char *arch_vector_name(unsigned long index)
{
	static const char *const names[8] = {
		"reset",      "undefined instruction",
		"svc",	      "prefetch abort",
		"data abort", "hyp trap",
		"irq",	      "fiq",
	};

	return names[index & 7];
}

/* DFSR/IFSR of an abort; 0 for an undefined instruction. */
static inline unsigned long arch_fault_syndrome(unsigned long index)
{
	if (index == VEC_DABT)
		return read_sysreg(dfsr);
	return index == VEC_PABT ? read_sysreg(ifsr) : 0;
}

static inline unsigned long arch_fault_address(unsigned long index)
{
	if (index == VEC_DABT)
		return read_sysreg(dfar);
	return index == VEC_PABT ? read_sysreg(ifar) : 0;
}

static inline unsigned long arch_fault_pc(const unsigned long *regs)
{
	return regs[FRAME_PC];
}

/* Return to pc instead of the faulting instruction. */
static inline void arch_fault_resume_at(unsigned long *regs, unsigned long pc)
{
	regs[FRAME_PC] = pc;
}

#define DBGDSCR_MDBGEN (1u << 15) /* monitor debug-mode enabled */

static inline void arch_debug_exceptions_off(void)
{
	unsigned long v;

	__asm__ volatile("mrc p14, 0, %0, c0, c2, 2" : "=r"(v));
	__asm__ volatile(
		"mcr p14, 0, %0, c0, c2, 2" ::"r"(v & ~DBGDSCR_MDBGEN));
}

#endif
