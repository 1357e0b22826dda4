// SPDX-License-Identifier: MIT
/*
 * panic-write-text: as panic, but core 0 writes to the hypervisor's own
 * code (CONFIG_DEBUG_PANIC_WRITE_TEXT), which EL2 maps read-only.
 */
#include "../panic/config.c"
