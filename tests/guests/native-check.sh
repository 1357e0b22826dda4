#!/usr/bin/env bash
# The test guests without the hypervisor: builds the native variant of
# hello and heartbeat for each architecture (tests/guests/guests.mk), runs
# it on QEMU virt and compares what it prints with what it must print,
# line for line. It must end by itself (PSCI SYSTEM_OFF). This checks each
# architecture's start-up (crt0.S), console, counter and PSCI conduit.
#   tests/guests/native-check.sh [arch...]   (default: armv8 armv7)
# Waits on progress (tests/lib/watch.sh): a run is stopped when its output
# has not grown for NATIVE_STALL seconds (30) or after NATIVE_LIMIT (120).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 2
BUILD=${BUILD:-build}
stall=${NATIVE_STALL:-30} limit=${NATIVE_LIMIT:-120}
source tests/lib/watch.sh

declare -A qemu=(
	[armv8]="qemu-system-aarch64 -cpu cortex-a53"
	[armv7]="qemu-system-arm -cpu cortex-a15"
)
# Those cores' MIDR, as QEMU 7.2 gives it.
declare -A midr=([armv8]=0x410fd034 [armv7]=0x414fc0f0)

# expected <arch> <scenario>: what it prints natively (QEMU enters an ELF
# with x0/r2 = 0, so hello finds no DTB).
expected() {
	case $2 in
	hello)
		printf '%s\n' "hello from vCPU 0, MPIDR 0x80000000" "MIDR ${midr[$1]}" "x0 = 0x0"
		printf 'tick %d\n' 1 2 3 4 5
		;;
	heartbeat)
		echo "heartbeat: 10 beats, one every 150 ms"
		printf 'beat %d\n' 1 2 3 4 5 6 7 8 9 10
		echo "heartbeat done"
		;;
	esac
}

# check <arch> <scenario>: build, run, compare; prints PASS or FAIL.
check() {
	local arch=$1 scenario=$2
	local elf=$BUILD/guests/$arch/native/$scenario.elf
	local log=$BUILD/guests/$arch/$scenario.native.log
	local name="native/$arch/$scenario"

	mkdir -p "$(dirname "$log")"

	if ! make -s -f tests/guests/guests.mk ARCH="$arch" BUILD="$BUILD" "$elf" \
		>"$log.build" 2>&1; then
		echo "FAIL $name: build"
		cat "$log.build"
		return 1
	fi
	# shellcheck disable=SC2086 # the QEMU command and its CPU are words
	${qemu[$arch]} -M virt -nographic -m 1G -nic none -kernel "$elf" \
		</dev/null >"$log" 2>&1 &
	watch_start "$log"
	watch_until_end $!
	if [[ -n $stopped ]]; then
		echo "FAIL $name: QEMU stopped: $stopped"
	elif ((status != 0)); then
		echo "FAIL $name: QEMU exited with status $status"
	elif ! diff -u <(expected "$arch" "$scenario") <(tr -d '\r' <"$log") \
		>"$log.diff"; then
		echo "FAIL $name: output differs (expected -, got +):"
		cat "$log.diff"
	else
		echo "PASS $name"
		return 0
	fi
	return 1
}

failed=0
arches=("$@")
((${#arches[@]})) || arches=(armv8 armv7)
for arch in "${arches[@]}"; do
	if [[ -z ${qemu[$arch]:-} ]]; then
		echo "native-check: unknown architecture '$arch' (${!qemu[*]})"
		exit 2
	fi
	for scenario in hello heartbeat; do
		check "$arch" "$scenario" || failed=1
	done
done
exit $failed
