/* SPDX-License-Identifier: MIT */
#ifndef IRQ_H
#define IRQ_H

struct vcpu;

/* Take every physical interrupt pending on this core (vcpu: its vCPU, or
 * NULL for a core in no VM). */
void irq_handle_pending(struct vcpu *vcpu);

#endif
