/* SPDX-License-Identifier: MIT */
/*
 * Breakpoints and watchpoints, alike on AArch32 and AArch64: up to 16 of
 * each, the value and control registers of number n named by n in the
 * instruction (an immediate). The architecture's sysreg.h reaches them:
 * write_dbgbvr(n, v), write_dbgbcr(n, v), write_dbgwvr(n, v) and
 * write_dbgwcr(n, v), n a literal.
 */
#ifndef DEBUG_POINTS_H
#define DEBUG_POINTS_H

/* Disable and zero breakpoints 0..breakpoints-1 and watchpoints
 * 0..watchpoints-1, as a cold reset leaves them. Only those the core has:
 * writing another would be UNDEFINED. */
void debug_points_clear(unsigned breakpoints, unsigned watchpoints);

#endif
