# AArch64 guests (EL1), for tests/guests/guests.mk.
CROSS_COMPILE ?= aarch64-linux-gnu-
GUEST_ARCH_CFLAGS := -mstrict-align
GUEST_ARCH_LIBS :=
GUEST_ARCH_SKIP :=
GUEST_ARCH_SRCS := crt0.S
