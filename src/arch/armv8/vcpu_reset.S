/* SPDX-License-Identifier: MIT */
/*
 * vcpu_reset_el1_el0(): the guest state of this core in reset, before a
 * vCPU (re)starts on it. Nothing else ever runs at EL1/EL0 here, so every
 * register the last run could write still holds what it wrote: its thread
 * pointers, vector base, translation tables, FP/SIMD data. A restarted
 * VM must not read its earlier life (docs/guest-interface.md, Entry).
 * What enter_guest() does not set: the general-purpose registers are its.
 * The debug registers, the guest's too, are reset by cpu.c (how many
 * there are depends on the core); the PMU is hidden; the vGIC resets the
 * virtual CPU interface.
 */
	.text
	.global	vcpu_reset_el1_el0
vcpu_reset_el1_el0:
	/* FP/SIMD (CPTR_EL2 leaves them untrapped at EL2). */
	.irp	n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	movi	v\n\().2d, #0
	.endr
	msr	fpcr, xzr
	msr	fpsr, xzr
	/* EL1 and EL0 system registers of ARMv8.0 a guest can write. SCTLR_EL1
	 * is set by the caller: MMU and caches off, its RES1 bits set. */
	.irp	reg, cpacr_el1, ttbr0_el1, ttbr1_el1, tcr_el1, mair_el1, amair_el1, vbar_el1, contextidr_el1, esr_el1, far_el1, afsr0_el1, afsr1_el1, par_el1, elr_el1, spsr_el1, sp_el0, sp_el1, tpidr_el1, tpidr_el0, tpidrro_el0, csselr_el1, cntkctl_el1, cntv_ctl_el0, cntv_cval_el0, cntp_ctl_el0, cntp_cval_el0
	msr	\reg, xzr
	.endr
	ret
