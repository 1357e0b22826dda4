# Test guests: freestanding programs (AArch64 EL1, or ARMv7 SVC mode), one
# flat binary per scenario, linked at the VM's RAM base. Included by the top
# Makefile, which sets ARCH, GUEST_DIR, CROSS_COMPILE, Q and BUILD; the
# defaults below let this file also run alone, for either architecture:
#   make -f tests/guests/guests.mk build/guests/armv8/hello.bin
#   make -f tests/guests/guests.mk ARCH=armv7     (every scenario, both variants)
#
# $(GUEST_DIR)/native/<scenario>.elf is the same guest with its console on
# the PL011 and no hypercalls, to check start-up and printing without the
# hypervisor (tests/guests/native-check.sh runs some):
#   qemu-system-aarch64 -M virt -cpu cortex-a53 -nographic -m 1G -nic none -kernel X.elf
#   qemu-system-arm -M virt -cpu cortex-a15 -nographic -m 1G -nic none -kernel X.elf

GUEST_SRC := tests/guests
# The top Makefile's ARCH is empty for goals without a configuration.
GUEST_ARCH_DIR := $(GUEST_SRC)/common/$(or $(ARCH),armv8)
# Per architecture: CROSS_COMPILE's default, GUEST_ARCH_CFLAGS,
# GUEST_ARCH_LIBS and GUEST_ARCH_SKIP (scenarios not ported, and why).
include $(GUEST_ARCH_DIR)/guest-arch.mk
BUILD ?= build
GUEST_DIR ?= $(BUILD)/guests/$(or $(ARCH),armv8)
Q ?= @

GUEST_SCENARIOS := $(filter-out $(GUEST_ARCH_SKIP),hello heartbeat beacon reader victim \
	psci smc traps flood storm vcpu_reset irq_timer irq_rtc_owner irq_rtc_intruder \
	irq_sgi irq_bystander irq_priority irq_hostile irq_victim)
# $(GUEST_ARCH_SRCS) (from $(GUEST_ARCH_DIR)) starts with crt0.S: _start
# must come first, at the load address.
GUEST_COMMON := console.c exception.c format.c gic.c irq.c psci_calls.c \
	smccc.c start.c string.c ticker.c time.c

GUESTS := $(patsubst %,$(GUEST_DIR)/%.bin,$(GUEST_SCENARIOS))
GUESTS_NATIVE := $(patsubst %,$(GUEST_DIR)/native/%.elf,$(GUEST_SCENARIOS))

# Alone, this file builds every scenario in both variants (the top
# Makefile keeps its own default goal and builds $(GUESTS) on demand).
.PHONY: guests-all
guests-all: $(GUESTS) $(GUESTS_NATIVE)

# -mstrict-align: with the MMU off, data accesses are Device memory.
# -fno-tree-loop-distribute-patterns: keep memset() from calling itself.
GUEST_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -ffreestanding -nostdlib \
	-mgeneral-regs-only $(GUEST_ARCH_CFLAGS) -fno-pic -fno-stack-protector \
	-fno-tree-loop-distribute-patterns -fno-asynchronous-unwind-tables \
	-fno-unwind-tables -Isrc/core/include -I$(GUEST_ARCH_DIR) -I$(GUEST_SRC)/common -MMD -MP
GUEST_LDS := $(GUEST_SRC)/common/guest.ld

# Objects go to $(GUEST_DIR)/obj; the native variant's to $(GUEST_DIR)/obj/native.
GUEST_OBJ := $(GUEST_DIR)/obj
# The architecture's objects have a folder of their own, so no object
# keeps the name it had when its source sat elsewhere (an old build's .d
# file would still name that source).
guest_objs = $(patsubst %,$(GUEST_OBJ)/$(1)arch/%.o,$(GUEST_ARCH_SRCS)) \
	$(patsubst %,$(GUEST_OBJ)/$(1)common/%.o,$(GUEST_COMMON))
GUEST_COMMON_OBJS := $(call guest_objs,)
GUEST_NATIVE_OBJS := $(call guest_objs,native/)

# guest_common_rules,<source dir>,<object folder>: the runtime's objects,
# both variants.
define guest_common_rules
$$(GUEST_OBJ)/$(2)/%.o: $(1)/%
	@mkdir -p $$(@D)
	@echo "  CC      $$<"
	$$(Q)$$(CROSS_COMPILE)gcc $$(GUEST_CFLAGS) -c $$< -o $$@

$$(GUEST_OBJ)/native/$(2)/%.o: $(1)/%
	@mkdir -p $$(@D)
	@echo "  CC      $$< (native)"
	$$(Q)$$(CROSS_COMPILE)gcc $$(GUEST_CFLAGS) -DGUEST_NATIVE -c $$< -o $$@
endef
$(eval $(call guest_common_rules,$(GUEST_ARCH_DIR),arch))
$(eval $(call guest_common_rules,$(GUEST_SRC)/common,common))

$(GUEST_OBJ)/%.c.o: $(GUEST_SRC)/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CROSS_COMPILE)gcc $(GUEST_CFLAGS) -c $< -o $@

$(GUEST_OBJ)/native/%.c.o: $(GUEST_SRC)/%.c
	@mkdir -p $(@D)
	@echo "  CC      $< (native)"
	$(Q)$(CROSS_COMPILE)gcc $(GUEST_CFLAGS) -DGUEST_NATIVE -c $< -o $@

# guest_link,<elf>,<objects>: one explicit rule per scenario and variant.
define guest_link
$(1): $(2) $(GUEST_LDS)
	@mkdir -p $$(@D)
	@echo "  LD      $$@"
	$$(Q)$$(CROSS_COMPILE)ld -nostdlib -static -T $(GUEST_LDS) $(2) $$(GUEST_ARCH_LIBS) -o $$@
endef
$(foreach s,$(GUEST_SCENARIOS),\
	$(eval $(call guest_link,$(GUEST_DIR)/$(s).elf,$(GUEST_COMMON_OBJS) $(GUEST_OBJ)/$(s).c.o)) \
	$(eval $(call guest_link,$(GUEST_DIR)/native/$(s).elf,$(GUEST_NATIVE_OBJS) $(GUEST_OBJ)/native/$(s).c.o)))

$(GUEST_DIR)/%.bin: $(GUEST_DIR)/%.elf
	$(Q)$(CROSS_COMPILE)objcopy -O binary $< $@
	@echo "  GUEST   $@ ($$(stat -c %s $@) bytes)"
