/* SPDX-License-Identifier: MIT */
/*
 * The guest registers HYP trap handlers read and write beyond the frame:
 * its return state (ELR_hyp, SPSR_hyp), the banked registers of its
 * modes (banked MRS/MSR), and its coprocessor registers by encoding.
 * guest_state.c implements them on the CPU; host tests fake them, so the
 * decoding and emulation above them is tested off the target.
 */
#ifndef GUEST_STATE_H
#define GUEST_STATE_H

#include "sysreg.h"
#include "types.h"

/* Where the guest resumes, and its CPSR then. */
u32 guest_pc(void);
void set_guest_pc(u32 pc);
u32 guest_cpsr(void);
void set_guest_cpsr(u32 cpsr);

/*
 * The banked registers of the guest's modes, X(NAME, asm name). HYP's own
 * r8-r12 and r14 are the USR/SYS ones (r14 is LR_usr: the frame's lr_usr;
 * banked MSR/MRS of LR_usr is UNDEFINED in HYP).
 */
#define BANKED_REGISTERS(X)                                                    \
	X(SP_USR, sp_usr)                                                      \
	X(SP_SVC, sp_svc)                                                      \
	X(LR_SVC, lr_svc)                                                      \
	X(SPSR_SVC, spsr_svc)                                                  \
	X(SP_ABT, sp_abt)                                                      \
	X(LR_ABT, lr_abt)                                                      \
	X(SPSR_ABT, spsr_abt)                                                  \
	X(SP_UND, sp_und)                                                      \
	X(LR_UND, lr_und)                                                      \
	X(SPSR_UND, spsr_und)                                                  \
	X(SP_IRQ, sp_irq)                                                      \
	X(LR_IRQ, lr_irq)                                                      \
	X(SPSR_IRQ, spsr_irq)                                                  \
	X(R8_FIQ, r8_fiq)                                                      \
	X(R9_FIQ, r9_fiq)                                                      \
	X(R10_FIQ, r10_fiq)                                                    \
	X(R11_FIQ, r11_fiq)                                                    \
	X(R12_FIQ, r12_fiq)                                                    \
	X(SP_FIQ, sp_fiq)                                                      \
	X(LR_FIQ, lr_fiq)                                                      \
	X(SPSR_FIQ, spsr_fiq)

enum banked_reg {
#define BANKED_ENUM(name, asm_name) BANKED_##name,
	BANKED_REGISTERS(BANKED_ENUM)
#undef BANKED_ENUM
		BANKED_COUNT
};

u32 banked_read(enum banked_reg r);
void banked_write(enum banked_reg r, u32 value);

/*
 * The guest's coprocessor registers, as the CPU holds them, keyed as a
 * trapped access's ISS names them: CP15_ISS(name) for MCR/MRC,
 * CP15_ISS_64(name) for MCRR/MRRC (sysreg.h's names, e.g.
 * cp15_read(CP15_ISS(SCTLR))). cp14 encodes its ISS as cp15 does. Only
 * the registers the trap handlers use have accessors.
 */
u32 cp15_read(u32 iss);
void cp15_write(u32 iss, u32 value);
u64 cp15_read64(u32 iss);
void cp15_write64(u32 iss, u64 value);
u32 cp14_read(u32 iss);
void cp14_write(u32 iss, u32 value);
/* The VFP ID registers VMRS reads: the register number (7: MVFR0, 6:
 * MVFR1), as HSR ISS[13:10] of EC 0x08 gives it. */
u32 vfp_id_read(unsigned reg);

#endif
