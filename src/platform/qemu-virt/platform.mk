# How to boot this platform in QEMU (scripts/run-qemu.sh reads these).
# The image is entered at EL2, or in HYP mode (virtualization=on).
# QEMU_CPU=<model> on make's command line picks another core (make test
# runs ARMv7 on a cortex-a7 too).
ifdef CONFIG_ARCH_ARMV7
QEMU_SYSTEM := qemu-system-arm
QEMU_CPU := cortex-a15
# make bench's targets here: within 1.5x of AArch64's figures on the
# variant with the same interrupt path (VGIC_DEACTIVATE_AT_EL2).
export BENCH_REFERENCE := qemu-aarch64-virt-gicv2-mttcg
else
QEMU_SYSTEM := qemu-system-aarch64
QEMU_CPU := cortex-a53
endif
QEMU_MACHINE := -M virt,virtualization=on,gic-version=$(if $(CONFIG_GIC_V2),2,3) -cpu $(QEMU_CPU)
# One thread, one counter tick per instruction (Kconfig QEMU_ICOUNT).
ifdef CONFIG_QEMU_ICOUNT
QEMU_MACHINE += -icount shift=4,sleep=off
endif
# No NIC: the board would add a virtio one (whose option ROM is another
# package) that nothing here uses.
QEMU_MACHINE += -nic none
export QEMU_SYSTEM QEMU_MACHINE
export QEMU_SMP := $(CONFIG_PLATFORM_CPU_COUNT)
export QEMU_MEM := $(shell echo $$(( $(CONFIG_PLATFORM_RAM_SIZE) >> 20 )))M
