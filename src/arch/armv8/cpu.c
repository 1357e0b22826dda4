/* SPDX-License-Identifier: MIT */
/* Per-core EL2 state, firmware calls, and entering a vCPU. */
#include "cpu.h"
#include "arch.h"
#include "debug_points.h"
#include "firmware.h"
#include "mmu.h"
#include "platform.h"
#include "set_way.h"
#include "sysreg.h"
#include "sysreg_trap.h"
#include "vm.h"
#include <bulkhead/abi.h>

/*
 * What guests trap on. WFI/WFE run natively (the core is the guest's);
 * SMC traps so no guest reaches firmware; set/way maintenance, ACTLR and
 * IMPLEMENTATION DEFINED registers trap because they act beyond the
 * guest's own memory or reveal the machine; ID registers trap so the guest
 * sees only the features it may use (docs/guest-interface.md). API, APK
 * and ATA stay 0: pointer authentication and MTE are hidden, and their
 * instructions trap or, in the hint space, are NOPs.
 */
#define HCR_GUEST                                                              \
	(HCR_VM | HCR_IMO | HCR_FMO | HCR_AMO | HCR_TID3 | HCR_TSC |           \
	 HCR_TIDCP | HCR_TACR | HCR_TSW | HCR_RW)

u64 arch_counter(void)
{
	isb();
	return read_sysreg(cntpct_el0);
}

u64 arch_counter_freq(void)
{
	return read_sysreg(cntfrq_el0);
}

/*
 * The PMU is hidden (sysreg_trap.c says why): its registers trap. So do
 * the OS lock and power-down registers and the debug ROM address; the
 * breakpoint, watchpoint and step registers are the guest's (TDA = 0):
 * with TDE = 0 debug exceptions go to EL1 and are never taken at EL2.
 * Profiling and the trace filter trap where the core has them.
 */
static u64 mdcr_value(void)
{
	u64 dfr0 = read_sysreg(id_aa64dfr0_el1);
	unsigned pmu = ID_FIELD(dfr0, DFR0_PMUVER);
	u64 mdcr = MDCR_TPMCR | MDCR_TPM | MDCR_TDOSA | MDCR_TDRA;

	/* HPMN: every counter in the (trapped) EL1 range, as at reset. */
	if (pmu && pmu != DFR0_PMUVER_IMPDEF)
		mdcr |= (read_sysreg(pmcr_el0) >> 11) & MDCR_HPMN_MASK;
	if (ID_FIELD(dfr0, DFR0_PMSVER))
		mdcr |= MDCR_TPMS;
	if (ID_FIELD(dfr0, DFR0_TRACEFILT))
		mdcr |= MDCR_TTRF;
	return mdcr;
}

/* RAS error records are shared by the cores; LORegions are hidden. */
static u64 hcr_value(void)
{
	u64 hcr = HCR_GUEST;

	if (ID_FIELD(read_sysreg(id_aa64pfr0_el1), PFR0_RAS))
		hcr |= HCR_TERR | HCR_TEA;
	if (ID_FIELD(read_sysreg(id_aa64mmfr1_el1), MMFR1_LO))
		hcr |= HCR_TLOR;
	return hcr;
}

/* Trace and activity monitors trap (the monitors count EL2's work too);
 * FP/SIMD are free. Each bit is set only where its feature exists. */
static u64 cptr_value(void)
{
	u64 cptr = CPTR_EL2_RES1;

	if (ID_FIELD(read_sysreg(id_aa64dfr0_el1), DFR0_TRACEVER))
		cptr |= CPTR_TTA;
	if (ID_FIELD(read_sysreg(id_aa64pfr0_el1), PFR0_AMU))
		cptr |= CPTR_TAM;
	return cptr;
}

/*
 * Registers that reset to UNKNOWN values, set where the core has them:
 * no trace at EL2 (TRFCR_EL2), and no fine-grained traps or HCRX_EL2
 * enables beyond the coarse traps above (0 traps the "n" bits of hidden
 * features and enables none of them).
 */
