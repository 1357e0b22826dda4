#!/usr/bin/env bash
# Install what building and testing Bulkhead needs, from Debian's packages.
# The list is decided from package names alone (dpkg's view of what is
# installed), so one pass settles everything, whatever commands happen to
# exist already. Idempotent, and quick when all is there. As root it runs
# apt-get; otherwise it prints the command to run.
set -euo pipefail

packages=(
	make gcc libc6-dev        # host tools: config checker, unit tests
	gcc-aarch64-linux-gnu     # the hypervisor and its guests
	gcc-arm-linux-gnueabihf   # the ARMv7 build of the test guests
	qemu-system-arm           # qemu-system-aarch64 and qemu-system-arm
	device-tree-compiler      # dtc
	kconfig-frontends         # kconfig-conf, kconfig-mconf
	u-boot-tools              # mkimage
	u-boot-qemu               # U-Boot for QEMU virt, for the U-Boot boot test
	clang clang-format        # the vGIC fuzzer, the format check
	libclang-rt-14-dev        # libFuzzer and sanitizer runtimes for clang 14
	coreutils                 # timeout
)

# A CROSS_COMPILE toolchain other than Debian's (AArch64, ARMv7) is the
# user's to install.
cross=${CROSS_COMPILE:-aarch64-linux-gnu-}
if [[ $cross != aarch64-linux-gnu- && $cross != arm-linux-gnueabihf- ]] &&
	! command -v "${cross}gcc" >/dev/null; then
	echo "error: ${cross}gcc not found: put your toolchain on PATH or unset CROSS_COMPILE" >&2
	exit 1
fi

installed() {
	[[ $(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null) == installed ]]
}

missing=()
for pkg in "${packages[@]}"; do
	installed "$pkg" || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
	echo "Bulkhead needs these Debian packages: ${missing[*]}" >&2
	echo "Install them with:  sudo apt-get update && sudo $cmd" >&2
	exit 1
fi
echo "Installing ${#missing[@]} Debian packages (once): ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
$cmd -qq >/dev/null
