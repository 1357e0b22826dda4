/* SPDX-License-Identifier: MIT */
/*
 * Guest exits: one handler per exception class. Each either handles the
 * exit and returns to the guest, or gives the guest a defined exception;
 * nothing a guest does here can stop the hypervisor. Each exit is counted
 * by its cause (exit_stats.h) where that is known: HVC and SMC in
 * smccc_handle(), physical interrupts in irq_from_guest(). The unknown
 * Bulkhead hypercalls vectors.S answers itself are not counted.
 */
#include "abort.h"
#include "arch.h"
#include "cpu.h"
#include "exception_entry.h"
#include "irq.h"
#include "smccc.h"
#include "sysreg.h"
#include "vgic.h"
#include "vm.h"

/* VBAR_EL1 offsets: which vector the guest's exception goes to. */
static u64 vector_offset(u64 spsr)
{
	if (spsr & PSR_AARCH32)
		return 0x600; /* lower EL, AArch32 */
	switch (spsr & PSR_MODE_MASK) {
	case PSR_MODE_EL1H:
		return 0x200; /* current EL with SP_EL1 */
	case PSR_MODE_EL1H - 1:
		return 0x000; /* current EL with SP_EL0 */
	}
	return 0x400; /* lower EL, AArch64 */
}

/* What of exception entry this core has (a slow path: read each time). */
static unsigned exception_features(void)
{
	u64 mmfr1 = read_sysreg(id_aa64mmfr1_el1);
	u64 pfr1 = read_sysreg(id_aa64pfr1_el1);
	unsigned f = 0;

	if (mmfr1 >> 20 & 0xf)
		f |= CPU_HAS_PAN;
	if (pfr1 >> 4 & 0xf)
		f |= CPU_HAS_SSBS;
	if (pfr1 >> 8 & 0xf)
		f |= CPU_HAS_MTE;
	return f;
}

/* Deliver a synchronous exception to the guest's EL1, as hardware would. */
static void inject_sync(u64 esr, u64 far)
{
	u64 spsr = read_sysreg(spsr_el2);

	write_sysreg(esr_el1, esr);
	write_sysreg(far_el1, far);
	write_sysreg(elr_el1, read_sysreg(elr_el2));
	write_sysreg(spsr_el1, spsr);
	write_sysreg(elr_el2, read_sysreg(vbar_el1) + vector_offset(spsr));
	write_sysreg(spsr_el2,
		     el1_exception_pstate(spsr, read_sysreg(sctlr_el1),
					  exception_features()));
}

/*
 * Return past the trapped instruction: 2 or 4 bytes (ESR.IL). It has now
 * completed, so a guest single-stepping it takes its step exception
 * before the next one (SPSR.SS 0: active-pending), as on hardware.
 */
static void skip_instruction(u64 esr)
{
	write_sysreg(elr_el2, read_sysreg(elr_el2) + 2 + (esr >> 24 & 2));
	write_sysreg(spsr_el2, read_sysreg(spsr_el2) & ~PSR_SS);
}

static bool from_el0(u64 spsr)
{
	return (spsr & PSR_AARCH32) || (spsr & PSR_MODE_MASK) == 0;
}

static void inject_undef(void)
{
	inject_sync(((u64)EC_UNKNOWN << ESR_EC_SHIFT) | ESR_IL, 0);
}

/* A synchronous external abort for a data or instruction access. */
static void inject_abort(u64 esr, u64 far)
{
	bool iabt = ESR_EC(esr) == EC_IABT_LOW;
	u64 ec = iabt ? EC_IABT_LOW : EC_DABT_LOW;

	if (!from_el0(read_sysreg(spsr_el2)))
		ec++; /* the "same exception level" class */
	inject_sync((ec << ESR_EC_SHIFT) | ESR_IL | FSC_SEA |
			    (iabt ? 0 : (esr & ESR_DABT_WNR)),
		    far);
}

static u64 fault_ipa(void)
{
	return abort_ipa(read_sysreg(hpfar_el2), read_sysreg(far_el2));
}

static noinline void external_abort(struct vcpu *vcpu, u64 esr)
{
	exit_count(vcpu, EXIT_OTHER);
	vm_log(vcpu->vm,
	       "vCPU %u: external abort (ESR 0x%llx) at PC 0x%llx: passing it "
	       "on",
	       vcpu->id, esr, read_sysreg(elr_el2));
	inject_abort(esr, read_sysreg(far_el2));
}

/* Every mapping is static: a Stage-2 fault that no emulated device takes
 * is an access outside the VM, one with no syndrome, or one of a size or
 * alignment the device does not allow. */
static noinline void stage2_fault(struct vcpu *vcpu, u64 esr)
{
	unsigned size = mmio_decodable(esr) ? 1u << ESR_DABT_SAS(esr) : 0;

	exit_count(vcpu, EXIT_BAD_ACCESS);
	vm_report_bad_access(vcpu, ipa_of(fault_ipa()), ipa_valid(esr),
			     read_sysreg(elr_el2), access_of(esr), size);
	inject_abort(esr, read_sysreg(far_el2));
}

/* An abort the hypervisor does not emulate. */
static void abort_from_guest(struct vcpu *vcpu, u64 esr)
{
	if (is_external_abort(esr))
		external_abort(vcpu, esr);
	else
		stage2_fault(vcpu, esr);
}

static u64 size_mask(unsigned bits)
{
	return ~0ULL >> (64 - bits);
}

