# How to boot this platform in QEMU (scripts/run-qemu.sh reads these).
# The ELF is entered in HYP mode (virtualization=on) at its entry point.
QEMU_SYSTEM := qemu-system-arm
QEMU_MACHINE := -M virt,virtualization=on,gic-version=2 -cpu cortex-a15
# One thread, one counter tick per instruction (Kconfig QEMU_ICOUNT).
ifdef CONFIG_QEMU_ICOUNT
QEMU_MACHINE += -icount shift=4,sleep=off
endif
# No NIC: the board would add a virtio one that nothing here uses.
QEMU_MACHINE += -nic none
export QEMU_SYSTEM QEMU_MACHINE
export QEMU_SMP := $(CONFIG_PLATFORM_CPU_COUNT)
export QEMU_MEM := $(shell echo $$(( $(CONFIG_PLATFORM_RAM_SIZE) >> 20 )))M
