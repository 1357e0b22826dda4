/* SPDX-License-Identifier: MIT */
/* Decoding a trapped MSR/MRS (EC 0x18): its ISS. */
#ifndef SYSREG_TRAP_H
#define SYSREG_TRAP_H

#define ISS_READ     (1 << 0)
#define ISS_RT(iss)  (((iss) >> 5) & 0x1f)
#define ISS_CRM(iss) (((iss) >> 1) & 0xf)
#define ISS_CRN(iss) (((iss) >> 10) & 0xf)
#define ISS_OP1(iss) (((iss) >> 14) & 0x7)
#define ISS_OP2(iss) (((iss) >> 17) & 0x7)
#define ISS_OP0(iss) (((iss) >> 20) & 0x3)
#define ISS_REG_MASK 0x3ffc1e /* Op0, Op2, Op1, CRn, CRm */

/* A register's ISS bits under ISS_REG_MASK. */
#define SYSREG(op0, op1, crn, crm, op2)                                        \
	((op0) << 20 | (op2) << 17 | (op1) << 14 | (crn) << 10 | (crm) << 1)

/* The EL1 memory-system registers HCR_EL2.TVM traps writes to. */
#define VM_REGISTERS(X)                                                        \
	X(sctlr_el1, 3, 0, 1, 0, 0)                                            \
	X(ttbr0_el1, 3, 0, 2, 0, 0)                                            \
	X(ttbr1_el1, 3, 0, 2, 0, 1)                                            \
	X(tcr_el1, 3, 0, 2, 0, 2)                                              \
	X(afsr0_el1, 3, 0, 5, 1, 0)                                            \
	X(afsr1_el1, 3, 0, 5, 1, 1)                                            \
	X(esr_el1, 3, 0, 5, 2, 0)                                              \
	X(far_el1, 3, 0, 6, 0, 0)                                              \
	X(mair_el1, 3, 0, 10, 2, 0)                                            \
	X(amair_el1, 3, 0, 10, 3, 0)                                           \
	X(contextidr_el1, 3, 0, 13, 0, 1)

#define SCTLR_EL1_ENC SYSREG(3, 0, 1, 0, 0)

#endif