static struct mmio_access mmio_decode(const struct guest_frame *f, u64 esr)
{
	unsigned rt = ESR_DABT_SRT(esr);
	struct mmio_access a = {.ipa = fault_ipa(),
				.size = (u8)(1u << ESR_DABT_SAS(esr)),
				.write = esr & ESR_DABT_WNR};

	if (a.write)
		a.value = frame_get(f, rt) & size_mask(8u * a.size);
	return a;
}

/* A load's value into Rt, sign- or zero-extended as the syndrome says. */
static void mmio_complete(struct guest_frame *f, u64 esr, unsigned bits,
			  u64 value)
{
	unsigned rt = ESR_DABT_SRT(esr);

	value &= size_mask(bits);
	if (esr & ESR_DABT_WNR)
		return;
	if ((esr & ESR_DABT_SSE) && bits < 64 && (value >> (bits - 1)))
		value |= ~0ULL << bits;
	frame_set(f, rt, (esr & ESR_DABT_SF) ? value : (u32)value);
}

static noinline void mmio_locked(struct vcpu *vcpu, struct guest_frame *f,
				 u64 esr)
{
	struct mmio_access a = mmio_decode(f, esr);

	if (emulated_mmio(vcpu, &a)) {
		exit_count(vcpu, EXIT_MMIO);
		mmio_complete(f, esr, 8u * a.size, a.value);
		skip_instruction(esr);
	} else {
		stage2_fault(vcpu, esr);
	}
}

/* A 32-bit access the vGIC answers without its lock: reads of the fixed
 * distributor registers, GICD_SGIR writes. */
static bool mmio_fast32(struct vcpu *vcpu, struct guest_frame *f, u64 esr)
{
	u32 word;

	if (esr & ESR_DABT_WNR) {
		if (!vgic_dist_write32(vcpu, fault_ipa(),
				       (u32)frame_get(f, ESR_DABT_SRT(esr))))
			return false;
		exit_count(vcpu, EXIT_SGI); /* the one write it takes */
		return true;
	}
	if (!vgic_dist_read32(vcpu->vm, fault_ipa(), &word))
		return false;
	exit_count(vcpu, EXIT_MMIO);
	mmio_complete(f, esr, 32, word);
	return true;
}

/*
 * A Stage-2 data abort: emulated if it is for a device the hypervisor
 * emulates (the VM's console, its GIC), else a fault.
 * The vGIC's lock-free 32-bit accesses complete here with no call;
 * everything else goes out of line.
 */
static void data_abort(struct vcpu *vcpu, struct guest_frame *f, u64 esr)
{
	if (!mmio_decodable(esr))
		abort_from_guest(vcpu, esr);
	else if (ESR_DABT_SAS(esr) == 2 && mmio_fast32(vcpu, f, esr))
		skip_instruction(esr);
	else
		mmio_locked(vcpu, f, esr);
}

static noinline void unexpected_trap(struct vcpu *vcpu, u64 esr)
{
	vm_log(vcpu->vm,
	       "vCPU %u: unexpected trap (EC 0x%llx, ESR 0x%llx) at PC 0x%llx: "
	       "injecting an undefined instruction exception",
	       vcpu->id, ESR_EC(esr), esr, read_sysreg(elr_el2));
	inject_undef();
}

/* HVC and SMC (SMC traps: HCR_EL2.TSC, and the vector has stepped over
 * it); x19..x29 are not in the frame. */
void handle_guest_call(struct guest_frame *f)
{
	smccc_handle(this_vcpu(), f->x);
}

/*
 * For data aborts and MSR/MRS, the frame has x0..x30 when the trapped
 * instruction names a register from x19 up (vectors.S), x0..x18 otherwise.
 * Both are flattened: the common cases run without a call.
 */
flatten void handle_guest_dabt(struct guest_frame *f, u64 esr)
{
	data_abort(this_vcpu(), f, esr);
}

flatten void handle_guest_sysreg(struct guest_frame *f, u64 esr)
{
	struct vcpu *vcpu = this_vcpu();

	switch (handle_sysreg_trap(vcpu, f, esr)) {
	case SYSREG_DONE:
		skip_instruction(esr);
		break;
	case SYSREG_UNDEFINED:
		inject_undef();
		break;
	case SYSREG_UNKNOWN:
		unexpected_trap(vcpu, esr);
		break;
	}
}

/* Every other synchronous exit: instruction aborts, and the unexpected. */
void handle_guest_sync(struct guest_frame *f, u64 esr)
{
	struct vcpu *vcpu = this_vcpu();

	if (ESR_EC(esr) == EC_IABT_LOW) {
		abort_from_guest(vcpu, esr);
	} else {
		exit_count(vcpu, EXIT_OTHER);
		unexpected_trap(vcpu, esr);
	}
}

/* One physical interrupt per exit: if another is pending, the guest
 * exits again at once. */
flatten void handle_guest_irq(void)
{
	u32 intid = gic_ack();

	if (intid < GIC_SPURIOUS)
		irq_from_guest(this_vcpu(), intid);
	else
		exit_count(this_vcpu(), EXIT_OTHER);
}

/* An SError from a guest is asynchronous and cannot be pinned on one
 * access: the VM that caused it is stopped, the others carry on. */
void handle_guest_serror(void)
{
	struct vcpu *vcpu = this_vcpu();

	exit_count(vcpu, EXIT_OTHER);
	vm_log(vcpu->vm,
	       "vCPU %u: SError (ESR 0x%llx) near PC 0x%llx: stopping it",
	       vcpu->id, read_sysreg(esr_el2), read_sysreg(elr_el2));
	vm_stop(vcpu, VM_STOPPING, "SError");
}
