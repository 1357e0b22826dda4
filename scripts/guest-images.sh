#!/usr/bin/env bash
# Fetch Debian's current kernel and static busybox for a Linux guest:
#   guest-images.sh arm64 DIR    leaves DIR/Image (uncompressed) and DIR/busybox
#   guest-images.sh armhf DIR    leaves DIR/zImage and DIR/busybox
# Both come from the Debian archive with `apt-get download` and are unpacked
# with `dpkg -x`; nothing else is kept. DIR/packages names the two packages
# and their versions. Files present and that stamp there mean done: nothing
# runs, not even apt, so a cached copy works offline (remove DIR to refresh).
# The guest's architecture must be known to dpkg; as root this script adds
# it, otherwise it prints the commands to run.
set -euo pipefail

die() {
	echo "guest-images: $*" >&2
	exit 1
}

[[ $# -eq 2 ]] || die "usage: $0 arm64|armhf DIR"
arch=$1 dir=$2
case $arch in
arm64) kernel_meta=linux-image-arm64 kernel_file=Image ;;
armhf) kernel_meta=linux-image-armmp-lpae kernel_file=zImage ;;
*) die "unknown guest architecture '$arch' (arm64 or armhf)" ;;
esac
stamp=$dir/packages

if [[ -f $dir/$kernel_file && -f $dir/busybox && -f $stamp ]]; then
	exit 0
fi

is_root() { [[ $(id -u) -eq 0 ]]; }

# as_root <why> <command>: run it, or tell a user without root what to run.
as_root() {
	local why=$1 cmd=$2
	if ! is_root; then
		echo "guest-images: $why. As root, run:" >&2
		echo "    $cmd" >&2
		echo "then run this again." >&2
		exit 1
	fi
	echo "guest-images: $why: $cmd"
	eval "$cmd"
}

# apt only sees packages of architectures that dpkg was told about.
if [[ $arch != "$(dpkg --print-architecture)" ]] &&
	! dpkg --print-foreign-architectures | grep -qx "$arch"; then
	as_root "dpkg does not know the $arch architecture yet" \
		"dpkg --add-architecture $arch && apt-get update -qq"
fi

# The package the meta package depends on, e.g. linux-image-6.1.0-57-arm64;
# nothing when apt does not know the meta package.
kernel_package() {
	apt-cache depends "$kernel_meta:$arch" 2>/dev/null |
		sed -n '/^ *Depends: <\{0,1\}linux-image-/{s/^ *Depends: <\{0,1\}\([^:>]*\).*/\1/p;q}' ||
		true
}

kernel=$(kernel_package)
if [[ -z $kernel ]]; then
	# A fresh Debian root has no package lists at all.
	as_root "apt does not know $kernel_meta:$arch" "apt-get update -qq"
	kernel=$(kernel_package)
	[[ -n $kernel ]] || die "$kernel_meta:$arch is not in the Debian archive apt uses (see /etc/apt/sources.list.d)"
fi

# field <package:arch> <field>: from the version apt would download.
field() {
	apt-cache show --no-all-versions "$1" 2>/dev/null | sed -n "s/^$2: //p" || true
}

packages=("$kernel:$arch" "busybox-static:$arch")
wanted=() stamp_text="" sizes=()
for pkg in "${packages[@]}"; do
	version=$(field "$pkg" Version) size=$(field "$pkg" Size)
	[[ -n $version && -n $size ]] || die "apt knows no version of $pkg to download"
	wanted+=("$pkg=$version")
	stamp_text+="$pkg $version"$'\n'
	sizes+=("${pkg%:*} $version ($(numfmt --to=iec-i --format=%.1f --suffix=B "$size"))")
done

echo "guest-images: downloading ${sizes[0]} and ${sizes[1]} for $arch from the Debian archive"
mkdir -p "$dir"
rm -f "$stamp"
tmp=$(mktemp -d "$dir/.download.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# As root, apt downloads as the _apt user, who cannot write to this private
# directory: it would fall back to root with a warning.
sandbox=()
is_root && sandbox=(-o APT::Sandbox::User=root)
(cd "$tmp" && apt-get download -qq "${sandbox[@]}" "${wanted[@]}")
for deb in "$tmp"/*.deb; do
	dpkg -x "$deb" "$tmp/root"
done

# The kernel is named by its ABI (boot/vmlinuz-6.1.0-57-arm64); check that it
# is what the guests load, so a change of format in Debian is caught here.
kernel_image=("$tmp"/root/boot/vmlinuz-*)
[[ -f ${kernel_image[0]} ]] || die "no boot/vmlinuz-* in $kernel"
case $arch in
arm64) magic_offset=56 magic=41524d64 what="an arm64 Image (magic ARMd)" ;;
armhf) magic_offset=36 magic=18286f01 what="a zImage (magic 0x016f2818)" ;;
esac
[[ $(od -An -tx1 -j "$magic_offset" -N 4 "${kernel_image[0]}" | tr -d ' ') == "$magic" ]] ||
	die "${kernel_image[0]#"$tmp/root/"} in $kernel is not $what"

# Now, not the package's build time: what make built from an older download
# must be rebuilt.
touch "${kernel_image[0]}" "$tmp/root/bin/busybox"
mv "${kernel_image[0]}" "$dir/$kernel_file"
mv "$tmp/root/bin/busybox" "$dir/busybox"
printf '%s' "$stamp_text" >"$stamp"
