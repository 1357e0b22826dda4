// SPDX-License-Identifier: MIT
/*
 * vcpu-reset: a 2-vCPU VM checks that a vCPU restarted by CPU_OFF/CPU_ON
 * or by SYSTEM_RESET finds every register in reset state
 * (tests/guests/vcpu_reset.c). It owns the PL061 GPIO to tell its boot
 * after the reset.
 */
#include <bulkhead/config.h>

BH_FILE(vcpu_reset_img, "vcpu_reset.bin");

const struct bh_config bh_config = {
	BH_VMS({
		.name = "reset",
		BH_CPUS(0, 1),
		BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
		BH_DEVICES({.name = "gpio",
			    .pa = 0x09030000,
			    .ipa = 0x09030000,
			    .size = 0x1000}),
		.image = {.file = BH_BLOB(vcpu_reset_img),
			  .load_ipa = 0x40000000,
			  .entry = 0x40000000},
	}),
};
