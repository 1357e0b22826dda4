/* SPDX-License-Identifier: MIT */
/*
 * The build-time config checker: everything that makes a system
 * configuration unbuildable, reported with the VM names, addresses and the
 * fix. Runs on the host (scripts/config-checker.c) before the image links.
 */
#ifndef CONFIG_CHECK_H
#define CONFIG_CHECK_H

#include <bulkhead/config.h>

#include "layout.h"
#include "platform.h"

/* Called once per problem found, with a complete one-line message. */
typedef void (*config_report_fn)(void *ctx, const char *msg);

/*
 * Check cfg against plat and the Kconfig limits; on success fill layouts
 * (one per VM, cfg->vm_count of them). Returns the number of problems.
 */
unsigned config_check(const struct bh_config *cfg, const struct platform *plat,
		      struct vm_layout *layouts, config_report_fn report,
		      void *ctx);

#endif
