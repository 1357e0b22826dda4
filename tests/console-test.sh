#!/usr/bin/env bash
# An interactive boot test: boot an image in QEMU and follow a script of
# steps against its console, as a user at the keyboard would.
#   tests/linux-test.sh <image> <steps-file>
# Steps, one per line (# starts a comment):
#   wait ERE     wait for a line matching ERE after the last line waited for
#   send TEXT    type TEXT and Enter on the UART (the VM with the keyboard)
#   key HEX      type one byte, e.g. "key 1c" for Ctrl-\ (the console escape)
#   seen ERE     some line so far matches ERE (what races with the last wait)
#   absent ERE   no line so far matches ERE
#   exit         wait for QEMU to end by itself (every VM stopped)
# After the last step QEMU is stopped. Waits are on progress, not on the
# clock: a wait fails when the output has not grown for BOOT_STALL seconds
# (180), or when the whole run passes LIMIT seconds (900). The log is kept
# beside the image (linux-test.log). Exit status 0 when every step passed.
set -uo pipefail
image=${1:?usage: tests/linux-test.sh <image> <steps-file>}
steps=${2:?usage: tests/linux-test.sh <image> <steps-file>}
stall=${BOOT_STALL:-180} limit=${LIMIT:-900}
log=$(dirname "$image")/linux-test.log
name=$(basename "$(dirname "$steps")")
tmp=$(mktemp -d)
qemu=""
trap '[[ -n $qemu ]] && kill "$qemu" 2>/dev/null; rm -rf "$tmp"' EXIT

fail() {
	echo "FAIL linux/$name: $*"
	echo "---- last lines of $log ----"
	tail -n 30 "$log" | tr -d '\r'
	exit 1
}

# The keyboard: a FIFO held open here, so QEMU never sees end of input.
mkfifo "$tmp/keys"
scripts/run-qemu.sh "$image" <"$tmp/keys" >"$log" 2>&1 &
qemu=$!
exec 3>"$tmp/keys"
start=$SECONDS moved=$SECONDS size=0 seen=0

# Has QEMU stalled, or the run gone on too long? Then fail.
check_progress() {
	local now
	now=$(stat -c %s "$log")
	((now != size)) && size=$now moved=$SECONDS
	((SECONDS - moved < stall)) || fail "no output for ${stall}s while waiting for: $1"
	((SECONDS - start < limit)) || fail "still running after ${limit}s, waiting for: $1"
}

# wait_for ERE: the first matching line after line $seen.
wait_for() {
	local n
	while :; do
		n=$(tail -n +"$((seen + 1))" "$log" | tr -d '\r' | grep -nE -m1 -- "$1" | cut -d: -f1)
		if [[ -n $n ]]; then
			seen=$((seen + n))
			return
		fi
		kill -0 "$qemu" 2>/dev/null || fail "QEMU ended before a line matched: $1"
		check_progress "$1"
		sleep 0.2
	done
}

wait_exit() {
	while kill -0 "$qemu" 2>/dev/null; do
		check_progress "QEMU to end"
		sleep 0.2
	done
	wait "$qemu" || fail "QEMU exited with status $?"
	qemu=""
}

while IFS= read -r line; do
	[[ -z $line || $line == \#* ]] && continue
	arg=${line#* }
	case ${line%% *} in
	wait) wait_for "$arg" ;;
	send) printf '%s\r' "$arg" >&3 ;;
	key) printf "\\x$arg" >&3 ;;
	seen) tr -d '\r' <"$log" | grep -qE -- "$arg" || fail "no line matches: $arg" ;;
	absent) tr -d '\r' <"$log" | grep -qE -- "$arg" && fail "a line matches what must not appear: $arg" ;;
	exit) wait_exit ;;
	*) fail "bad step: $line" ;;
	esac
done <"$steps"
grep -q PANIC "$log" && fail "the hypervisor panicked"
echo "PASS linux/$name"
