// SPDX-License-Identifier: MIT
/*
 * irq-hostile: "hostile" (core 0) writes garbage over its GIC registers
 * and makes accesses the emulation cannot decode; it owns SPI 8 (INTID 40,
 * no device behind it on QEMU virt) so its garbage also reaches an
 * interrupt it really has. "victim" (core 1) keeps its 1 kHz timer ticking.
 */
#include <bulkhead/config.h>

BH_FILE(hostile_img, "irq_hostile.bin");
BH_FILE(victim_img, "irq_victim.bin");

const struct bh_config bh_config = {
	BH_VMS(
		{
			.name = "hostile",
			BH_CPUS(0),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			BH_IRQS(40),
			.image = {.file = BH_BLOB(hostile_img),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		},
		{
			.name = "victim",
			BH_CPUS(1),
			BH_MEMORY({.ipa = 0x40000000, .size = 8 * MiB}),
			.image = {.file = BH_BLOB(victim_img),
				  .load_ipa = 0x40000000,
				  .entry = 0x40000000},
		}),
};
