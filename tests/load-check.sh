#!/usr/bin/env bash
# Boots a built image the wrong ways and the other right way:
#   tests/load-check.sh build/qemu-aarch64-virt/baremetal/bulkhead.bin
# on the platform it was built for (its QEMU settings: tests/lib/platform.sh).
# The .bin loaded raw at the wrong address, or entered below EL2 (AArch64:
# at EL1; ARMv7: in SVC mode, QEMU without virtualization=on), must stop
# with a message that says so (it then halts, so QEMU is ended once the
# message is there). The ELF next to it, loaded with -kernel at EL2 / in
# HYP mode, must run the configuration to its end and power off. The
# limits (LIMIT seconds) only catch a hang: each case ends as soon as its
# outcome is known.
# Prints "ok"/"FAIL" per case and ends with "N passed, N failed".
set -uo pipefail
image=${1:?usage: $0 <bulkhead.bin>}
elf=${image%.bin}.elf
cd "$(dirname "$0")/.." || exit 1
source tests/lib/platform.sh
LIMIT=${LIMIT:-300}
passed=0 failed=0
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

pass() { passed=$((passed + 1)); echo "ok   load-check/$1"; }

fail() {
	failed=$((failed + 1))
	echo "FAIL load-check/$1: $2"
	tail -n 15 "$logs/$1.log" | sed 's/^/    /'
}

# halts <name> <message> <QEMU args...>: boot, wait for the message (or
# LIMIT), end QEMU; the message must be there and no VM may have started.
halts() {
	local name=$1 want=$2 log=$logs/$1.log pid
	shift 2
	timeout "$LIMIT" "$qemu" "${board[@]}" "$@" </dev/null >"$log" 2>&1 &
	pid=$!
	while kill -0 "$pid" 2>/dev/null && ! grep -qF -- "$want" "$log"; do
		sleep 0.2
	done
	kill "$pid" 2>/dev/null
	wait "$pid"
	if ! grep -qF -- "$want" "$log"; then
		fail "$name" "no line says: $want"
	elif grep -qF "starting" "$log"; then
		fail "$name" "it printed the message but went on to start VMs"
	else
		pass "$name"
	fi
}

# runs <name> <QEMU args...>: the configuration must end by itself.
runs() {
	local name=$1 log=$logs/$1.log status
	shift
	timeout "$LIMIT" "$qemu" "${board[@]}" "$@" </dev/null >"$log" 2>&1
	status=$?
	if [[ $status -ne 0 ]]; then
		fail "$name" "QEMU exited with status $status (124: still running after ${LIMIT}s)"
	elif ! grep -q "all VMs have stopped" "$log" || grep -q PANIC "$log"; then
		fail "$name" "the configuration did not run to 'all VMs have stopped'"
	else
		pass "$name"
	fi
}

for f in "$image" "$elf"; do
	if [[ ! -f $f ]]; then
		echo "FAIL load-check: no $f (build it first)"
		echo "0 passed, 1 failed"
		exit 1
	fi
done
if ! export_platform_qemu_env "$(dirname "$image")"; then
	echo "FAIL load-check: cannot read the platform's QEMU settings for $image"
	echo "0 passed, 1 failed"
	exit 1
fi

# The platform's machine as make run starts it (at EL2, in HYP mode), and
# the same without the virtualization extensions.
qemu=$QEMU_SYSTEM
read -ra el2 <<<"$QEMU_MACHINE"
read -ra below_el2 <<<"${QEMU_MACHINE/virtualization=on/virtualization=off}"
board=(-smp "$QEMU_SMP" -m "$QEMU_MEM" -nographic -no-reboot)
# Where the image is linked (its ELF's entry, _start), and a wrong place.
linked=$(printf '0x%x' "$(readelf -h "$elf" | sed -n 's/^ *Entry point address: *//p')")
wrong=$(printf '0x%x' $((linked + 0x200000)))
if readelf -h "$elf" | grep -q 'Machine: *AArch64'; then
	below_el2_says="entered at EL1, not EL2"
else
	below_el2_says="entered in Supervisor mode (0x13), not HYP mode"
fi

halts wrong-address "loaded at $wrong but linked for $linked" "${el2[@]}" \
	-device "loader,file=$image,addr=$wrong,force-raw=on" \
	-device "loader,addr=$wrong,cpu-num=0"
halts below-el2 "$below_el2_says" "${below_el2[@]}" -kernel "$image"
runs elf "${el2[@]}" -kernel "$elf"

echo "$passed passed, $failed failed"
