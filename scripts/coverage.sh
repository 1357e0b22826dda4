#!/usr/bin/env bash
# Line coverage of the given sources, from the gcov counters of a run of the
# host tests built in <dir> (make coverage): one line per file, then the
# total for src/core, then the src/core files the host tests do not build.
# A line counts as gcov counts it: executable, and run at least once.
# Usage: scripts/coverage.sh <dir> <source.c>...
# With COVERAGE_MIN=<percent> it fails when the total is below that.
set -euo pipefail

dir=$1
shift
gcov=${GCOV:-gcov}

# "<run> <executable> <path>" for one source: its own section of gcov's
# output (gcov also prints the headers it inlined).
count_lines() {
	"$gcov" -t "$dir/${1%.c}.gcno" 2>/dev/null | awk -F: -v src="$1" '
		{ count = $1; gsub(/ /, "", count) }
		$2 + 0 == 0 && $3 == "Source" { mine = $4 == src; next }
		!mine || count == "-" { next }
		{ total++ }
		count ~ /^[0-9]/ { run++ }
		END { printf "%d %d %s\n", run, total, src }'
}

pct() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%5.1f", b ? 100 * a / b : 0 }'
}

run_all=0 total_all=0
for src in "$@"; do
	read -r run total _ < <(count_lines "$src")
	printf '%s %%  %4d / %4d  %s\n' "$(pct "$run" "$total")" "$run" "$total" "$src"
	run_all=$((run_all + run)) total_all=$((total_all + total))
done
total_pct=$(pct "$run_all" "$total_all" | tr -d ' ')
echo "src/core: $total_pct % of lines ($run_all / $total_all)"

not_built=$(comm -23 <(find src/core -name '*.c' | sort) <(printf '%s\n' "$@" | sort))
[[ -z $not_built ]] || echo "not in the host tests:" $not_built

if [[ -n ${COVERAGE_MIN:-} ]] && awk -v p="$total_pct" -v m="$COVERAGE_MIN" 'BEGIN { exit !(p < m) }'; then
	echo "src/core is below the $COVERAGE_MIN % floor: add host tests for what lost coverage (above)"
	exit 1
fi
