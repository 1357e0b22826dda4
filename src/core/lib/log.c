/* SPDX-License-Identifier: MIT */
/* Hypervisor log lines, prefixed "bulkhead: ", filtered by CONFIG_LOG_LEVEL. */
#include "log.h"
#include "arch.h"
#include "console.h"
#include "lib.h"

#define LOG_LINE_MAX 256

typedef void console_out(const char *s, size_t len);

static void log_vprintf(console_out *out, const char *prefix, const char *fmt,
			va_list ap)
{
	char line[LOG_LINE_MAX];
	size_t n = (size_t)format(line, sizeof(line), "%s", prefix);

	/* Leave room for the newline. */
	n += (size_t)vformat(line + n, sizeof(line) - n - 1, fmt, ap);
	line[n++] = '\n';
	out(line, n);
}

void log_printf(int level, const char *fmt, ...)
{
	va_list ap;

	if (level > CONFIG_LOG_LEVEL)
		return;
	va_start(ap, fmt);
	log_vprintf(console_write,
		    level == LOG_ERROR ? "bulkhead: error: " : "bulkhead: ",
		    fmt, ap);
	va_end(ap);
}

/* Past the console's rings: they may be full, or the drainer stuck. */
void panic_line(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vprintf(console_write_sync, "bulkhead: error: ", fmt, ap);
	va_end(ap);
}

noreturn void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vprintf(console_write_sync, "bulkhead: PANIC: ", fmt, ap);
	va_end(ap);
	panic_line("CPU %u halted", arch_cpu_id());
	arch_halt();
}
