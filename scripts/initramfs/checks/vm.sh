#!/bin/sh
# bulkhead.check=vm: what the Linux boot tests assert of a VM: the CPUs and
# memory the kernel found, its virtual timer ticking, and an IPI reaching
# CPU 1 (a task pinned there runs, which needs the scheduler's IPIs). The
# kernel's own lines come from dmesg, so a quiet console still shows them.
dmesg | grep -m1 "smp: Brought up"
dmesg | grep -m1 "Memory: "
echo "vm: nproc=$(nproc)"
# The arch_timer line's CPU0 column.
ticks() { grep arch_timer /proc/interrupts | tr -s ' ' | cut -d' ' -f3; }
before=$(ticks)
sleep 1
after=$(ticks)
if [ "$after" -gt "$before" ]; then
	echo "vm: timer ticking ($before -> $after)"
else
	echo "vm: timer STUCK at $before"
fi
taskset -c 1 sh -c 'echo "vm: pinned task ran on cpu $(cut -d" " -f39 /proc/self/stat)"'
