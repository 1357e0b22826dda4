/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "fake_guest_state.h"
#include "set_way.h"
#include "vm.h"

struct fake_guest fake_guest;

#define FAKE_CP_REGS 32

static struct fake_cp_reg {
	enum fake_space space;
	u32 reg;
	u64 value;
} cp_regs[FAKE_CP_REGS];
static unsigned cp_reg_count;

void fake_guest_reset(void)
{
	memset(&fake_guest, 0, sizeof(fake_guest));
	cp_reg_count = 0;
}

static struct fake_cp_reg *find(enum fake_space space, u32 reg)
{
	for (unsigned i = 0; i < cp_reg_count; i++)
		if (cp_regs[i].space == space && cp_regs[i].reg == reg)
			return &cp_regs[i];
	return NULL;
}

void fake_cp_set(enum fake_space space, u32 reg, u64 value)
{
	struct fake_cp_reg *r = find(space, reg);

	if (!r && cp_reg_count < FAKE_CP_REGS)
		r = &cp_regs[cp_reg_count++];
	*r = (struct fake_cp_reg){space, reg, value};
}

u64 fake_cp_get(enum fake_space space, u32 reg)
{
	struct fake_cp_reg *r = find(space, reg);

	return r ? r->value : 0;
}

static u64 cp_read(enum fake_space space, u32 reg)
{
	struct fake_cp_reg *r = find(space, reg);

	fake_guest.cp_reads++;
	if (!r)
		fake_guest.unknown_read = true;
	return r ? r->value : 0;
}

static void cp_write(enum fake_space space, u32 reg, u64 value)
{
	fake_guest.cp_writes++;
	fake_cp_set(space, reg, value);
}

u32 guest_pc(void)
{
	return fake_guest.pc;
}
void set_guest_pc(u32 pc)
{
	fake_guest.pc = pc;
}
u32 guest_cpsr(void)
{
	return fake_guest.cpsr;
}
void set_guest_cpsr(u32 cpsr)
{
	fake_guest.cpsr = cpsr;
	fake_guest.cpsr_writes++;
}
u32 banked_read(enum banked_reg r)
{
	return fake_guest.banked[r];
}
void banked_write(enum banked_reg r, u32 value)
{
	fake_guest.banked[r] = value;
}
u32 cp15_read(u32 reg)
{
	return (u32)cp_read(FAKE_CP15, reg);
}
void cp15_write(u32 reg, u32 value)
{
	cp_write(FAKE_CP15, reg, value);
}
u64 cp15_read64(u32 reg)
{
	return cp_read(FAKE_CP15, reg);
}
void cp15_write64(u32 reg, u64 value)
{
	cp_write(FAKE_CP15, reg, value);
}
u32 cp14_read(u32 reg)
{
	return (u32)cp_read(FAKE_CP14, reg);
}
void cp14_write(u32 reg, u32 value)
{
	cp_write(FAKE_CP14, reg, value);
}
u32 vfp_id_read(unsigned reg)
{
	return (u32)cp_read(FAKE_VFP, reg);
}
bool cpu_vm_regs_trapped(void)
{
	return fake_guest.vm_regs_trapped;
}
void cpu_trap_vm_regs(bool on)
{
	fake_guest.vm_regs_trapped = on;
}
void vm_clean_dcache(struct vcpu *vcpu)
{
	fake_guest.dcache_cleans++;
}
