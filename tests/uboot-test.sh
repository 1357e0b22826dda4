#!/usr/bin/env bash
# Boot a built configuration through U-Boot, from the uImage and from the
# FIT:  tests/uboot-test.sh build/qemu-aarch64-virt/baremetal
# The configuration must end by itself (configs/baremetal does: both VMs
# stop, then Bulkhead powers off). Each boot must show U-Boot loading the image and
# starting it, then Bulkhead's boot log, then "all VMs have stopped", and no
# PANIC. It waits on progress: QEMU is stopped when its output has not grown
# for BOOT_STALL seconds (60), or when one boot passes LIMIT seconds (600).
# The images are made afresh from the build's bulkhead.{bin,elf}; each
# boot's log is kept beside them (uboot-<format>.log).
# Prints "ok"/"FAIL" per boot and ends with "N passed, N failed".
#
# Any other image that ends by itself, with its ELF beside it, boots the
# same way, with the lines it must print after U-Boot's (in order) and the
# QEMU settings in the environment (QEMU_SYSTEM, QEMU_MACHINE, QEMU_SMP,
# QEMU_MEM, as run-qemu.sh reads them):
#   tests/uboot-test.sh build/guests/armv7/bench/native.bin 'BENCH done'
set -uo pipefail
usage="usage: tests/uboot-test.sh <build dir of a built config> | <image.bin> <line>..."
target=$(realpath -m "${1:?$usage}")
shift
if [[ -d $target ]]; then
	build=$target image=$target/bulkhead.bin
	guest_lines=("bulkhead: Bulkhead " "all VMs have stopped")
else
	build=$(dirname "$target") image=$target
	guest_lines=("$@")
	((${#guest_lines[@]})) || { echo "$usage" >&2; exit 2; }
	: "${QEMU_SYSTEM:?set the QEMU settings to boot $image with}"
fi
stall=${BOOT_STALL:-60} limit=${LIMIT:-600}
cd "$(dirname "$0")/.." || exit 1
source tests/lib/watch.sh
source tests/lib/platform.sh
passed=0 failed=0
qemu="" # the QEMU running now, ended with the test
trap '[[ -n $qemu ]] && kill "$qemu" 2>/dev/null' EXIT

# give_up <why>: nothing can boot; both boots fail.
give_up() {
	echo "FAIL uboot: $1"
	echo "0 passed, 2 failed"
	exit 1
}

[[ -f $image ]] || give_up "no $image: build it first"
export_platform_qemu_env "$build" ||
	give_up "cannot read the platform's QEMU settings (no autoconf.h above $build: not a build directory?)"

if ! scripts/uboot-image.sh "$image" >"$build/uboot-image.log" 2>&1; then
	sed 's/^/    /' "$build/uboot-image.log"
	give_up "cannot make the U-Boot images"
fi

# boot <image> <log>: run it through U-Boot until QEMU ends or stalls.
# Sets $stopped (why QEMU was stopped, empty if it ended by itself),
# $status (QEMU's exit status) and $seconds (wall time of the boot).
boot() {
	local image=$1 log=$2 t0=$EPOCHREALTIME
	scripts/run-uboot.sh "$image" </dev/null >"$log" 2>&1 &
	qemu=$! # run-uboot.sh execs QEMU: this is QEMU
	watch_start "$log"
	watch_until_end "$qemu"
	qemu=""
	seconds=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
	tr -d '\r' <"$log" >"$log.tmp" && mv "$log.tmp" "$log"
}

# in_order <log> <string>...: each string is on a line after the previous
# one's line. Prints the first one missing.
in_order() {
	local log=$1 after=0 n want
	shift
	for want in "$@"; do
		n=$(tail -n +"$((after + 1))" "$log" | grep -nF -m1 -- "$want" | cut -d: -f1)
		[[ -n $n ]] || { echo "$want"; return 1; }
		after=$((after + n))
	done
}

# check <name> <image> <U-Boot's lines...>
check() {
	local name=$1 image=$2 log=$build/uboot-$1.log missing why=""
	shift 2
	boot "$image" "$log"
	if [[ -n $stopped ]]; then
		why="QEMU stopped: $stopped"
	elif ((status != 0)); then
		why="QEMU exited with status $status"
	elif missing=$(in_order "$log" "$@" "Starting kernel ..." "${guest_lines[@]}"); [[ -n $missing ]]; then
		why="no line '$missing' where expected"
	elif grep -q PANIC "$log"; then
		why="the hypervisor panicked"
	fi
	if [[ -z $why ]]; then
		passed=$((passed + 1))
		echo "ok uboot/$name (${seconds} s to power-off)"
	else
		failed=$((failed + 1))
		echo "FAIL uboot/$name: $why"
		echo "    ---- last lines of $log ----"
		tail -n 25 "$log" | sed 's/^/    /'
	fi
}

check uimage "${image%.bin}.uimg" \
	"## Booting kernel from Legacy Image" "Verifying Checksum ... OK"
check fit "${image%.bin}.itb" \
	"## Loading kernel from FIT Image" "Using 'conf-1' configuration" \
	"Verifying Hash Integrity ... crc32+ OK"

echo "$passed passed, $failed failed"
((failed == 0))
