// SPDX-License-Identifier: MIT
/*
 * panic-exec-stack: as panic, but core 0 jumps to its own stack
 * (CONFIG_DEBUG_PANIC_EXEC_STACK), which EL2 maps execute-never.
 */
#include "../panic/config.c"
