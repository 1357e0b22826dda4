/* SPDX-License-Identifier: MIT */
/*
 * Guest exits in HYP mode: one handler per HSR exception class. Each
 * either handles the exit and returns to the guest, or gives the guest a
 * defined exception (exception_entry.c); nothing a guest does here can
 * stop the hypervisor. Exits are counted by cause (exit_stats.h) as on
 * AArch64: HVC and SMC in smccc_handle(), physical interrupts in
 * irq_from_guest(). The unknown Bulkhead hypercalls vectors.S answers
 * itself are not counted.
 */
#include "abort.h"
#include "arch.h"
#include "cpu.h"
#include "exception_entry.h"
#include "guest_state.h"
#include "insn.h"
#include "irq.h"
#include "mmio.h"
#include "smccc.h"
#include "sysreg.h"
#include "sysreg_trap.h"
#include "vgic.h"
#include "vm.h"

#define PC 15

static void inject_undef(void)
{
	inject_exception(GUEST_UNDEF, 0);
}

static u32 fault_far(u32 hsr)
{
	return ESR_EC(hsr) == EC_IABT_LOW ? read_cp15(HIFAR) : read_cp15(HDFAR);
}

/* A synchronous external abort for the access the syndrome describes. */
static void inject_abort(u32 hsr)
{
	enum guest_exception kind = GUEST_DABT_READ;

	if (ESR_EC(hsr) == EC_IABT_LOW)
		kind = GUEST_PABT;
	else if (access_of(hsr) == ACCESS_WRITE)
		kind = GUEST_DABT_WRITE;
	inject_exception(kind, fault_far(hsr));
}

static u64 fault_ipa(u32 hsr)
{
	return abort_ipa(read_cp15(HPFAR), fault_far(hsr));
}

/* The syndrome's register, if a trapped load or store can be emulated:
 * a transfer to or from the PC cannot. */
static bool mmio_emulable(u32 hsr)
{
	return mmio_decodable(hsr) && ESR_DABT_SRT(hsr) != PC;
}

/* Every mapping is static: a Stage-2 fault no emulated device takes is an
 * access outside the VM, one with no syndrome, or one of a size or
 * alignment the device does not allow. */
static noinline void stage2_fault(struct vcpu *vcpu, u32 hsr)
{
	unsigned size = mmio_emulable(hsr) ? 1u << ESR_DABT_SAS(hsr) : 0;

	exit_count(vcpu, EXIT_BAD_ACCESS);
	vm_report_bad_access(vcpu, ipa_of(fault_ipa(hsr)), ipa_valid(hsr),
			     guest_pc(), access_of(hsr), size);
	inject_abort(hsr);
}

/* An abort of the guest's own device or memory: its own to handle. */
static noinline void external_abort(struct vcpu *vcpu, u32 hsr)
{
	exit_count(vcpu, EXIT_OTHER);
	vm_log(vcpu->vm,
	       "vCPU %u: external abort (HSR 0x%x) at PC 0x%x: passing it on",
	       vcpu->id, (unsigned)hsr, (unsigned)guest_pc());
	inject_abort(hsr);
}

static void abort_from_guest(struct vcpu *vcpu, u32 hsr)
{
	if (is_external_abort(hsr))
		external_abort(vcpu, hsr);
	else
		stage2_fault(vcpu, hsr);
}

static u32 size_mask(unsigned bits)
{
	return ~0u >> (32 - bits);
}

/* A load's value into Rt (banked by the guest's mode), sign- or
 * zero-extended as the syndrome says. */
static void mmio_complete(struct guest_frame *f, u32 hsr, unsigned bits,
			  u32 value)
{
	value &= size_mask(bits);
	if (hsr & ESR_DABT_WNR)
		return;
	if ((hsr & ESR_DABT_SSE) && bits < 32 && (value >> (bits - 1)))
		value |= ~0u << bits;
	set_guest_reg(f, guest_cpsr(), ESR_DABT_SRT(hsr), value);
}

static u32 mmio_store_value(struct guest_frame *f, u32 hsr)
{
	return guest_reg(f, guest_cpsr(), ESR_DABT_SRT(hsr));
}

static noinline void mmio_locked(struct vcpu *vcpu, struct guest_frame *f,
				 u32 hsr)
{
	unsigned bits = 8u << ESR_DABT_SAS(hsr);
	struct mmio_access a = {.ipa = fault_ipa(hsr),
				.size = (u8)(bits / 8),
				.write = hsr & ESR_DABT_WNR};

	if (a.write)
		a.value = mmio_store_value(f, hsr) & size_mask(MIN(bits, 32u));
	if (bits <= 32 && emulated_mmio(vcpu, &a)) {
		exit_count(vcpu, EXIT_MMIO);
		mmio_complete(f, hsr, bits, (u32)a.value);
		insn_skip(hsr);
	} else {
		stage2_fault(vcpu, hsr);
	}
}

/* A 32-bit access the vGIC answers without its lock: reads of the fixed
 * distributor registers, GICD_SGIR writes. */
static bool mmio_fast32(struct vcpu *vcpu, struct guest_frame *f, u32 hsr)
{
	u32 word;

	if (hsr & ESR_DABT_WNR) {
		if (!vgic_dist_write32(vcpu, fault_ipa(hsr),
				       mmio_store_value(f, hsr)))
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
	if (!mmio_emulable(hsr))
		abort_from_guest(vcpu, hsr);
	else if (ESR_DABT_SAS(hsr) == 2 && mmio_fast32(vcpu, f, hsr))
		insn_skip(hsr);
	else
		mmio_locked(vcpu, f, hsr);
}

static noinline void unexpected_trap(struct vcpu *vcpu, u32 hsr)
{
	exit_count(vcpu, EXIT_OTHER);
	vm_log(vcpu->vm,
	       "vCPU %u: unexpected trap (EC 0x%x, HSR 0x%x) at PC 0x%x: "
	       "injecting an undefined instruction exception",
	       vcpu->id, (unsigned)ESR_EC(hsr), (unsigned)hsr,
	       (unsigned)guest_pc());
	inject_undef();
}

/* A trapped coprocessor access (sysreg_trap.c counts it). */
static void coprocessor_access(struct vcpu *vcpu, struct guest_frame *f,
			       u32 hsr)
{
	switch (handle_sysreg_trap(vcpu, f, hsr)) {
	case SYSREG_DONE:
		insn_skip(hsr);
		break;
	case SYSREG_UNDEFINED:
		inject_undef();
		break;
	case SYSREG_UNKNOWN:
		unexpected_trap(vcpu, hsr);
		break;
	}
}

/* HVC and SMC, from vectors.S with SMCCC's r0-r7 in regs[SMCCC_REGS],
 * zero-extended; r0-r3 go back to the guest from there. */
void handle_guest_call(u64 regs[], u32 hsr)
{
	/* A trapped SMC returns to itself: step over it. */
	if (ESR_EC(hsr) == EC_SMC32)
		insn_skip(hsr);
	smccc_handle(this_vcpu(), regs);
}

/* Every other synchronous exit. */
void handle_guest_trap(struct guest_frame *f, u32 hsr)
{
	struct vcpu *vcpu = this_vcpu();

	switch (ESR_EC(hsr)) {
	case EC_DABT_LOW:
		data_abort(vcpu, f, hsr);
		break;
	case EC_IABT_LOW:
		abort_from_guest(vcpu, hsr);
		break;
	case EC_CP15_32:
	case EC_CP15_64:
	case EC_CP14_MR:
	case EC_CP14_LS:
	case EC_CP14_64:
	case EC_CP10_ID:
		coprocessor_access(vcpu, f, hsr);
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
