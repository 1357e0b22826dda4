/* SPDX-License-Identifier: MIT */
/* Layouts shared between assembly and C. */
#ifndef ASM_DEFS_H
#define ASM_DEFS_H

/* Each core's EL2 stack. */
#define STACK_SIZE 0x4000

/* struct guest_frame: x0..x30 and padding. */
#define FRAME_SIZE (8 * 32)

/* Where the image expects to be: 2 MiB above the start of RAM, as an arm64
 * Image with this text_offset is placed by QEMU and U-Boot's booti. */
#define TEXT_OFFSET 0x200000

/* What the early stop for a wrong load address suggests. */
#define LOAD_HINT                                                              \
	"Load the ELF as it is, or the .bin with booti / QEMU -kernel (they "  \
	"honour the Image header).\r\n"

#endif
