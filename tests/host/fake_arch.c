/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "console.h"
#include "cpu.h"
#include "fake_arch.h"
#include "set_way.h"
#include "spinlock.h"
#include "sysreg.h"
#include "sysreg_trap.h"

struct fake_arch fake;

void fake_reset(void)
{
	memset(&fake, 0, sizeof(fake));
}

static noreturn void leave(enum fake_exit how, const char *what)
{
	if (!fake.noreturn_jmp) {
		fprintf(stderr, "fake arch: unexpected %s\n", what);
		abort();
	}
	fake.left = how;
	longjmp(*fake.noreturn_jmp, 1);
}

unsigned arch_cpu_id(void)
{
	return fake.cpu;
}
void *arch_cpu_local(void)
{
	return fake.cpu_local[fake.cpu];
}
void arch_set_cpu_local(void *p)
{
	fake.cpu_local[fake.cpu] = p;
}
u64 arch_counter(void)
{
	u64 now = fake.now;

	fake.now += fake.counter_step;
	return now;
}
u64 arch_counter_freq(void)
{
	return FAKE_FREQ;
}
void arch_idle_wait(void)
{
	fake.idle_waits++;
	if (!fake.idle_wakeups)
		leave(FAKE_SLEPT, "idle wait");
	fake.idle_wakeups--;
}
/* The physical timer's emulation reads the hardware (ptimer.c): boot
 * tests cover it; here it handles nothing. */
bool handle_ptimer_trap(struct vcpu *vcpu, struct guest_frame *f, u64 iss)
{
	(void)vcpu;
	(void)f;
	(void)iss;
	return false;
}

void arch_wake_at(u64 when)
{
	fake.wake_at = when;
}
void arch_wake_cancel(void)
{
	fake.wake_at = 0;
}

static bool mapped(const void *va, size_t len)
{
	u64 start = (u64)(uintptr_t)va;

	for (unsigned i = 0; i < fake.mapped_count; i++)
		if (start >= fake.mapped[i].base &&
		    start + len <= fake.mapped[i].base + fake.mapped[i].size)
			return true;
	return false;
}

static void check_mapped(const void *va, size_t len)
{
	if (!mapped(va, len))
		fake.unmapped_accesses++;
}

void arch_map_vm_ram(paddr_t pa, u64 size)
{
	if (fake.mapped_count == ARRAY_SIZE(fake.mapped)) {
		fprintf(stderr, "fake arch: too many VM RAM mappings\n");
		abort();
	}
	fake.mapped[fake.mapped_count++] = (struct fake_range){pa.bits, size};
	fake.map_calls++;
}

void arch_unmap_vm_ram(paddr_t pa, u64 size)
{
	for (unsigned i = 0; i < fake.mapped_count; i++)
		if (fake.mapped[i].base == pa.bits &&
		    fake.mapped[i].size == size) {
			fake.mapped[i] = fake.mapped[--fake.mapped_count];
			return;
		}
	fprintf(stderr, "fake arch: unmapping RAM that is not mapped\n");
	abort();
}

void arch_clean_dcache_range(void *va, size_t len)
{
	check_mapped(va, len);
	fake.cache_cleans++;
}

void arch_sync_icache(void)
{
}

void arch_zero_to_poc(void *va, size_t len)
{
	check_mapped(va, len);
	memset(va, 0, len);
	fake.zeroed += len;
}
u64 cpu_id_register(unsigned crm, unsigned op2)
{
	return fake.id_registers[ID_REG_INDEX(crm, op2)];
}

bool cpu_vm_regs_trapped(void)
{
	return fake.vm_regs_trapped;
}

void cpu_trap_vm_regs(bool on)
{
	fake.vm_regs_trapped = on;
}

u64 cpu_read_sctlr_el1(void)
{
	return fake.sctlr_el1;
}

void cpu_write_vm_register(u64 reg, u64 value)
{
	if (reg == SCTLR_EL1_ENC)
		fake.sctlr_el1 = value;
	fake.vm_register_writes++;
	fake.vm_register_last = value;
}

void cpu_set_os_lock(bool locked)
{
	fake.os_lock = locked;
}

u64 cpu_os_lock_status(void)
{
	return 0x8 | (fake.os_lock ? OSLSR_OSLK : 0); /* OSLM: implemented */
}

int arch_cpu_power_on(unsigned cpu)
{
	(void)cpu;
	return 0;
}
noreturn void arch_cpu_power_off(void)
{
	leave(FAKE_CPU_OFF, "CPU power off");
}

noreturn void arch_system_off(void)
{
	fake.system_offs++;
	leave(FAKE_SYSTEM_OFF, "system off");
}

noreturn void arch_halt(void)
{
	leave(FAKE_HALTED, "halt");
}
void arch_stage2_tlb_flush(paddr_t root, unsigned vmid)
{
}

bool arch_vcpu_is_aarch32(const struct vcpu *vcpu)
{
	return fake.vcpu_aarch32;
}

noreturn void arch_vcpu_enter(struct vcpu *vcpu, u64 entry, u64 arg,
			      enum vcpu_start kind)
{
	fake.entered = vcpu;
	fake.entered_pc = entry;
	fake.entered_arg = arg;
	fake.entered_kind = kind;
	leave(FAKE_ENTERED, "vCPU entry");
}

