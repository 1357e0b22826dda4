/* SPDX-License-Identifier: MIT */
/*
 * The guest registers the HYP trap entry (vectors.S) saves on the core's
 * HYP stack, shared by the entry code and the C that decodes traps.
 */
#ifndef GUEST_FRAME_H
#define GUEST_FRAME_H

/* sizeof(struct guest_frame), for vectors.S. */
#define FRAME_SIZE 64

#ifndef __ASSEMBLY__
#include "types.h"

/*
 * r0..r12 and r14 as HYP mode sees it. HYP has no LR of its own: its r14
 * is LR_usr, so a guest that trapped from USR or SYS mode still has its LR
 * live in r14, and the entry saves it before any call. A guest's SP and,
 * outside USR/SYS, its LR are banked registers of its mode, read with
 * banked MRS (not in the frame). The padding keeps the frame a multiple of
 * 8 bytes, as the AAPCS wants of the stack; the Hyp Trap entry pushes the
 * guest's r1 and r2 where it will be, before it knows it needs a frame.
 */
struct guest_frame {
	u32 r[13];
	u32 lr_usr;
	u32 pad[2];
};
_Static_assert(sizeof(struct guest_frame) == FRAME_SIZE, "frame layout");
#endif

#endif
