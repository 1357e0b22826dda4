# AArch64 at EL2. CROSS_COMPILE may be overridden, e.g. aarch64-none-elf-.
CROSS_COMPILE ?= aarch64-linux-gnu-
ARCH_CFLAGS := -march=armv8-a -mgeneral-regs-only -mstrict-align -mno-outline-atomics
# Linux guests: Debian's arm64 kernel (an Image) and busybox.
LINUX_GUEST_ARCH := arm64
