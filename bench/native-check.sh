#!/usr/bin/env bash
# The benchmark guest without the hypervisor, per architecture: builds its
# native ELF (bench/bench.mk beside tests/guests/guests.mk, which need no
# platform) and runs it with bench/run.sh's native mode: two runs under
# -icount that print the same numbers, every metric measured, the null
# hypercall at its floor. Checks the architecture's entry.S (native
# HYP/EL2 set-up, vectors, IRQ time stamp) and ops.S before a hypervisor
# runs them.
#
# On ARMv7 it then boots the same guest through U-Boot, as a uImage and as
# a FIT (tests/uboot-test.sh): U-Boot must hand over in HYP mode in a
# state where the guest prints the same figures, all but
# boot_to_first_instruction, which then counts U-Boot's instructions.
# (AArch64's U-Boot boot is make test's <platform>/uboot, with Bulkhead
# itself: uboot-image.sh wraps only arm64 Images there, which this guest
# is not.)
#   bench/native-check.sh [arch...]   (default: armv8 armv7)
# Prints "ok"/"FAIL" per check and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}

# What run.sh boots it on: QEMU virt entering the ELF at EL2 / in HYP mode
# (virtualization=on; entry.S drops to EL1 / SVC), the GIC each
# architecture's platforms have.
declare -A machine=(
	[armv8]="qemu-system-aarch64 -M virt,virtualization=on,gic-version=3 -cpu cortex-a53"
	[armv7]="qemu-system-arm -M virt,virtualization=on,gic-version=2 -cpu cortex-a15"
)
declare -A through_uboot=([armv7]=1)

passed=0 failed=0
# result <name> <log> <command...>: one check, its output appended to the log.
result() {
	local name=$1 log=$2
	shift 2
	if "$@" >>"$log" 2>&1; then
		passed=$((passed + 1))
		echo "ok   $name"
	else
		failed=$((failed + 1))
		echo "FAIL $name (log: $log)"
		tail -n 20 "$log" | sed 's/^/    /'
		return 1
	fi
}

# native_and_uboot <arch>: build, run twice and check; then through U-Boot.
native_and_uboot() {
	local arch=$1 elf=$BUILD/guests/$1/bench/native.elf out=$BUILD/bench/native-$1 lines
	mkdir -p "$out"
	: >"$out/check.log"
	: >"$out/uboot.log"
	export QEMU_SYSTEM=${machine[$arch]%% *} QEMU_MACHINE="${machine[$arch]#* } -nic none"
	export QEMU_SMP=4 QEMU_MEM=1024M
	result "bench-native/$arch" "$out/check.log" run_native "$arch" "$elf" "$out" || return
	[[ ${through_uboot[$arch]:-} ]] || return 0
	mapfile -t lines < <(grep -v '^BENCH boot_to_first_instruction ' "$out/$arch-native.1.txt")
	QEMU_MACHINE+=" -icount shift=4,sleep=off" result "bench-native/$arch/uboot" \
		"$out/uboot.log" tests/uboot-test.sh "${elf%.elf}.bin" "${lines[@]}"
}

run_native() {
	local arch=$1 elf=$2 out=$3
	make -s -f tests/guests/guests.mk -f bench/bench.mk ARCH="$arch" BUILD="$BUILD" \
		"$elf" "${elf%.elf}.bin" &&
		BENCH_ONLY=native bench/run.sh "$arch" - "$elf" - "$out"
}

arches=("$@")
((${#arches[@]})) || arches=(armv8 armv7)
for arch in "${arches[@]}"; do
	[[ -n ${machine[$arch]:-} ]] || { echo "unknown architecture '$arch' (${!machine[*]})"; exit 2; }
	native_and_uboot "$arch"
done
echo "$passed passed, $failed failed"
((failed == 0))
