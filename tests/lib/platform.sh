# shellcheck shell=bash
# A build's platform, for the test scripts that source this.

# platform_qemu_env <build dir of a config>: the platform's QEMU settings
# as make run exports them, one per line (QEMU_SYSTEM, QEMU_MACHINE,
# QEMU_SMP, QEMU_MEM): its platform.mk evaluated with the build's Kconfig
# values (autoconf.h, one level up). Run from the top of the tree.
platform_qemu_env() {
	local autoconf=$1/../autoconf.h dir
	dir=$(sed -n 's/^#define CONFIG_PLATFORM_DIR "\(.*\)"$/\1/p' "$autoconf")
	{
		sed -n 's/^#define \(CONFIG_[A-Za-z0-9_]*\) \(.*\)$/\1 := \2/p' "$autoconf"
		echo "include src/platform/$dir/platform.mk"
		cat <<-'MK'
			all: ; @printf '%s\n' "$(QEMU_SYSTEM)" "$(QEMU_MACHINE)" "$(QEMU_SMP)" "$(QEMU_MEM)"
		MK
	} | make -s --no-print-directory -f -
}

# export_platform_qemu_env <build dir>: export those four, unless the
# caller set QEMU_SYSTEM (then it chose them). False if they cannot be read.
export_platform_qemu_env() {
	local env
	[[ -n ${QEMU_SYSTEM:-} ]] && return 0
	[[ -f $1/../autoconf.h ]] || return 1
	mapfile -t env < <(platform_qemu_env "$1")
	[[ ${#env[@]} -eq 4 ]] || return 1
	export QEMU_SYSTEM=${env[0]} QEMU_MACHINE=${env[1]} QEMU_SMP=${env[2]} QEMU_MEM=${env[3]}
}
