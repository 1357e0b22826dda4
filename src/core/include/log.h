/* SPDX-License-Identifier: MIT */
/* The hypervisor's own messages, on the platform console. */
#ifndef LOG_H
#define LOG_H

#include "types.h"

#define LOG_ERROR 0
#define LOG_WARN  1
#define LOG_INFO  2
#define LOG_DEBUG 3

void log_printf(int level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define log_error(...) log_printf(LOG_ERROR, __VA_ARGS__)
#define log_warn(...)  log_printf(LOG_WARN, __VA_ARGS__)
#define log_info(...)  log_printf(LOG_INFO, __VA_ARGS__)
#define log_debug(...) log_printf(LOG_DEBUG, __VA_ARGS__)

/* A line of a panic report ("bulkhead: error: ..."), written straight to
 * the UART, whatever the state of the console. */
void panic_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A broken hypervisor invariant: report (as panic_line) and halt this core. */
noreturn void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
