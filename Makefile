# Bulkhead: a static-partitioning hypervisor for Arm. `make help` lists targets.
#
# Two inputs pick what is built:
#   KCONFIG  hypervisor options (Kconfig; `make menuconfig`), default .config
#   CONFIG   system configuration: configs/$(CONFIG)/config.c, or a directory
#            holding a config.c (e.g. CONFIG=tests/configs/two-vms)
# The image lands in build/<platform>/<config>/bulkhead.{elf,bin}.

SHELL := /bin/bash
.DEFAULT_GOAL := all
.DELETE_ON_ERROR:

KCONFIG ?= .config
CONFIG ?= demo
BUILD ?= build
DEFAULT_PLATFORM := qemu-aarch64-virt
HOSTCC ?= gcc
Q := $(if $(V),,@)

# Goals that work without a hypervisor configuration.
NOCONFIG_GOALS := help deps clean distclean menuconfig savedefconfig test fresh-check format guest-images %_defconfig
ifneq ($(filter-out $(NOCONFIG_GOALS),$(or $(MAKECMDGOALS),all)),)
NEED_KCONFIG := 1
endif
ifneq ($(filter %_defconfig,$(MAKECMDGOALS)),)
NEED_KCONFIG :=
endif

# ---------------------------------------------------------------- Kconfig ---
KCONF_ENV = KCONFIG_CONFIG=$(KCONFIG)

ifdef NEED_KCONFIG
include $(KCONFIG)
endif
PLATFORM := $(patsubst "%",%,$(CONFIG_PLATFORM))
ARCH := $(patsubst "%",%,$(CONFIG_ARCH))
PLATFORM_DIR := src/platform/$(patsubst "%",%,$(CONFIG_PLATFORM_DIR))

# What the build needs is installed before anything runs a tool: on a bare
# machine the first thing make does is to create $(KCONFIG).
INSTALL_DEPS = CROSS_COMPILE=$(CROSS_COMPILE) scripts/install-deps.sh

$(KCONFIG):
	$(Q)$(INSTALL_DEPS)
	@echo "No $(KCONFIG) yet: using $(DEFAULT_PLATFORM)_defconfig (change it with 'make menuconfig')."
	@mkdir -p $(dir $(KCONFIG))
	$(Q)$(KCONF_ENV) kconfig-conf -s --defconfig=$(call defconfig_of,$(DEFAULT_PLATFORM)) Kconfig

# Platforms and their variants: src/platform/<dir>/<name>.defconfig.
defconfig_of = $(firstword $(wildcard src/platform/*/$(1).defconfig))
PLATFORM_NAMES := $(basename $(notdir $(wildcard src/platform/*/*.defconfig)))

%_defconfig:
	@test -n "$(call defconfig_of,$*)" || { echo "error: no platform '$*' (there are: $(PLATFORM_NAMES))"; exit 1; }
	$(Q)$(INSTALL_DEPS)
	@mkdir -p $(dir $(KCONFIG))
	$(Q)$(KCONF_ENV) kconfig-conf -s --defconfig=$(call defconfig_of,$*) Kconfig
	@echo "$(KCONFIG): defaults for $*"

menuconfig: | deps
	$(Q)$(KCONF_ENV) kconfig-mconf Kconfig

savedefconfig:
	$(Q)$(KCONF_ENV) kconfig-conf --savedefconfig=defconfig Kconfig

KOUT := $(BUILD)/$(PLATFORM)
AUTOCONF := $(KOUT)/autoconf.h

