/* SPDX-License-Identifier: MIT */
/*
 * The PL1 physical counter and timer as a VM sees them: counting from the
 * VM's own (re)start like the virtual ones (CNTVOFF), so no guest reads
 * the machine's uptime. ARMv7 has no offset for them, so CNTHCTL traps
 * them (PL1PCTEN, PL1PCEN clear) and they are emulated with the VM's
 * counter_offset, as on AArch64 (armv8/ptimer.c): CNTPCT and CNTP_CVAL
 * are shifted by it, CNTP_TVAL (relative to the counter) and CNTP_CTL
 * pass through.
 */
#include "guest_state.h"
#include "sysreg.h"
#include "sysreg_trap.h"
#include "vm.h"

/* MRRC CNTPCT, MCRR/MRRC CNTP_CVAL. */
static enum sysreg_result wide_access(u64 offset, struct cp_access *a)
{
	switch (a->reg) {
	case CP15_ISS_64(CNTPCT):
		if (!a->read)
			return SYSREG_UNDEFINED; /* read-only */
		a->value = cp15_read64(a->reg) - offset;
		return SYSREG_DONE;
	case CP15_ISS_64(CNTP_CVAL):
		if (a->read)
			a->value = cp15_read64(a->reg) - offset;
		else
			cp15_write64(a->reg, a->value + offset);
		return SYSREG_DONE;
	}
	return SYSREG_UNKNOWN;
}

enum sysreg_result ptimer_access(struct vcpu *vcpu, struct cp_access *a)
{
	if (a->wide)
		return wide_access(vcpu->vm->counter_offset, a);
	if (a->reg != CP15_ISS(CNTP_TVAL) && a->reg != CP15_ISS(CNTP_CTL))
		return SYSREG_UNKNOWN;
	if (a->read)
		a->value = cp15_read(a->reg);
	else
		cp15_write(a->reg, (u32)a->value);
	return SYSREG_DONE;
}
