# ARMv7-A guests (AArch32, SVC mode), for tests/guests/guests.mk.
# armv7ve: the virtualization extensions' ARMv7 (Cortex-A15/A7); ARM, not
# Thumb (Debian's default), so the vectors and crt0.S agree with C.
# libgcc: 64-bit division (__aeabi_uldivmod); hard-float like Debian's.
CROSS_COMPILE ?= arm-linux-gnueabihf-
GUEST_ARCH_CFLAGS := -march=armv7ve+fp -marm -mfloat-abi=hard -mno-unaligned-access
GUEST_ARCH_LIBS := $(shell $(CROSS_COMPILE)gcc $(GUEST_ARCH_CFLAGS) -print-libgcc-file-name)
GUEST_ARCH_SRCS := crt0.S aeabi.c
# Every scenario is ported to ARMv7.
GUEST_ARCH_SKIP :=
