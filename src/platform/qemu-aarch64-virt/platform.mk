# How to boot this platform in QEMU (scripts/run-qemu.sh reads these).
QEMU_SYSTEM := qemu-system-aarch64
QEMU_MACHINE := -M virt,virtualization=on,gic-version=$(if $(CONFIG_GIC_V2),2,3) -cpu cortex-a53
export QEMU_SYSTEM QEMU_MACHINE
export QEMU_SMP := $(CONFIG_PLATFORM_CPU_COUNT)
export QEMU_MEM := $(shell echo $$(( $(CONFIG_PLATFORM_RAM_SIZE) >> 20 )))M
