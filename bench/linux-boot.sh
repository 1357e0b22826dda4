#!/usr/bin/env bash
# Linux boot time in a Bulkhead VM against the same kernel booted natively:
#   linux-boot.sh <platform> <name> <bulkhead image> <VM's dtb> <Image> <initrd> <out dir>
# (make bench-linux calls it once per platform and configuration, <name>
# being the configuration's; docs/bench.md).
#
# Every run is under QEMU -icount shift=4,sleep=off (one counter tick, 16 ns
# of guest time, per instruction, at any EL), on the platform's GIC, and is
# stopped when Linux's /init prints its marker. Modes:
#   bulkhead  the Bulkhead image (bench/configs/linux-boot*): Linux in a VM
#             of 2 vCPUs and 256 MiB at EL1, beside the bare-metal beacon
#             on core 2; QEMU as the platform runs it (virtualization=on,
#             its core count and RAM).
#   native    the same Image, initramfs and command line on the same machine
#             model without virtualization=on, so Linux is entered at EL1 as
#             in the VM (with EL2 present QEMU enters it at EL2, where it
#             would set up KVM's hypervisor): -smp 2 -m 256M, and the VM's
#             own device tree (-dtb; QEMU fills in memory, initrd and
#             bootargs), so both boots probe the same devices.
#   qemu-dt   as native, with QEMU's own device tree instead
#             (dtb-randomness=off: no kaslr-seed, so KASLR stays off as in
#             the other two): what a plain `-kernel` boot costs.
# Each mode runs BENCH_LINUX_RUNS times (default 2). Reported: the uptime
# Linux's /init read from /proc/uptime at its marker (guest time: it counts
# the hypervisor's instructions too) and QEMU's wall time from its start to
# the marker (host time; the host is shared, so it varies), and the ratios
# bulkhead / native; under Bulkhead also the wall time from the
# hypervisor's "starting" line (its own boot, which copies the kernel and
# clears the VM's RAM, comes before). Writes <out dir>/<platform>-<name>.csv
# (mode,run,uptime_s,wall_s,wall_from_vm_start_s); the logs go beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
plat=$1 name=$2 image=$3 dtb=$4 kernel=$5 initrd=$6 out=$7
: "${QEMU_SYSTEM:?run this through make bench-linux}"
limit=${BENCH_TIMEOUT:-120} runs=${BENCH_LINUX_RUNS:-2}
MARKER='BULKHEAD-INIT: linux up, uptime='
VM_START='bulkhead: starting '
ICOUNT=shift=4,sleep=off
TARGET=1.05 # bulkhead uptime / native uptime

die() {
	echo "bench-linux: $plat: $*" >&2
	exit 1
}

for f in "$image" "$dtb" "$kernel" "$initrd"; do
	[[ -e $f ]] || die "missing $f"
done
gic=$(grep -o 'gic-version=[0-9]' <<<"$QEMU_MACHINE") ||
	die "no gic-version in QEMU_MACHINE ($QEMU_MACHINE)"
# The VM's command line, as the build wrote it into its device tree.
bootargs=$(dtc -q -I dtb -O dts "$dtb" | sed -n 's/^[[:space:]]*bootargs = "\(.*\)";/\1/p')
[[ -n $bootargs ]] || die "no bootargs in $dtb"

declare -A UPTIME WALL FROM_START # [mode.run]

