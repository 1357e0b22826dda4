#!/usr/bin/env bash
# Wrap a Bulkhead image for U-Boot's bootm: uboot-image.sh <bulkhead.bin>
# Writes, next to the .bin:
#   bulkhead.uimg  a legacy uImage
#   bulkhead.itb   a FIT with one kernel and the configuration conf-1
# Both are uncompressed and have load = entry = the image's link address,
# so bootm copies the image to where it must run (Bulkhead stops with a
# message when it runs anywhere else). The address comes from the ELF next
# to the .bin, so no board address is written down here.
set -euo pipefail
bin=${1:?usage: uboot-image.sh <path/to/bulkhead.bin>}
dir=$(dirname "$bin")
name=$(basename "$bin" .bin)
elf=$dir/$name.elf
cross=${CROSS_COMPILE:-aarch64-linux-gnu-}

die() { echo "uboot-image.sh: $*" >&2; exit 1; }
[[ -f $bin ]] || die "no $bin (build it first: make)"
[[ -f $elf ]] || die "no $elf next to $bin: the link address is read from it"
command -v mkimage >/dev/null || die "mkimage not found (Debian: u-boot-tools; make deps installs it)"

# The .bin must be the arm64 Image that objcopy made of this ELF: "ARM\x64"
# at byte 56 of its header.
[[ $(od -A n -t x1 -j 56 -N 4 "$bin" | tr -d ' ') == 41524d64 ]] ||
	die "$bin has no arm64 Image header"

# _start is both the link address and the entry point (see boot.S).
addr=$("${cross}nm" "$elf" | awk '$3 == "_start" { print "0x" $1 }')
[[ -n $addr ]] || die "no _start symbol in $elf"
addr=$(printf '0x%x' "$addr")

uimg=$dir/$name.uimg
mkimage -A arm64 -O linux -T kernel -C none -a "$addr" -e "$addr" \
	-n "Bulkhead" -d "$bin" "$uimg" >/dev/null

# The FIT source is generated each time: its only inputs are the path of the
# .bin and its address. Addresses are written as two 32-bit cells, as
# U-Boot reads a 64-bit load/entry.
itb=$dir/$name.itb
its=$dir/$name.its
cells=$(printf '0x%08x 0x%08x' $((addr >> 32)) $((addr & 0xffffffff)))
cat >"$its" <<EOF
/dts-v1/;

/ {
	description = "Bulkhead";
	#address-cells = <2>;

	images {
		kernel-1 {
			description = "Bulkhead hypervisor";
			data = /incbin/("$(basename "$bin")");
			type = "kernel";
			arch = "arm64";
			os = "linux";
			compression = "none";
			load = <$cells>;
			entry = <$cells>;
			hash-1 {
				algo = "crc32";
			};
		};
	};

	configurations {
		default = "conf-1";
		conf-1 {
			description = "Bulkhead";
			kernel = "kernel-1";
		};
	};
};
EOF
# mkimage resolves /incbin/ from the .its's directory.
(cd "$dir" && mkimage -f "$name.its" "$name.itb" >/dev/null) ||
	die "mkimage failed on $its"

echo "  UBOOT   $uimg $itb (load = entry = $addr)"
