/* SPDX-License-Identifier: MIT */
/*
 * The test guests' runtime: a freestanding environment at EL1 (AArch64) or
 * in SVC mode (ARMv7) with the MMU and caches off. One stack per vCPU,
 * vCPU index = MPIDR.Aff0. What differs per architecture is in
 * common/<arch>/ (guest_arch.h, crt0.S).
 */
#ifndef GUEST_H
#define GUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "guest_arch.h" /* common/<arch>/: accessors, MMIO, barriers */

/* The same on both architectures, over guest_arch.h's read_sysreg(). */
static inline void isb(void)
{
	__asm__ volatile("isb" ::: "memory");
}

static inline unsigned int this_vcpu(void)
{
	return read_sysreg(mpidr_el1) & 0xff;
}

#define GUEST_MAX_VCPUS 4

/*
 * 64-bit values are printed with %ll: u64 is unsigned long long on both
 * architectures (uint64_t is unsigned long on AArch64, long long on ARMv7).
 */
typedef unsigned long long u64;

#define __noreturn     __attribute__((noreturn))
#define __printf(a, b) __attribute__((format(printf, a, b)))

/* Entry points a scenario provides: vCPU 0 and vCPUs started by CPU_ON. */
void guest_main(unsigned long x0);
void guest_secondary(unsigned long context);

/* Secondary entry for PSCI CPU_ON (crt0.S): picks a stack, calls C. */
void secondary_entry(void);

/* Console (console.c, format.c). */
void console_write(const char *s, unsigned long len);
int printf(const char *fmt, ...) __printf(1, 2);

/* SMCCC calls: x0..x7 in, x0..x3 out (smccc.c). */
enum conduit { CONDUIT_HVC, CONDUIT_SMC };

struct smccc_res {
	unsigned long a0, a1, a2, a3;
};

struct smccc_res smccc_call(enum conduit c, const unsigned long args[8]);
struct smccc_res smccc(enum conduit c, uint32_t fid, unsigned long a1,
		       unsigned long a2, unsigned long a3);
/* The 32-bit status an SMC32 or PSCI call returns in w0. */
int32_t smccc_status(enum conduit c, uint32_t fid, unsigned long a1,
		     unsigned long a2, unsigned long a3);

/* PSCI through the given conduit (psci_calls.c). */
int32_t psci_cpu_on(enum conduit c, unsigned long target, unsigned long entry,
		    unsigned long context);
int32_t psci_affinity_info(enum conduit c, unsigned long target);
void psci_cpu_off(enum conduit c) __noreturn;
void psci_system_reset(enum conduit c) __noreturn;
void psci_system_off(enum conduit c) __noreturn;
/* End the scenario: SYSTEM_OFF through HVC (works natively too). */
void guest_exit(void) __noreturn;

/* Exceptions (exception.c). */
struct abort_info {
	unsigned long esr, far, elr; /* syndrome, fault address, faulting PC */
};
/* Arm the next synchronous exception on this vCPU to be skipped. */
void expect_abort(void);
/* Disarm; true (and *info filled) if the armed exception was taken. */
bool abort_taken(struct abort_info *info);

/*
 * Arm the next synchronous exception on this vCPU to be skipped without
 * printing it: for sweeps where many accesses may abort.
 */
void expect_abort_quiet(void);

/*
 * Arm the next synchronous exception on this vCPU to be a debug exception
 * (breakpoint, watchpoint, step): it is recorded like an abort, debug
 * exceptions are turned off (MDSCR_EL1.KDE) and the guest resumes where
 * it was taken.
 */
void expect_debug_exception(void);

/*
 * The GIC (gic.c): the VM's GICv2 or GICv3 at QEMU virt's addresses, the
 * version found at run time from the distributor's PIDR2. All interrupts
 * are Group 1 (GICv3) or signalled as IRQ (GICv2); EOImode 0.
 */
