# How to boot this platform in QEMU (scripts/run-qemu.sh reads these).
QEMU_SYSTEM := qemu-system-aarch64
ifdef CONFIG_GIC_V2
# QEMU 7.2's GICv2 model loses physical interrupts a hardware list register
# deactivated when vCPUs run in parallel threads (MTTCG). -icount runs them
# on one thread, deterministically (one counter tick per instruction).
QEMU_MACHINE := -M virt,virtualization=on,gic-version=2 -icount shift=4,sleep=off -cpu cortex-a53
else
QEMU_MACHINE := -M virt,virtualization=on,gic-version=3 -cpu cortex-a53
endif
# No NIC: the board would add a virtio one (whose option ROM is another
# package) that nothing here uses.
QEMU_MACHINE += -nic none
export QEMU_SYSTEM QEMU_MACHINE
export QEMU_SMP := $(CONFIG_PLATFORM_CPU_COUNT)
export QEMU_MEM := $(shell echo $$(( $(CONFIG_PLATFORM_RAM_SIZE) >> 20 )))M
