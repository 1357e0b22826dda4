#!/usr/bin/env bash
# Exits per second of an idle and of a busy Linux guest, by cause:
#   bench/linux-traps.sh <image>
# (make bench-linux-traps builds bench/configs/linux-traps: Linux alone on
# 2 vCPUs with a shell on its console; docs/bench.md).
#
# Boots the image under QEMU -icount shift=4,sleep=off and drives it with
# tests/console-test.sh, whose steps this script writes as it goes, into a
# FIFO: once the shell is up it reads the hypervisor's exit counters
# (Ctrl-\ s) again and again until SPAN seconds of guest time (the stats
# line's own clock; default 10) lie between the first reading and the
# last, first with the shell idle, then with a busy loop
# (`while :; do :; done &`) on one vCPU. The rates are the differences of
# the two readings over the guest time between them. Each reading costs
# vCPU 0 one or two exits of its own (the UART interrupts of the two keys,
# counted as "other"); the table says how many readings lie in a window.
# The platform's platform.mk exports QEMU_SYSTEM, QEMU_MACHINE, ... .
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
image=${1:?usage: bench/linux-traps.sh <image>}
span_ms=$((${SPAN:-10} * 1000))
: "${QEMU_SYSTEM:?run this through make bench-linux-traps}"
[[ $QEMU_MACHINE == *-icount* ]] || QEMU_MACHINE+=" -icount shift=4,sleep=off"
export QEMU_MACHINE

log=$(dirname "$image")/linux-traps.log
out=$(dirname "$image")/linux-traps.txt
tmp=$(mktemp -d)
mkdir "$tmp/linux-traps" # the runner names the run after the steps' folder
steps=$tmp/linux-traps/steps
mkfifo "$steps"
runner=""
trap '[[ -n $runner ]] && kill "$runner" 2>/dev/null; rm -rf "$tmp"' EXIT
trap '' PIPE

STATS="bulkhead:   VM 0 'linux': [0-9]+ exits in "

die() {
	echo "bench-linux-traps: $*" >&2
	exit 1
}

rm -f "$log"
tests/console-test.sh "$steps" "$log" scripts/run-qemu.sh "$image" &
runner=$!
exec 4>"$steps"

step() {
	printf '%s\n' "$@" >&4 || die "the step runner has ended (log: $log)"
}

stats_lines() {
	tr -d '\r' <"$log" 2>/dev/null | grep -E "^$STATS"
}

# Read the counters once; prints the reading: "<ms> <cause>=<n> ...".
reading() {
	local before
	before=$(stats_lines | wc -l)
	step "key 1c" "key 73" "wait ^$STATS"
	while (($(stats_lines | wc -l) <= before)); do
		kill -0 "$runner" 2>/dev/null || die "the step runner has ended (log: $log)"
		sleep 0.2
	done
	stats_lines | tail -n 1 | sed -E "s/^$STATS//" |
		awk -F': ' '{
			split($1, t, " "); ms = t[1]; sub(/\./, "", ms)
			n = split($2, c, ", "); line = ms + 0
			for (i = 1; i <= n; i++) {
				v = c[i]; sub(/.* /, "", v); k = c[i]; sub(/ [0-9]+$/, "", k)
				gsub(/ /, "_", k); line = line " " k "=" v
			}
			print line
		}'
}

# window <name>: readings until SPAN ms of guest time lie between the first
# and the last; stores "<first>|<last>|<readings>" in WINDOW[name].
declare -A WINDOW
window() {
	local first last n=1
	first=$(reading) || exit 1
	while :; do
		last=$(reading) || exit 1
		n=$((n + 1))
		((${last%% *} - ${first%% *} >= span_ms)) && break
	done
	WINDOW[$1]="$first|$last|$n"
}

step "wait \\[linux\\] BULKHEAD-INIT: linux up"
# Let the boot's aftermath settle, with the shell waiting for input.
step "send sleep 2; echo SETTLED-\$((1+1))" "wait \\[linux\\] SETTLED-2"
window idle
step "send while :; do :; done &" "send sleep 1; echo BUSY-\$((2+2))" \
	"wait \\[linux\\] BUSY-4"
window busy
exec 4>&-
wait "$runner" || die "the step runner failed (log: $log)"
runner=""

# rate <window> <cause>: exits per second in that window, one decimal.
rate() {
	local first last
	IFS='|' read -r first last _ <<<"${WINDOW[$1]}"
	awk -v a="$first" -v b="$last" -v k="$2" 'BEGIN {
		na = split(a, x, " "); split(b, y, " ")
		for (i = 2; i <= na; i++) {
			split(x[i], p, "="); split(y[i], q, "=")
			if (k == "total" || p[1] == k) d += q[2] - p[2]
		}
		printf "%.1f", d * 1000 / (y[1] - x[1])
	}'
}

info() {
	local first last n
	IFS='|' read -r first last n <<<"${WINDOW[$1]}"
	awk -v a="${first%% *}" -v b="${last%% *}" -v n="$n" \
		'BEGIN { printf "%.1f s of guest time, %d readings", (b - a) / 1000, n }'
}

causes=$(sed 's/^[0-9]* //; s/=[0-9]*//g' <<<"${WINDOW[idle]%%|*}")
{
	echo "Exits per second of guest time, Linux VM (2 vCPUs), by cause:"
	echo "  idle: $(info idle); busy: $(info busy)"
	printf '%-14s %10s %10s\n' cause idle busy
	for c in $causes total; do
		printf '%-14s %10s %10s\n' "${c//_/ }" "$(rate idle "$c")" "$(rate busy "$c")"
	done
	# The target, for the idle guest: no more exits than its timer
	# interrupts (irq: the VM has no other physical ones). Met when,
	# the readings' own keys (other) aside, everything else comes to at
	# most 5 % of them. The busy guest's line is for reference.
	echo "target (issue 8): an idle guest's exits/s <= its timer interrupts/s (irq); met if the rest, the readings' keys (other) aside, is <= 5 % of irq:"
	for w in idle busy; do
		awk -v w="$w" -v t="$(rate "$w" total)" -v i="$(rate "$w" irq)" \
			-v o="$(rate "$w" other)" 'BEGIN {
			rest = t - i - o
			printf "  %s: %.1f/s, irq %.1f/s, other %.1f/s, the rest %.1f/s", w, t, i, o, rest
			if (w == "idle")
				print rest <= 0.05 * i ? ": met" : ": missed"
			else
				print " (no target)"
		}'
	done
} | tee "$out"
