/* SPDX-License-Identifier: MIT */
/* The ARMv7 early stop: not entered in HYP mode. */
#include "boot.h"
#include "lib.h"

noreturn void early_stop_mode(u32 mode);

static const char *mode_name(u32 mode)
{
	switch (mode) {
	case 0x10:
		return "User";
	case 0x13:
		return "Supervisor";
	case 0x16:
		return "Monitor";
	case 0x1f:
		return "System";
	}
	return "another";
}

noreturn void early_stop_mode(u32 mode)
{
	char msg[200];

	format(msg, sizeof(msg),
	       "bulkhead: error: entered in %s mode (0x%x), not HYP mode. "
	       "Start it in HYP mode (QEMU: -M virt,virtualization=on).\r\n",
	       mode_name(mode), (unsigned)mode);
	early_stop(msg);
}
