/* SPDX-License-Identifier: MIT */
/* A VM's device tree source, generated from its config (dts.c). */
#ifndef DTS_H
#define DTS_H

#include <stdio.h>

#include "boot_plan.h"
#include "platform.h"

void dts_print_vm(FILE *f, const struct bh_vm_config *vm,
		  const struct platform *plat, const struct boot_plan *plan);

#endif
