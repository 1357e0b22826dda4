/* SPDX-License-Identifier: MIT */
/* Layouts shared between assembly and C. */
#ifndef ASM_DEFS_H
#define ASM_DEFS_H

#include "guest_frame.h" /* FRAME_SIZE */

/* Each core's HYP stack. */
#define STACK_SIZE 0x4000

/* Where the image expects to be: 64 KiB above the start of RAM, where
 * QEMU's -kernel places a raw image (and an ELF linked there). */
#define TEXT_OFFSET 0x10000

/* What the early stop for a wrong load address suggests. */
#define LOAD_HINT                                                              \
	"Load the ELF as it is, or the .bin at RAM base + 0x10000 (QEMU "      \
	"-kernel, U-Boot bootm of a uImage made with its load address).\r\n"

#endif
