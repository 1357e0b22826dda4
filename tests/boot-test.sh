#!/usr/bin/env bash
# One QEMU boot test: boot-test.sh <image> <expect-file> <limit-seconds>
# Boots the image, keeps the log beside the image, and checks it against
# the expect file:
#   + ERE   some line matches
#   > ERE   a line after the previous +/> match matches
#   - ERE   no line matches
#   <N ERE  at most N lines match (N a decimal count)
# The run must end by itself (Bulkhead powers off when all VMs stopped).
# It waits on progress: QEMU is stopped when its output has not grown for
# BOOT_STALL seconds (180), or when the whole run passes <limit-seconds>,
# so a slow host makes a test slower, not failed.
set -uo pipefail
image=$1 expect=$2 limit=$3 stall=${BOOT_STALL:-180}
log=$(dirname "$image")/boot.log
name=$(basename "$(dirname "$expect")")

source "$(dirname "$0")/lib/watch.sh"
scripts/run-qemu.sh "$image" </dev/null >"$log" 2>&1 &
qemu=$!
trap 'kill "$qemu" 2>/dev/null' EXIT
watch_start "$log"
watch_until_end "$qemu"
tr -d '\r' <"$log" >"$log.txt"

# The reason comes last, where a report that shows the tail keeps it.
fail() {
	echo "---- last lines of $log.txt ----"
	log_excerpt "$log.txt" 12
	echo "FAIL boot/$name: $*"
	exit 1
}

[[ -n $stopped ]] && fail "QEMU stopped: $stopped"
[[ $status -ne 0 ]] && fail "QEMU exited with status $status"
grep -q "all VMs have stopped" "$log.txt" || fail "the hypervisor did not report that all VMs stopped"
# A panic fails the test, unless the test is about the panic report.
if ! grep -q PANIC "$expect" && grep -q PANIC "$log.txt"; then
	fail "the hypervisor panicked"
fi

# at_most "N ERE": fail if more than N lines of the log match ERE.
at_most() {
	local max=${1%% *} re=${1#* } count
	[[ $max =~ ^[0-9]+$ && $1 == *' '* ]] || fail "bad expect line: <$1"
	count=$(grep -cE -- "$re" "$log.txt")
	((count <= max)) || fail "$count lines match, at most $max may: $re"
}

after=0 # line number of the last +/> match
while IFS= read -r line; do
	[[ -z $line || $line == \#* ]] && continue
	kind=${line:0:1} re=${line:2}
	case $kind in
	+) n=$(grep -nE -m1 -- "$re" "$log.txt" | cut -d: -f1)
	   [[ -n $n ]] || fail "no line matches: $re"
	   after=$n ;;
	\>) n=$(tail -n +"$((after + 1))" "$log.txt" | grep -nE -m1 -- "$re" | cut -d: -f1)
	   [[ -n $n ]] || fail "no line after line $after matches: $re"
	   after=$((after + n)) ;;
	-) grep -qE -- "$re" "$log.txt" && fail "a line matches what must not appear: $re" ;;
	\<) at_most "${line:1}" ;;
	*) fail "bad expect line: $line" ;;
	esac
done <"$expect"
echo "PASS boot/$name"