noreturn void arch_cpu_reset_stack_and_idle(void)
{
	leave(FAKE_PARKED, "park");
}

/* One core: a lock is held while a ticket is out. */
void spin_lock(struct spinlock *lock)
{
	lock->next++;
}
bool spin_trylock(struct spinlock *lock)
{
	if (lock->next != lock->owner)
		return false;
	lock->next++;
	return true;
}
void spin_unlock(struct spinlock *lock)
{
	lock->owner++;
}

/* ----------------------------------------------------------- the UART */

void uart_init(u64 base)
{
	(void)base;
}

static void uart_record(char c)
{
	if (fake.console_len + 1 < sizeof(fake.console)) {
		fake.console[fake.console_len++] = c;
		fake.console[fake.console_len] = '\0';
	}
}

bool uart_tx_ready(u64 base)
{
	(void)base;
	if (fake.uart_slow && fake.uart_polls++ % 2 == 0)
		return false;
	return !fake.uart_fifo_limited || fake.uart_room;
}

void uart_tx(u64 base, char c)
{
	(void)base;
	if (fake.uart_fifo_limited && !fake.uart_room) {
		fprintf(stderr, "fake UART: a byte written to a full FIFO\n");
		abort();
	}
	if (fake.uart_fifo_limited)
		fake.uart_room--;
	uart_record(c);
	if (fake.uart_tx_hook)
		fake.uart_tx_hook();
}

void uart_tx_irq(u64 base, bool on)
{
	(void)base;
	fake.uart_tx_irq = on;
}

/* The busy-waiting path: as if the FIFO had drained meanwhile. */
bool uart_rx_ready(u64 base)
{
	(void)base;
	return fake.uart_rx_bytes && *fake.uart_rx_bytes;
}

u8 uart_rx(u64 base)
{
	(void)base;
	return (u8)*fake.uart_rx_bytes++;
}

void uart_rx_irq_on(u64 base)
{
	(void)base;
	fake.uart_rx_irq = true;
}

void uart_putc(u64 base, char c)
{
	(void)base;
	uart_record(c);
}

/* ------------------------------------------------------------ the GIC */

void gic_init_distributor(void)
{
}
void gic_init_cpu(void)
{
}

u32 gic_ack(void)
{
	return fake.ack_count ? fake.acks[--fake.ack_count] : GIC_SPURIOUS;
}

void gic_eoi(u32 intid)
{
	(void)intid;
}
void gic_deactivate(u32 intid)
{
	(void)intid;
	fake.deactivated++;
}
void gic_send_ipi(unsigned cpu)
{
	fake.ipis |= 1ULL << cpu;
}

static void count_irq_call(u32 intid)
{
	if (fake.watched_lock &&
	    fake.watched_lock->next == fake.watched_lock->owner)
		fake.irq_call_unlocked = true;
	fake.irq_calls[intid % FAKE_IRQS]++;
	fake.irq_calls_all++;
}

void gic_irq_enable(u32 intid, unsigned cpu, bool on)
{
	count_irq_call(intid);
	(void)cpu;
	fake.irq_enabled[intid % FAKE_IRQS] = on;
}

void gic_irq_set_pending(u32 intid, unsigned cpu, bool on)
{
	count_irq_call(intid);
	(void)cpu;
	fake.irq_pending[intid % FAKE_IRQS] = on;
}

void gic_irq_clear_active(u32 intid, unsigned cpu)
{
	(void)cpu;
	count_irq_call(intid);
	fake.irq_active_cleared[intid % FAKE_IRQS] = true;
}

void gic_irq_route(u32 intid, unsigned cpu)
{
	count_irq_call(intid);
	fake.irq_route[intid % FAKE_IRQS] = cpu;
}

void gic_irq_set_edge(u32 intid, bool edge)
{
	(void)edge;
	count_irq_call(intid);
}

unsigned gic_lr_count(void)
{
	return FAKE_LRS;
}

void gic_lr_write(unsigned n, const struct gic_lr *lr)
{
	fake.lr[n] = *lr;
}

u8 gic_lr_state(unsigned n)
{
	return fake.lr[n].state;
}

/* As the hardware: an LR whose interrupt the guest finished is empty,
 * unless it asked for the EOI maintenance interrupt. */
static u64 done_lrs(bool eoi)
{
	u64 mask = 0;

	for (unsigned n = 0; n < FAKE_LRS; n++) {
		const struct gic_lr *lr = &fake.lr[n];

		if (!lr->state && (!lr->hw && lr->eoi_irq) == eoi)
			mask |= 1u << n;
	}
	return mask;
}

u64 gic_lr_empty_mask(void)
{
	return done_lrs(false);
}

u64 gic_lr_eoi_mask(void)
{
	return done_lrs(true);
}

void gic_vcpu_reset(void)
{
	fake.vcpu_parked = false;
	for (unsigned n = 0; n < FAKE_LRS; n++)
		fake.lr[n] = (struct gic_lr){0};
}

void gic_vcpu_park(void)
{
	fake.vcpu_parked = true;
	if (fake.vcpu_park_hook)
		fake.vcpu_park_hook();
}

void gic_set_refill_irq(bool on)
{
	fake.refill_irq = on;
}
