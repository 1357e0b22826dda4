/* SPDX-License-Identifier: MIT */
/* The AArch64 early stops: not entered at EL2, not at the link address. */
#include "asm_defs.h"
#include "boot.h"
#include "lib.h"

noreturn void early_stop_el(u64 current_el);
noreturn void early_stop_address(uintptr_t running, uintptr_t linked);

noreturn void early_stop_el(u64 current_el)
{
	char msg[160];

	format(msg, sizeof(msg),
	       "bulkhead: error: entered at EL%llu, not EL2. Start it at EL2 "
	       "(QEMU: -M virt,virtualization=on).\r\n",
	       current_el >> 2);
	early_stop(msg);
}

/* The image runs away from its link address: AArch64 reaches its data
 * PC-relatively (ADRP), so format() and the platform data still work. */
noreturn void early_stop_address(uintptr_t running, uintptr_t linked)
{
	char msg[200];

	format(msg, sizeof(msg),
	       "bulkhead: error: loaded at 0x%lx but linked for "
	       "0x%lx.\r\n" LOAD_HINT,
	       (unsigned long)running, (unsigned long)linked);
	early_stop(msg);
}
