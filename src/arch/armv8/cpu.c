/* SPDX-License-Identifier: MIT */
/* Per-core EL2 state, firmware calls, and entering a vCPU. */
#include "cpu.h"
#include "arch.h"
#include "mmu.h"
#include "platform.h"
#include "sysreg.h"
#include "vm.h"
#include <bulkhead/abi.h>

/*
 * What guests trap on. WFI/WFE run natively (the core is the guest's);
 * SMC traps so no guest reaches firmware; set/way maintenance, ACTLR and
 * IMPLEMENTATION DEFINED registers trap because they act beyond the
 * guest's own memory or reveal the machine (docs/guest-interface.md).
 */
#define HCR_GUEST                                                              \
	(HCR_VM | HCR_IMO | HCR_FMO | HCR_AMO | HCR_TSC | HCR_TIDCP |          \
	 HCR_TACR | HCR_TSW | HCR_RW)

/* CPTR_EL2 with its RES1 bits and nothing trapped (FP/SIMD are free). */
#define CPTR_EL2_RES1 0x33ffUL

/* What TPIDR_EL2 points at on each core. */
struct cpu_local {
	void *ptr;
	unsigned long id;
};
static struct cpu_local cpu_locals[CONFIG_MAX_CPUS];

static struct cpu_local *this_cpu(void)
{
	return (struct cpu_local *)read_sysreg(tpidr_el2);
}

/*
 * From boot.S, on each core before any other C code. The MMU is off, so
 * this writes no memory: an uncached store to a line other cores hold in
 * their caches would not be coherent. cpu_local_set_id() does the rest.
 */
void cpu_local_init(unsigned cpu)
{
	write_sysreg(tpidr_el2, &cpu_locals[cpu]);
}

void cpu_local_set_id(void)
{
	struct cpu_local *me = this_cpu();

	me->id = (unsigned long)(me - cpu_locals);
}

unsigned arch_cpu_id(void)
{
	return (unsigned)this_cpu()->id;
}

void *arch_cpu_local(void)
{
	return this_cpu()->ptr;
}

void arch_set_cpu_local(void *p)
{
	this_cpu()->ptr = p;
}

u64 arch_counter(void)
{
	isb();
	return read_sysreg(cntpct_el0);
}

u64 arch_counter_freq(void)
{
	return read_sysreg(cntfrq_el0);
}

/* Guest PMU and debug registers trap: see sysreg_trap.c for why. */
static u64 mdcr_value(void)
{
	u64 counters = (read_sysreg(pmcr_el0) >> 11) & MDCR_HPMN_MASK;

	return counters | MDCR_TPMCR | MDCR_TPM | MDCR_TDA | MDCR_TDOSA |
	       MDCR_TDRA;
}

/* The widest PA the core supports, as TCR/VTCR PS encode it (max 48 bit). */
u64 cpu_pa_range(void)
{
	return MIN(read_sysreg(id_aa64mmfr0_el1) & 0xf, 5UL);
}

void cpu_init_el2(void)
{
	write_sysreg(vbar_el2, el2_vectors);
	write_sysreg(hcr_el2, HCR_GUEST);
	write_sysreg(mdcr_el2, mdcr_value());
	write_sysreg(cptr_el2, CPTR_EL2_RES1);
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

static u64 smc(u64 fid, u64 a1, u64 a2, u64 a3)
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

int arch_cpu_power_on(unsigned cpu)
{
	return (int)smc(PSCI_CPU_ON | PSCI_SMC64, platform.cpu_mpidr[cpu],
			(u64)(uintptr_t)secondary_entry, cpu);
}

noreturn void arch_cpu_power_off(void)
{
	smc(PSCI_CPU_OFF, 0, 0, 0);
	arch_halt();
}

noreturn void arch_system_off(void)
{
	smc(PSCI_SYSTEM_OFF, 0, 0, 0);
	arch_halt();
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

/* Nothing of a vCPU's last run survives its (re)start (vcpu_reset.S). */
static void reset_el1(void)
{
	vcpu_reset_el1_el0();
	write_sysreg(sctlr_el1, SCTLR_EL1_RESET);
}

noreturn void arch_vcpu_enter(struct vcpu *vcpu, u64 entry, u64 arg)
{
	/* Aff0 = vCPU index; bit 31 is RES1 in MPIDR. */
	write_sysreg(vmpidr_el2, BIT(31) | vcpu->id);
	write_sysreg(cntvoff_el2, vcpu->vm->counter_offset);
	arch_stage2_activate(pt_root_pa(&vcpu->vm->s2), vcpu->vm->id + 1);
	reset_el1();
	/* Its physical timer's compare value reads 0, shifted as its
	 * counter is (ptimer.c). */
	write_sysreg(cntp_cval_el0, vcpu->vm->counter_offset);
	isb();
	enter_guest(entry, arg, cpu_stack_top(arch_cpu_id()));
}
