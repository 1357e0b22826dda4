/* SPDX-License-Identifier: MIT */
#ifndef IRQ_H
#define IRQ_H

#include "types.h"

struct vcpu;

/* One acknowledged physical interrupt (vcpu: this core's vCPU, or NULL
 * for a core in no VM). */
void irq_handle(struct vcpu *vcpu, u32 intid);
/* One acknowledged physical interrupt taken while the guest ran: the
 * fast paths (a timer tick, an SGI), else irq_handle() and a flush. */
void irq_from_guest(struct vcpu *vcpu, u32 intid);
/* Take every physical interrupt pending on this core. */
void irq_handle_pending(struct vcpu *vcpu);

#endif
