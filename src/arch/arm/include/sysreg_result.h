/* SPDX-License-Identifier: MIT */
#ifndef SYSREG_RESULT_H
#define SYSREG_RESULT_H

/* What became of a trapped system register or coprocessor access. */
enum sysreg_result {
	SYSREG_DONE,	  /* emulated: step over it */
	SYSREG_UNDEFINED, /* a hidden feature's: UNDEFINED, as without it */
	SYSREG_UNKNOWN,	  /* no rule for it: UNDEFINED, and logged */
};

#endif
