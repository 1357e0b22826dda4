/* SPDX-License-Identifier: MIT */
/*
 * Physical interrupts taken at EL2: the hypervisor's own IPI and timer,
 * the virtual interface's maintenance interrupt, the console UART's, and
 * interrupts forwarded to the vCPU of this core, which the guest will
 * deactivate itself.
 */
#include "irq.h"
#include "arch.h"
#include "console.h"
#include "log.h"
#include "platform.h"
#include "vgic.h"
#include "vm.h"

void irq_handle(struct vcpu *vcpu, u32 intid)
{
	gic_eoi(intid);
	if (intid == GIC_MAINT_IRQ && vcpu) {
		/* A level: refill the list registers before it is
		 * deactivated, or it is taken again at once. */
		vgic_flush(vcpu);
		gic_deactivate(intid);
	} else if (intid == GIC_HYP_IPI || intid == GIC_MAINT_IRQ) {
		gic_deactivate(intid);
	} else if (intid == GIC_HYP_TIMER_IRQ) {
		arch_wake_cancel(); /* a level: lowered before deactivation */
		gic_deactivate(intid);
	} else if (intid == platform.uart_irq) {
		/* Typed bytes, or transmit FIFO room for what a full one
		 * left. A level: served before it is deactivated. */
		console_receive();
		console_drain();
		gic_deactivate(intid);
	} else if (vcpu) {
		vgic_hw_irq(vcpu, intid);
	} else {
		gic_deactivate(intid);
		log_warn("interrupt %u on CPU %u, which runs no VM", intid,
			 arch_cpu_id());
	}
}

/* What a physical interrupt other than the hypervisor's IPI cost the guest
 * (the timer ticks' fast path counts its own). */
static enum exit_cause irq_exit_cause(u32 intid)
{
	if (intid == GIC_MAINT_IRQ)
		return EXIT_MAINTENANCE;
	if (intid == platform.uart_irq || intid == GIC_HYP_TIMER_IRQ)
		return EXIT_OTHER; /* the hypervisor's console or timer */
	return EXIT_IRQ;
}

/* Out of line (and flattened), so that the fast paths need no frame. */
static noinline flatten void finish_exit(struct vcpu *vcpu, u32 intid)
{
	if (intid != GIC_HYP_IPI) {
		exit_count(vcpu, irq_exit_cause(intid));
		irq_handle(vcpu, intid);
	}
	vcpu_check_requests(vcpu);
	if (vgic_needs_flush(vcpu))
		vgic_flush(vcpu);
}

void irq_from_guest(struct vcpu *vcpu, u32 intid)
{
	if (vgic_tick(vcpu, intid)) {
		exit_count(vcpu, EXIT_IRQ);
		gic_eoi(intid);
		return;
	}
	if (intid == GIC_HYP_IPI) {
		/* It brings SGIs (the common case) or a request to stop. */
		exit_count(vcpu, EXIT_IPI);
		gic_eoi(intid);
		gic_deactivate(intid);
		if (vcpu->vm->state == VM_RUNNING && vgic_take_sgi_fast(vcpu))
			return;
	}
	finish_exit(vcpu, intid);
}

void irq_handle_pending(struct vcpu *vcpu)
{
	u32 intid;

	while ((intid = gic_ack()) < GIC_SPURIOUS)
		irq_handle(vcpu, intid);
}
