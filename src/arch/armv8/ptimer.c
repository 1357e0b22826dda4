/* SPDX-License-Identifier: MIT */
/*
 * The EL1 physical counter and timer as a VM sees them: like the virtual
 * ones (CNTVOFF_EL2), counting from the VM's own (re)start, so no guest
 * reads the machine's uptime or learns when it was started. ARMv8.0 has
 * no offset for them (CNTPOFF_EL2 came with FEAT_ECV), so CNTHCTL_EL2
 * traps the counter and the timer's registers, and they are emulated with
 * the VM's counter_offset: CNTPCT_EL0 and CNTP_CVAL_EL0 are shifted by
 * it; CNTP_TVAL_EL0 (relative to the counter) and CNTP_CTL_EL0 pass
 * through. The timer fires when the shifted compare value says, and its
 * PPI reaches the guest as before. Guests normally use the virtual timer
 * (Linux does): these traps cost nothing then.
 */
#include "cpu.h"
#include "sysreg.h"
#include "sysreg_trap.h"
#include "vm.h"

#define CNTPCT_EL0    SYSREG(3, 3, 14, 0, 1)
#define CNTP_TVAL_EL0 SYSREG(3, 3, 14, 2, 0)
#define CNTP_CTL_EL0  SYSREG(3, 3, 14, 2, 1)
#define CNTP_CVAL_EL0 SYSREG(3, 3, 14, 2, 2)

static u64 counter_read(void)
{
	isb(); /* not read ahead of the trapped instruction */
	return read_sysreg(cntpct_el0);
}

bool handle_ptimer_trap(struct vcpu *vcpu, struct guest_frame *f, u64 iss)
{
	u64 offset = vcpu->vm->counter_offset;
	unsigned rt = ISS_RT(iss);
	bool read = iss & ISS_READ;

	switch (iss & ISS_REG_MASK) {
	case CNTPCT_EL0:
		if (!read)
			return false; /* read-only: UNDEFINED */
		frame_set(f, rt, counter_read() - offset);
		return true;
	case CNTP_CVAL_EL0:
		if (read)
			frame_set(f, rt, read_sysreg(cntp_cval_el0) - offset);
		else
			write_sysreg(cntp_cval_el0, frame_get(f, rt) + offset);
		return true;
	case CNTP_TVAL_EL0:
		if (read)
			frame_set(f, rt, read_sysreg(cntp_tval_el0));
		else
			write_sysreg(cntp_tval_el0, frame_get(f, rt));
		return true;
	case CNTP_CTL_EL0:
		if (read)
			frame_set(f, rt, read_sysreg(cntp_ctl_el0));
		else
			write_sysreg(cntp_ctl_el0, frame_get(f, rt));
		return true;
	}
	return false;
}
