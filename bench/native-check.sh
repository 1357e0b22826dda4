#!/usr/bin/env bash
# The benchmark guest without the hypervisor, per architecture: builds its
# native ELF (bench/bench.mk beside tests/guests/guests.mk, which need no
# platform) and runs it with bench/run.sh's native mode: two runs under
# -icount that print the same numbers, every metric measured, the null
# hypercall at its floor. Checks the architecture's entry.S (native
# HYP/EL2 set-up, vectors, IRQ time stamp) and ops.S before a hypervisor
# runs them.
#   bench/native-check.sh [arch...]   (default: armv8 armv7)
# Prints "ok"/"FAIL" per architecture and ends with "N passed, N failed".
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

passed=0 failed=0
# check <arch>: build, run twice, check; the output goes to a log.
check() {
	local arch=$1 elf=$BUILD/guests/$1/bench/native.elf out=$BUILD/bench/native-$1
	local log=$out/check.log
	mkdir -p "$out"
	if make -s -f tests/guests/guests.mk -f bench/bench.mk ARCH="$arch" BUILD="$BUILD" \
		"$elf" >"$log" 2>&1 &&
		QEMU_SYSTEM=${machine[$arch]%% *} QEMU_MACHINE="${machine[$arch]#* } -nic none" \
			QEMU_SMP=4 QEMU_MEM=1024M BENCH_ONLY=native \
			bench/run.sh "$arch" - "$elf" - "$out" >>"$log" 2>&1; then
		passed=$((passed + 1))
		echo "ok   bench-native/$arch"
	else
		failed=$((failed + 1))
		echo "FAIL bench-native/$arch (log: $log)"
		tail -n 20 "$log" | sed 's/^/    /'
	fi
}

arches=("$@")
((${#arches[@]})) || arches=(armv8 armv7)
for arch in "${arches[@]}"; do
	[[ -n ${machine[$arch]:-} ]] || { echo "unknown architecture '$arch' (${!machine[*]})"; exit 2; }
	check "$arch"
done
echo "$passed passed, $failed failed"
((failed == 0))
