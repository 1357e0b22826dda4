#!/usr/bin/env bash
# An interactive test: run a command that boots Bulkhead in QEMU with the
# UART on its standard input and output, and follow a script of steps
# against the console, as a user at the keyboard would.
#   tests/console-test.sh <steps-file> <log> <command...>
# e.g. tests/console-test.sh configs/demo/steps run.log make run
# Steps, one per line (# starts a comment):
#   wait ERE      wait for a line matching ERE after the last line waited for
#   anywhere ERE  wait for a line matching ERE anywhere in the output (for
#                 lines of VMs that run side by side, in either order)
#   send TEXT     type TEXT and Enter on the UART (the VM with the keyboard)
#   key HEX       type one byte, e.g. "key 1c" for Ctrl-\ (the console escape)
#   seen ERE      some line so far matches ERE (what races with the last wait)
#   absent ERE    no line so far matches ERE
#   exit          wait for QEMU to end by itself (every VM stopped)
# After the last step QEMU is stopped. Waits are on progress, not on the
# clock: a wait fails when the output has not grown for BOOT_STALL seconds
# (180), or when the whole run passes LIMIT seconds (900). Exit status 0
# when every step passed.
set -uo pipefail
usage="usage: tests/console-test.sh <steps-file> <log> <command...>"
steps=${1:?$usage} log=${2:?$usage}
shift 2
(($#)) || { echo "$usage"; exit 2; }
stall=${BOOT_STALL:-180} limit=${LIMIT:-900}
name=$(basename "$(dirname "$steps")")
source "$(dirname "$0")/lib/watch.sh"
tmp=$(mktemp -d)
run=""
# The command and everything it started (make, its shell, QEMU) end with it.
trap '[[ -n $run ]] && kill -- -"$run" 2>/dev/null; rm -rf "$tmp"' EXIT

# The reason comes last, where a report that shows the tail keeps it.
fail() {
	echo "---- last lines of $log ----"
	log_excerpt "$log" 12
	echo "FAIL console/$name: $*"
	exit 1
}

# The keyboard: a FIFO held open here, so QEMU never sees end of input.
# The command runs in a process group of its own, to be ended as a whole.
mkfifo "$tmp/keys"
set -m
"$@" <"$tmp/keys" >"$log" 2>&1 &
run=$!
set +m
exec 3>"$tmp/keys"
watch_start "$log"
seen=0

# Stalled, or on too long? Then fail.
check_progress() {
	watch_stuck && fail "$watch_why, waiting for: $1"
	return 0
}

# first_match <from-line> <ERE>: wait for a line matching after line
# <from-line>; $match is its number.
first_match() {
	local n
	while :; do
		n=$(tail -n +"$(($1 + 1))" "$log" | tr -d '\r' | grep -nE -m1 -- "$2" | cut -d: -f1)
		[[ -n $n ]] && { match=$(($1 + n)); return; }
		kill -0 "$run" 2>/dev/null || fail "QEMU ended before a line matched: $2"
		check_progress "$2"
		sleep 0.2
	done
}

wait_exit() {
	while kill -0 "$run" 2>/dev/null; do
		check_progress "QEMU to end"
		sleep 0.2
	done
	wait "$run" || fail "QEMU exited with status $?"
	run=""
}

while IFS= read -r line; do
	[[ -z $line || $line == \#* ]] && continue
	arg=${line#* }
	case ${line%% *} in
	wait) first_match "$seen" "$arg" && seen=$match ;;
	anywhere) first_match 0 "$arg" ;;
	send) printf '%s\r' "$arg" >&3 ;;
	key) printf "\\x$arg" >&3 ;;
	seen) tr -d '\r' <"$log" | grep -qE -- "$arg" || fail "no line matches: $arg" ;;
	absent) tr -d '\r' <"$log" | grep -qE -- "$arg" && fail "a line matches what must not appear: $arg" ;;
	exit) wait_exit ;;
	*) fail "bad step: $line" ;;
	esac
done <"$steps"
grep -q PANIC "$log" && fail "the hypervisor panicked"
echo "PASS console/$name"
