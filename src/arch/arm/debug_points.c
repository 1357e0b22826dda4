/* SPDX-License-Identifier: MIT */
/* Breakpoints and watchpoints (debug_points.h). */
#include "debug_points.h"
#include "sysreg.h"

/* Breakpoint and watchpoint n's registers; n is an immediate. */
/* clang-format off */
#define DEBUG_REGISTERS(X) \
	X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) \
	X(8) X(9) X(10) X(11) X(12) X(13) X(14) X(15)
/* clang-format on */

static void clear_breakpoint(unsigned n)
{
	switch (n) {
#define CLEAR_BREAKPOINT(n)                                                    \
	case n:                                                                \
		write_dbgbcr(n, 0);                                            \
		write_dbgbvr(n, 0);                                            \
		break;
		DEBUG_REGISTERS(CLEAR_BREAKPOINT)
#undef CLEAR_BREAKPOINT
	}
}

static void clear_watchpoint(unsigned n)
{
	switch (n) {
#define CLEAR_WATCHPOINT(n)                                                    \
	case n:                                                                \
		write_dbgwcr(n, 0);                                            \
		write_dbgwvr(n, 0);                                            \
		break;
		DEBUG_REGISTERS(CLEAR_WATCHPOINT)
#undef CLEAR_WATCHPOINT
	}
}

void debug_points_clear(unsigned breakpoints, unsigned watchpoints)
{
	for (unsigned n = 0; n < breakpoints; n++)
		clear_breakpoint(n);
	for (unsigned n = 0; n < watchpoints; n++)
		clear_watchpoint(n);
}
