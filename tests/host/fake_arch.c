/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "console.h"
#include "fake_arch.h"
#include "spinlock.h"

struct fake_arch fake;

void fake_reset(void)
{
	memset(&fake, 0, sizeof(fake));
}

static noreturn void leave(const char *what)
{
	if (!fake.noreturn_jmp) {
		fprintf(stderr, "fake arch: unexpected %s\n", what);
		abort();
	}
	longjmp(*fake.noreturn_jmp, 1);
}

unsigned arch_cpu_id(void)
{
	return fake.cpu;
}
u64 arch_counter(void)
{
	return fake.now;
}
u64 arch_counter_freq(void)
{
	return FAKE_FREQ;
}
void arch_idle_wait(void)
{
}
void arch_ipi_send(unsigned cpu)
{
	fake.ipis |= 1ULL << cpu;
}

void arch_clean_dcache_range(void *va, size_t len)
{
	(void)va;
	(void)len;
	fake.cache_cleans++;
}

void arch_sync_icache(void)
{
}
int arch_cpu_power_on(unsigned cpu)
{
	(void)cpu;
	return 0;
}
noreturn void arch_cpu_power_off(void)
{
	leave("CPU power off");
}

noreturn void arch_system_off(void)
{
	fake.system_offs++;
	leave("system off");
}

noreturn void arch_halt(void)
{
	leave("halt");
}
void arch_stage2_tlb_flush(paddr_t root, unsigned vmid)
{
}

noreturn void arch_vcpu_enter(struct vcpu *vcpu, u64 entry, u64 arg)
{
	leave("vCPU entry");
}

noreturn void arch_cpu_reset_stack_and_idle(void)
{
	leave("park");
}

void spin_lock(struct spinlock *lock)
{
	lock->next++;
}
void spin_unlock(struct spinlock *lock)
{
	lock->owner++;
}

void console_write(const char *s, size_t len)
{
	size_t room = sizeof(fake.console) - 1 - fake.console_len;

	len = len < room ? len : room;
	memcpy(fake.console + fake.console_len, s, len);
	fake.console_len += len;
	fake.console[fake.console_len] = '\0';
}
