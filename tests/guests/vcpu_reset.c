// SPDX-License-Identifier: MIT
/*
 * vcpu_reset: nothing of a vCPU's last run survives its restart. vCPU 1
 * writes every register a guest can write (common/<arch>/vcpu_reset_arch.h
 * lists them: the EL1/EL0 system registers on AArch64, the PL1/PL0 cp15
 * and banked registers on ARMv7) and its FP/SIMD registers, powers off
 * and is started again (PSCI CPU_OFF, CPU_ON); then vCPU 0 does the same
 * and calls SYSTEM_RESET. Each restarted vCPU checks that every register
 * reads its reset value, and that the registers start-up overwrites
 * (SCTLR, VBAR, SP; crt0.S) held their reset values at entry. GPIODIR
 * bit 0 tells the boot after the reset: the PL061 keeps it across a VM
 * reset.
 */
#include <bulkhead/abi.h>

#include "guest.h"

#define GPIODIR	    (0x09030000UL + 0x400)
#define AFTER_RESET 1u
#define FILL	    1 /* vCPU 1's CPU_ON context: write the registers */
#define CHECK	    2 /* and after its restart: check them */

/*
 * A register: what fill() writes, what it reads at reset. `enables`: it
 * gates registers after it in the table (CPACR: FP), so the check writes
 * `value` again once it has read it.
 */
struct reg {
	const char *name;
	u64 value, reset;
	u64 (*read)(void);
	void (*write)(u64 v);
	bool enables;
};

/* A register start-up overwrites: its reset value, to check at entry. */
struct entry_reg {
	const char *name;
	unsigned long reset;
};

/*
 * The architecture's part: regs[], entry_regs[] (in the order of struct
 * entry_state's words), the FP/SIMD data registers as FP_WORDS u64 words
 * (fill_fp(), read_fp(), FP_NAME, fp_fill_value()) and
 * reset_with_marked_sp().
 */
#include "vcpu_reset_arch.h"

#define NREGS	   (sizeof(regs) / sizeof(regs[0]))
#define ENTRY_REGS (sizeof(entry_regs) / sizeof(entry_regs[0]))

/* Write every register and check each holds it (else the check after
 * the restart would prove nothing). */
static void fill(void)
{
	unsigned unheld = 0;
	u64 v[FP_WORDS];

	for (unsigned i = 0; i < NREGS; i++)
		regs[i].write(regs[i].value);
	fill_fp();
	for (unsigned i = 0; i < NREGS; i++) {
		u64 got = regs[i].read();

		if (got != regs[i].value) {
			printf("vcpu %u: %s does not hold 0x%llx (reads "
			       "0x%llx): WRONG\n",
			       this_vcpu(), regs[i].name, regs[i].value, got);
			unheld++;
		}
	}
	read_fp(v);
	for (unsigned i = 0; i < FP_WORDS; i++)
		unheld += v[i] != fp_fill_value(i);
	printf("vcpu %u: %u registers and %s set, %u not held\n", this_vcpu(),
	       (unsigned)NREGS, FP_NAME, unheld);
}

static unsigned check_entry_state(void)
{
	const struct entry_state *e = &guest_entry_state[this_vcpu()];
	unsigned bad = 0;

	for (unsigned i = 0; i < ENTRY_REGS; i++)
		if (e->reg[i] != entry_regs[i].reset) {
			printf("vcpu %u: at entry %s 0x%lx: WRONG\n",
			       this_vcpu(), entry_regs[i].name, e->reg[i]);
			bad++;
		}
	return bad;
}

/* After the restart: everything in reset state. Start-up has set SCTLR
 * (to its reset value), VBAR and SP. */
static void check(void)
{
	unsigned bad = check_entry_state();
	u64 v[FP_WORDS];

	for (unsigned i = 0; i < NREGS; i++) {
		u64 got = regs[i].read();

		if (got != regs[i].reset) {
			printf("vcpu %u: %s still holds 0x%llx: WRONG\n",
			       this_vcpu(), regs[i].name, got);
			bad++;
		}
		if (regs[i].enables)
			regs[i].write(regs[i].value);
	}
	read_fp(v);
	for (unsigned i = 0; i < FP_WORDS; i++)
		if (v[i]) {
			printf("vcpu %u: %s word %u still holds 0x%llx: "
			       "WRONG\n",
			       this_vcpu(), FP_NAME, i, v[i]);
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
