/* SPDX-License-Identifier: MIT */
/*
 * The fake architecture host unit tests link against: it records what the
 * core asked of the hardware, and turns "never returns" (a vCPU parking,
 * entering a guest, powering off) into a longjmp back to the test.
 */
#ifndef FAKE_ARCH_H
#define FAKE_ARCH_H

#include <setjmp.h>

#include "arch.h"
#include "gic.h"
#include "types.h"

#define FAKE_LRS  4
#define FAKE_IRQS 1024

/* How the last noreturn arch call left to the test. */
enum fake_exit {
	FAKE_NOT_LEFT,
	FAKE_ENTERED,	 /* arch_vcpu_enter() */
	FAKE_PARKED,	 /* arch_cpu_reset_stack_and_idle() */
	FAKE_SLEPT,	 /* arch_idle_wait() with no wake-up left */
	FAKE_CPU_OFF,	 /* arch_cpu_power_off() */
	FAKE_SYSTEM_OFF, /* arch_system_off() */
	FAKE_HALTED,	 /* arch_halt() */
};

struct fake_arch {
	unsigned cpu;	       /* what arch_cpu_id() returns */
	void *cpu_local[8];    /* arch_cpu_local() of each core */
	u64 now;	       /* what arch_counter() returns */
	u64 counter_step;      /* and how much it moves on at each call */
	u64 wake_at;	       /* arch_wake_at()'s alarm, 0 if none */
	unsigned idle_waits;   /* arch_idle_wait() calls */
	u64 ipis;	       /* bit n: an IPI was sent to core n */
	unsigned cache_cleans; /* arch_clean_dcache_range calls */
	/* The core's system registers sysreg_trap.c reads and writes. */
	u64 id_registers[64]; /* by ID_REG_INDEX(CRm, op2) */
	bool os_lock;
	/* HCR_EL2.TVM, SCTLR_EL1 and the trapped writes set_way.c emulates. */
	bool vm_regs_trapped;
	u64 sctlr_el1;
	unsigned vm_register_writes;
	u64 vm_register_last;
	size_t zeroed; /* bytes arch_zero_to_poc zeroed */
	unsigned system_offs;
	/* VM RAM the hypervisor has mapped (arch_map_vm_ram), and cache
	 * maintenance on RAM it had not: a hypervisor access would fault. */
	struct fake_range {
		u64 base, size;
	} mapped[4];
	unsigned mapped_count;
	unsigned map_calls;
	unsigned unmapped_accesses;
	jmp_buf *noreturn_jmp; /* where noreturn arch calls land */
	enum fake_exit left;
	bool vcpu_aarch32; /* arch_vcpu_is_aarch32() of every vCPU */
	/* The last arch_vcpu_enter(): which vCPU, at what entry, with what
	 * argument, started how. */
	const struct vcpu *entered;
	u64 entered_pc, entered_arg;
	enum vcpu_start entered_kind;
	/* How many arch_idle_wait() calls return (as if an interrupt woke the
	 * core) before one sleeps: that one leaves, as FAKE_SLEPT. */
	unsigned idle_wakeups;
	/* The console UART: everything it sent, and its transmit FIFO. */
	char console[8192];
	size_t console_len;
	bool uart_fifo_limited; /* the FIFO takes uart_room more bytes only */
	unsigned uart_room;
	bool uart_slow; /* it has room at every second poll only */
	unsigned uart_polls;
	bool uart_tx_irq;	    /* its transmit interrupt is enabled */
	void (*uart_tx_hook)(void); /* called after each byte it takes */
	const char *uart_rx_bytes;  /* what its receiver holds */
	bool uart_rx_irq;	    /* its receive interrupts are on */
	/* The GIC: list registers, and what was asked of the distributor. */
	struct gic_lr lr[FAKE_LRS];
	bool refill_irq;
	bool vcpu_parked; /* gic_vcpu_park() since the last gic_vcpu_reset() */
	void (*vcpu_park_hook)(void); /* called by gic_vcpu_park() */
	bool irq_enabled[FAKE_IRQS];
	bool irq_pending[FAKE_IRQS];
	unsigned irq_route[FAKE_IRQS];
	unsigned irq_calls[FAKE_IRQS];	    /* gic_irq_*() calls per INTID */
	unsigned irq_calls_all;		    /* and for all of them */
	unsigned deactivated;		    /* gic_deactivate calls */
	bool irq_active_cleared[FAKE_IRQS]; /* gic_irq_clear_active() */
	/* A lock to watch: did a gic_irq_*() call come without it held? */
	const struct spinlock *watched_lock;
	bool irq_call_unlocked;
	u32 acks[8]; /* what gic_ack returns, in turn */
	unsigned ack_count;
};

extern struct fake_arch fake;

#define FAKE_FREQ 1000000ULL /* arch_counter_freq(): 1 MHz */

void fake_reset(void);

/*
 * Run `stmt`, which must end in a noreturn arch call (park, power off...);
 * evaluates to true if it did, false if stmt returned normally. Nests: a
 * hook called inside stmt may use it too.
 */
#define FAKE_NORETURN(stmt)                                                    \
	({                                                                     \
		jmp_buf jb__, *outer__ = fake.noreturn_jmp;                    \
		volatile bool left__ = true;                                   \
		fake.noreturn_jmp = &jb__;                                     \
		if (setjmp(jb__) == 0) {                                       \
			stmt;                                                  \
			left__ = false;                                        \
		}                                                              \
		fake.noreturn_jmp = outer__;                                   \
		left__;                                                        \
	})

#endif
