#!/usr/bin/env bash
# Boot a Bulkhead image in QEMU: run-qemu.sh <image> [extra QEMU args...]
# The platform's platform.mk exports QEMU_SYSTEM, QEMU_MACHINE, QEMU_SMP
# and QEMU_MEM (make run sets them). Ctrl-A X leaves QEMU.
set -euo pipefail
image=$1
shift
: "${QEMU_SYSTEM:?run this through make (make run), or set QEMU_SYSTEM}"
# shellcheck disable=SC2086 # QEMU_MACHINE holds several arguments
exec "$QEMU_SYSTEM" $QEMU_MACHINE -smp "$QEMU_SMP" -m "$QEMU_MEM" \
	-nographic -no-reboot -kernel "$image" "$@"
