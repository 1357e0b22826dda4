/* SPDX-License-Identifier: MIT */
/* Guest exits by cause: a VM's sum over its vCPUs, and its stats line. */
#include "exit_stats.h"
#include "lib.h"
#include "vm.h"

static const char *const cause_names[EXIT_CAUSES] = {
	[EXIT_HYPERCALL] = "hypercall",
	[EXIT_SYSREG] = "sysreg",
	[EXIT_SGI] = "sgi",
	[EXIT_MMIO] = "mmio",
	[EXIT_BAD_ACCESS] = "bad access",
	[EXIT_IRQ] = "irq",
	[EXIT_IPI] = "ipi",
	[EXIT_MAINTENANCE] = "maintenance",
	[EXIT_OTHER] = "other",
};

const char *exit_cause_name(enum exit_cause c)
{
	return c < EXIT_CAUSES ? cause_names[c] : "?";
}

u64 exit_stats_total(const struct exit_stats *s)
{
	u64 total = 0;

	for (unsigned c = 0; c < EXIT_CAUSES; c++)
		total += s->count[c];
	return total;
}

void exit_stats_reset(struct vm *vm)
{
	for (unsigned i = 0; i < vm->vcpu_count; i++)
		vm->vcpus[i].exits = (struct exit_stats){0};
}

void exit_stats_sum(const struct vm *vm, struct exit_stats *sum)
{
	*sum = (struct exit_stats){0};
	for (unsigned i = 0; i < vm->vcpu_count; i++) {
		const volatile u64 *count = vm->vcpus[i].exits.count;

		for (unsigned c = 0; c < EXIT_CAUSES; c++)
			sum->count[c] += count[c];
	}
}

int exit_stats_format(const struct vm *vm, u64 ticks, u64 freq, char *buf,
		      size_t size)
{
	struct exit_stats s;
	u64 total, ms = freq ? ticks * 1000 / freq : 0;
	int n;

	exit_stats_sum(vm, &s);
	total = exit_stats_total(&s);
	n = format(buf, size,
		   "VM %u '%s': %llu exits in %llu.%03llu s, %llu/s:", vm->id,
		   vm->cfg->name, total, ms / 1000, ms % 1000,
		   ms ? total * 1000 / ms : 0);
	for (unsigned c = 0; c < EXIT_CAUSES && (size_t)n < size; c++)
		n += format(buf + n, size - (size_t)n, "%s %s %llu",
			    c ? "," : "", cause_names[c], s.count[c]);
	return n;
}
