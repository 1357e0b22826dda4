# libFuzzer target for the vGIC (tests/fuzz/fuzz_vgic.c), included by the
# Makefile. It is built with clang against the sources the host unit tests
# use (the vGIC, tests/host/fake_arch.c, tests/host/vm_fixture.c).
#   make fuzz        fuzz for FUZZ_TIME seconds (600); what it learns is kept
#                    in $(BUILD)/fuzz/corpus, crashes land in $(BUILD)/fuzz/
#   make fuzz-smoke  a bounded run from the seeds in tests/fuzz/corpus,
#                    ending with "N passed, N failed" (a test suite)
# Reproduce a crash: $(BUILD)/fuzz/fuzz_vgic <crash file>

FUZZ_CC ?= clang
FUZZ_TIME ?= 600
FUZZ_SMOKE_RUNS ?= 200000
FUZZ_SMOKE_TIME ?= 20
FUZZ_DIR := $(BUILD)/fuzz
FUZZ_VGIC := $(FUZZ_DIR)/fuzz_vgic
# Seeds, and inputs that once found a bug (kept as regression tests).
FUZZ_SEEDS := tests/fuzz/corpus tests/fuzz/repro
FUZZ_SRCS := tests/fuzz/fuzz_vgic.c tests/host/fake_arch.c \
	tests/host/vm_fixture.c src/core/interrupts/vgic.c \
	src/core/interrupts/vgic_mmio.c src/core/lib/ratelimit.c \
	src/core/console/console.c src/core/lib/format.c $(PLATFORM_DIR)/platform.c
FUZZ_RUN_FLAGS := -artifact_prefix=$(FUZZ_DIR)/ -print_final_stats=1

$(FUZZ_VGIC): $(FUZZ_SRCS) $(AUTOCONF) $(wildcard src/core/include/*.h tests/host/*.h)
	@mkdir -p $(@D)
	@echo "  FUZZCC  $@"
	$(Q)$(FUZZ_CC) -std=gnu11 -O1 -g $(WARN) -Wno-missing-prototypes \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-include $(AUTOCONF) $(ARCH_INC) -Itests/host -DHOST_TEST \
		$(FUZZ_SRCS) -o $@

.PHONY: fuzz fuzz-smoke
fuzz: $(FUZZ_VGIC)
	@mkdir -p $(FUZZ_DIR)/corpus
	$(Q)$< $(FUZZ_RUN_FLAGS) -max_total_time=$(FUZZ_TIME) \
		$(FUZZ_DIR)/corpus $(FUZZ_SEEDS)

# New inputs go to a scratch directory: the seeds stay as they are.
fuzz-smoke: $(FUZZ_VGIC)
	$(Q)rm -rf $(FUZZ_DIR)/smoke && mkdir -p $(FUZZ_DIR)/smoke
	$(Q)if $< $(FUZZ_RUN_FLAGS) -runs=$(FUZZ_SMOKE_RUNS) \
		-max_total_time=$(FUZZ_SMOKE_TIME) $(FUZZ_DIR)/smoke $(FUZZ_SEEDS); \
	then echo "ok   fuzz-vgic"; echo "1 passed, 0 failed"; \
	else echo "FAIL fuzz-vgic: see the crash file named above"; \
		echo "0 passed, 1 failed"; exit 1; fi
