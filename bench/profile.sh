#!/usr/bin/env bash
# Where the hypervisor's instructions go: profile.sh <bulkhead.elf> <bulkhead.bin> <out prefix>
# (make bench-profile). Boots the benchmark under -icount with QEMU logging
# every instruction executed in the hypervisor's image (-singlestep
# -d exec), cuts the trace into guest exits (each starts at a lower-EL
# entry of el2_vectors, or on ARMv7 the Hyp Trap or IRQ entry of
# hyp_vectors), and prints each kind of exit that happened at least 20
# times: its vector, its instruction count, how often, and the
# instructions per function (in order of first use). Needs QEMU_* from
# platform.mk; the trace is large (~350 MB) and deleted afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
elf=$1 image=$2 out=$3
: "${QEMU_SYSTEM:?run this through make bench-profile}"
mkdir -p "$(dirname "$out")"

# The ELF's e_machine (little-endian, at byte 18): the vector table and
# the offsets in it where a guest exit starts (AArch64: the lower-EL
# entries; ARMv7: Hyp Trap and IRQ).
case $(od -A n -t x2 -j 18 -N 2 "$elf" | tr -d ' ') in
00b7) vectors=el2_vectors entries="1024 1152 1280 1408 1536 1664 1792 1920" ;;
0028) vectors=hyp_vectors entries="20 24" ;;
*) echo "profile: $elf is neither an AArch64 nor an ARM ELF" >&2; exit 1 ;;
esac

# Code symbols, without ARM's mapping symbols ($a, $d, $t).
nm -n "$elf" | awk 'tolower($2) == "t" && $3 !~ /^\$/' >"$out.syms"
start=$(head -n 1 "$out.syms" | cut -d' ' -f1)
end=$(tail -n 1 "$out.syms" | cut -d' ' -f1)
timeout --foreground -k 5 "${BENCH_TIMEOUT:-300}" scripts/run-qemu.sh "$image" \
	-icount shift=4,sleep=off -singlestep -d exec,nochain \
	-dfilter "0x$start..0x$end" -D "$out.trace" </dev/null >"$out.log" 2>&1 ||
	{ echo "profile: QEMU failed (log: $out.log)" >&2; exit 1; }

awk -v min_count=20 -v vector_table="$vectors" -v entries="$entries" '
function hex(s,    i, n) {
	n = 0
	s = tolower(s)
	for (i = 1; i <= length(s); i++)
		n = n * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return n
}
function func_of(pc,    lo, hi, mid) {	# binary search in the symbols
	lo = 1; hi = nsyms
	while (lo < hi) {
		mid = int((lo + hi + 1) / 2)
		if (addr[mid] <= pc) lo = mid; else hi = mid - 1
	}
	return name[lo]
}
# An exit of one instruction is QEMU logging the first instruction of a vector
# twice (a translation block restarted to take an interrupt): not counted.
function close_exit(    key, i, detail) {
	if (!nexit || total <= 1)
		return
	key = sprintf("vector 0x%x, %d instructions", vector, total)
	if (!(key in seen)) {
		seen[key] = 0
		keys[++nkeys] = key
		for (i = 1; i <= nfuncs; i++)
			detail = detail sprintf("\n%8d  %s", cnt[funcs[i]], funcs[i])
		breakdown[key] = detail
	}
	seen[key]++
}
BEGIN {
	n = split(entries, e, " ")
	for (i = 1; i <= n; i++)
		is_entry[e[i]] = 1
}
FILENAME == ARGV[1] {
	addr[++nsyms] = hex($1); name[nsyms] = $3
	if ($3 == vector_table) vectors = addr[nsyms]
	next
}
{
	if (!match($0, /\/[0-9a-f]+\//))
		next
	pc = hex(substr($0, RSTART + 1, RLENGTH - 2))
	off = pc - vectors
	if (off in is_entry) {
		close_exit()
		nexit++; vector = off; total = 0; nfuncs = 0
		split("", cnt)
	}
	if (!nexit)
		next
	total++
	f = func_of(pc)
	if (!(f in cnt)) { cnt[f] = 0; funcs[++nfuncs] = f }
	cnt[f]++
}
END {
	close_exit()
	for (i = 1; i <= nkeys; i++)
		if (seen[keys[i]] >= min_count)
			printf "%s, %d times:%s\n", keys[i], seen[keys[i]], breakdown[keys[i]]
}' "$out.syms" "$out.trace"
rm -f "$out.trace"
