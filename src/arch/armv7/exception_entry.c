/* SPDX-License-Identifier: MIT */
/*
 * An exception injected into an AArch32 guest (Arm ARM v7-A B1.8.3, as
 * KVM's get_except32_cpsr): it enters UND or ABT mode at its vector, with
 * the link register and SPSR of that mode set as the CPU would set them,
 * so the guest's handler returns as from one it took itself.
 */
#include "exception_entry.h"
#include "guest_state.h"
#include "psr.h"
#include "sysreg.h"

/* SCTLR bits exception entry reads. */
#define SCTLR_V	 (1u << 13) /* high vectors at 0xffff0000 */
#define SCTLR_EE (1u << 25) /* big-endian at entry */
#define SCTLR_TE (1u << 30) /* Thumb at entry */
#define HIVECS	 0xffff0000u

/* Fault status: a synchronous external abort, in each format. */
#define FSR_WNR	     (1u << 11)
#define FSR_LPAE     (1u << 9) /* the long-descriptor format */
#define FSR_SEA_LONG 0x10
#define FSR_SEA	     0x08

struct exception_kind {
	u32 mode, vector_offset;
	u32 lr_offset_arm, lr_offset_thumb;
};

static const struct exception_kind kinds[] = {
	[GUEST_UNDEF] = {MODE_UND, 0x04, 4, 2},
	[GUEST_PABT] = {MODE_ABT, 0x0c, 4, 4},
	[GUEST_DABT_READ] = {MODE_ABT, 0x10, 8, 8},
	[GUEST_DABT_WRITE] = {MODE_ABT, 0x10, 8, 8},
};

/* NZCV, Q and GE carry over; IT, J and the mode do not. A is set but on
 * entry to UND (and SVC); F only on entry to FIQ, which is never
 * injected; I always. T and E come from SCTLR.TE and EE. */
static u32 entry_cpsr(u32 old, u32 mode, u32 sctlr)
{
	u32 cpsr = (old & (PSR_NZCV | PSR_Q | PSR_GE | PSR_A | PSR_F)) | PSR_I |
		   mode;

	if (mode != MODE_UND)
		cpsr |= PSR_A;
	if (sctlr & SCTLR_TE)
		cpsr |= PSR_T;
	if (sctlr & SCTLR_EE)
		cpsr |= PSR_E;
	return cpsr;
}

static u32 external_abort_fsr(enum guest_exception kind, bool lpae)
{
	u32 fsr = lpae ? FSR_LPAE | FSR_SEA_LONG : FSR_SEA;

	return kind == GUEST_DABT_WRITE ? fsr | FSR_WNR : fsr;
}

struct exception_entry exception_entry(enum guest_exception kind,
				       const struct guest_context *g)
{
	const struct exception_kind *k = &kinds[kind];
	u32 base = (g->sctlr & SCTLR_V) ? HIVECS : g->vbar;
	bool thumb = g->cpsr & PSR_T;

	return (struct exception_entry){
		.mode = k->mode,
		.lr = g->pc + (thumb ? k->lr_offset_thumb : k->lr_offset_arm),
		.spsr = g->cpsr,
		.cpsr = entry_cpsr(g->cpsr, k->mode, g->sctlr),
		.vector = base + k->vector_offset,
		.fsr = kind == GUEST_UNDEF ? 0
					   : external_abort_fsr(kind, g->lpae),
	};
}

#define TTBCR_EAE (1u << 31)

void inject_exception(enum guest_exception kind, u32 far)
{
	struct guest_context g = {
		.cpsr = guest_cpsr(),
		.pc = guest_pc(),
		.sctlr = cp15_read(CP15_ISS(SCTLR)),
		.vbar = cp15_read(CP15_ISS(VBAR)),
		.lpae = cp15_read(CP15_ISS(TTBCR)) & TTBCR_EAE,
	};
	struct exception_entry e = exception_entry(kind, &g);
	bool und = e.mode == MODE_UND;

	banked_write(und ? BANKED_LR_UND : BANKED_LR_ABT, e.lr);
	banked_write(und ? BANKED_SPSR_UND : BANKED_SPSR_ABT, e.spsr);
	if (kind == GUEST_PABT) {
		cp15_write(CP15_ISS(IFSR), e.fsr);
		cp15_write(CP15_ISS(IFAR), far);
	} else if (!und) {
		cp15_write(CP15_ISS(DFSR), e.fsr);
		cp15_write(CP15_ISS(DFAR), far);
	}
	set_guest_pc(e.vector);
	set_guest_cpsr(e.cpsr);
}