# boot <mode> <run>: one run, stopped at the marker.
boot() {
	local mode=$1 run=$2 log=$out/$plat-$name-$1.$2.log tmp line t0 t1 ts pid
	local -a cmd machine
	case $mode in
	bulkhead)
		read -ra machine <<<"$QEMU_MACHINE"
		cmd=("$QEMU_SYSTEM" "${machine[@]}" -smp "$QEMU_SMP" -m "$QEMU_MEM"
			-nographic -no-reboot -kernel "$image")
		;;
	native | qemu-dt)
		cmd=("$QEMU_SYSTEM" -M "virt,$gic" -cpu cortex-a53 -smp 2 -m 256M
			-nographic -nic none -no-reboot -kernel "$kernel"
			-initrd "$initrd" -append "$bootargs")
		if [[ $mode == native ]]; then
			cmd+=(-dtb "$dtb")
		else
			cmd[2]+=,dtb-randomness=off
		fi
		;;
	esac
	tmp=$(mktemp -d)
	mkfifo "$tmp/out"
	echo "${cmd[*]} -icount $ICOUNT" >"$log"
	t0=$(date +%s.%N)
	timeout -k 5 "$limit" "${cmd[@]}" -icount "$ICOUNT" </dev/null >"$tmp/out" 2>&1 &
	pid=$!
	t1='' ts=''
	while IFS= read -r line; do
		line=${line//$'\r'/}
		printf '%s\n' "$line" >>"$log"
		[[ -z $ts && $line == "$VM_START"* ]] && ts=$(date +%s.%N)
		if [[ $line == *"$MARKER"* ]]; then
			t1=$(date +%s.%N)
			UPTIME[$mode.$run]=${line##*"$MARKER"}
			break
		fi
	done <"$tmp/out"
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	rm -rf "$tmp"
	[[ -n $t1 ]] || die "$mode run $run: no marker (timeout ${limit}s?); log: $log"
	WALL[$mode.$run]=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
	FROM_START[$mode.$run]=-
	[[ -n $ts ]] && FROM_START[$mode.$run]=$(awk -v a="$ts" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
	echo "   $mode run $run: uptime ${UPTIME[$mode.$run]} s, wall ${WALL[$mode.$run]} s" \
		"(from VM start: ${FROM_START[$mode.$run]} s)"
}

# mean <array name> <mode>: the mean over the runs.
mean() {
	local -n a=$1
	local r s=0
	for ((r = 1; r <= runs; r++)); do
		s=$(awk -v s="$s" -v x="${a[$2.$r]}" 'BEGIN { print s + x }')
	done
	awk -v s="$s" -v n="$runs" 'BEGIN { printf "%.2f", s / n }'
}

values() {
	local -n a=$1
	local r v=()
	for ((r = 1; r <= runs; r++)); do
		v+=("${a[$2.$r]}")
	done
	local IFS=,
	echo "${v[*]}"
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'
}

mkdir -p "$out"
echo "== $plat, $name: Linux boot to init (-icount shift=4,sleep=off, $gic), command line: $bootargs"
MODES=(native qemu-dt bulkhead)
for mode in "${MODES[@]}"; do
	for ((r = 1; r <= runs; r++)); do
		boot "$mode" "$r"
	done
done

fmt="%-10s %-16s %-8s %-16s %-8s %s\n"
# shellcheck disable=SC2059 # the format is ours
printf "$fmt" mode "uptime at init" mean "QEMU wall" mean "wall from VM start"
for mode in "${MODES[@]}"; do
	# shellcheck disable=SC2059
	printf "$fmt" "$mode" "$(values UPTIME "$mode")" "$(mean UPTIME "$mode")" \
		"$(values WALL "$mode")" "$(mean WALL "$mode")" "$(values FROM_START "$mode")"
done
echo "   (seconds; uptime is guest time, 16 ns per instruction; wall is host time)"
up=$(ratio "$(mean UPTIME bulkhead)" "$(mean UPTIME native)")
wall=$(ratio "$(mean WALL bulkhead)" "$(mean WALL native)")
status=$(awk -v r="$up" -v t="$TARGET" 'BEGIN { print (r <= t) ? "met" : "missed" }')
echo "   bulkhead / native: uptime ${up}x (target <= ${TARGET}x: $status), wall ${wall}x"

csv=$out/$plat-$name.csv
echo "mode,run,uptime_s,wall_s,wall_from_vm_start_s" >"$csv"
for mode in "${MODES[@]}"; do
	for ((r = 1; r <= runs; r++)); do
		echo "$mode,$r,${UPTIME[$mode.$r]},${WALL[$mode.$r]},${FROM_START[$mode.$r]/-/}" >>"$csv"
	done
done
echo "   wrote $csv"
echo