static void init_optional_el2_regs(void)
{
	if (ID_FIELD(read_sysreg(id_aa64dfr0_el1), DFR0_TRACEFILT))
		write_sysreg(s3_4_c1_c2_1, 0); /* TRFCR_EL2 */
	if (ID_FIELD(read_sysreg(id_aa64mmfr1_el1), MMFR1_HCX))
		write_sysreg(s3_4_c1_c2_2, 0); /* HCRX_EL2 */
	if (!ID_FIELD(read_sysreg(id_aa64mmfr0_el1), MMFR0_FGT))
		return;
	write_sysreg(s3_4_c1_c1_4, 0); /* HFGRTR_EL2 */
	write_sysreg(s3_4_c1_c1_5, 0); /* HFGWTR_EL2 */
	write_sysreg(s3_4_c1_c1_6, 0); /* HFGITR_EL2 */
	write_sysreg(s3_4_c3_c1_4, 0); /* HDFGRTR_EL2 */
	write_sysreg(s3_4_c3_c1_5, 0); /* HDFGWTR_EL2 */
	if (ID_FIELD(read_sysreg(id_aa64pfr0_el1), PFR0_AMU))
		write_sysreg(s3_4_c3_c1_6, 0); /* HAFGRTR_EL2 */
}

/* The hardware value of ID register (3, 0, 0, crm, op2), crm 1..7. */
u64 cpu_id_register(unsigned crm, unsigned op2)
{
	switch (ID_REG_INDEX(crm, op2)) {
#define READ_ID_REGISTER(crm, op2)                                             \
	case ID_REG_INDEX(crm, op2):                                           \
		return read_sysreg(s3_0_c0_c##crm##_##op2);
		ID_REGISTERS(READ_ID_REGISTER)
#undef READ_ID_REGISTER
	}
	return 0;
}

/* HCR_EL2.TVM: writes to the VM_REGISTERS trap (set_way.h). */
bool cpu_vm_regs_trapped(void)
{
	return read_sysreg(hcr_el2) & HCR_TVM;
}

void cpu_trap_vm_regs(bool on)
{
	u64 hcr = read_sysreg(hcr_el2);

	write_sysreg(hcr_el2, on ? hcr | HCR_TVM : hcr & ~HCR_TVM);
	isb();
}

u64 cpu_read_sctlr_el1(void)
{
	return read_sysreg(sctlr_el1);
}

void cpu_write_vm_register(u64 reg, u64 value)
{
	switch (reg) {
#define WRITE_VM_REGISTER(name, op0, op1, crn, crm, op2)                       \
	case SYSREG(op0, op1, crn, crm, op2):                                  \
		write_sysreg(name, value);                                     \
		break;
		VM_REGISTERS(WRITE_VM_REGISTER)
#undef WRITE_VM_REGISTER
	}
}

/* The guest's OS lock is the core's own: debug is the guest's alone. */
void cpu_set_os_lock(bool locked)
{
	write_sysreg(oslar_el1, locked);
	isb();
}

u64 cpu_os_lock_status(void)
{
	return read_sysreg(oslsr_el1);
}

/* The widest PA the core supports, as TCR/VTCR PS encode it (max 48 bit). */
u64 cpu_pa_range(void)
{
	return MIN(read_sysreg(id_aa64mmfr0_el1) & 0xf, 5UL);
}

void cpu_init_el2(void)
{
	write_sysreg(vbar_el2, el2_vectors);
	write_sysreg(hcr_el2, hcr_value());
	write_sysreg(mdcr_el2, mdcr_value());
	write_sysreg(cptr_el2, cptr_value());
	init_optional_el2_regs();
	write_sysreg(hstr_el2, 0);
	write_sysreg(cnthctl_el2, 0); /* physical counter, timer: ptimer.c */
	write_sysreg(cntvoff_el2, 0);
	write_sysreg(cnthp_ctl_el2, 0); /* its reset value is UNKNOWN */
	write_sysreg(vpidr_el2, read_sysreg(midr_el1));
	write_sysreg(vtcr_el2, VTCR_VALUE | (cpu_pa_range() << VTCR_PS_SHIFT));
	isb();
}

void arch_idle_wait(void)
{
	__asm__ volatile("dsb sy; wfi" ::: "memory");
}

/* The EL2 physical timer: it compares with the counter arch_counter()
 * reads, and no guest can reach it. */
void arch_wake_at(u64 when)
{
	write_sysreg(cnthp_cval_el2, when);
	write_sysreg(cnthp_ctl_el2, CNT_CTL_ENABLE);
	isb();
}

void arch_wake_cancel(void)
{
	write_sysreg(cnthp_ctl_el2, 0);
	isb();
}

/* An SMC64 call (SMCCC: x0-x3 in and out, x4-x17 may be clobbered). */
unsigned long firmware_smc(u32 fid, unsigned long a1, unsigned long a2,
			   unsigned long a3)
{
	register u64 x0 __asm__("x0") = fid;
	register u64 x1 __asm__("x1") = a1;
	register u64 x2 __asm__("x2") = a2;
	register u64 x3 __asm__("x3") = a3;

	__asm__ volatile("smc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
			 :
			 : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11",
			   "x12", "x13", "x14", "x15", "x16", "x17", "memory");
	return x0;
}

noreturn void arch_halt(void)
{
	for (;;)
		__asm__ volatile("msr daifset, #0xf; wfi");
}

void arch_stage2_activate(paddr_t root, unsigned vmid)
{
	write_sysreg(vttbr_el2, root.bits | ((u64)vmid << VTTBR_VMID_SHIFT));
	isb();
}

void arch_stage2_tlb_flush(paddr_t root, unsigned vmid)
{
	arch_stage2_activate(root, vmid);
	__asm__ volatile("dsb ishst; tlbi vmalls12e1is; dsb ish; isb" ::
				 : "memory");
}

/*
 * The self-hosted debug state a guest can write, as a cold reset leaves
 * it: every implemented breakpoint and watchpoint disabled and zero
 * (writing one the core lacks would be UNDEFINED here), debug disabled in
 * MDSCR_EL1, no DCC interrupts, and the OS lock locked. The claim tags
 * (DBGCLAIM*_EL1) only record what software claimed and change nothing;
 * QEMU 7.2 lacks them (UNDEFINED even at EL2), so they are left alone.
 */
static void reset_debug_regs(void)
{
	u64 dfr0 = read_sysreg(id_aa64dfr0_el1);

	debug_points_clear(ID_FIELD(dfr0, DFR0_BRPS) + 1,
			   ID_FIELD(dfr0, DFR0_WRPS) + 1);
	write_sysreg(mdscr_el1, 0);
	write_sysreg(mdccint_el1, 0);
	cpu_set_os_lock(true);
}

/* Nothing of a vCPU's last run survives its (re)start (vcpu_reset.S). */
static void reset_el1(void)
{
	vcpu_reset_el1_el0();
	write_sysreg(sctlr_el1, SCTLR_EL1_RESET);
	reset_debug_regs();
}

/* Guests run at EL1 in AArch64 (HCR_EL2.RW), and EL0 cannot make SMC or
 * HVC calls: no caller of ours is AArch32. */
bool arch_vcpu_is_aarch32(const struct vcpu *vcpu)
{
	return false;
}

/* Either start kind: an AArch64 guest takes its DTB (boot protocol) and
 * its CPU_ON context ID alike in x0. */
noreturn void arch_vcpu_enter(struct vcpu *vcpu, u64 entry, u64 arg,
			      enum vcpu_start kind)
{
	/* Aff0 = vCPU index; bit 31 is RES1 in MPIDR. */
	write_sysreg(vmpidr_el2, BIT(31) | vcpu->id);
	write_sysreg(cntvoff_el2, vcpu->vm->counter_offset);
	arch_stage2_activate(pt_root_pa(&vcpu->vm->s2), vcpu->vm->id + 1);
	reset_el1();
	cpu_trap_vm_regs(false); /* until its first set/way operation */
	/* Its physical timer's compare value reads 0, shifted as its
	 * counter is (ptimer.c). */
	write_sysreg(cntp_cval_el0, vcpu->vm->counter_offset);
	isb();
	enter_guest(entry, arg, cpu_stack_top(arch_cpu_id()));
}
