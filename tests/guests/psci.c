// SPDX-License-Identifier: MIT
/*
 * psci: Bulkhead's virtual PSCI for a 2-vCPU VM, through both conduits.
 *
 * First boot: version and feature queries, then the life of vCPU 1
 * (AFFINITY_INFO, CPU_ON, the error cases, CPU_OFF), then SYSTEM_RESET.
 * Whether this is the first boot is kept in the passthrough PL061's
 * GPIODIR bit 0: a VM reset does not reset devices, so the second boot
 * sees the bit set, clears it and powers the VM off. The first boot also
 * marks every page of its RAM beyond the image, .bss and stacks; the
 * second finds it all zero again.
 */
#include <bulkhead/abi.h>

#include "guest.h"

#define GPIO_BASE 0x09030000UL
#define GPIODIR	  (GPIO_BASE + 0x400)
#define BOOT_MARK (1u << 0)

#define RAM_END	 0x40800000UL /* the config's 8 MiB */
#define RAM_MARK 0x5afe5afe5afe5afeULL

#define CPU_ON_CONTEXT	 0x1234
#define BAD_TARGET	 7
#define UNKNOWN_PSCI_FID 0x8400001fu /* in PSCI's range, not assigned */

static volatile uint32_t vcpu1_up;
static volatile uint32_t vcpu1_may_stop;

static const char *const conduit_name[] = {"hvc", "smc"};

static void check(const char *what, enum conduit c, int32_t got, int32_t want)
{
	printf("%s via %s = %d: %s\n", what, conduit_name[c], got,
	       got == want ? "ok" : "WRONG");
}

static void check_hex(const char *what, enum conduit c, int32_t got,
		      int32_t want)
{
	printf("%s via %s = 0x%x: %s\n", what, conduit_name[c], (uint32_t)got,
	       got == want ? "ok" : "WRONG");
}

void guest_secondary(unsigned long context)
{
	printf("vcpu %u up, context 0x%lx\n", this_vcpu(), context);
	flag_set(&vcpu1_up, 1);
	if (!flag_wait(&vcpu1_may_stop, 1))
		printf("vcpu %u: vCPU 0 never released it: WRONG\n",
		       this_vcpu());
	printf("vcpu %u: CPU_OFF\n", this_vcpu());
	psci_cpu_off(CONDUIT_SMC);
}

static void check_queries(void)
{
	check_hex("PSCI_VERSION", CONDUIT_SMC,
		  smccc_status(CONDUIT_SMC, PSCI_VERSION, 0, 0, 0),
		  PSCI_VERSION_1_1);
	check_hex("PSCI_VERSION", CONDUIT_HVC,
		  smccc_status(CONDUIT_HVC, PSCI_VERSION, 0, 0, 0),
		  PSCI_VERSION_1_1);
	check("PSCI_FEATURES(CPU_ON)", CONDUIT_SMC,
	      smccc_status(CONDUIT_SMC, PSCI_FEATURES,
			   PSCI_CPU_ON | PSCI_NATIVE_WIDTH, 0, 0),
	      PSCI_SUCCESS);
	check("PSCI_FEATURES(unknown)", CONDUIT_HVC,
	      smccc_status(CONDUIT_HVC, PSCI_FEATURES, UNKNOWN_PSCI_FID, 0, 0),
	      PSCI_NOT_SUPPORTED);
	check("MIGRATE_INFO_TYPE", CONDUIT_HVC,
	      smccc_status(CONDUIT_HVC, PSCI_MIGRATE_INFO_TYPE, 0, 0, 0),
	      PSCI_TOS_NOT_PRESENT);
}

/*
 * CPU_SUSPEND waits until an interrupt is pending, as the guest asked: here
 * the virtual timer's, 20 ms ahead, with IRQs masked (it wakes the vCPU,
 * and is then acknowledged by hand).
 */
static void check_cpu_suspend(void)
{
	uint64_t due = counter_now() + counter_freq() / 50, woke;
	int32_t ret;
	uint32_t ack;

	gic_init();
	gic_enable(GIC_PPI_VTIMER, 0x80);
	write_sysreg(cntv_cval_el0, due);
	write_sysreg(cntv_ctl_el0, 1);
	isb();
	ret = smccc_status(CONDUIT_HVC, PSCI_CPU_SUSPEND, 0, 0, 0);
	woke = counter_now();
	write_sysreg(cntv_ctl_el0, 0);
	isb();
	ack = gic_ack();
	gic_eoi(ack);
	gic_disable(GIC_PPI_VTIMER);
	check("CPU_SUSPEND", CONDUIT_HVC, ret, PSCI_SUCCESS);
	printf("CPU_SUSPEND returned %s the timer was due, with INTID %u "
	       "pending: %s\n",
	       woke >= due ? "after" : "before", gic_intid(ack),
	       woke >= due && gic_intid(ack) == GIC_PPI_VTIMER ? "ok"
							       : "WRONG");
}

