/* SPDX-License-Identifier: MIT */
/* Must be rejected: a config without VMs. The image is this file's own bytes.
 */
#include <bulkhead/config.h>

BH_FILE(img, "config.c");

const struct bh_config bh_config = {.vms = NULL, .vm_count = 0};
