# Test guests: freestanding AArch64 EL1 programs, one flat binary per
# scenario, linked at the VM's RAM base. Included by the top Makefile, which
# sets GUEST_DIR, CROSS_COMPILE, Q and BUILD; the defaults below let this
# file also run alone: make -f tests/guests/guests.mk build/guests/armv8/hello.bin
#
# $(GUEST_DIR)/native/<scenario>.elf is the same guest with its console on
# the PL011 and no hypercalls, to check start-up and printing without the
# hypervisor: qemu-system-aarch64 -M virt -cpu cortex-a53 -nographic -m 1G -kernel X.elf

CROSS_COMPILE ?= aarch64-linux-gnu-
BUILD ?= build
GUEST_DIR ?= $(BUILD)/guests/armv8
Q ?= @

GUEST_SRC := tests/guests
GUEST_SCENARIOS := hello heartbeat beacon reader victim psci smc traps flood storm vcpu_reset \
	irq_timer irq_rtc_owner irq_rtc_intruder irq_sgi irq_bystander \
	irq_priority irq_hostile irq_victim
GUEST_COMMON := crt0.S console.c exception.c format.c gic.c irq.c psci_calls.c \
	smccc.c start.c string.c ticker.c time.c

GUESTS := $(patsubst %,$(GUEST_DIR)/%.bin,$(GUEST_SCENARIOS))
GUESTS_NATIVE := $(patsubst %,$(GUEST_DIR)/native/%.elf,$(GUEST_SCENARIOS))

# -mstrict-align: with the MMU off, data accesses are Device memory.
# -fno-tree-loop-distribute-patterns: keep memset() from calling itself.
GUEST_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -ffreestanding -nostdlib \
	-mgeneral-regs-only -mstrict-align -fno-pic -fno-stack-protector \
	-fno-tree-loop-distribute-patterns -fno-asynchronous-unwind-tables \
	-fno-unwind-tables -Isrc/core/include -I$(GUEST_SRC)/common -MMD -MP
GUEST_LDS := $(GUEST_SRC)/common/guest.ld

# Objects go to $(GUEST_DIR)/obj; the native variant's to $(GUEST_DIR)/obj/native.
GUEST_OBJ := $(GUEST_DIR)/obj
GUEST_COMMON_OBJS := $(patsubst %,$(GUEST_OBJ)/common/%.o,$(GUEST_COMMON))
GUEST_NATIVE_OBJS := $(patsubst %,$(GUEST_OBJ)/native/common/%.o,$(GUEST_COMMON))

$(GUEST_OBJ)/common/%.o: $(GUEST_SRC)/common/%
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CROSS_COMPILE)gcc $(GUEST_CFLAGS) -c $< -o $@

$(GUEST_OBJ)/native/common/%.o: $(GUEST_SRC)/common/%
	@mkdir -p $(@D)
	@echo "  CC      $< (native)"
	$(Q)$(CROSS_COMPILE)gcc $(GUEST_CFLAGS) -DGUEST_NATIVE -c $< -o $@

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
	$$(Q)$$(CROSS_COMPILE)ld -nostdlib -static -T $(GUEST_LDS) $(2) -o $$@
endef
$(foreach s,$(GUEST_SCENARIOS),\
	$(eval $(call guest_link,$(GUEST_DIR)/$(s).elf,$(GUEST_COMMON_OBJS) $(GUEST_OBJ)/$(s).c.o)) \
	$(eval $(call guest_link,$(GUEST_DIR)/native/$(s).elf,$(GUEST_NATIVE_OBJS) $(GUEST_OBJ)/native/$(s).c.o)))

$(GUEST_DIR)/%.bin: $(GUEST_DIR)/%.elf
	$(Q)$(CROSS_COMPILE)objcopy -O binary $< $@
	@echo "  GUEST   $@ ($$(stat -c %s $@) bytes)"
