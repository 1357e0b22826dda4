/* SPDX-License-Identifier: MIT */
/* Reporting an exception the hypervisor took itself: a bug. */
#ifndef HYP_FAULT_H
#define HYP_FAULT_H

#include "types.h"

/* The exception class of a syndrome (ESR_EL2 or HSR), in words. */
const char *exception_class_name(u64 ec);
/* A long-descriptor fault status code (DFSC/IFSC), in words. */
const char *fault_name(u64 fsc);
/* For an abort (its ESR_EL2 or HSR): which fault, at which table level,
 * on what access, as panic lines. */
void report_abort(u64 esr);

#endif
