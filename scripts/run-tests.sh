#!/usr/bin/env bash
# Every Bulkhead test, as `make test` runs it. Builds go to build/test with
# their own Kconfig file, so a developer's .config and build/ are untouched.
# The last line is "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

BUILD=build/test
# Every platform and variant with a defconfig.
# Sorted, so a platform comes before its variants (the first one also runs
# the platform-independent suites).
mapfile -t PLATFORMS < <(basename -s .defconfig src/platform/*/*.defconfig | sort)
passed=0 failed=0
failures=()
# The architectures whose first platform has run (what runs once per
# architecture: the load check, U-Boot booting the demo).
declare -A arch_tested=()

pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); failures+=("$1"); echo "FAIL $1"; }

# check <name> <command...>: one test, its output kept in a log.
check() {
	local name=$1 log
	shift
	log=$BUILD/logs/${name//\//_}.log
	if "$@" >"$log" 2>&1; then
		pass "$name"
	else
		fail "$name"
		tail -n 30 "$log" | sed 's/^/    /'
	fi
}

# boot <platform> <config dir> [target [make variables]]: a boot test (or
# the make target given, e.g. console-test). A `kconfig` file in the
# config's directory adds options to the defconfig, in a build of its own.
boot() {
	local plat=$1 dir=${2%/} target=${3:-boot-test} build=$BUILD kc=$BUILD/$1.config
	shift $(($# < 3 ? $# : 3))
	if [[ -f $dir/kconfig ]]; then
		build=$BUILD/$(basename "$dir")
		mkdir -p "$build"
		kc=$build/$plat.config
		cat "$BUILD/$plat.config" "$dir/kconfig" >"$kc"
	fi
	make -s BUILD="$build" KCONFIG="$kc" CONFIG="$dir" "$target" "$@"
}

# A suite that prints its own "N passed, N failed": add its counts.
suite() {
	local name=$1 log line p f
	shift
	log=$BUILD/logs/${name//\//_}.log
	"$@" >"$log" 2>&1
	local status=$?
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
	if [[ -z $line ]]; then
		fail "$name (no result line; exit $status)"
		tail -n 30 "$log" | sed 's/^/    /'
		return
	fi
	read -r p _ f _ <<<"$line"
	passed=$((passed + p))
	failed=$((failed + f))
	echo "$name: $line"
	if [[ $f -ne 0 || $status -ne 0 ]]; then
		failures+=("$name")
		grep -E '^(FAIL|  )' "$log" | head -n 40 | sed 's/^/    /'
		[[ $f -eq 0 ]] && fail "$name (exit $status)"
	fi
}

mkdir -p "$BUILD/logs"
check format ci/check-format.sh

for plat in "${PLATFORMS[@]}"; do
	kc=$BUILD/$plat.config
	mk=(make -s BUILD="$BUILD" KCONFIG="$kc")
	# The first platform also runs what does not depend on the platform.
	first=$([[ $plat == "${PLATFORMS[0]}" ]] && echo 1)
	check "$plat/defconfig" "${mk[@]}" "${plat}_defconfig"
	# The first platform of each architecture also runs what depends on
	# the architecture but not on the board's variant.
	arch=$(sed -n 's/^CONFIG_ARCH="\(.*\)"$/\1/p' "$kc" 2>/dev/null)
	arch=${arch:-unknown}
	first_of_arch=$([[ -z ${arch_tested[$arch]:-} ]] && echo 1)
	arch_tested[$arch]=1
	[[ $first ]] && suite "host-unit-tests" "${mk[@]}" host-tests-core
	[[ $first ]] && suite "host-unit-tests-armv7" "${mk[@]}" host-tests-armv7
	# The host tests must keep covering the core (issue 9: >= 85 %).
	[[ $first ]] && check "host-coverage" "${mk[@]}" coverage COVERAGE_MIN=85
	[[ $first ]] && suite "fuzz-vgic" "${mk[@]}" fuzz-smoke
	# The test guests' start-up on both architectures, without Bulkhead.
	[[ $first ]] && check "guests-native" env BUILD="$BUILD" tests/guests/native-check.sh
	# The benchmark guest's native runs on both architectures (bench/).
	[[ $first ]] && suite "bench-native" env BUILD="$BUILD" bench/native-check.sh
	# Warnings are errors: every shipped configuration must build.
	for dir in configs/*/; do
		check "$plat/build/$(basename "$dir")" "${mk[@]}" CONFIG="${dir%/}"
	done
	if [[ $first ]]; then
		suite "config-checker" tests/config-check.sh "$BUILD" "$kc"
		suite "mkcpio" tests/host-tools/mkcpio-test.sh
	fi
	[[ $first_of_arch ]] && suite "$plat/load-check" tests/load-check.sh "$BUILD/$plat/baremetal/bulkhead.bin"
	suite "$plat/uboot" tests/uboot-test.sh "$BUILD/$plat/baremetal"
	[[ $first_of_arch ]] && check "$plat/uboot/demo" boot "$plat" configs/demo \
		console-test BOOT=uboot STEPS=tests/uboot-demo.steps
	# ARMv7: the platform's core is a Cortex-A15; the same image runs the
	# bare-metal and Linux guests on a Cortex-A7 (platform.mk's QEMU_CPU).
	if [[ $arch == armv7 && $first_of_arch ]]; then
		check "$plat/cortex-a7/two-vms" boot "$plat" tests/configs/two-vms \
			boot-test QEMU_CPU=cortex-a7 EXPECT=tests/configs/two-vms/expect-cortex-a7
		check "$plat/cortex-a7/demo" boot "$plat" configs/demo \
			console-test QEMU_CPU=cortex-a7
	fi
	# A VM flooding the console must not slow a quiet VM's console call
	# (counted in instructions under -icount, so it is deterministic).
	# Each run ends by itself in ~15 s; the limit only catches a hang, so
	# it is as wide as the boot tests' (a busy host is slower, not wrong).
	[[ $first ]] && check "$plat/console-beside-flood" "${mk[@]}" \
		BENCH_OUT="$BUILD/bench" BENCH_ONLY=console BENCH_TIMEOUT=600 \
		CONFIG=bench/configs/bench bench-platform
	for dir in tests/configs/*/; do
		[[ -f $dir/expect ]] || continue
		check "$plat/boot/$(basename "$dir")" boot "$plat" "$dir"
	done
	# Configurations with a script of console steps: the shipped ones
	# (configs/: what make run boots) and the tests.
	for dir in configs/*/ tests/configs/*/; do
		[[ -f $dir/steps ]] || continue
		check "$plat/console/$(basename "$dir")" boot "$plat" "$dir" console-test
	done
done

if [[ $failed -ne 0 ]]; then
	echo "failed: ${failures[*]}"
fi
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
