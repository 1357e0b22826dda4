/* SPDX-License-Identifier: MIT */
/*
 * irq_hostile.c's AArch64 part: stage 1 on and off, loads and stores of
 * each size, and the accesses whose data abort carries no syndrome (LDP,
 * STP, writeback). Included by irq_hostile.c after struct
 * no_syndrome_access.
 */
#ifndef IRQ_HOSTILE_ARCH_H
#define IRQ_HOSTILE_ARCH_H

#define TCR_T0SZ_39 25
#define TCR_EPD1    (1ul << 23)
#define SCTLR_M	    1ul

/* VMSAv8-64 from level 1 (39-bit VAs): MAIR_EL1 attribute 0 is attr0. */
static void stage1_on(const uint64_t *l1_table, uint8_t attr0)
{
	write_sysreg(mair_el1, attr0);
	write_sysreg(tcr_el1, TCR_T0SZ_39 | TCR_EPD1);
	write_sysreg(ttbr0_el1, (uintptr_t)l1_table);
	__asm__ volatile("dsb sy\n\ttlbi vmalle1\n\tdsb sy" ::: "memory");
	isb();
	write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | SCTLR_M);
	isb();
}

static void stage1_off(void)
{
	write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) & ~SCTLR_M);
	isb();
}

/* One load or store of `width` bytes: LDR/STR of a W register, of an X
 * register for 8. */
static uint64_t odd_access(uintptr_t addr, unsigned int width, bool write)
{
	uint64_t v = write ? ~0ul : 0;

	if (width == 1 && write)
		__asm__ volatile("strb %w0, [%1]" ::"r"(v), "r"(addr)
				 : "memory");
	else if (width == 1)
		__asm__ volatile("ldrb %w0, [%1]"
				 : "+r"(v)
				 : "r"(addr)
				 : "memory");
	else if (width == 2 && write)
		__asm__ volatile("strh %w0, [%1]" ::"r"(v), "r"(addr)
				 : "memory");
	else if (width == 2)
		__asm__ volatile("ldrh %w0, [%1]"
				 : "+r"(v)
				 : "r"(addr)
				 : "memory");
	else if (width == 4 && write)
		__asm__ volatile("str %w0, [%1]" ::"r"(v), "r"(addr)
				 : "memory");
	else if (width == 4)
		__asm__ volatile("ldr %w0, [%1]"
				 : "+r"(v)
				 : "r"(addr)
				 : "memory");
	else
		__asm__ volatile("ldr %0, [%1]"
				 : "+r"(v)
				 : "r"(addr)
				 : "memory");
	return v;
}

static void load_pair(uintptr_t addr)
{
	uint64_t a = 0, b = 0;

	__asm__ volatile("ldp %w0, %w1, [%2]"
			 : "+r"(a), "+r"(b)
			 : "r"(addr)
			 : "memory");
}

static void store_pair(uintptr_t addr)
{
	__asm__ volatile("stp %w0, %w0, [%1]" ::"r"(~0ul), "r"(addr)
			 : "memory");
}

static void load_post_index(uintptr_t addr)
{
	uint64_t v = 0;

	__asm__ volatile("ldr %w0, [%1], #4" : "+r"(v), "+r"(addr)::"memory");
}

static void store_pre_index(uintptr_t addr)
{
	__asm__ volatile("str %w1, [%0, #4]!"
			 : "+r"(addr)
			 : "r"(~0ul)
			 : "memory");
}

static const struct no_syndrome_access no_syndrome_accesses[] = {
	{"ldp", load_pair},
	{"stp", store_pair},
	{"post-indexed ldr", load_post_index},
	{"pre-indexed str", store_pre_index},
};

#endif
