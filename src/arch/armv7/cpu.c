/* SPDX-License-Identifier: MIT */
/* Per-core HYP state, firmware calls, and entering a vCPU. */
#include "cpu.h"
#include "arch.h"
#include "debug_points.h"
#include "firmware.h"
#include "platform.h"
#include "set_way.h"
#include "sysreg.h"
#include "vm.h"
#include <bulkhead/abi.h>

/*
 * What guests trap on, by denial as on AArch64 (armv8/cpu.c says why):
 * SMC, set/way maintenance, ACTLR, IMPLEMENTATION DEFINED and ID
 * registers; every physical interrupt and asynchronous abort comes to
 * HYP. WFI/WFE run natively.
 */
#define HCR_GUEST                                                              \
	(HCR_VM | HCR_IMO | HCR_FMO | HCR_AMO | HCR_TID3 | HCR_TSC |           \
	 HCR_TIDCP | HCR_TAC | HCR_TSW)

/* ID_PFR0: Jazelle (State2) support. */
#define ID_PFR0_JAZELLE(pfr0) (((pfr0) >> 8) & 0xf)

/* Stage 2: 39-bit IPA (T0SZ = -7, a 4-bit signed field, S = its sign),
 * tables from level 1 (SL0 = 1), walks cacheable write-back and inner
 * shareable, RES1 bit 31. */
#define VTCR_VALUE	 0x80003559u
#define VTTBR_VMID_SHIFT 48

/* The guest's SCTLR at reset: MMU and caches off, exceptions in ARM
 * state to VBAR, little-endian; its RES1 bits set. */
#define SCTLR_RESET 0x00c50078u

u64 arch_counter(void)
{
	isb();
	return read_cp15_64(CNTPCT);
}

u64 arch_counter_freq(void)
{
	return read_cp15(CNTFRQ);
}

/*
 * The PMU is hidden: its registers trap (HPMN: every counter in the
 * trapped PL1 range, as at reset). So do the OS lock and power-down
 * registers and the debug ROM address; the breakpoint and watchpoint
 * registers are the guest's.
 */
static u32 hdcr_value(void)
{
	return HDCR_TPMCR | HDCR_TPM | HDCR_TDOSA | HDCR_TDRA |
	       ((read_cp15(PMCR) >> 11) & HDCR_HPMN_MASK);
}

/*
 * CRn 15 traps: it holds IMPLEMENTATION DEFINED registers (Cortex-A15:
 * CBAR, and RAMINDEX with IL1DATA/DL1DATA, which read the caches' RAMs,
 * lines of other VMs included); the guest reads 0 (sysreg_trap.c).
 * Jazelle's registers trap where the core has them (the trivial
 * implementation). ThumbEE's do not: TEECR and TEEHBR are
 * the guest's own state of its own core, as TPIDRURW is (vcpu_reset.S
 * clears them). Hiding ThumbEE instead relies on HCR.TID3 trapping
 * ID_PFR0, which QEMU's ARMv7 cores do not do: Linux then finds ThumbEE
 * and writes TEEHBR at its first context switch.
 */
static u32 hstr_value(void)
{
	return HSTR_T15 |
	       (ID_PFR0_JAZELLE(read_cp15(ID_PFR0)) ? HSTR_TJDBX : 0);
}

void cpu_init_el2(void)
{
	write_cp15(HVBAR, hyp_vectors);
	write_cp15(HCR, HCR_GUEST);
	write_cp15(HDCR, hdcr_value());
	write_cp15(HCPTR, HCPTR_RES1 | HCPTR_TTA); /* VFP free, trace traps */
	write_cp15(HSTR, hstr_value());
	write_cp15(CNTHCTL, 0); /* PL1 physical counter and timer trap */
	write_cp15_64(CNTVOFF, 0);
	write_cp15(CNTHP_CTL, 0); /* its reset value is UNKNOWN */
	write_cp15(VPIDR, read_cp15(MIDR));
	write_cp15(VTCR, VTCR_VALUE);
	isb();
}

/* HCR.TVM: writes to the VM_REGISTERS32/64 trap (set_way.h). */
bool cpu_vm_regs_trapped(void)
{
	return read_cp15(HCR) & HCR_TVM;
}

void cpu_trap_vm_regs(bool on)
{
	u32 hcr = read_cp15(HCR);

	write_cp15(HCR, on ? hcr | HCR_TVM : hcr & ~HCR_TVM);
	isb();
}

