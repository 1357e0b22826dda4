/* SPDX-License-Identifier: MIT */
/* The hypervisor's stage-1 memory attributes: the slots its descriptors'
 * AttrIndx selects (pte.c) and the register value that fills them,
 * MAIR_EL2 on AArch64 (its low word is HMAIR0 on AArch32). */
#ifndef MAIR_H
#define MAIR_H

/* Slots: Device-nGnRE and Normal write-back read/write-allocate. */
#define MAIR_IDX_DEVICE 0
#define MAIR_IDX_NORMAL 1
#define MAIR_EL2_VALUE                                                         \
	((0x04UL << (8 * MAIR_IDX_DEVICE)) | (0xffUL << (8 * MAIR_IDX_NORMAL)))

#endif
