/* SPDX-License-Identifier: MIT */
/*
 * Where each VM memory region lives in physical memory. Regions with a
 * fixed pa keep it; the others are placed, in config order, at the lowest
 * free address of platform RAM (2 MiB aligned when the region's IPA and
 * size allow, so Stage-2 can use block mappings). The same code runs in the
 * host config checker and in the hypervisor, so both agree on the map.
 */
#ifndef LAYOUT_H
#define LAYOUT_H

#include <bulkhead/config.h>

#include "platform.h"
#include "types.h"

/* Most memory regions one VM may have. */
#define LAYOUT_MAX_VM_REGIONS 8

struct vm_layout {
	/* pa[i] is where cfg->mem[i] lives. */
	u64 pa[LAYOUT_MAX_VM_REGIONS];
};

/*
 * The hypervisor's part of RAM, from HYP_MEM_BASE: CONFIG_HYP_OWN_MEM_SIZE
 * for Bulkhead itself, and the guest files cfg carries (each once), rounded
 * up to 2 MiB. The link checks that the image fits it.
 */
u64 hyp_mem_size(const struct bh_config *cfg);

/*
 * Place every VM's memory. Returns 0, or -1 if some region finds no free
 * RAM; then *failed_vm and *failed_region name it. Overlaps between fixed
 * regions are the checker's business, not this function's.
 */
int layout_place(const struct bh_config *cfg, const struct platform *plat,
		 struct vm_layout *out, size_t *failed_vm,
		 size_t *failed_region);

#endif
