/* SPDX-License-Identifier: MIT */
/* Guest accesses to the devices the hypervisor emulates (src/core/devices). */
#ifndef MMIO_H
#define MMIO_H

#include "types.h"

/* An access to emulated MMIO, decoded from a Stage-2 data abort. */
struct mmio_access {
	u64 ipa;
	u64 value; /* written, or to return */
	u8 size;   /* 1, 2, 4 or 8 bytes */
	bool write;
};

struct vcpu;

/* The VM's console, then its GIC; false if no emulated device is there,
 * or the device does not take an access of that size or alignment. */
bool emulated_mmio(struct vcpu *vcpu, struct mmio_access *a);
/* The emulated device at ipa, in words ("console UART"), or NULL. */
const char *emulated_device_name(struct vcpu *vcpu, u64 ipa);

#endif
