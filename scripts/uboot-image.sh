#!/usr/bin/env bash
# Wrap a Bulkhead image for U-Boot's bootm: uboot-image.sh <bulkhead.bin>
# Writes, next to the .bin:
#   bulkhead.uimg  a legacy uImage
#   bulkhead.itb   a FIT with one kernel and the configuration conf-1
# Both are uncompressed and have load = entry = the image's link address,
# so bootm copies the image to where it must run (Bulkhead stops with a
# message when it runs anywhere else). The address and the architecture
# (U-Boot's arm64 or arm) come from the ELF next to the .bin, so no board
# address is written down here. Any image made the same way (a .bin that
# starts at the ELF's _start) can be wrapped: the native test guests, too.
set -euo pipefail
bin=${1:?usage: uboot-image.sh <path/to/bulkhead.bin>}
dir=$(dirname "$bin")
name=$(basename "$bin" .bin)
elf=$dir/$name.elf

die() { echo "uboot-image.sh: $*" >&2; exit 1; }
[[ -f $bin ]] || die "no $bin (build it first: make)"
[[ -f $elf ]] || die "no $elf next to $bin: the link address is read from it"
command -v mkimage >/dev/null || die "mkimage not found (Debian: u-boot-tools; make deps installs it)"

# The ELF's e_machine (little-endian, at byte 18): U-Boot's name for the
# architecture and the toolchain that reads the ELF by default.
case $(od -A n -t x2 -j 18 -N 2 "$elf" | tr -d ' ') in
00b7) arch=arm64 cross=${CROSS_COMPILE:-aarch64-linux-gnu-} ;;
0028) arch=arm cross=${CROSS_COMPILE:-arm-linux-gnueabihf-} ;;
*) die "$elf is neither an AArch64 nor an ARM ELF" ;;
esac

# An arm64 .bin must be the arm64 Image that objcopy made of this ELF:
# "ARM\x64" at byte 56 of its header. (ARMv7 Bulkhead is a raw image.)
if [[ $arch == arm64 ]]; then
	[[ $(od -A n -t x1 -j 56 -N 4 "$bin" | tr -d ' ') == 41524d64 ]] ||
		die "$bin has no arm64 Image header"
fi

# _start is both the link address and the entry point (see boot.S), and
# the .bin's first byte: the lowest address objcopy copied.
addr=$("${cross}nm" "$elf" | awk '$3 == "_start" { print "0x" $1 }')
[[ -n $addr ]] || die "no _start symbol in $elf"
addr=$(printf '0x%x' "$addr")
first=$("${cross}readelf" -lW "$elf" | awk '$1 == "LOAD" && $5 !~ /^0x0+$/ { print $3 }' | sort | head -n 1)
((first == addr)) || die "$bin does not start at _start ($addr) but at $first"

uimg=$dir/$name.uimg
mkimage -A "$arch" -O linux -T kernel -C none -a "$addr" -e "$addr" \
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
			arch = "$arch";
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

echo "  UBOOT   $uimg $itb ($arch, load = entry = $addr)"
