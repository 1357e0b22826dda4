# make bench: the benchmark guest, its Bulkhead configuration and the runs
# (docs/bench.md). Included by the top Makefile, after tests/guests/guests.mk
# (GUEST_SRC, GUEST_CFLAGS, GUEST_LDS). Not part of `make test`.
#
#   make bench           every platform with a defconfig, each built under
#                        $(BENCH_OUT) with its own Kconfig file
#   make bench-profile   the hypervisor's instructions per guest exit, by
#                        function (bench/profile.sh)
#   make bench-linux     Debian's Linux booted in a VM and natively, on the
#                        GICv3 and GICv2 platforms (bench/linux-boot.sh)
#   make bench-platform[-profile]  one platform: what the two above call,
#                        with CONFIG=bench/configs/bench and its KCONFIG
#   make bench-linux-traps  exits per second of an idle and a busy Linux
#                        guest, by cause (bench/linux-traps.sh), on the
#                        platform of $(KCONFIG)
#
# The benchmark guest alone, for either architecture and without a
# platform (bench/native-check.sh does this):
#   make -f tests/guests/guests.mk -f bench/bench.mk ARCH=armv7 \
#	build/guests/armv7/bench/native.elf

BENCH_OUT ?= $(BUILD)/bench
# Platforms and variants: src/platform/<dir>/<name>.defconfig (or <dir>/defconfig).
BENCH_PLATFORMS := $(basename $(notdir $(wildcard src/platform/*/*.defconfig))) \
	$(patsubst src/platform/%/defconfig,%,$(wildcard src/platform/*/defconfig))

# ------------------------------------------------------ benchmark guest ---
# The test guests' runtime without its start-up (bench/guest/<arch>/entry.S
# has its own, which also starts natively at EL2). Only the console differs
# between the Bulkhead image and the native ELF. The measurements
# (bench.c) are shared; start-up, vectors and the timed ops (ops.S) are
# per architecture, as the test guests' (guests.mk's GUEST_ARCH_DIR).
BENCH_SRC := bench/guest
BENCH_ARCH_SRC := $(BENCH_SRC)/$(notdir $(GUEST_ARCH_DIR))
BENCH_GDIR := $(GUEST_DIR)/bench
BENCH_RUNTIME := exception.c format.c gic.c psci_calls.c smccc.c string.c time.c
# The architecture's runtime files but its start-up (ARMv7: aeabi.c).
BENCH_ARCH_RUNTIME := $(filter-out crt0.S,$(GUEST_ARCH_SRCS))
BENCH_OBJS := $(patsubst %,$(BENCH_GDIR)/obj/common/%.o,$(BENCH_RUNTIME)) \
	$(patsubst %,$(BENCH_GDIR)/obj/arch/%.o,$(BENCH_ARCH_RUNTIME)) \
	$(patsubst $(BENCH_SRC)/%,$(BENCH_GDIR)/obj/guest/%.o,$(wildcard $(BENCH_SRC)/*.c $(BENCH_ARCH_SRC)/*.S))
BENCH_CFLAGS = $(GUEST_CFLAGS) -I$(BENCH_SRC)

$(BENCH_GDIR)/obj/common/%.o: $(GUEST_SRC)/common/%
	@mkdir -p $(@D)
	@echo "  CC      $< (bench)"
	$(Q)$(CROSS_COMPILE)gcc $(BENCH_CFLAGS) -c $< -o $@

$(BENCH_GDIR)/obj/arch/%.o: $(GUEST_ARCH_DIR)/%
	@mkdir -p $(@D)
	@echo "  CC      $< (bench)"
	$(Q)$(CROSS_COMPILE)gcc $(BENCH_CFLAGS) -c $< -o $@

$(BENCH_GDIR)/obj/native/%.o: $(GUEST_SRC)/common/%
	@mkdir -p $(@D)
	@echo "  CC      $< (bench, native)"
	$(Q)$(CROSS_COMPILE)gcc $(BENCH_CFLAGS) -DGUEST_NATIVE -c $< -o $@

$(BENCH_GDIR)/obj/guest/%.o: $(BENCH_SRC)/%
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CROSS_COMPILE)gcc $(BENCH_CFLAGS) -c $< -o $@

# bench.elf: console through the hypercall; native.elf: on the PL011.
$(BENCH_GDIR)/bench.elf: $(BENCH_GDIR)/obj/common/console.c.o
$(BENCH_GDIR)/native.elf: $(BENCH_GDIR)/obj/native/console.c.o
$(BENCH_GDIR)/bench.elf $(BENCH_GDIR)/native.elf: $(BENCH_OBJS) $(GUEST_LDS)
	@echo "  LD      $@"
	$(Q)$(CROSS_COMPILE)ld -nostdlib -static -T $(GUEST_LDS) $(filter %.o,$^) $(GUEST_ARCH_LIBS) -o $@

$(BENCH_GDIR)/bench.bin: $(BENCH_GDIR)/bench.elf
	$(Q)$(CROSS_COMPILE)objcopy -O binary $< $@
	@echo "  GUEST   $@ ($$(stat -c %s $@) bytes)"

# The flood beside the benchmark VM (bench/configs/bench-flood): a guest
# on the test guests' runtime, start-up included.
$(BENCH_GDIR)/obj/flood/%.c.o: bench/flood/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CROSS_COMPILE)gcc $(GUEST_CFLAGS) -c $< -o $@
$(eval $(call guest_link,$(BENCH_GDIR)/flood.elf,$(GUEST_COMMON_OBJS) $(BENCH_GDIR)/obj/flood/flood.c.o))

# The bench configurations pull in bench/bench.bin and bench/flood.bin
# (from $(GUEST_DIR)).
ifneq ($(filter bench/configs/bench%,$(CONFIG_DIR)),)
$(OUT)/checker $(OUT)/config.o: $(BENCH_GDIR)/bench.bin $(BENCH_GDIR)/flood.bin
endif

# --------------------------------------------------------------- targets ---
.PHONY: bench bench-profile bench-platform bench-platform-profile \
	bench-linux bench-linux-platform bench-linux-traps

# bench_each,<goal>: make <goal> for every platform, each built under
# $(BENCH_OUT) with its own defconfig and the bench configuration.
define bench_each
	$(Q)for p in $(BENCH_PLATFORMS); do \
		kc=$(BENCH_OUT)/$$p.config; \
		$(MAKE) -s BUILD=$(BENCH_OUT) KCONFIG=$$kc $${p}_defconfig >/dev/null && \
		$(MAKE) -s BUILD=$(BENCH_OUT) KCONFIG=$$kc BENCH_OUT=$(BENCH_OUT) \
			CONFIG=bench/configs/bench $(1) || exit 1; \
	done
endef

bench: deps
	$(call bench_each,bench-platform)

# Per guest exit, the hypervisor's instructions by function (slow-ish).
bench-profile: deps
	$(call bench_each,bench-platform-profile)

# Linux boot time: on the platforms run under -icount (not the MTTCG
# variant), with each configuration (its kernel command line quiet, or
# not); the guest images come from the one download cache.
BENCH_LINUX_PLATFORMS ?= qemu-aarch64-virt qemu-aarch64-virt-gicv2
BENCH_LINUX_CONFIGS ?= linux-boot linux-boot-verbose
bench-linux: deps
	$(Q)for p in $(BENCH_LINUX_PLATFORMS); do \
		kc=$(BENCH_OUT)/$$p.config; \
		$(MAKE) -s BUILD=$(BENCH_OUT) KCONFIG=$$kc $${p}_defconfig >/dev/null || exit 1; \
		for c in $(BENCH_LINUX_CONFIGS); do \
			$(MAKE) -s BUILD=$(BENCH_OUT) KCONFIG=$$kc BENCH_OUT=$(BENCH_OUT) \
				GUEST_DOWNLOADS=$(abspath $(GUEST_DOWNLOADS)) \
				CONFIG=bench/configs/$$c bench-linux-platform || exit 1; \
		done; \
	done

bench-linux-platform: $(OUT)/bulkhead.bin
	$(Q)bench/linux-boot.sh $(PLATFORM) $(CONFIG_NAME) $(OUT)/bulkhead.bin $(DT_DIR)/linux.dtb \
		$(LINUX_GUEST_DIR)/kernel $(LINUX_GUEST_DIR)/initramfs.cpio.gz \
		$(BENCH_OUT)

# console_call is measured a second time beside a flooding VM: the same
# build with the configuration bench/configs/bench-flood.
BENCH_FLOOD_IMAGE := $(KOUT)/bench-flood/bulkhead.bin
bench-platform: $(OUT)/bulkhead.bin $(BENCH_GDIR)/native.elf
	$(Q)$(MAKE) -s CONFIG=bench/configs/bench-flood all
	$(Q)bench/run.sh $(PLATFORM) $(OUT)/bulkhead.bin $(BENCH_GDIR)/native.elf \
		$(BENCH_FLOOD_IMAGE) $(BENCH_OUT)

bench-platform-profile: $(OUT)/bulkhead.bin
	$(Q)bench/profile.sh $(OUT)/bulkhead.elf $(OUT)/bulkhead.bin $(BENCH_OUT)/$(PLATFORM)-profile

# Linux's exits by cause, idle and busy, from the hypervisor's counters
# (Ctrl-\ s), under -icount: bench/configs/linux-traps, built like any
# config for the platform of $(KCONFIG). SPAN=<s> of guest time per window.
LINUX_TRAPS_DIR := bench/configs/linux-traps
bench-linux-traps: deps
	$(Q)$(MAKE) -s CONFIG=$(LINUX_TRAPS_DIR) all
	$(Q)bench/linux-traps.sh $(KOUT)/$(notdir $(LINUX_TRAPS_DIR))/bulkhead.bin
