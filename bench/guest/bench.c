// SPDX-License-Identifier: MIT
/*
 * The benchmark guest. Runs each measurement WARMUP + SAMPLES times on
 * vCPU 0 (vCPU 1 only receives IPIs) and prints one line per metric:
 *	BENCH <metric> <min> <median> <max> <samples> <first>
 *	BENCH <metric> n/a <reason>
 * in instructions (QEMU -icount shift=4: one counter tick each), which
 * bench/run.sh turns into the table and the csv. <first> is the series'
 * first sample (its first warm-up round: what the path costs cold), not
 * counted in min/median/max. The same code runs under
 * Bulkhead and natively (entry.S); only the hypercall's answer differs.
 * The GIC is set up with the test guests' driver (tests/guests/common/
 * gic.c); the timed GIC accesses themselves are in ops.S.
 */
#include <bulkhead/abi.h>

#include "bench.h"

#define SAMPLES 65 /* odd: the median is one sample */
#define WARMUP	3

#define HC_NULL	       0x860000abu    /* unknown vendor-hypervisor call */
#define HC_DISPATCHED  BH_HC_REVISION /* a real call, through the dispatch */
#define IPI_SGI	       3
#define IRQ_PRIORITY   0xa0
#define GICD_TYPER     (GICD_BASE + 0x004)
#define GICD_SGIR      (GICD_BASE + 0xf00)
#define TIMER_DELAY    1000 /* counter ticks from arming to firing */
/* Before each console_call sample: time for the other VMs' vCPUs to run
 * (under -icount all vCPUs share one thread; delay_us() yields). */
#define CONSOLE_GAP_US 100

/* What the IRQ vector saw last on each vCPU (written by bench_irq()). */
struct irq_record {
	volatile uint32_t count; /* interrupts taken */
	bool time_ack_eoi;	 /* time the acknowledge + EOI pair */
	unsigned long iar;
	u64 entry;   /* counter at the vector's first instruction */
	u64 ack_eoi; /* instructions, when timed */
};

enum secondary_state { SECONDARY_OFF, SECONDARY_READY, SECONDARY_DONE };

static struct irq_record records[GUEST_MAX_VCPUS];
static volatile uint32_t secondary_state;
static u64 overhead; /* the cost of timing an empty op */
static u64 samples[2][SAMPLES];
/* The physical counter at the guest's first instruction (entry.S). */
u64 bench_boot_counter;
static u64 first[2]; /* each series' first sample (collect()) */

/* One sample into samples[..][i]; NULL, or why it could not be taken. */
typedef const char *sample_fn(unsigned i, const void *ctx);

struct op_ctx {
	op_fn *op;
	unsigned long arg;
};

void bench_main(void);
void bench_secondary(void);
void bench_irq(u64 entry);

static u64 time_op(op_fn *op, unsigned long arg, unsigned long *result)
{
	return timed_call(op, arg, result) - overhead;
}

