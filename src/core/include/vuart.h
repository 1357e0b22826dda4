/* SPDX-License-Identifier: MIT */
/*
 * A VM's console device: an emulated Arm PL011 (what Linux's amba-pl011
 * driver, its arm,sbsa-uart binding and earlycon drive) at the IPA and
 * virtual SPI the config gives (bh_console). What the guest transmits goes
 * to its console ring; what the user types reaches the VM that has the
 * keyboard through vuart_receive().
 */
#ifndef VUART_H
#define VUART_H

#include "spinlock.h"
#include "types.h"

/*
 * The receive FIFO. A PL011's holds 32 bytes, but the physical UART hands
 * the hypervisor a whole pasted line at once, faster than the guest's
 * driver empties it; the driver reads until FR says empty, whatever the
 * depth. Bytes that find it full are dropped.
 */
#define VUART_FIFO 256

struct vuart {
	struct spinlock lock; /* the receiver vs the VM's vCPUs */
	u8 rx[VUART_FIFO];
	unsigned rx_head, rx_count;
	u16 imsc;      /* interrupt mask set/clear */
	u16 tx_ris;    /* the transmit interrupt, until DR or ICR clears it */
	bool irq_high; /* (RIS & IMSC) != 0 when last looked at */
	/* Kept for the driver to read back; they change nothing here. */
	u16 cr, lcr_h, ibrd, fbrd, ifls;
};

struct vm;
struct vcpu;
struct mmio_access;

/* VM (re)start: an empty, quiet UART. */
void vuart_reset(struct vm *vm);
/* Is ipa in the VM's console UART? */
bool vuart_at(const struct vm *vm, u64 ipa);
/* A guest access; false if the address is not its console's. */
bool vuart_mmio(struct vcpu *vcpu, struct mmio_access *a);
/* A byte typed for the VM; dropped when its receive FIFO is full. */
void vuart_receive(struct vm *vm, u8 c);

#endif
