/* SPDX-License-Identifier: MIT */
/* Must be rejected: more VMs than CONFIG_MAX_VMS (at most 64), all 65 on one
 * core. The image is this file's own bytes. */
#include <bulkhead/config.h>

BH_FILE(img, "config.c");

#define STR_(x) #x
#define STR(x)	STR_(x)
#define VM                                                                     \
	{                                                                      \
		.name = "vm" STR(__COUNTER__), BH_CPUS(0),                     \
		BH_MEMORY({.ipa = 0x40000000, .size = 4 * KiB}), .image = {    \
			BH_BLOB(img),                                          \
			0x40000000,                                            \
			0x40000000                                             \
		}                                                              \
	}
#define VM8 VM, VM, VM, VM, VM, VM, VM, VM

const struct bh_config bh_config = {
	BH_VMS(VM8, VM8, VM8, VM8, VM8, VM8, VM8, VM8, VM)};
