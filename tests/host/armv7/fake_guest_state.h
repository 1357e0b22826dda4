/* SPDX-License-Identifier: MIT */
/*
 * The guest state ARMv7 trap handlers reach through guest_state.h, faked
 * for host tests: ELR_hyp/SPSR_hyp, the banked registers, and coprocessor
 * registers kept by encoding. Reading a coprocessor register no test set
 * is a failure: the handlers must touch only what they should. Also what
 * the set/way emulation reaches beyond them: HCR.TVM's switch
 * (set_way.h) and the VM's clean (vm_clean_dcache).
 */
#ifndef FAKE_GUEST_STATE_H
#define FAKE_GUEST_STATE_H

#include "guest_state.h"

/* Which register file a coprocessor register is in. */
enum fake_space { FAKE_CP15, FAKE_CP14, FAKE_VFP };

struct fake_guest {
	u32 pc, cpsr;
	unsigned cpsr_writes; /* set_guest_cpsr() calls */
	u32 banked[BANKED_COUNT];
	unsigned cp_writes;	/* coprocessor register writes */
	unsigned cp_reads;	/* and reads */
	bool unknown_read;	/* of a register no test set */
	bool vm_regs_trapped;	/* HCR.TVM */
	unsigned dcache_cleans; /* vm_clean_dcache() calls */
};

extern struct fake_guest fake_guest;

void fake_guest_reset(void);
void fake_cp_set(enum fake_space space, u32 reg, u64 value);
u64 fake_cp_get(enum fake_space space, u32 reg);

#endif
