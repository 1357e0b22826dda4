#!/usr/bin/env bash
# Boot a Bulkhead image through U-Boot in QEMU, with no keyboard input:
#   run-uboot.sh <bulkhead.uimg|bulkhead.itb> [extra QEMU args...]
# (make them with scripts/uboot-image.sh; make run BOOT=uboot does both).
# Like run-qemu.sh it reads QEMU_SYSTEM, QEMU_MACHINE, QEMU_SMP and
# QEMU_MEM from the platform's platform.mk. UBOOT_BIN picks another U-Boot
# (the default: Debian's for QEMU_SYSTEM's architecture). Ctrl-A X leaves
# QEMU.
#
# How: QEMU starts Debian's U-Boot for virt as its firmware (-bios); with
# virtualization=on U-Boot runs at EL2 (ARMv7: in HYP mode) and hands over
# there. The image is
# put in RAM by QEMU's loader device, and U-Boot's environment, read from
# the second flash bank, boots it at once with bootm. bootm copies the
# uncompressed image to its load address, Bulkhead's link address.
set -euo pipefail
image=${1:?usage: run-uboot.sh <bulkhead.uimg|bulkhead.itb> [extra QEMU args...]}
shift
: "${QEMU_SYSTEM:?run this through make (make run BOOT=uboot), or set QEMU_SYSTEM}"

die() { echo "run-uboot.sh: $*" >&2; exit 1; }
case $QEMU_SYSTEM in
*-aarch64) board=qemu_arm64 ;;
*-arm) board=qemu_arm ;;
*) [[ -n ${UBOOT_BIN:-} ]] || die "no Debian U-Boot for $QEMU_SYSTEM: set UBOOT_BIN" ;;
esac
uboot=${UBOOT_BIN:-/usr/lib/u-boot/$board/u-boot.bin}
[[ -f $image ]] || die "no $image (make uboot-images builds it)"
[[ -f $uboot ]] || die "no $uboot (Debian: u-boot-qemu; make deps installs it)"

# Where QEMU puts the image for U-Boot: 128 MiB below the top of RAM.
# - Bulkhead runs at RAM base + 2 MiB (ARMv7: + 64 KiB) and owns the start
#   of RAM (sized from its guest files: "hypervisor 0x40000000-0x42600000"
#   in the Linux demo's boot log); it places VM memory upwards from there
#   (the demo: up to 0x52e00000).
# - U-Boot relocates itself to the top of RAM. With 1 GiB, bdinfo shows
#   relocaddr 0x7fef7000 and its stack at 0x7edb6da0; bootm reserves from
#   0x7ddb2000 up and copies the device tree to 0x7dcaf000 (1 MiB) below
#   (qemu_arm: 0x7ff38000, 0x7edf7e90, 0x7ddf3000, 0x7dcf0000).
# So with QEMU's 1 GiB the image goes at 0x78000000, leaving it about
# 90 MiB below U-Boot's area and far above anything Bulkhead writes.
# (bootm is done with the copy before Bulkhead starts anyway.)
ram_base=$((0x40000000)) # QEMU virt
case $QEMU_MEM in
*[Gg]) ram_mib=$((${QEMU_MEM%[Gg]} * 1024)) ;;
*[Mm]) ram_mib=${QEMU_MEM%[Mm]} ;;
*) ram_mib=$QEMU_MEM ;;
esac
load=$((ram_base + (ram_mib << 20) - (128 << 20)))
((load >= ram_base + (256 << 20))) ||
	die "QEMU_MEM=$QEMU_MEM is too small: the image would be staged inside the first 256 MiB of RAM"
(($(stat -c %s "$image") <= 64 << 20)) ||
	die "$image is over 64 MiB: it would run into U-Boot at the top of RAM"
load=$(printf '0x%x' "$load")

# bootm wants a device tree on arm64 and arm alike (without one it resets:
# "FDT and ATAGS support not compiled in"): give it U-Boot's own copy of
# QEMU's.
# A FIT needs its configuration named: bootm ignores the default one.
case $(od -A n -t x1 -N 4 "$image" | tr -d ' ') in
27051956) boot="bootm $load - \${fdtcontroladdr}" ;;         # uImage magic
d00dfeed) boot="bootm $load#conf-1 - \${fdtcontroladdr}" ;;  # FIT: a device tree
*) die "$image is neither a uImage nor a FIT" ;;
esac

# U-Boot's environment: QEMU's second flash bank must be exactly 64 MiB.
# A valid environment there replaces U-Boot's default one (which would
# wait 2 s and try network boot). If bootm fails, say so and power off
# rather than sit at the prompt.
flash=$image.pflash
mkenvimage -s 0x40000 -o "$flash" - <<EOF
bootdelay=0
bootcmd=$boot; echo "run-uboot.sh: bootm failed"; poweroff
EOF
truncate -s 64M "$flash"

# shellcheck disable=SC2086 # QEMU_MACHINE holds several arguments
exec "$QEMU_SYSTEM" $QEMU_MACHINE -smp "$QEMU_SMP" -m "$QEMU_MEM" \
	-nographic -no-reboot -bios "$uboot" \
	-drive "if=pflash,unit=1,format=raw,file=$flash" \
	-device "loader,file=$image,addr=$load,force-raw=on" "$@"
