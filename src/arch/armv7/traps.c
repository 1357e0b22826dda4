/* SPDX-License-Identifier: MIT */
/*
 * Guest exits in HYP mode: one handler per HSR exception class. Each
 * either handles the exit and returns to the guest, or gives the guest a
 * defined exception; nothing a guest does here can stop the hypervisor.
 * Exits are counted by cause (exit_stats.h) as on AArch64: HVC and SMC in
 * smccc_handle(), physical interrupts in irq_from_guest().
 */
#include "arch.h"
#include "cpu.h"
#include "irq.h"
#include "mmio.h"
#include "smccc.h"
#include "sysreg.h"
#include "vgic.h"
#include "vm.h"

/* HSR exception classes and abort syndrome fields (HSR and ESR_EL2
 * agree on them). */
#define HSR_EC(hsr)	  ((hsr) >> 26 & 0x3f)
#define HSR_IL		  (1u << 25) /* a 32-bit instruction */
#define EC_HVC32	  0x12
#define EC_SMC32	  0x13
#define EC_IABT_LOW	  0x20
#define EC_DABT_LOW	  0x24
#define HSR_ABT_FSC(hsr)  ((hsr)&0x3f)
#define HSR_DABT_WNR	  (1u << 6)
#define HSR_ABT_S1PTW	  (1u << 7)
#define HSR_DABT_ISV	  (1u << 24)
#define HSR_DABT_SAS(hsr) ((hsr) >> 22 & 3)
#define HSR_DABT_SSE	  (1u << 21)
#define HSR_DABT_SRT(hsr) ((hsr) >> 16 & 0xf)

/* CPSR/SPSR and SCTLR bits exception entry reads and sets. */
#define PSR_MODE_MASK 0x1fu
#define PSR_MODE_ABT  0x17u
#define PSR_MODE_UND  0x1bu
#define PSR_T	      (1u << 5)
#define PSR_I	      (1u << 7)
#define PSR_A	      (1u << 8)
#define PSR_E	      (1u << 9)
#define PSR_IT	      (0x3fu << 10 | 3u << 25)
#define PSR_J	      (1u << 24)
#define SCTLR_V	      (1u << 13) /* vectors at 0xffff0000 */
#define SCTLR_EE      (1u << 25)
#define SCTLR_TE      (1u << 30)
#define TTBCR_EAE     (1u << 31)
/* DFSR/IFSR of a synchronous external abort, short and long format. */
#define FSR_SEA_SHORT 0x008u
#define FSR_SEA_LPAE  (1u << 9 | 0x10u)
#define DFSR_WNR      (1u << 11)

static u32 guest_pc(void)
{
	u32 pc;

	__asm__ volatile("mrs %0, elr_hyp" : "=r"(pc));
	return pc;
}

static void set_guest_pc(u32 pc)
{
	__asm__ volatile("msr elr_hyp, %0" ::"r"(pc));
}

static u32 guest_cpsr(void)
{
	u32 psr;

	__asm__ volatile("mrs %0, spsr" : "=r"(psr));
	return psr;
}

static void set_guest_cpsr(u32 psr)
{
	__asm__ volatile("msr spsr_cxsf, %0" ::"r"(psr));
}

/* Return past the trapped instruction: 2 or 4 bytes (HSR.IL). */
static void skip_instruction(u32 hsr)
{
	set_guest_pc(guest_pc() + (hsr & HSR_IL ? 4 : 2));
}

/*
 * MINIMAL exception injection, to be replaced by exception_entry.c's
 * (AArch32 entry rules with the IT state, condition checks, every mode):
 * take the guest into `mode` at its vector `offset`, with its return
 * address `lr` and its CPSR saved in that mode's banked LR and SPSR.
 */