void arch_idle_wait(void)
{
	__asm__ volatile("dsb sy; wfi" ::: "memory");
}

/* The HYP physical timer: it compares with the counter arch_counter()
 * reads, and no guest can reach it. */
void arch_wake_at(u64 when)
{
	write_cp15_64(CNTHP_CVAL, when);
	write_cp15(CNTHP_CTL, CNT_CTL_ENABLE);
	isb();
}

void arch_wake_cancel(void)
{
	write_cp15(CNTHP_CTL, 0);
	isb();
}

/* An SMC32 call to the firmware's PSCI (SMCCC: r0-r3 in and out, r4-r14
 * preserved). */
unsigned long firmware_smc(u32 fid, unsigned long a1, unsigned long a2,
			   unsigned long a3)
{
	register u32 r0 __asm__("r0") = fid;
	register u32 r1 __asm__("r1") = a1;
	register u32 r2 __asm__("r2") = a2;
	register u32 r3 __asm__("r3") = a3;

	__asm__ volatile("smc #0"
			 : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3)
			 :
			 : "memory");
	return r0;
}

noreturn void arch_halt(void)
{
	for (;;)
		__asm__ volatile("cpsid aif; wfi");
}

void arch_stage2_activate(paddr_t root, unsigned vmid)
{
	write_cp15_64(VTTBR, root.bits | ((u64)vmid << VTTBR_VMID_SHIFT));
	isb();
}

/* TLBIALLIS in HYP mode: every core drops the current VMID's entries,
 * stage 1 and Stage 2 alike. */
void arch_stage2_tlb_flush(paddr_t root, unsigned vmid)
{
	arch_stage2_activate(root, vmid);
	dsb(ishst);
	write_cp15(TLBIALLIS, 0);
	dsb(ish);
	isb();
}

/*
 * The self-hosted debug state a guest can write, as a cold reset leaves
 * it (as armv8/cpu.c does): every implemented breakpoint and watchpoint
 * disabled and zero (DBGDIDR's counts: one the core lacks would be
 * UNDEFINED here), monitor debug-mode off (DBGDSCRext), no vector catch,
 * and the OS lock locked (DBGOSLAR's key). ARMv7 has no DBGDCCINT.
 */
static void reset_debug_regs(void)
{
	u32 didr = read_cp14(DBGDIDR);

	debug_points_clear(DBGDIDR_BRPS(didr) + 1, DBGDIDR_WRPS(didr) + 1);
	write_cp14(DBGDSCRext, 0);
	write_cp14(DBGVCR, 0);
	write_cp14(DBGOSLAR, DBGOSLAR_LOCK);
	isb();
}

/* Nothing of a vCPU's last run survives its (re)start (vcpu_reset.S). */
static void reset_pl1(void)
{
	vcpu_reset_pl1_pl0();
	write_cp15(SCTLR, SCTLR_RESET);
	reset_debug_regs();
}

/* Guests are AArch32 here: every SMCCC call comes in 32-bit registers. */
bool arch_vcpu_is_aarch32(const struct vcpu *vcpu)
{
	return true;
}

noreturn void arch_vcpu_enter(struct vcpu *vcpu, u64 entry, u64 arg,
			      enum vcpu_start kind)
{
	/* Aff0 = vCPU index; bit 31: the multiprocessing extensions' format. */
	write_cp15(VMPIDR, BIT(31) | vcpu->id);
	write_cp15_64(CNTVOFF, vcpu->vm->counter_offset);
	arch_stage2_activate(pt_root_pa(&vcpu->vm->s2), vcpu->vm->id + 1);
	reset_pl1();
	cpu_trap_vm_regs(false); /* until its first set/way operation */
	/* Its physical timer's compare value reads 0, shifted as its
	 * counter is. */
	write_cp15_64(CNTP_CVAL, vcpu->vm->counter_offset);
	isb();
	/* Linux's ARM boot protocol: r0 = 0, r1 = ~0 (no machine type, the
	 * DTB says it), r2 = the DTB. CPU_ON: r0 = the context ID. */
	if (kind == VCPU_START_BOOT)
		enter_guest((u32)entry, 0, ~0u, (u32)arg,
			    (u32)cpu_stack_top(arch_cpu_id()));
	enter_guest((u32)entry, (u32)arg, 0, 0,
		    (u32)cpu_stack_top(arch_cpu_id()));
}
