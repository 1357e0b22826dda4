/* SPDX-License-Identifier: MIT */
/*
 * Which emulated device a trapped access is for (mmio.h). The console
 * comes first: its check is one compare, and a verbose guest reaches it
 * thousands of times a second.
 */
#include "mmio.h"
#include "vgic.h"
#include "vm.h"
#include "vuart.h"

bool emulated_mmio(struct vcpu *vcpu, struct mmio_access *a)
{
	return vuart_mmio(vcpu, a) || vgic_mmio(vcpu, a);
}

const char *emulated_device_name(struct vcpu *vcpu, u64 ipa)
{
	return vuart_at(vcpu->vm, ipa) ? "console UART"
				       : vgic_frame_name(vcpu, ipa);
}
