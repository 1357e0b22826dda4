/* SPDX-License-Identifier: MIT */
#ifndef IRQ_H
#define IRQ_H

#include "types.h"

struct vcpu;

/* One acknowledged physical interrupt (vcpu: this core's vCPU, or NULL
 * for a core in no VM). */
void irq_handle(struct vcpu *vcpu, u32 intid);
/* Take every physical interrupt pending on this core. */
void irq_handle_pending(struct vcpu *vcpu);

#endif
