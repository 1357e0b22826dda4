/* SPDX-License-Identifier: MIT */
/*
 * A board, as data: src/platform/<board>/platform.c defines `platform`.
 * RAM and core count come from the platform's Kconfig options.
 */
#ifndef PLATFORM_H
#define PLATFORM_H

#include "types.h"

struct mmio_range {
	const char *name;
	u64 base;
	u64 size;
};

struct platform {
	const char *name;
	u64 ram_base;
	u64 ram_size;
	unsigned cpu_count;
	/* MPIDR affinity fields (Aff3..Aff0) of core i. */
	const u64 *cpu_mpidr;
	/* Device windows the config may pass through to VMs. */
	const struct mmio_range *dev_space;
	size_t dev_space_count;
	/* Devices in those windows that master the bus (DMA): what they
	 * write bypasses Stage-2. Bulkhead drives no IOMMU yet, so the
	 * config checker gives none of them to a VM. */
	const struct mmio_range *bus_masters;
	size_t bus_master_count;
	/* Devices the hypervisor keeps for itself: the console UART, and its
	 * interrupt (an SPI no VM may have). */
	u64 uart_base;
	u32 uart_irq;
	/* The GIC. VMs see its distributor (and GICv3 redistributors, or
	 * the GICv2 CPU interface) at the same addresses as the hardware. */
	unsigned gic_version; /* 2 or 3 */
	u64 gicd_base;
	u64 gicr_base; /* GICv3 */
	u64 gicc_base; /* GICv2: CPU interface */
	u64 gich_base; /* GICv2: virtual interface control */
	u64 gicv_base; /* GICv2: virtual CPU interface, seen at gicc_base */
	/* What the device trees the build generates for VMs call the cores
	 * and their architected timer (the compatible strings Linux probes
	 * for): "arm,armv8" and "arm,armv8-timer" for ARMv8 cores. */
	const char *dt_cpu_compatible;
	const char *dt_timer_compatible;
};

extern const struct platform platform;

/* The hypervisor's own part of RAM, excluded from every VM, starts here;
 * its size is hyp_mem_size() (layout.h). */
#define HYP_MEM_BASE ((u64)CONFIG_PLATFORM_RAM_BASE)

/* The GICv2 CPU interface registers a guest uses: two 4 KiB pages. */
#define GICV2_CPU_IF_SIZE 0x2000

#endif