#define GIC_NR_SGIS    16
#define GIC_PPI_VTIMER 27
#define GIC_PPI_PTIMER 30
#define GIC_SPI_FIRST  32
#define GIC_SPURIOUS   1023
#define GICD_BASE      0x08000000UL
#define GICR_BASE      0x080a0000UL /* GICv3: RD frame of vCPU i at +i * 128K */
#define GICR_STRIDE    0x20000UL
#define GICR_SGI_FRAME 0x10000UL
#define GICC_BASE      0x08010000UL /* GICv2 CPU interface */
#define GICD_SIZE_V2   0x1000UL
#define GICD_SIZE_V3   0x10000UL

/* How gic_send_sgi() picks its targets. */
enum sgi_mode {
	SGI_TARGET_LIST,  /* bit i of targets = vCPU i */
	SGI_ALL_BUT_SELF, /* every other vCPU of the VM */
	SGI_SELF,	  /* the sender (a one-bit list on GICv3) */
};

unsigned int gic_version(void); /* 2 or 3; 0 if unknown (probes GICD) */
/* vCPU 0 sets up the distributor, then every vCPU its own interface. */
void gic_init(void);
void gic_enable(uint32_t intid, uint8_t priority);
void gic_disable(uint32_t intid);
void gic_set_pending(uint32_t intid); /* an SGI: as if sent by this vCPU */
void gic_route_spi(uint32_t intid, unsigned int vcpu);
void gic_send_sgi(uint32_t intid, enum sgi_mode mode, uint32_t targets);
/* The acknowledge value (INTID, on GICv2 also the SGI source); EOI it. */
uint32_t gic_ack(void);
void gic_eoi(uint32_t ack);
uint32_t gic_intid(uint32_t ack);
uintptr_t gicr_base(unsigned int vcpu); /* GICv3 RD frame of a vCPU */

/*
 * Interrupt handling (irq.c). The IRQ vector saves the caller-saved
 * registers, ELR and SPSR, so a handler may unmask IRQs and be preempted.
 * irq_dispatch() acks, calls the handler registered for the INTID (or
 * reports an unexpected one), EOIs and returns.
 */
typedef void (*irq_handler_t)(uint32_t intid);

void irq_register(uint32_t intid, irq_handler_t handler);
unsigned int irq_depth(void);	     /* handlers running on this vCPU */
uint32_t irq_unexpected_count(void); /* this vCPU's unhandled INTIDs */
uint32_t irq_spurious_count(void);   /* this vCPU's acks of 1020..1023 */
/* Unmask IRQs and count_wait(): true once *count >= target. */
bool irq_wait(volatile uint32_t *count, uint32_t target);

/*
 * A periodic tick on the EL1 virtual timer (ticker.c): the
 * handler checks the timer fired (else: doubled) and moves CVAL on by
 * exactly one period; lost = deadlines passed but never handled.
 */
struct tick_result {
	uint32_t ticks, lost, doubled;
	u64 max_late_us, elapsed_us;
};

struct tick_result ticker_run(uint32_t ticks, uint32_t hz);

/* Time (time.c): the virtual counter, which -icount keeps deterministic. */
uint64_t counter_now(void);
uint64_t counter_freq(void);
void delay_us(uint64_t us);

/*
 * Waits on progress, not on the clock: a wait gives up (false) only when
 * nothing in the VM moved for STALL_US of counter time, so a slow or busy
 * host makes a test slower, never failed, and a vCPU that never comes
 * still leads to a report, not a hang. progress_made() is called by
 * flag_set() and for every interrupt handled.
 */
#define STALL_US (10 * 1000 * 1000)
void progress_made(void);

/*
 * Cross-vCPU flags: the waiter executes WFE, so -icount cannot starve the
 * setter, which sends SEV.
 */
void flag_set(volatile uint32_t *flag, uint32_t value);
bool flag_wait(volatile uint32_t *flag, uint32_t value);
/* The same for *count >= at_least, e.g. a count an IRQ handler keeps. */
bool count_wait(volatile uint32_t *count, uint32_t at_least);

/* String functions the compiler may call on its own (string.c). */
void *memset(void *dst, int c, unsigned long n);
void *memcpy(void *dst, const void *src, unsigned long n);
unsigned long strlen(const char *s);

#endif
