/* SPDX-License-Identifier: MIT */
/*
 * Guest exits by cause (exit_stats.h): a VM's sum over its vCPUs, the
 * stats line, the reset, and that the core's exit paths count each exit
 * once under its cause (SMCCC, trapped system registers, interrupts).
 */
#include <string.h>

#include <bulkhead/abi.h>

#include "cpu.h"
#include "exit_stats.h"
#include "fake_arch.h"
#include "irq.h"
#include "platform.h"
#include "smccc.h"
#include "sysreg.h"
#include "test.h"
#include "vm_fixture.h"

#define RD_SGI_FRAME(vcpu) (0x080a0000ULL + 0x20000ULL * (vcpu) + 0x10000)

static struct exit_stats sum_of(const struct vm *vm)
{
	struct exit_stats s;

	exit_stats_sum(vm, &s);
	return s;
}

TEST(exit_stats_sum_the_vcpus_and_reset)
{
	struct vm *vm = fixture_vm(2);
	struct exit_stats s;

	for (int i = 0; i < 3; i++)
		exit_count(&vm->vcpus[0], EXIT_MMIO);
	exit_count(&vm->vcpus[1], EXIT_MMIO);
	exit_count(&vm->vcpus[1], EXIT_IRQ);
	s = sum_of(vm);
	CHECK_EQ(s.count[EXIT_MMIO], 4);
	CHECK_EQ(s.count[EXIT_IRQ], 1);
	CHECK_EQ(s.count[EXIT_HYPERCALL], 0);
	CHECK_EQ(exit_stats_total(&s), 5);
	exit_stats_reset(vm);
	s = sum_of(vm);
	CHECK_EQ(exit_stats_total(&s), 0);
}

TEST(exit_stats_line_names_every_cause_and_the_rate)
{
	struct vm *vm = fixture_vm(2);
	char line[256], small[24];

	for (int i = 0; i < 5; i++)
		exit_count(&vm->vcpus[i % 2], EXIT_MMIO);
	exit_count(&vm->vcpus[0], EXIT_HYPERCALL);
	exit_stats_format(vm, FAKE_FREQ * 5 / 2, FAKE_FREQ, line, sizeof(line));
	CHECK(strcmp(line, "VM 0 'fix': 6 exits in 2.500 s, 2/s: "
			   "hypercall 1, sysreg 0, sgi 0, mmio 5, bad access "
			   "0, irq 0, ipi 0, maintenance 0, other 0") == 0);
	/* No time yet: no rate; a short buffer gets a cut line. */
	exit_stats_format(vm, 0, FAKE_FREQ, line, sizeof(line));
	CHECK(strstr(line, "6 exits in 0.000 s, 0/s: ") != NULL);
	CHECK_EQ(exit_stats_format(vm, 1, FAKE_FREQ, small, sizeof(small)),
		 sizeof(small) - 1);
	CHECK_EQ(strlen(small), sizeof(small) - 1);
	CHECK(strcmp(exit_cause_name(EXIT_BAD_ACCESS), "bad access") == 0);
}

/* An EC 0x18 ESR for op0, op1, CRn, CRm, op2, Rt, read or write. */
static u64 sysreg_esr(unsigned op0, unsigned op1, unsigned crn, unsigned crm,
		      unsigned op2, unsigned rt, bool read)
{
	return ((u64)EC_SYSREG << ESR_EC_SHIFT) | ESR_IL | (u64)op0 << 20 |
	       op2 << 17 | op1 << 14 | crn << 10 | rt << 5 | crm << 1 | read;
}

TEST(exit_stats_hypercalls_and_system_registers)
{
	struct vm *vm = fixture_vm(2);
	struct vcpu *v = &vm->vcpus[0];
	u64 regs[SMCCC_REGS] = {PSCI_VERSION};
	struct guest_frame f = {0};
	struct exit_stats s;

	vm->vcpus[1].state = VCPU_ON;
	smccc_handle(v, regs);
	regs[0] = 0xc6000042; /* an unknown Bulkhead call */
	smccc_handle(v, regs);
	f.x[3] = 1ULL << 16 | 2; /* ICC_SGI1R_EL1: SGI 1 to vCPU 1 */
	CHECK_EQ(handle_sysreg_trap(v, &f,
				    sysreg_esr(3, 0, 12, 11, 5, 3, false)),
		 SYSREG_DONE);
	CHECK_EQ(handle_sysreg_trap(v, &f, sysreg_esr(3, 1, 11, 0, 2, 5, true)),
		 SYSREG_DONE);
	/* Unknown to Bulkhead, yet a system register exit. */
	CHECK_EQ(handle_sysreg_trap(v, &f, sysreg_esr(3, 0, 2, 0, 0, 5, true)),
		 SYSREG_UNKNOWN);
	s = sum_of(vm);
	CHECK_EQ(s.count[EXIT_HYPERCALL], 2);
	CHECK_EQ(s.count[EXIT_SGI], 1);
	CHECK_EQ(s.count[EXIT_SYSREG], 2);
	CHECK_EQ(exit_stats_total(&s), 5);
}

static void vgic_write(struct vcpu *v, u64 ipa, u8 size, u64 value)
{
	struct mmio_access a = {
		.ipa = ipa, .size = size, .write = true, .value = value};

	CHECK(vgic_mmio(v, &a));
}

TEST(exit_stats_interrupts_by_cause)
{
	struct vm *vm = fixture_vm_gic(1, true);
	struct vcpu *v = &vm->vcpus[0];
	struct exit_stats s;

	v->state = VCPU_ON;
	fake.cpu = v->cpu;
	vgic_write(v, 0x08000000, 4, 3); /* GICD_CTLR */
	vgic_write(v, RD_SGI_FRAME(0) + 0x100, 4, 1u << GIC_VTIMER_IRQ);
	irq_from_guest(v, GIC_VTIMER_IRQ); /* the first tick: the slow way */
	CHECK_EQ(fake.lr[0].virq, GIC_VTIMER_IRQ);
	fake.lr[0].state = 0;		   /* the guest is done with it */
	irq_from_guest(v, GIC_VTIMER_IRQ); /* the next: the fast path */
	CHECK_EQ(fake.lr[0].state, LR_PENDING);
	irq_from_guest(v, GIC_MAINT_IRQ);
	irq_from_guest(v, GIC_HYP_IPI);
	irq_from_guest(v, platform.uart_irq);
	s = sum_of(vm);
	CHECK_EQ(s.count[EXIT_IRQ], 2);
	CHECK_EQ(s.count[EXIT_MAINTENANCE], 1);
	CHECK_EQ(s.count[EXIT_IPI], 1);
	CHECK_EQ(s.count[EXIT_OTHER], 1);
	CHECK_EQ(exit_stats_total(&s), 5);
}
