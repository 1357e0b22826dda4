/* SPDX-License-Identifier: MIT */
/* Calls to the platform firmware (firmware.c; firmware_smc() per arch). */
#ifndef FIRMWARE_H
#define FIRMWARE_H

#include "types.h"

/* An SMCCC call over SMC with the arch's register width: function ID and
 * three arguments in, the first result back (the callee keeps what SMCCC
 * says it keeps). */
unsigned long firmware_smc(u32 fid, unsigned long a1, unsigned long a2,
			   unsigned long a3);

#endif
