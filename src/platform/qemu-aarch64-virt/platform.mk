# How to boot this platform in QEMU (scripts/run-qemu.sh reads these).
QEMU_SYSTEM := qemu-system-aarch64
QEMU_MACHINE := -M virt,virtualization=on,gic-version=$(if $(CONFIG_GIC_V2),2,3) -cpu cortex-a53
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
