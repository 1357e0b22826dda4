/* SPDX-License-Identifier: MIT */
/* Entry points from the arch's boot code into the core. */
#ifndef HYP_H
#define HYP_H

#include "page_pool.h"

/* First thing on the boot core, MMU off: the console becomes usable. */
void hyp_early_init(void);
/* The pool translation tables come from (the arch's and the VMs'). */
struct page_pool *hyp_page_pool(void);
/* The boot core, MMU on: build the VMs, start the other cores, run. */
noreturn void hyp_main(void);

#endif