$(AUTOCONF): $(KCONFIG) Kconfig $(wildcard src/platform/*/Kconfig src/platform/*.Kconfig)
	@mkdir -p $(@D)
	$(Q)$(KCONF_ENV) kconfig-conf -s --olddefconfig Kconfig
	$(Q)scripts/kconfig-header.sh $(KCONFIG) > $@

# ------------------------------------------------------ system config (C) ---
CONFIG_DIR := $(patsubst %/,%,$(if $(wildcard configs/$(CONFIG)/config.c),configs/$(CONFIG),$(CONFIG)))
CONFIG_NAME := $(notdir $(CONFIG_DIR))
OUT := $(KOUT)/$(CONFIG_NAME)
GUEST_DIR := $(BUILD)/guests/$(ARCH)

ifdef NEED_KCONFIG
ifeq ($(wildcard $(CONFIG_DIR)/config.c),)
$(error no system configuration '$(CONFIG)': expected configs/$(CONFIG)/config.c or $(CONFIG)/config.c)
endif
endif

# ------------------------------------------------------------- toolchain ---
ifdef NEED_KCONFIG
-include src/arch/$(ARCH)/arch.mk
-include $(PLATFORM_DIR)/platform.mk
endif
CC := $(CROSS_COMPILE)gcc
LD := $(CROSS_COMPILE)ld
# The image is one RWX segment on purpose: it is loaded as a whole.
LDFLAGS := $(shell $(LD) --help 2>/dev/null | grep -q no-warn-rwx-segments && echo --no-warn-rwx-segments)
OBJCOPY := $(CROSS_COMPILE)objcopy

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wno-unused-parameter
# Whole-program optimisation: the exit paths cross many small functions.
# (The config is compiled without it: its incbin paths are resolved then;
# and lib.c, whose memset/memcpy the compiler itself calls after LTO, and
# the arch's ARCH_NO_LTO_SRCS, called from its ARCH_LIBS.)
LTO := -flto
# The link runs LTO's partitions in parallel (as many as make's jobs or
# the cores): the same code as serially, without lto-wrapper's warning.
LTO_LINK := -flto=auto
comma := ,
COMMON_CFLAGS := -std=gnu11 -O2 -g $(WARN) -ffreestanding -fno-common \
	-fno-stack-protector -fomit-frame-pointer -fno-pic -fno-tree-loop-distribute-patterns -MMD -MP \
	-include $(AUTOCONF)
CORE_INC := -Isrc/core/include
# src/arch/arm/: what AArch32 and AArch64 Arm share; its headers come
# after the arch's own.
ARCH_INC := $(CORE_INC) -Isrc/arch/$(ARCH)/include -Isrc/arch/arm/include

# Core sees only core headers; arch and platform code also see the arch's.
# One GIC driver per build: the platform's.
OTHER_GIC_SRCS := $(if $(CONFIG_GIC_V2),src/arch/$(ARCH)/gicv3.c,src/arch/arm/gicv2.c)
CORE_SRCS := $(filter-out $(OTHER_GIC_SRCS),$(wildcard src/core/*.c src/core/*/*.c))
ARCH_SRCS := $(filter-out $(OTHER_GIC_SRCS),$(wildcard src/arch/$(ARCH)/*.c src/arch/$(ARCH)/*.S \
	src/arch/arm/*.c src/arch/arm/*.S))
PLAT_SRCS := $(wildcard $(PLATFORM_DIR)/*.c)
HYP_OBJ := $(KOUT)/obj
HYP_OBJS := $(patsubst src/%,$(HYP_OBJ)/%.o,$(CORE_SRCS) $(ARCH_SRCS) $(PLAT_SRCS))
$(patsubst src/%,$(HYP_OBJ)/%.o,src/core/lib/lib.c $(ARCH_NO_LTO_SRCS)): LTO :=

$(HYP_OBJ)/core/%.c.o: src/core/%.c $(AUTOCONF)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(COMMON_CFLAGS) $(LTO) $(ARCH_CFLAGS) $(CORE_INC) -c $< -o $@

$(HYP_OBJ)/%.c.o: src/%.c $(AUTOCONF)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(COMMON_CFLAGS) $(LTO) $(ARCH_CFLAGS) $(ARCH_INC) -c $< -o $@

$(HYP_OBJ)/%.S.o: src/%.S $(AUTOCONF)
	@mkdir -p $(@D)
	@echo "  AS      $<"
	$(Q)$(CC) $(COMMON_CFLAGS) $(ARCH_CFLAGS) $(ARCH_INC) -D__ASSEMBLY__ -c $< -o $@

# ----------------------------------------------------------- test guests ---
include tests/guests/guests.mk
# Benchmarks (make bench), apart from the tests.
-include bench/bench.mk
# libFuzzer target for the vGIC (make fuzz, make fuzz-smoke).
-include tests/fuzz/fuzz.mk
-include scripts/guest-images.mk

# ------------------------------------------------------------ the config ---
# The config and the guest files it pulls in with BH_FILE(). incbin paths
# are searched in the config's directory, then among the built guests.
# Device trees in the config's directory are compiled next to the image.
CONFIG_DTBS := $(patsubst $(CONFIG_DIR)/%.dts,$(OUT)/%.dtb,$(wildcard $(CONFIG_DIR)/*.dts))
CONFIG_INC := -Wa,-I$(CONFIG_DIR) -Wa,-I$(OUT) -Wa,-I$(GUEST_DIR) -Wa,-I$(BUILD)/guests
# Files a config names as linux/<file> (Debian's kernel and the initramfs
# for the build's architecture: scripts/guest-images.mk) are made before it
# is compiled.
LINUX_GUEST_FILES := $(addprefix $(GUEST_DIR)/,$(sort $(shell grep -oE \
	'"linux/(kernel|initramfs\.cpio\.gz)"' $(CONFIG_DIR)/config.c 2>/dev/null | tr -d '"')))
CONFIG_DEPS := $(CONFIG_DIR)/config.c $(filter-out $(CONFIG_DIR)/config.c,$(wildcard $(CONFIG_DIR)/*)) \
	$(GUESTS) $(CONFIG_DTBS) $(LINUX_GUEST_FILES) $(AUTOCONF)

$(OUT)/%.dtb: $(CONFIG_DIR)/%.dts
	@mkdir -p $(@D)
	@echo "  DTC     $<"
	$(Q)dtc -q -I dts -O dtb -o $@ $<

$(OUT)/config.o: $(CONFIG_DEPS) $(OUT)/config.checked
	@echo "  CC      $(CONFIG_DIR)/config.c"
	$(Q)$(CC) $(COMMON_CFLAGS) $(ARCH_CFLAGS) $(CORE_INC) $(CONFIG_INC) -c $< -o $@

# The checker: the same config.c built for the host with the checker logic
# and the platform's data. A rejected config stops the build here.
CHECKER_DIR := scripts/config-checker
CHECKER_SRCS := $(wildcard $(CHECKER_DIR)/*.c) src/core/vm/layout.c \
	src/core/vm/boot_plan.c $(PLATFORM_DIR)/platform.c
$(OUT)/checker: $(CONFIG_DEPS) $(CHECKER_SRCS) $(wildcard src/core/include/*.h $(CHECKER_DIR)/*.h)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) -std=gnu11 -O1 -g $(WARN) -include $(AUTOCONF) $(ARCH_INC) -I$(CHECKER_DIR) $(CONFIG_INC) \
		$(CONFIG_DIR)/config.c $(CHECKER_SRCS) -o $@

# It also writes the device tree sources of the config's Linux VMs into
# $(DT_DIR), with dtbs.S, which carries them compiled into the image, and
# hyp_mem.ld: where the RAM reserved for the hypervisor ends (the link
# checks the image fits).
DT_DIR := $(OUT)/dt
$(OUT)/config.checked: $(OUT)/checker
	@echo "  CHECK   $(CONFIG_DIR)/config.c"
	$(Q)rm -rf $(DT_DIR) && mkdir -p $(DT_DIR)
	$(Q)$< $(CONFIG_NAME) $(DT_DIR) > $@.tmp || { cat $@.tmp; rm -f $@.tmp; \
		echo "error: configuration '$(CONFIG_DIR)' rejected (see above)"; exit 1; }
	$(Q)cat $@.tmp; mv $@.tmp $@

# Each generated tree must compile without a warning.
$(OUT)/dtbs.o: $(OUT)/config.checked
	$(Q)for dts in $(DT_DIR)/*.dts; do \
		[[ -e $$dts ]] || continue; \
		echo "  DTC     $$dts"; \
		dtc -I dts -O dtb -o "$${dts%.dts}.dtb" "$$dts" 2>"$$dts.log" && \
			[[ ! -s $$dts.log ]] || { cat "$$dts.log"; \
			echo "error: the device tree generated for $$dts does not compile cleanly"; exit 1; }; \
	done
	$(Q)$(CC) $(ARCH_CFLAGS) -Wa,-I$(DT_DIR) -c $(DT_DIR)/dtbs.S -o $@

# --------------------------------------------------------------- linking ---
$(OUT)/linker.ld: src/arch/arm/image.lds $(AUTOCONF)
	@mkdir -p $(@D)
	$(Q)$(CC) -E -P -x c -D__ASSEMBLY__ -include $(AUTOCONF) $(ARCH_INC) $< -o $@

# The config is checked first, so a bad one fails before anything compiles.
# Warnings are errors at the link too: LTO finds some only there.
$(OUT)/bulkhead.elf: $(OUT)/config.checked $(HYP_OBJS) $(OUT)/config.o $(OUT)/dtbs.o $(OUT)/linker.ld
	@echo "  LD      $@"
	$(Q)$(CC) $(LTO_LINK) -O2 -Wall -Werror $(ARCH_CFLAGS) -nostdlib -static -Wl,--build-id=none \
		-Wl,-L,$(DT_DIR) -Wl,-T,$(OUT)/linker.ld \
		$(addprefix -Wl$(comma),$(LDFLAGS)) $(HYP_OBJS) $(OUT)/config.o $(OUT)/dtbs.o $(ARCH_LIBS) -o $@

$(OUT)/bulkhead.bin: $(OUT)/bulkhead.elf
	$(Q)$(OBJCOPY) -O binary $< $@
	@echo "  IMAGE   $@ ($$(stat -c %s $@) bytes)"

# --------------------------------------------------------------- targets ---
.PHONY: all run boot-test console-test deps test fresh-check format clean distclean help menuconfig savedefconfig host-tests host-tests-core host-tests-armv7 coverage

all: $(OUT)/bulkhead.bin

deps:
	$(Q)$(INSTALL_DEPS)

# make run BOOT=uboot boots through U-Boot (docs/uboot.md), from the FIT or,
# with UBOOT_FORMAT=uimage, from the legacy uImage.
UBOOT_FORMAT ?= fit
UBOOT_EXT_fit := itb
UBOOT_EXT_uimage := uimg
UBOOT_IMAGE = $(OUT)/bulkhead.$(or $(UBOOT_EXT_$(UBOOT_FORMAT)),$(error UBOOT_FORMAT must be fit or uimage))
run: deps all $(if $(filter uboot,$(BOOT)),uboot-images)
	$(Q)$(if $(filter uboot,$(BOOT)),scripts/run-uboot.sh $(UBOOT_IMAGE),scripts/run-qemu.sh $(OUT)/bulkhead.bin)

# The image wrapped for U-Boot's bootm: a legacy uImage and a FIT.
.PHONY: uboot-images
uboot-images: $(OUT)/bulkhead.uimg $(OUT)/bulkhead.itb
$(OUT)/%.uimg $(OUT)/%.itb: $(OUT)/%.bin $(OUT)/%.elf scripts/uboot-image.sh
	$(Q)CROSS_COMPILE=$(CROSS_COMPILE) scripts/uboot-image.sh $<

# Boot the config in QEMU and check its log against $(CONFIG_DIR)/expect.
# The run is stopped when its output stalls (BOOT_STALL, tests/boot-test.sh)
# or at this overall limit, in seconds.
BOOT_TIMEOUT ?= 600
# EXPECT: another expect file for the same config (e.g. another CPU's).
EXPECT ?= $(CONFIG_DIR)/expect
boot-test: all
	$(Q)tests/boot-test.sh $(OUT)/bulkhead.bin $(EXPECT) $(BOOT_TIMEOUT)

# An interactive test: make run, driven by a script of steps on its
# console (STEPS, default $(CONFIG_DIR)/steps; BOOT=uboot works too).
STEPS ?= $(CONFIG_DIR)/steps
console-test: all $(if $(filter uboot,$(BOOT)),uboot-images)
	$(Q)tests/console-test.sh $(STEPS) $(OUT)/console-test.log \
		$(MAKE) -s --no-print-directory run

test: deps
	$(Q)scripts/run-tests.sh

# What CI runs: make test in a brand-new Debian 12 root (needs root).
fresh-check:
	$(Q)ci/fresh-debian.sh "make test"

format:
	$(Q)ci/check-format.sh --fix

# Host unit tests: arch-neutral logic against tests/host/fake_arch.c.
HOST_TEST_DIR := $(BUILD)/host-tests
HOST_TEST_SRCS := $(wildcard tests/host/*.c) $(addprefix $(CHECKER_DIR)/,config_check.c dts.c) \
	$(addprefix src/core/vm/,layout.c boot_plan.c psci.c smccc.c guest_console.c vm.c vcpu.c exit_stats.c restart_backoff.c) \
	$(addprefix src/core/mm/,pagetable.c page_pool.c) \
	$(addprefix src/core/lib/,ratelimit.c format.c log.c) \
	src/core/console/console.c src/core/console/input.c \
	$(addprefix src/core/interrupts/,vgic.c vgic_mmio.c irq.c) \
	src/core/devices/vuart.c src/core/devices/mmio.c \
	src/arch/arm/pte.c src/arch/arm/id_regs.c src/arch/$(ARCH)/sysreg_trap.c src/arch/$(ARCH)/exception_entry.c \
	src/arch/arm/set_way.c src/arch/$(ARCH)/vm_registers.c \
	$(PLATFORM_DIR)/platform.c
HOST_TEST_HDRS := $(wildcard src/core/include/*.h $(CHECKER_DIR)/*.h tests/host/*.h)
HOST_TEST_CFLAGS = -std=gnu11 -g $(WARN) -Wno-missing-prototypes -fsanitize=address,undefined \
	-fno-sanitize-recover -include $(AUTOCONF) $(ARCH_INC) -I$(CHECKER_DIR) -Itests/host -DHOST_TEST
host-tests: host-tests-core host-tests-armv7
host-tests-core: $(HOST_TEST_DIR)/run-host-tests
	$(Q)$<
$(HOST_TEST_DIR)/run-host-tests: $(HOST_TEST_SRCS) $(AUTOCONF) $(HOST_TEST_HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) -O1 $(HOST_TEST_CFLAGS) $(HOST_TEST_SRCS) -o $@

# The ARMv7 trap decoding (conditions, IT state, banked registers,
# injected exceptions, coprocessor traps, set/way), on whatever platform
# is configured: its own binary, with armv7's headers and the fakes of
# tests/host/armv7/ for the registers it reaches.
HOST_V7_SRCS := tests/host/main.c $(wildcard tests/host/armv7/*.c) \
	$(addprefix src/arch/arm/,id_regs.c set_way.c) \
	$(addprefix src/arch/armv7/,insn.c exception_entry.c sysreg_trap.c ptimer.c)
HOST_V7_HDRS := $(wildcard src/core/include/*.h src/arch/armv7/include/*.h src/arch/arm/include/*.h \
	tests/host/*.h tests/host/armv7/*.h)
HOST_V7_CFLAGS = $(subst -Isrc/arch/$(ARCH)/include,-Isrc/arch/armv7/include,$(HOST_TEST_CFLAGS)) \
	-Itests/host/armv7
host-tests-armv7: $(HOST_TEST_DIR)/run-host-tests-armv7
	$(Q)$<
$(HOST_TEST_DIR)/run-host-tests-armv7: $(HOST_V7_SRCS) $(AUTOCONF) $(HOST_V7_HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) -O1 $(HOST_V7_CFLAGS) $(HOST_V7_SRCS) -o $@

# The host tests built with gcov's counters (one object per source, so
# each has its own .gcno), run from zero, and the line coverage of the
# src/core files they build (scripts/coverage.sh). -O0: lines stay lines.
COV_DIR := $(BUILD)/coverage
COV_OBJS := $(patsubst %.c,$(COV_DIR)/%.o,$(HOST_TEST_SRCS))
$(COV_DIR)/%.o: %.c $(AUTOCONF) $(HOST_TEST_HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) -O0 --coverage $(HOST_TEST_CFLAGS) -c $< -o $@
$(COV_DIR)/run-host-tests: $(COV_OBJS)
	$(Q)$(HOSTCC) --coverage -fsanitize=address,undefined $^ -o $@
coverage: $(COV_DIR)/run-host-tests
	$(Q)find $(COV_DIR) -name '*.gcda' -delete
	$(Q)$<
	$(Q)scripts/coverage.sh $(COV_DIR) $(filter src/core/%,$(HOST_TEST_SRCS))

# The download cache (Debian's guest kernels and busybox) survives a clean.
clean:
	rm -rf $(filter-out $(BUILD)/downloads,$(wildcard $(BUILD)/* $(BUILD)/.[!.]*))

distclean:
	rm -rf $(BUILD)

help:
	@echo "make [CONFIG=<name>]      build build/<platform>/<name>/bulkhead.bin (default: demo)"
	@echo "make run [CONFIG=<name>]  install what is missing, build, boot in QEMU (Ctrl-A X quits)"
	@echo "make run BOOT=uboot       the same through U-Boot (UBOOT_FORMAT=fit|uimage; docs/uboot.md)"
	@echo "make uboot-images         bulkhead.uimg and bulkhead.itb next to the image, for U-Boot's bootm"
	@echo "make guest-images         Debian's arm64 kernel and busybox, an initramfs (GUEST_ARCH=armhf)"
	@echo "make test                 install what is missing, run every test"
	@echo "make menuconfig           hypervisor options (writes $(KCONFIG))"
	@echo "make <platform>_defconfig default options for a platform (src/platform/)"
	@echo "make fresh-check          make test in a brand-new Debian 12 root, as CI does (root)"
	@echo "make host-tests           host unit tests only"
	@echo "make coverage             host unit tests under gcov: line coverage of src/core"
	@echo "make format               reformat sources with clang-format"
	@echo "make clean / distclean    remove build/ but keep its downloads / remove all of build/"
	@echo "make bench                instruction counts under QEMU -icount, with a native baseline"
	@echo "make bench-linux          Debian's Linux booted in a VM and natively, under -icount"
	@echo "make bench-linux-traps    an idle and a busy Linux guest's exits per second, by cause"
	@echo "make fuzz / fuzz-smoke    fuzz the vGIC (clang, libFuzzer): 600 s / ~25 s"
	@echo "Variables: CROSS_COMPILE=<prefix> KCONFIG=<file> BUILD=<dir> V=1"

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
