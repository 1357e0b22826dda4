#!/bin/bash
# Every tests/configs/bad-*/ config must fail the build, and the error must
# contain the text in its expect-error file.
# Usage: tests/config-check.sh [build-dir (build/test)] [kconfig (.config)]
set -u
cd "$(dirname "$0")/.."
build=${1:-build/test}
kconfig=${2:-.config}
passed=0
failed=0

for dir in tests/configs/bad-*/; do
	dir=${dir%/}
	expected=$(cat "$dir/expect-error")
	if output=$(make -s BUILD="$build" KCONFIG="$kconfig" CONFIG="$dir" 2>&1); then
		echo "FAIL $dir: the build succeeded"
	elif ! grep -qF -- "$expected" <<<"$output"; then
		echo "FAIL $dir: no '$expected' in:"
		sed 's/^/    /' <<<"$output"
	else
		echo "ok   $dir"
		passed=$((passed + 1))
		continue
	fi
	failed=$((failed + 1))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
