/* SPDX-License-Identifier: MIT */
/*
 * The guest's registers as HYP reads and writes them (guest_state.h):
 * ELR_hyp and SPSR_hyp, banked MRS/MSR, MRC/MCR by encoding. A
 * coprocessor instruction names its register in the opcode, so each
 * register the trap handlers use has its case here; any other is a
 * hypervisor bug.
 */
#include "guest_state.h"
#include "log.h"
#include "sysreg.h"

/* The ID registers HCR.TID3 traps (CRn 0, Opc1 0) that may be shown:
 * X(CRm, Opc2). ID_PFR0 .. ID_MMFR3, ID_ISAR0 .. ID_ISAR6 (ARMv7 has
 * 0..5), ID_PFR2 .. (ARMv8; RAZ on ARMv7). */
/* clang-format off */
#define ID_REGISTERS(X)                                                        \
	X(1, 0) X(1, 1) X(1, 2) X(1, 3) X(1, 4) X(1, 5) X(1, 6) X(1, 7)        \
	X(2, 0) X(2, 1) X(2, 2) X(2, 3) X(2, 4) X(2, 5) X(2, 6) X(2, 7)        \
	X(3, 4) X(3, 5) X(3, 6) X(3, 7)
/* clang-format on */

u32 guest_pc(void)
{
	u32 pc;

	__asm__ volatile("mrs %0, elr_hyp" : "=r"(pc));
	return pc;
}

void set_guest_pc(u32 pc)
{
	__asm__ volatile("msr elr_hyp, %0" ::"r"(pc));
}

/* In HYP, the SPSR is SPSR_hyp (msr SPSR_hyp itself is UNDEFINED there). */
u32 guest_cpsr(void)
{
	u32 cpsr;

	__asm__ volatile("mrs %0, spsr" : "=r"(cpsr));
	return cpsr;
}

void set_guest_cpsr(u32 cpsr)
{
	__asm__ volatile("msr spsr_cxsf, %0" ::"r"(cpsr));
}

u32 banked_read(enum banked_reg r)
{
	u32 value = 0;

	switch (r) {
#define READ_BANKED(name, asm_name)                                            \
	case BANKED_##name:                                                    \
		__asm__ volatile("mrs %0, " #asm_name : "=r"(value));          \
		break;
		BANKED_REGISTERS(READ_BANKED)
#undef READ_BANKED
	case BANKED_COUNT:
		panic("banked_read: no register %d", r);
	}
	return value;
}

void banked_write(enum banked_reg r, u32 value)
{
	switch (r) {
#define WRITE_BANKED(name, asm_name)                                           \
	case BANKED_##name:                                                    \
		__asm__ volatile("msr " #asm_name ", %0" ::"r"(value));        \
		break;
		BANKED_REGISTERS(WRITE_BANKED)
#undef WRITE_BANKED
	case BANKED_COUNT:
		panic("banked_write: no register %d", r);
	}
}

static u32 id_register_read(u32 iss)
{
	u32 value;

	switch (iss) {
#define READ_ID(crm, op2)                                                      \
	case CP15_ISS32(0, 0, crm, op2):                                       \
		__asm__ volatile("mrc " CP_OPERANDS32(p15, 0, 0, crm, op2)     \
				 : "=r"(value));                               \
		return value;
		ID_REGISTERS(READ_ID)
#undef READ_ID
	}
	panic("cp15_read: no accessor for register ISS 0x%x", iss);
}

u32 cp15_read(u32 iss)
{
	switch (iss) {
	case CP15_ISS(SCTLR):
		return read_cp15(SCTLR);
	case CP15_ISS(TTBCR):
		return read_cp15(TTBCR);
	case CP15_ISS(VBAR):
		return read_cp15(VBAR);
	case CP15_ISS(CNTP_TVAL):
		return read_cp15(CNTP_TVAL);
	case CP15_ISS(CNTP_CTL):
		return read_cp15(CNTP_CTL);
	}
	return id_register_read(iss);
}

/* A case of cp15_write()/cp15_write64() for a register given by its
 * name: variadic, so the name expands to its encoding's fields first. */
#define WRITE_CP15_CASE(...)                                                   \
	case CP15_ISS32(__VA_ARGS__):                                          \
		__asm__ volatile("mcr " CP_OPERANDS32(p15, __VA_ARGS__)        \
				 :                                             \
				 : "r"(value)                                  \
				 : "memory");                                  \
		return;
#define WRITE_CP15_64_CASE(...)                                                \
	case CP15_ISS64(__VA_ARGS__):                                          \
		__asm__ volatile("mcrr " CP15_OPERANDS64(__VA_ARGS__)          \
				 :                                             \
				 : "r"(value)                                  \
				 : "memory");                                  \
		return;

/* The registers HCR.TVM traps writes to (set/way emulation), among them
 * the fault registers an injected abort sets, and the physical timer. */
void cp15_write(u32 iss, u32 value)
{
	switch (iss) {
		VM_REGISTERS32(WRITE_CP15_CASE)
		WRITE_CP15_CASE(CNTP_TVAL)
		WRITE_CP15_CASE(CNTP_CTL)
	}
	panic("cp15_write: no accessor for register ISS 0x%x", iss);
}

/* CNTPCT is read after the instructions before the trap (isb), as the
 * guest's own read would be. */
u64 cp15_read64(u32 iss)
{
	switch (iss) {
	case CP15_ISS_64(CNTPCT):
		isb();
		return read_cp15_64(CNTPCT);
	case CP15_ISS_64(CNTP_CVAL):
		return read_cp15_64(CNTP_CVAL);
	}
	panic("cp15_read64: no accessor for register ISS 0x%x", iss);
}

void cp15_write64(u32 iss, u64 value)
{
	switch (iss) {
		VM_REGISTERS64(WRITE_CP15_64_CASE)
		WRITE_CP15_64_CASE(CNTP_CVAL)
	}
	panic("cp15_write64: no accessor for register ISS 0x%x", iss);
}

u32 cp14_read(u32 iss)
{
	if (iss != CP15_ISS(DBGOSLSR))
		panic("cp14_read: no accessor for register ISS 0x%x", iss);
	return read_cp14(DBGOSLSR);
}

void cp14_write(u32 iss, u32 value)
{
	if (iss != CP15_ISS(DBGOSLAR))
		panic("cp14_write: no accessor for register ISS 0x%x", iss);
	write_cp14(DBGOSLAR, value);
}

/* HYP is built without the FPU (-mgeneral-regs-only); VMRS of an ID
 * register needs only the assembler to know the instruction. */
u32 vfp_id_read(unsigned reg)
{
	u32 value;

	switch (reg) {
	case 7:
		__asm__ volatile(".fpu vfpv3\n\tvmrs %0, mvfr0" : "=r"(value));
		return value;
	case 6:
		__asm__ volatile(".fpu vfpv3\n\tvmrs %0, mvfr1" : "=r"(value));
		return value;
	}
	panic("vfp_id_read: no accessor for VFP register %u", reg);
}
