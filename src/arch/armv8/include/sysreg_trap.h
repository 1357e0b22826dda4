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

#endif
