/* SPDX-License-Identifier: MIT */
/* The benchmark guest's measured operations (ops.S). */
#ifndef BENCH_H
#define BENCH_H

#include <stddef.h>
#include <stdint.h>

#include "guest.h"

/* An operation timed by timed_call(): argument in x0 and x1, result x0. */
typedef void op_fn(void);

uint64_t timed_call(op_fn *op, uint64_t arg, uint64_t *result);
op_fn op_empty, op_hvc, op_smc, op_console_line, op_read32, op_ack_eoi_v3,
	op_ack_eoi_v2;
/* Raise an SGI and yield; returns the counter read just before. */
uint64_t sgi_send_v3(uint64_t sgi1r);
uint64_t sgi_send_v2(uint32_t sgir, uintptr_t gicd_sgir);

void bench_secondary_entry(void);

#endif