/* Poll (with YIELD) until vCPU 1 reports OFF, or give up. */
static int32_t wait_vcpu1_off(void)
{
	uint64_t start = counter_now();
	uint64_t limit = STALL_US * counter_freq() / 1000000;
	int32_t state;

	do {
		state = psci_affinity_info(CONDUIT_SMC, 1);
		if (state == PSCI_AFFINITY_OFF)
			break;
		__asm__ volatile("yield");
	} while (counter_now() - start < limit);
	return state;
}

static void check_vcpu1_life(void)
{
	uintptr_t entry = (uintptr_t)secondary_entry;

	check("AFFINITY_INFO(1) before CPU_ON", CONDUIT_SMC,
	      psci_affinity_info(CONDUIT_SMC, 1), PSCI_AFFINITY_OFF);
	check("CPU_ON(1)", CONDUIT_SMC,
	      psci_cpu_on(CONDUIT_SMC, 1, entry, CPU_ON_CONTEXT), PSCI_SUCCESS);
	if (!flag_wait(&vcpu1_up, 1)) {
		printf("vcpu 1 did not come up: WRONG\n");
		return;
	}
	check("AFFINITY_INFO(1) while up", CONDUIT_HVC,
	      psci_affinity_info(CONDUIT_HVC, 1), PSCI_AFFINITY_ON);
	check("CPU_ON(1) again", CONDUIT_HVC,
	      psci_cpu_on(CONDUIT_HVC, 1, entry, CPU_ON_CONTEXT),
	      PSCI_ALREADY_ON);
	check("CPU_ON(7)", CONDUIT_SMC,
	      psci_cpu_on(CONDUIT_SMC, BAD_TARGET, entry, CPU_ON_CONTEXT),
	      PSCI_INVALID_PARAMETERS);
	check("AFFINITY_INFO(7)", CONDUIT_HVC,
	      psci_affinity_info(CONDUIT_HVC, BAD_TARGET),
	      PSCI_INVALID_PARAMETERS);
	flag_set(&vcpu1_may_stop, 1);
	check("AFFINITY_INFO(1) after CPU_OFF", CONDUIT_SMC, wait_vcpu1_off(),
	      PSCI_AFFINITY_OFF);
}

/*
 * Each VM's counters, virtual and physical, start at 0 when it (re)starts:
 * after the first run, the physical one read just after the virtual one
 * is at most 10 ms ahead of it, not the machine's uptime.
 */
static void check_counter_restarted(void)
{
	u64 virt = read_sysreg(cntvct_el0);
	u64 phys = read_sysreg(cntpct_el0);

	printf("virtual counter 0x%llx, physical 0x%llx: %s\n", virt, phys,
	       phys >= virt && phys - virt < counter_freq() / 100
		       ? "both restarted with the VM"
		       : "WRONG");
}

extern char __stacks_end[];

/* A mark in every page from the end of the stacks to the end of RAM. */
static void mark_free_ram(void)
{
	uintptr_t p = ((uintptr_t)__stacks_end + 7) & ~7UL;

	for (; p < RAM_END; p += 4096)
		*(volatile uint64_t *)p = RAM_MARK;
	*(volatile uint64_t *)(RAM_END - 8) = RAM_MARK;
}

/* After the reset the hypervisor has zeroed what the image does not fill. */
static void check_free_ram_zeroed(void)
{
	uintptr_t p = ((uintptr_t)__stacks_end + 7) & ~7UL;
	unsigned long dirty = 0;

	for (; p < RAM_END; p += 8)
		dirty += *(volatile uint64_t *)p != 0;
	printf("RAM beyond the image after the reset: %s (%lu words not)\n",
	       dirty ? "WRONG, not zero" : "zero", dirty);
}

void guest_main(unsigned long x0)
{
	uint32_t dir = readl(GPIODIR);

	(void)x0;
	if (dir & BOOT_MARK) {
		printf("second boot after SYSTEM_RESET\n");
		check_counter_restarted();
		check_free_ram_zeroed();
		writel(GPIODIR, dir & ~BOOT_MARK);
		psci_system_off(CONDUIT_SMC);
	}
	printf("psci test on vCPU %u\n", this_vcpu());
	check_queries();
	check_cpu_suspend();
	check_vcpu1_life();
	printf("first boot: resetting\n");
	mark_free_ram();
	writel(GPIODIR, dir | BOOT_MARK);
	psci_system_reset(CONDUIT_HVC);
}