static void sort(u64 *v, unsigned n)
{
	for (unsigned i = 1; i < n; i++) {
		u64 x = v[i];
		unsigned j = i;

		for (; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

static void report(const char *metric, u64 *v, u64 first_sample)
{
	sort(v, SAMPLES);
	printf("BENCH %s %llu %llu %llu %u %llu\n", metric, v[0],
	       v[SAMPLES / 2], v[SAMPLES - 1], SAMPLES, first_sample);
}

static void report_na(const char *metric, const char *why)
{
	printf("BENCH %s n/a %s\n", metric, why);
}

/* WARMUP samples (overwritten, the first kept in first[]), then SAMPLES;
 * the first failure stops. */
static const char *collect(sample_fn *fn, const void *ctx)
{
	for (int i = -WARMUP; i < SAMPLES; i++) {
		const char *why = fn(i < 0 ? 0 : (unsigned)i, ctx);

		if (why)
			return why;
		if (i == -WARMUP) {
			first[0] = samples[0][0];
			first[1] = samples[1][0];
		}
	}
	return NULL;
}

/* A metric that is one series of samples. */
static void run_metric(const char *metric, sample_fn *fn, const void *ctx)
{
	const char *why = collect(fn, ctx);

	if (why)
		report_na(metric, why);
	else
		report(metric, samples[0], first[0]);
}

static const char *sample_op(unsigned i, const void *ctx)
{
	const struct op_ctx *c = ctx;
	unsigned long result;

	samples[0][i] = time_op(c->op, c->arg, &result);
	return NULL;
}

static void bench_op(const char *metric, op_fn *op, unsigned long arg)
{
	const struct op_ctx ctx = {op, arg};

	run_metric(metric, sample_op, &ctx);
}

static const char *sample_console(unsigned i, const void *ctx)
{
	unsigned long result;

	(void)ctx;
	delay_us(CONSOLE_GAP_US);
	samples[0][i] = time_op(op_console_line, BH_HC_CONSOLE_WRITE, &result);
	return NULL;
}

/*
 * A console hypercall of one short line; its first sample too, which may
 * find the lines of others to drain. make bench runs it again beside a VM
 * that floods the console (bench/configs/bench-flood).
 */
static void bench_console(void)
{
	u64 f;

	run_metric("console_call", sample_console, NULL);
	f = first[0];
	printf("BENCH console_call_first %llu %llu %llu 1 %llu\n", f, f, f, f);
}

/* The measurement's own cost: must be the same every time. */
static bool calibrate(void)
{
	unsigned long result;

	overhead = 0;
	for (unsigned i = 0; i < SAMPLES; i++)
		samples[0][i] = time_op(op_empty, 0, &result);
	sort(samples[0], SAMPLES);
	overhead = samples[0][0];
	printf("BENCH overhead %llu %llu %llu %u\n", samples[0][0],
	       samples[0][SAMPLES / 2], samples[0][SAMPLES - 1], SAMPLES);
	return samples[0][0] == samples[0][SAMPLES - 1];
}

/* A GICv3 CPU interface exists on this architecture and is the VM's. */
static bool gicv3_cpuif(void)
{
	return ARCH_HAS_GICV3_CPUIF && gic_version() == 3;
}

/* The acknowledge + EOI pair, as an op of ops.S. */
static u64 time_ack_eoi(unsigned long *iar)
{
	if (gicv3_cpuif())
		return time_op(op_ack_eoi_v3, 0, iar);
	return time_op(op_ack_eoi_v2, GICC_BASE, iar);
}

/* SGI to one vCPU; returns the counter read just before the write. */
static u64 send_sgi(unsigned vcpu, uint32_t intid)
{
	if (gicv3_cpuif())
		return sgi_send_v3((u64)intid << 24 | 1u << vcpu);
	return sgi_send_v2(1u << (16 + vcpu) | intid, GICD_SGIR);
}

void bench_irq(u64 entry)
{
	struct irq_record *r = &records[this_vcpu()];
	unsigned long iar;

	if (r->time_ack_eoi) {
		r->ack_eoi = time_ack_eoi(&iar);
	} else {
		iar = gic_ack();
		/* Silence the level-triggered timer before its EOI. */
		if (gic_intid(iar) == GIC_PPI_VTIMER)
			write_sysreg(cntv_ctl_el0, 0);
		if (gic_intid(iar) != GIC_SPURIOUS)
			gic_eoi(iar);
	}
	if (gic_intid(iar) == GIC_SPURIOUS)
		return;
	r->iar = iar;
	r->entry = entry;
	flag_set(&r->count, r->count + 1);
}

/* Wait for the next interrupt on `vcpu`, IRQs unmasked meanwhile. */
static bool wait_irq(unsigned vcpu, uint32_t before)
{
	bool ok;

	irq_unmask();
	ok = flag_wait(&records[vcpu].count, before + 1);
	irq_mask();
	return ok;
}

/* Virtual timer: CVAL a little ahead; latency = vector entry - CVAL. */
static const char *sample_timer(unsigned i, const void *ctx)
{
	struct irq_record *r = &records[0];
	u64 cval = counter_now() + TIMER_DELAY;
	bool ok;

	(void)ctx;
	write_sysreg(cntv_cval_el0, cval);
	write_sysreg(cntv_ctl_el0, 1); /* enabled, not masked */
	isb();
	ok = wait_irq(0, r->count);
	write_sysreg(cntv_ctl_el0, 0);
	if (!ok)
		return "no virtual timer interrupt within the timeout";
	if (gic_intid(r->iar) != GIC_PPI_VTIMER)
		return "an interrupt other than the virtual timer arrived";
	samples[0][i] = r->entry - cval;
	return NULL;
}

/* SGI from vCPU 0 to vCPU 1: vector entry there - counter before send. */
static const char *sample_ipi(unsigned i, const void *ctx)
{
	struct irq_record *r = &records[1];
	uint32_t before = r->count;
	u64 sent = send_sgi(1, IPI_SGI);

	(void)ctx;
	if (!flag_wait(&r->count, before + 1))
		return "the SGI did not reach vCPU 1 within the timeout";
	if (gic_intid(r->iar) != IPI_SGI)
		return "vCPU 1 took an interrupt other than the SGI";
	samples[0][i] = r->entry - sent;
	samples[1][i] = r->ack_eoi;
	return NULL;
}

void bench_secondary(void)
{
	gic_init();
	gic_enable(IPI_SGI, IRQ_PRIORITY);
	records[this_vcpu()].time_ack_eoi = true;
	flag_set(&secondary_state, SECONDARY_READY);
	irq_unmask();
	flag_wait(&secondary_state, SECONDARY_DONE);
	irq_mask();
	psci_cpu_off(CONDUIT_SMC);
}

static const char *start_secondary(void)
{
	int32_t ret = psci_cpu_on(CONDUIT_SMC, 1,
				  (uintptr_t)bench_secondary_entry, 0);

	if (ret != PSCI_SUCCESS)
		return "PSCI CPU_ON of vCPU 1 failed";
	if (!flag_wait(&secondary_state, SECONDARY_READY))
		return "vCPU 1 did not come up";
	return NULL;
}

/* IPI latency and, measured in vCPU 1's handler, ack + EOI. */
static void bench_ipi(void)
{
	const char *why = start_secondary();

	if (!why)
		why = collect(sample_ipi, NULL);
	flag_set(&secondary_state, SECONDARY_DONE);
	if (why) {
		report_na("ipi_latency", why);
		report_na("ack_eoi", why);
		return;
	}
	report("ipi_latency", samples[0], first[0]);
	report("ack_eoi", samples[1], first[1]);
}

/* Why this VM's GIC cannot be used (without a vGIC, GICD aborts). */
static const char *gic_unavailable(void)
{
	expect_abort_quiet();
	readl(GICD_TYPER);
	if (abort_taken(NULL))
		return "reading GICD_TYPER aborts: no GIC in this VM";
	if (!gic_version())
		return "no GICv2/GICv3 distributor found";
	return NULL;
}

static void bench_interrupts(void)
{
	static const char *const metrics[] = {"gicd_read", "timer_irq_latency",
					      "ipi_latency", "ack_eoi"};
	const char *why = gic_unavailable();

	if (why) {
		for (unsigned i = 0; i < sizeof(metrics) / sizeof(*metrics);
		     i++)
			report_na(metrics[i], why);
		return;
	}
	printf("BENCH gic v%u\n", gic_version());
	bench_op("gicd_read", op_read32, GICD_TYPER);
	gic_init();
	gic_enable(GIC_PPI_VTIMER, IRQ_PRIORITY);
	run_metric("timer_irq_latency", sample_timer, NULL);
	bench_ipi();
}

/* Under Bulkhead the UID call answers; natively EL2 just returns. */
static bool on_bulkhead(void)
{
	return smccc(CONDUIT_HVC, BH_HC_CALL_UID, 0, 0, 0).a0 == BH_UID_W0;
}

/* One sample per boot: the counter at the first instruction, which under
 * -icount counts every instruction since reset, on every core (under
 * Bulkhead: since the VM's start, and bench/run.sh adds when that was). */
static void bench_boot(void)
{
	u64 c = bench_boot_counter;

	printf("BENCH boot_to_first_instruction %llu %llu %llu 1 %llu\n", c, c,
	       c, c);
}

void bench_main(void)
{
	printf("BENCH mode %s\n", on_bulkhead() ? "bulkhead" : "native");
	bench_boot();
	if (!calibrate())
		printf("BENCH warning: the measurement overhead varies\n");
	bench_console();
	bench_op("hypercall_null", op_hvc, HC_NULL);
	bench_op("hypercall_dispatched", op_hvc, HC_DISPATCHED);
	bench_op("psci_version", op_smc, PSCI_VERSION);
	bench_interrupts();
	printf("BENCH done\n");
	psci_system_off(CONDUIT_SMC);
}
