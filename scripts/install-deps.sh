#!/usr/bin/env bash
# Install what building and testing Bulkhead needs, from Debian's packages.
# Idempotent and quick when everything is there. As root it runs apt-get;
# otherwise it prints the command to run.
set -euo pipefail

cross=${CROSS_COMPILE:-aarch64-linux-gnu-}

# command  package
needs=(
	"make make"
	"gcc gcc"
	"${cross}gcc gcc-aarch64-linux-gnu"
	"qemu-system-aarch64 qemu-system-arm"
	"dtc device-tree-compiler"
	"kconfig-conf kconfig-frontends"
	"kconfig-mconf kconfig-frontends"
	"mkimage u-boot-tools"
	"clang-format clang-format"
	"clang clang"
	"timeout coreutils"
)

missing=()
for pair in "${needs[@]}"; do
	cmd=${pair%% *}
	pkg=${pair##* }
	command -v "$cmd" >/dev/null 2>&1 && continue
	# A custom CROSS_COMPILE toolchain is the user's to install.
	if [[ $cmd == "${cross}gcc" && $cross != aarch64-linux-gnu- ]]; then
		echo "error: ${cross}gcc not found: put your toolchain on PATH or unset CROSS_COMPILE" >&2
		exit 1
	fi
	[[ " ${missing[*]} " == *" $pkg "* ]] || missing+=("$pkg")
done

# libFuzzer's runtime is not a dependency of Debian's clang.
if command -v clang >/dev/null 2>&1 &&
	[[ ! -f $(clang -print-file-name="libclang_rt.fuzzer-$(uname -m).a") ]]; then
	missing+=(libclang-rt-14-dev)
fi

[[ ${#missing[@]} -eq 0 ]] && exit 0

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
	echo "Bulkhead needs: ${missing[*]}" >&2
	echo "Install them with:  sudo apt-get update && sudo $cmd" >&2
	exit 1
fi
echo "Installing ${missing[*]} ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
$cmd -qq