static void minimal_inject(u32 mode, u32 offset, u32 lr)
{
	u32 spsr = guest_cpsr();
	u32 sctlr = read_cp15(SCTLR);
	u32 cpsr = (spsr & ~(PSR_MODE_MASK | PSR_T | PSR_E | PSR_IT | PSR_J)) |
		   mode | PSR_I;

	if (mode == PSR_MODE_ABT)
		cpsr |= PSR_A;
	if (sctlr & SCTLR_TE)
		cpsr |= PSR_T;
	if (sctlr & SCTLR_EE)
		cpsr |= PSR_E;
	if (mode == PSR_MODE_ABT)
		__asm__ volatile("msr lr_abt, %0; msr spsr_abt, %1" ::"r"(lr),
				 "r"(spsr));
	else
		__asm__ volatile("msr lr_und, %0; msr spsr_und, %1" ::"r"(lr),
				 "r"(spsr));
	set_guest_cpsr(cpsr);
	set_guest_pc((sctlr & SCTLR_V ? 0xffff0000u : read_cp15(VBAR)) +
		     offset);
}

static void inject_undef(void)
{
	u32 pc = guest_pc();

	minimal_inject(PSR_MODE_UND, 0x04, pc + (guest_cpsr() & PSR_T ? 2 : 4));
}

/* A synchronous external abort for a data or instruction access, its
 * status in the format the guest's TTBCR.EAE selects. */
static void inject_abort(u32 hsr)
{
	u32 fsr = read_cp15(TTBCR) & TTBCR_EAE ? FSR_SEA_LPAE : FSR_SEA_SHORT;
	u32 pc = guest_pc();

	if (HSR_EC(hsr) == EC_IABT_LOW) {
		write_cp15(IFSR, fsr);
		write_cp15(IFAR, read_cp15(HIFAR));
		minimal_inject(PSR_MODE_ABT, 0x0c, pc + 4);
		return;
	}
	write_cp15(DFSR, fsr | (hsr & HSR_DABT_WNR ? DFSR_WNR : 0));
	write_cp15(DFAR, read_cp15(HDFAR));
	minimal_inject(PSR_MODE_ABT, 0x10, pc + 8);
}

/* Translation, access flag and permission faults report the IPA. */
static bool ipa_valid(u32 hsr)
{
	u32 fsc = HSR_ABT_FSC(hsr);

	return fsc >= 0x04 && fsc <= 0x0f;
}

static enum access access_of(u32 hsr)
{
	if (HSR_EC(hsr) == EC_IABT_LOW)
		return ACCESS_FETCH;
	if (!(hsr & HSR_ABT_S1PTW) && (hsr & HSR_DABT_WNR))
		return ACCESS_WRITE;
	return ACCESS_READ;
}

static u32 fault_far(u32 hsr)
{
	return HSR_EC(hsr) == EC_IABT_LOW ? read_cp15(HIFAR) : read_cp15(HDFAR);
}

static u64 fault_ipa(u32 hsr)
{
	return ((u64)read_cp15(HPFAR) >> 4 << 12) | (fault_far(hsr) & 0xfff);
}

/*
 * Can the access be emulated from the syndrome alone (ISV)? One load or
 * store of r0-r12, at a known IPA: SP and LR are banked per guest mode
 * and not in the frame.
 */
static bool mmio_decodable(u32 hsr)
{
	return (hsr & (HSR_DABT_ISV | HSR_ABT_S1PTW)) == HSR_DABT_ISV &&
	       ipa_valid(hsr) && HSR_DABT_SRT(hsr) <= 12;
}

/* Every mapping is static: a Stage-2 fault no emulated device takes is an
 * access outside the VM, one with no syndrome, or one of a size or
 * alignment the device does not allow. */
static noinline void stage2_fault(struct vcpu *vcpu, u32 hsr)
{
	unsigned size = mmio_decodable(hsr) ? 1u << HSR_DABT_SAS(hsr) : 0;

	exit_count(vcpu, EXIT_BAD_ACCESS);
	vm_report_bad_access(vcpu, ipa_of(fault_ipa(hsr)), ipa_valid(hsr),
			     guest_pc(), access_of(hsr), size);
	inject_abort(hsr);
}

static u32 size_mask(unsigned bits)
{
	return ~0u >> (32 - bits);
}

/* A load's value into Rt, sign- or zero-extended as the syndrome says. */
static void mmio_complete(struct guest_frame *f, u32 hsr, unsigned bits,
			  u32 value)
{
	value &= size_mask(bits);
	if (hsr & HSR_DABT_WNR)
		return;
	if ((hsr & HSR_DABT_SSE) && bits < 32 && (value >> (bits - 1)))
		value |= ~0u << bits;
	f->r[HSR_DABT_SRT(hsr)] = value;
}

