/* SPDX-License-Identifier: MIT */
/* QEMU `virt` (AArch64 with GICv3 or GICv2, ARMv7-A with GICv2), as QEMU
 * 7.2 lays it out. */
#include "platform.h"

static const u64 cpu_mpidr[] = {0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7};

/*
 * Devices VMs may own. The GIC (0x08000000-0x08ffffff) and the PL011 at
 * 0x09000000 (the hypervisor's console, SPI 1) are not in this list.
 */
static const struct mmio_range dev_space[] = {
	{"platform devices (RTC, GPIO, fw_cfg...)", 0x09010000, 0x00ff0000},
	{"virtio-mmio", 0x0a000000, 0x00004000},
};

/* fw_cfg's DMA interface and virtio's rings take any physical address,
 * and no SMMU sits in front of them (QEMU's virt has none by default). */
static const struct mmio_range bus_masters[] = {
	{"fw_cfg (its DMA interface)", 0x09020000, 0x00001000},
	{"the virtio-mmio transports (virtio devices DMA)", 0x0a000000,
	 0x00004000},
};

const struct platform platform = {
	.name = CONFIG_PLATFORM,
	.ram_base = CONFIG_PLATFORM_RAM_BASE,
	.ram_size = CONFIG_PLATFORM_RAM_SIZE,
	.cpu_count = CONFIG_PLATFORM_CPU_COUNT,
	.cpu_mpidr = cpu_mpidr,
	.dev_space = dev_space,
	.dev_space_count = ARRAY_SIZE(dev_space),
	.bus_masters = bus_masters,
	.bus_master_count = ARRAY_SIZE(bus_masters),
	.uart_base = 0x09000000,
	.uart_irq = 33, /* SPI 1 */
#ifdef CONFIG_GIC_V2
	.gic_version = 2,
	.gicc_base = 0x08010000,
	.gich_base = 0x08030000,
	.gicv_base = 0x08040000,
#else
	.gic_version = 3,
	.gicr_base = 0x080a0000,
#endif
	.gicd_base = 0x08000000,
#ifdef CONFIG_ARCH_ARMV7
	.dt_cpu_compatible = "arm,cortex-a15",
	.dt_timer_compatible = "arm,armv7-timer",
#else
	.dt_cpu_compatible = "arm,armv8",
	.dt_timer_compatible = "arm,armv8-timer",
#endif
};
