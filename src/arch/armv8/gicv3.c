/* SPDX-License-Identifier: MIT */
/*
 * GICv3, the hypervisor's side only: one SGI (HYP_IPI) that gets a core out
 * of its guest or its idle wait. Guests never see physical interrupts:
 * HCR_EL2.IMO sends them all to EL2.
 */
#include "arch.h"
#include "cpu.h"
#include "log.h"
#include "platform.h"
#include "sysreg.h"

#define HYP_IPI 0 /* the SGI the hypervisor signals its cores with */

#define GICD_CTLR	      0x0000
#define GICD_CTLR_ENABLE_G1NS (1 << 1)
#define GICD_CTLR_ARE_NS      (1 << 4)
#define GICD_CTLR_RWP	      (1u << 31)

#define GICR_FRAME_SIZE		   0x20000
#define GICR_TYPER		   0x0008
#define GICR_TYPER_LAST		   (1 << 4)
#define GICR_WAKER		   0x0014
#define GICR_WAKER_SLEEP	   (1 << 1)
#define GICR_WAKER_CHILDREN_ASLEEP (1 << 2)
#define GICR_SGI		   0x10000 /* SGI/PPI frame */
#define GICR_IGROUPR0		   (GICR_SGI + 0x080)
#define GICR_ISENABLER0		   (GICR_SGI + 0x100)
#define GICR_IPRIORITYR		   (GICR_SGI + 0x400)

#define ICC_SRE_SRE    (1 << 0)
#define ICC_SRE_ENABLE (1 << 3)
#define INTID_SPURIOUS 1020

static volatile u32 *reg32(u64 addr)
{
	return (volatile u32 *)(uintptr_t)addr;
}
static volatile u64 *reg64(u64 addr)
{
	return (volatile u64 *)(uintptr_t)addr;
}

void gic_init_distributor(void)
{
	volatile u32 *ctlr = reg32(platform.gicd_base + GICD_CTLR);

	*ctlr = GICD_CTLR_ARE_NS;
	while (*ctlr & GICD_CTLR_RWP)
		;
	*ctlr = GICD_CTLR_ARE_NS | GICD_CTLR_ENABLE_G1NS;
}

/* GICR_TYPER[63:32] holds the affinity as Aff3.Aff2.Aff1.Aff0. */
static u64 typer_affinity(u64 mpidr)
{
	return ((mpidr >> 8) & 0xff000000) | (mpidr & 0xffffff);
}

static u64 find_redistributor(void)
{
	u64 want = typer_affinity(platform.cpu_mpidr[arch_cpu_id()]);
	u64 rd = platform.gicr_base;

	for (;; rd += GICR_FRAME_SIZE) {
		u64 typer = *reg64(rd + GICR_TYPER);

		if (typer >> 32 == want)
			return rd;
		if (typer & GICR_TYPER_LAST)
			panic("no GIC redistributor for MPIDR 0x%lx",
			      platform.cpu_mpidr[arch_cpu_id()]);
	}
}

void gic_init_cpu(void)
{
	u64 rd = find_redistributor();

	*reg32(rd + GICR_WAKER) &= ~GICR_WAKER_SLEEP;
	while (*reg32(rd + GICR_WAKER) & GICR_WAKER_CHILDREN_ASLEEP)
		;
	*reg32(rd + GICR_IGROUPR0) = ~0u;
	((volatile u8 *)reg32(rd + GICR_IPRIORITYR))[HYP_IPI] = 0x80;
	*reg32(rd + GICR_ISENABLER0) = 1u << HYP_IPI;

	write_sysreg(icc_sre_el2, ICC_SRE_SRE | ICC_SRE_ENABLE);
	isb();
	write_sysreg(icc_pmr_el1, 0xff);
	write_sysreg(icc_igrpen1_el1, 1);
	isb();
}

void arch_ipi_send(unsigned cpu)
{
	u64 mpidr = platform.cpu_mpidr[cpu];
	u64 sgi = ((mpidr >> 32 & 0xff) << 48) | ((mpidr >> 16 & 0xff) << 32) |
		  ((mpidr >> 8 & 0xff) << 16) | ((mpidr & 0xf0) >> 4 << 44) |
		  ((u64)HYP_IPI << 24) | (1u << (mpidr & 0xf));

	/* The state change the IPI announces must be visible first. */
	dsb(ishst);
	write_sysreg(icc_sgi1r_el1, sgi);
	isb();
}

void gic_drain(void)
{
	for (;;) {
		u64 intid = read_sysreg(icc_iar1_el1);

		if (intid >= INTID_SPURIOUS)
			return;
		write_sysreg(icc_eoir1_el1, intid);
		if (intid != HYP_IPI)
			log_warn("unexpected interrupt %lu on CPU %u", intid,
				 arch_cpu_id());
	}
}
