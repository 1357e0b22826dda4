# ARMv7-A with the virtualization extensions, in HYP mode. CROSS_COMPILE
# may be overridden. armv7ve: hvc, eret, banked MRS/MSR, LPAE's MCRR and
# LDREXD assemble; ARM state (HYP's vectors are ARM: HSCTLR.TE = 0), not
# Debian's default Thumb; no unaligned accesses (C runs with the MMU off
# first). Hard-float only because Debian's libgcc is: -mgeneral-regs-only
# keeps every VFP register out of the hypervisor. --noexecstack: the
# assembled objects (dtbs.S too) say they need no executable stack.
CROSS_COMPILE ?= arm-linux-gnueabihf-
ARCH_CFLAGS := -march=armv7ve+fp -marm -mfloat-abi=hard -mgeneral-regs-only -mno-unaligned-access \
	-Wa,--noexecstack
# libgcc: 64-bit division (__aeabi_uldivmod) and __ctzdi2, no VFP code.
ARCH_LIBS := $(shell $(CROSS_COMPILE)gcc $(ARCH_CFLAGS) -print-libgcc-file-name)
# Its __aeabi_ldiv0 (aeabi.c) is called from libgcc only, which LTO
# cannot see: built without LTO, it is not dropped.
ARCH_NO_LTO_SRCS := src/arch/armv7/aeabi.c
# Linux guests: Debian's armhf LPAE kernel (a zImage) and busybox.
LINUX_GUEST_ARCH := armhf
