// SPDX-License-Identifier: MIT
/*
 * vcpu_reset: nothing of a vCPU's last run survives its restart. vCPU 1
 * writes every EL1/EL0 register a guest can write, V0-V31, FPCR and FPSR,
 * powers off and is started again (PSCI CPU_OFF, CPU_ON); then vCPU 0
 * does the same and calls SYSTEM_RESET. Each restarted vCPU checks that
 * every register reads its reset value (0; SCTLR_EL1 its RES1 bits), and
 * that SCTLR_EL1, VBAR_EL1 and SP held their reset values at entry, before
 * start-up set them (crt0.S). GPIODIR bit 0 tells the boot after the
 * reset: the PL061 keeps it across a VM reset.
 */
#include <bulkhead/abi.h>

#include "guest.h"

#define GPIODIR	    (0x09030000UL + 0x400)
#define AFTER_RESET 1u
#define SCTLR_RESET 0x30d00800UL
#define SCTLR_SET   (SCTLR_RESET | 1UL << 26 | 1UL << 15) /* UCI, UCT */
#define CPACR_FP_ON (3UL << 20)
#define FILL	    1 /* vCPU 1's CPU_ON context: write the registers */
#define CHECK	    2 /* and after its restart: check them */

#define SYSREG_ACCESSORS(reg)                                                  \
	static uint64_t read_##reg(void)                                       \
	{                                                                      \
		uint64_t v;                                                    \
		__asm__ volatile("mrs %0, " #reg : "=r"(v));                   \
		return v;                                                      \
	}                                                                      \
	static void write_##reg(uint64_t v)                                    \
	{                                                                      \
		__asm__ volatile("msr " #reg ", %0; isb" ::"r"(v));            \
	}

#define REGS(X)                                                                \
	X(cpacr_el1, CPACR_FP_ON)                                              \
	X(ttbr0_el1, 0x40123000)                                               \
	X(ttbr1_el1, 0x40456000)                                               \
	X(tcr_el1, 0x19)                                                       \
	X(mair_el1, 0xff44)                                                    \
	X(contextidr_el1, 0x42)                                                \
	X(esr_el1, 0x5a)                                                       \
	X(far_el1, 0x1234)                                                     \
	X(par_el1, 0x1000)                                                     \
	X(elr_el1, 0x40000abc)                                                 \
	X(spsr_el1, 0x3c5)                                                     \
	X(sp_el0, 0x40007770)                                                  \
	X(tpidr_el1, 0x7101)                                                   \
	X(tpidr_el0, 0x7100)                                                   \
	X(tpidrro_el0, 0x7102)                                                 \
	X(csselr_el1, 2)                                                       \
	X(cntkctl_el1, 3)                                                      \
	X(cntv_ctl_el0, 2)                                                     \
	X(cntv_cval_el0, 0x123456789)                                          \
	X(cntp_ctl_el0, 2)                                                     \
	X(cntp_cval_el0, 0x987654321)                                          \
	X(fpcr, 0x00c00000)                                                    \
	X(fpsr, 1)                                                             \
	X(sctlr_el1, SCTLR_SET)

#define DEFINE(reg, value) SYSREG_ACCESSORS(reg)
REGS(DEFINE)

struct reg {
	const char *name;
	uint64_t value; /* what is written; at reset: 0, or SCTLR_RESET */
	uint64_t (*read)(void);
	void (*write)(uint64_t v);
};

#define ENTRY(reg, v) {#reg, v, read_##reg, write_##reg},
static const struct reg regs[] = {REGS(ENTRY)};
#define NREGS (sizeof(regs) / sizeof(regs[0]))

static uint64_t reset_value(const struct reg *r)
{
	return r->write == write_sctlr_el1 ? SCTLR_RESET : 0;
}

/* V0-V31: each half of Vn set to n + 1, or all read into out[64]. */
static void fill_vregs(void)
{
	__asm__ volatile(".arch_extension simd\n"
			 ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,"
			 "18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
			 "mov x9, #(\\n + 1)\n"
			 "dup v\\n\\().2d, x9\n"
			 ".endr" ::
				 : "x9", "memory");
}

static void read_vregs(uint64_t out[64])
{
	__asm__ volatile(".arch_extension simd\n"
			 ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,"
			 "18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
			 "umov x9, v\\n\\().d[0]\n"
			 "str x9, [%0, #(\\n * 16)]\n"
			 "umov x9, v\\n\\().d[1]\n"
			 "str x9, [%0, #(\\n * 16 + 8)]\n"
			 ".endr" ::"r"(out)
			 : "x9", "memory");
}

/* Write every register and check each holds it (else the check after
 * the restart would prove nothing). */
static void fill(void)
{
	unsigned unheld = 0;
	uint64_t v[64];

	for (unsigned i = 0; i < NREGS; i++)
		regs[i].write(regs[i].value);
	fill_vregs();
	for (unsigned i = 0; i < NREGS; i++)
		if (regs[i].read() != regs[i].value) {
			printf("vcpu %u: %s does not hold 0x%lx: WRONG\n",
			       this_vcpu(), regs[i].name, regs[i].value);
			unheld++;
		}
	read_vregs(v);
	for (unsigned i = 0; i < 64; i++)
		unheld += v[i] != i / 2 + 1;
	printf("vcpu %u: %u registers and V0-V31 set, %u not held\n",
	       this_vcpu(), (unsigned)NREGS, unheld);
}

static unsigned check_entry_state(void)
{
	const struct entry_state *e = &guest_entry_state[this_vcpu()];
	unsigned bad = 0;

	if (e->sctlr_el1 != SCTLR_RESET || e->vbar_el1 || e->sp) {
		printf("vcpu %u: at entry SCTLR_EL1 0x%lx VBAR_EL1 0x%lx SP "
		       "0x%lx: WRONG\n",
		       this_vcpu(), e->sctlr_el1, e->vbar_el1, e->sp);
		bad++;
	}
	return bad;
}

/* After the restart: everything in reset state. Start-up has set SCTLR_EL1
 * (to its reset value), VBAR_EL1 and SP; FP needs CPACR_EL1 for the
 * reads, so it is checked before. */
static void check(void)
{
	unsigned bad = check_entry_state();
	uint64_t v[64];

	for (unsigned i = 0; i < NREGS; i++) {
		uint64_t got = regs[i].read();

		if (got != reset_value(&regs[i])) {
			printf("vcpu %u: %s still holds 0x%lx: WRONG\n",
			       this_vcpu(), regs[i].name, got);
			bad++;
		}
		if (regs[i].write == write_cpacr_el1)
			write_cpacr_el1(CPACR_FP_ON);
	}
	read_vregs(v);
	for (unsigned i = 0; i < 64; i++)
		if (v[i]) {
			printf("vcpu %u: V%u still holds 0x%lx: WRONG\n",
			       this_vcpu(), i / 2, v[i]);
			bad++;
		}
	printf("vcpu %u: after its restart, %u registers not in reset state\n",
	       this_vcpu(), bad);
}

static volatile uint32_t vcpu1_done;

void guest_secondary(unsigned long context)
{
	if (context == FILL)
		fill();
	else
		check();
	flag_set(&vcpu1_done, (uint32_t)context);
}

static void vcpu1_round(unsigned long context)
{
	uintptr_t entry = (uintptr_t)secondary_entry;

	while (psci_affinity_info(CONDUIT_HVC, 1) != PSCI_AFFINITY_OFF)
		__asm__ volatile("yield");
	if (psci_cpu_on(CONDUIT_HVC, 1, entry, context) != PSCI_SUCCESS)
		printf("CPU_ON(1) failed: WRONG\n");
	else if (!flag_wait(&vcpu1_done, (uint32_t)context))
		printf("vcpu 1 did not finish: WRONG\n");
}

/* SP (SP_EL1) last, just before the call: the C code needs its stack. */
static __noreturn void reset_with_marked_sp(void)
{
	register uint64_t x0 __asm__("x0") = PSCI_SYSTEM_RESET;

	__asm__ volatile("mov x9, #0x5550\n"
			 "mov sp, x9\n"
			 "hvc #0" ::"r"(x0)
			 : "x9", "memory");
	for (;;)
		;
}

void guest_main(unsigned long x0)
{
	uint32_t dir = readl(GPIODIR);

	(void)x0;
	if (dir & AFTER_RESET) {
		writel(GPIODIR, dir & ~AFTER_RESET);
		check();
		psci_system_off(CONDUIT_HVC);
	}
	vcpu1_round(FILL);
	vcpu1_round(CHECK);
	fill();
	writel(GPIODIR, dir | AFTER_RESET);
	reset_with_marked_sp();
}