static noinline void mmio_locked(struct vcpu *vcpu, struct guest_frame *f,
				 u32 hsr)
{
	unsigned bits = 8u << HSR_DABT_SAS(hsr);
	struct mmio_access a = {.ipa = fault_ipa(hsr),
				.size = (u8)(bits / 8),
				.write = hsr & HSR_DABT_WNR};

	if (a.write)
		a.value = f->r[HSR_DABT_SRT(hsr)] & size_mask(MIN(bits, 32u));
	if (bits <= 32 && emulated_mmio(vcpu, &a)) {
		exit_count(vcpu, EXIT_MMIO);
		mmio_complete(f, hsr, bits, (u32)a.value);
		skip_instruction(hsr);
	} else {
		stage2_fault(vcpu, hsr);
	}
}

/* A 32-bit access the vGIC answers without its lock: reads of the fixed
 * distributor registers, GICD_SGIR writes. */
static bool mmio_fast32(struct vcpu *vcpu, struct guest_frame *f, u32 hsr)
{
	u32 word;

	if (hsr & HSR_DABT_WNR) {
		if (!vgic_dist_write32(vcpu, fault_ipa(hsr),
				       f->r[HSR_DABT_SRT(hsr)]))
			return false;
		exit_count(vcpu, EXIT_SGI);
		return true;
	}
	if (!vgic_dist_read32(vcpu->vm, fault_ipa(hsr), &word))
		return false;
	exit_count(vcpu, EXIT_MMIO);
	mmio_complete(f, hsr, 32, word);
	return true;
}

/* A Stage-2 data abort: emulated if it is for a device the hypervisor
 * emulates (the VM's console, its GIC), else a fault. */
static void data_abort(struct vcpu *vcpu, struct guest_frame *f, u32 hsr)
{
	if (!mmio_decodable(hsr))
		stage2_fault(vcpu, hsr);
	else if (HSR_DABT_SAS(hsr) == 2 && mmio_fast32(vcpu, f, hsr))
		skip_instruction(hsr);
	else
		mmio_locked(vcpu, f, hsr);
}

/* HVC and SMC: SMCCC's r0-r7 widened into the core's registers, and
 * its results (r0-r3) back. */
static void guest_call(struct vcpu *vcpu, struct guest_frame *f)
{
	u64 regs[SMCCC_REGS];

	for (unsigned i = 0; i < SMCCC_REGS; i++)
		regs[i] = f->r[i];
	smccc_handle(vcpu, regs);
	for (unsigned i = 0; i < 4; i++)
		f->r[i] = (u32)regs[i];
}

static noinline void unexpected_trap(struct vcpu *vcpu, u32 hsr)
{
	exit_count(vcpu, EXIT_OTHER);
	vm_log(vcpu->vm,
	       "vCPU %u: unexpected trap (EC 0x%x, HSR 0x%x) at PC 0x%x: "
	       "injecting an undefined instruction exception",
	       vcpu->id, (unsigned)HSR_EC(hsr), (unsigned)hsr,
	       (unsigned)guest_pc());
	inject_undef();
}

void handle_guest_trap(struct guest_frame *f, u32 hsr)
{
	struct vcpu *vcpu = this_vcpu();

	switch (HSR_EC(hsr)) {
	case EC_SMC32:
		/* A trapped SMC returns to itself: step over it. */
		set_guest_pc(guest_pc() + 4);
		guest_call(vcpu, f);
		break;
	case EC_HVC32:
		guest_call(vcpu, f);
		break;
	case EC_DABT_LOW:
		data_abort(vcpu, f, hsr);
		break;
	case EC_IABT_LOW:
		stage2_fault(vcpu, hsr);
		break;
	default:
		unexpected_trap(vcpu, hsr);
	}
}

/* One physical interrupt per exit: if another is pending, the guest
 * exits again at once. */
void handle_guest_irq(void)
{
	u32 intid = gic_ack();

	if (intid < GIC_SPURIOUS)
		irq_from_guest(this_vcpu(), intid);
	else
		exit_count(this_vcpu(), EXIT_OTHER);
}
