/* SPDX-License-Identifier: MIT */
/* The AArch64 early stop: not entered at EL2. */
#include "boot.h"
#include "lib.h"

noreturn void early_stop_el(u64 current_el);

noreturn void early_stop_el(u64 current_el)
{
	char msg[160];

	format(msg, sizeof(msg),
	       "bulkhead: error: entered at EL%llu, not EL2. Start it at EL2 "
	       "(QEMU: -M virt,virtualization=on).\r\n",
	       current_el >> 2);
	early_stop(msg);
}
