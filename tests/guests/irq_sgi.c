// SPDX-License-Identifier: MIT
/*
 * irq_sgi (irq-sgi): SGIs between the two vCPUs of one VM. In each phase
 * one vCPU sends every SGI id 0..15 in one targeting mode (a target list,
 * all but self, self); each receiver counts per id. An id passes when it
 * arrived exactly once at every vCPU it was meant for and nowhere else.
 * A list naming vCPUs the VM does not have must reach no one; the
 * bystander VM next to this one counts that nothing reaches it either.
 * Last, the two vCPUs play SGI ping-pong many times over: the path where
 * an SGI goes straight back into the list register it last used.
 */
#include "guest.h"

#define N_VCPUS	    2
#define SGI_PRIO    0x80
#define SETTLE_US   (20 * 1000)
#define PHASES_DONE 0xff

struct phase {
	const char *name;
	unsigned int sender;
	enum sgi_mode mode;
	uint32_t targets;   /* for SGI_TARGET_LIST */
	uint32_t receivers; /* who must get each id once */
};

static const struct phase phases[] = {
	{"list 0->1", 0, SGI_TARGET_LIST, 0x2, 0x2},
	{"list 0->0,1", 0, SGI_TARGET_LIST, 0x3, 0x3},
	{"all-but-self 0->1", 0, SGI_ALL_BUT_SELF, 0, 0x2},
	{"self 0", 0, SGI_SELF, 0, 0x1},
	{"list 1->0", 1, SGI_TARGET_LIST, 0x1, 0x1},
	{"all-but-self 1->0", 1, SGI_ALL_BUT_SELF, 0, 0x1},
	{"self 1", 1, SGI_SELF, 0, 0x2},
	{"list 0->absent 2,3", 0, SGI_TARGET_LIST, 0xc, 0x0},
};

#define N_PHASES (sizeof(phases) / sizeof(phases[0]))

#define PINGS 2000
#define PING  1 /* 0 -> 1 */
#define PONG  2 /* 1 -> 0, from vCPU 1's PING handler */

static volatile uint32_t counts[N_VCPUS][GIC_NR_SGIS];
static volatile uint32_t ponging;
static volatile uint32_t received[N_VCPUS];
static volatile uint32_t vcpu1_ready, vcpu1_done, go, sent;

static void count_sgi(uint32_t intid)
{
	unsigned int me = this_vcpu();

	counts[me][intid]++;
	received[me]++;
	if (ponging && me == 1 && intid == PING)
		gic_send_sgi(PONG, SGI_TARGET_LIST, 0x1);
	__asm__ volatile("dsb ish\n\tsev" ::: "memory");
}

static void setup_this_vcpu(void)
{
	gic_init();
	for (uint32_t id = 0; id < GIC_NR_SGIS; id++) {
		irq_register(id, count_sgi);
		gic_enable(id, SGI_PRIO);
	}
	irq_unmask();
}

static void send_all(const struct phase *p)
{
	for (uint32_t id = 0; id < GIC_NR_SGIS; id++)
		gic_send_sgi(id, p->mode, p->targets);
}

/* vCPU 1: send in its phases when vCPU 0 says so, receive throughout. */
void guest_secondary(unsigned long context)
{
	(void)context;
	setup_this_vcpu();
	flag_set(&vcpu1_ready, 1);
	for (uint32_t i = 0; i < N_PHASES; i++) {
		if (phases[i].sender != 1)
			continue;
		if (!flag_wait(&go, i + 1)) {
			printf("vcpu 1: no go for phase %u: FAIL\n", i);
			return;
		}
		send_all(&phases[i]);
		flag_set(&sent, i + 1);
	}
	if (!flag_wait(&go, PHASES_DONE))
		printf("vcpu 1: never released: FAIL\n");
	printf("sgi: vcpu 1: %u unexpected, %u spurious\n",
	       irq_unexpected_count(), irq_spurious_count());
	flag_set(&vcpu1_done, 1);
}

static void reset_counts(void)
{
	for (unsigned int v = 0; v < N_VCPUS; v++) {
		received[v] = 0;
		for (uint32_t id = 0; id < GIC_NR_SGIS; id++)
			counts[v][id] = 0;
	}
}

/* Ids that reached exactly the phase's receivers, once each. */
static uint32_t ids_ok(const struct phase *p)
{
	uint32_t ok = 0;

	for (uint32_t id = 0; id < GIC_NR_SGIS; id++) {
		bool good = true;

		for (unsigned int v = 0; v < N_VCPUS; v++)
			good = good &&
			       counts[v][id] == ((p->receivers >> v) & 1);
		ok += good;
	}
	return ok;
}

static bool run_phase(uint32_t i)
{
	const struct phase *p = &phases[i];
	uint32_t ok;

	reset_counts();
	if (p->sender == 0) {
		send_all(p);
	} else {
		flag_set(&go, i + 1);
		if (!flag_wait(&sent, i + 1))
			printf("sgi %s: vcpu 1 did not send\n", p->name);
	}
	for (unsigned int v = 0; v < N_VCPUS; v++)
		if ((p->receivers >> v) & 1)
			count_wait(&received[v], GIC_NR_SGIS);
	delay_us(SETTLE_US); /* duplicates and strays would come now */
	ok = ids_ok(p);
	printf("sgi %s: %u/%u (received: vcpu0 %u, vcpu1 %u)\n", p->name, ok,
	       GIC_NR_SGIS, received[0], received[1]);
	return ok == GIC_NR_SGIS;
}

/* Each PING answered by exactly one PONG, none lost, none doubled. */
static bool ping_pong(void)
{
	uint32_t i;

	reset_counts();
	ponging = 1;
	for (i = 0; i < PINGS; i++) {
		gic_send_sgi(PING, SGI_TARGET_LIST, 0x2);
		if (!count_wait(&counts[0][PONG], i + 1))
			break;
	}
	delay_us(SETTLE_US);
	ponging = 0;
	printf("sgi ping-pong 0<->1: %u pings, %u pongs, of %u\n",
	       counts[1][PING], counts[0][PONG], PINGS);
	return counts[1][PING] == PINGS && counts[0][PONG] == PINGS &&
	       received[0] == PINGS && received[1] == PINGS;
}

void guest_main(unsigned long x0)
{
	uint32_t passed = 0;
	int32_t ret;

	(void)x0;
	setup_this_vcpu();
	printf("sgi: GICv%u, %u vcpus\n", gic_version(), N_VCPUS);
	ret = psci_cpu_on(CONDUIT_HVC, 1, (unsigned long)secondary_entry, 0);
	if (ret || !flag_wait(&vcpu1_ready, 1)) {
		printf("sgi: vcpu 1 did not start (%d): FAIL\n", ret);
		return;
	}
	for (uint32_t i = 0; i < N_PHASES; i++)
		passed += run_phase(i);
	passed += ping_pong();
	flag_set(&go, PHASES_DONE);
	printf("sgi: %u/%u phases ok, %u unexpected, %u spurious\n", passed,
	       (uint32_t)N_PHASES + 1, irq_unexpected_count(),
	       irq_spurious_count());
	/* SYSTEM_OFF would cut vCPU 1's report short: wait for it. */
	if (!flag_wait(&vcpu1_done, 1))
		printf("sgi: vcpu 1 did not report: FAIL\n");
	printf("sgi done\n");
}
