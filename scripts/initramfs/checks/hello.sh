#!/bin/sh
# The example check (bulkhead.check=hello): what Linux sees of its VM.
echo "nproc: $(nproc)"
grep MemTotal /proc/meminfo
cat /proc/interrupts
