/* SPDX-License-Identifier: MIT */
/*
 * The test guests' runtime: a freestanding AArch64 EL1 environment with the
 * MMU and caches off. One stack per vCPU, vCPU index = MPIDR_EL1.Aff0.
 */
#ifndef GUEST_H
#define GUEST_H

#include <stdbool.h>
#include <stdint.h>

#define GUEST_MAX_VCPUS 4

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
	uint64_t esr, far, elr;
};
/* Arm the next synchronous exception on this vCPU to be skipped. */
void expect_abort(void);
/* Disarm; true (and *info filled) if the armed exception was taken. */
bool abort_taken(struct abort_info *info);

/* Time (time.c): the virtual counter, which -icount keeps deterministic. */
uint64_t counter_now(void);
uint64_t counter_freq(void);
void delay_us(uint64_t us);

/*
 * Cross-vCPU flags: the waiter executes WFE, so -icount cannot starve the
 * setter, which sends SEV. flag_wait() gives up (false) after timeout_us
 * of counter time, so a vCPU that never comes leads to a report, not a hang.
 */
void flag_set(volatile uint32_t *flag, uint32_t value);
bool flag_wait(volatile uint32_t *flag, uint32_t value, uint64_t timeout_us);

/* String functions the compiler may call on its own (string.c). */
void *memset(void *dst, int c, unsigned long n);
void *memcpy(void *dst, const void *src, unsigned long n);
unsigned long strlen(const char *s);

#define read_sysreg(reg)                                                       \
	({                                                                     \
		uint64_t __v;                                                  \
		__asm__ volatile("mrs %0, " #reg : "=r"(__v));                 \
		__v;                                                           \
	})

#define write_sysreg(reg, val)                                                 \
	__asm__ volatile("msr " #reg ", %0" ::"r"((uint64_t)(val)))

static inline void isb(void)
{
	__asm__ volatile("isb" ::: "memory");
}

static inline unsigned int this_vcpu(void)
{
	return read_sysreg(mpidr_el1) & 0xff;
}

/* Single 32-bit accesses, so a fault points at exactly one instruction. */
static inline uint32_t readl(uintptr_t addr)
{
	uint32_t v = 0; /* what a skipped (faulting) load leaves */

	__asm__ volatile("ldr %w0, [%1]" : "+r"(v) : "r"(addr) : "memory");
	return v;
}

static inline void writel(uintptr_t addr, uint32_t v)
{
	__asm__ volatile("str %w0, [%1]" ::"r"(v), "r"(addr) : "memory");
}

#endif
