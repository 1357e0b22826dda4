/* SPDX-License-Identifier: MIT */
/* The benchmark guest's measured operations (ops.S). */
#ifndef BENCH_H
#define BENCH_H

#include <stddef.h>
#include <stdint.h>

#include "guest.h"

/*
 * An operation timed by timed_call(): argument in the first two argument
 * registers (x0 and x1, r0 and r1), result in the first. Returns the
 * instructions from the counter read before the call to the one after.
 */
typedef void op_fn(void);

u64 timed_call(op_fn *op, unsigned long arg, unsigned long *result);
op_fn op_empty, op_hvc, op_smc, op_console_line, op_read32, op_ack_eoi_v2;
/* Raise an SGI and yield; returns the counter read just before. */
u64 sgi_send_v2(uint32_t sgir, uintptr_t gicd_sgir);
/* The same through the GICv3 CPU interface: only where there is one
 * (ARCH_HAS_GICV3_CPUIF); the ARMv7 ops.S does not define them. */
op_fn op_ack_eoi_v3;
u64 sgi_send_v3(u64 sgi1r);

void bench_secondary_entry(void);

#endif
