/* SPDX-License-Identifier: MIT */
/*
 * irq_hostile.c's ARMv7 part: stage 1 on and off (LPAE: TTBCR.EAE), loads
 * and stores of each size, and the accesses whose data abort carries no
 * syndrome: on ARMv7 only single loads and stores without writeback have
 * one (Arm ARM B3.13.6), so LDRD, STRD, LDM, STM and writeback forms have
 * none. Included by irq_hostile.c after struct no_syndrome_access.
 */
#ifndef IRQ_HOSTILE_ARCH_H
#define IRQ_HOSTILE_ARCH_H

#define TTBCR_EAE  (1ul << 31)
#define TTBCR_EPD1 (1ul << 23)
#define SCTLR_M	   1ul

/* The long-descriptor format from level 1 (TTBCR.T0SZ = 0: 32-bit VAs,
 * TTBR0 for all of them): MAIR0's attribute 0 is attr0. */
static void stage1_on(const uint64_t *l1_table, uint8_t attr0)
{
	write_sysreg(mair0, attr0);
	write_sysreg(ttbcr, TTBCR_EAE | TTBCR_EPD1);
	write_sysreg(ttbr0, (uintptr_t)l1_table);
	__asm__ volatile("dsb sy\n\t"
			 "mcr p15, 0, %0, c8, c7, 0\n\t" /* TLBIALL */
			 "dsb sy" ::"r"(0)
			 : "memory");
	isb();
	write_sysreg(sctlr, read_sysreg(sctlr) | SCTLR_M);
	isb();
}

/* And back to the short-descriptor format the other tests find. */
static void stage1_off(void)
{
	write_sysreg(sctlr, read_sysreg(sctlr) & ~SCTLR_M);
	isb();
	write_sysreg(ttbcr, 0);
	isb();
}

/* One load or store of `width` bytes: LDRD/STRD for 8, which has no
 * syndrome. */
static uint64_t odd_access(uintptr_t addr, unsigned int width, bool write)
{
	uint32_t v = write ? ~0u : 0;

	if (width == 1 && write)
		__asm__ volatile("strb %0, [%1]" ::"r"(v), "r"(addr)
				 : "memory");
	else if (width == 1)
		__asm__ volatile("ldrb %0, [%1]"
				 : "+r"(v)
				 : "r"(addr)
				 : "memory");
	else if (width == 2 && write)
		__asm__ volatile("strh %0, [%1]" ::"r"(v), "r"(addr)
				 : "memory");
	else if (width == 2)
		__asm__ volatile("ldrh %0, [%1]"
				 : "+r"(v)
				 : "r"(addr)
				 : "memory");
	else if (width == 4 && write)
		__asm__ volatile("str %0, [%1]" ::"r"(v), "r"(addr) : "memory");
	else if (width == 4)
		__asm__ volatile("ldr %0, [%1]"
				 : "+r"(v)
				 : "r"(addr)
				 : "memory");
	else
		return readq(addr);
	return v;
}

static void load_doubleword(uintptr_t addr)
{
	(void)readq(addr);
}

static void store_doubleword(uintptr_t addr)
{
	writeq(addr, ~0ull);
}

static void load_multiple(uintptr_t addr)
{
	__asm__ volatile("ldm %0, {r2, r3}" ::"r"(addr) : "r2", "r3", "memory");
}

static void store_multiple(uintptr_t addr)
{
	__asm__ volatile("mvn r2, #0\n\t"
			 "mov r3, r2\n\t"
			 "stm %0, {r2, r3}" ::"r"(addr)
			 : "r2", "r3", "memory");
}

static void load_post_index(uintptr_t addr)
{
	uint32_t v = 0;

	__asm__ volatile("ldr %0, [%1], #4" : "+r"(v), "+r"(addr)::"memory");
}

static void store_pre_index(uintptr_t addr)
{
	__asm__ volatile("str %1, [%0, #4]!"
			 : "+r"(addr)
			 : "r"(~0u)
			 : "memory");
}

static const struct no_syndrome_access no_syndrome_accesses[] = {
	{"ldrd", load_doubleword},
	{"strd", store_doubleword},
	{"ldm", load_multiple},
	{"stm", store_multiple},
	{"post-indexed ldr", load_post_index},
	{"pre-indexed str", store_pre_index},
};

#endif
