/* SPDX-License-Identifier: MIT */
/*
 * The emulated PL011 (vuart.h). Transmit never waits: a byte written to DR
 * goes into the VM's console ring at once, so the FIFO always reads empty
 * (FR = TXFE) and, as on QEMU's model, each write raises the transmit
 * interrupt, which ICR clears. Received bytes wait in a FIFO (VUART_FIFO); the
 * receive and receive-timeout interrupts are raised while it holds any.
 * The interrupt is a virtual SPI, made pending when (RIS & IMSC) rises or
 * another byte arrives. DR writes and FR reads, the whole of a busy
 * console's traffic, take no lock.
 */
#include "vuart.h"
#include "console.h"
#include "lib.h"
#include "vgic.h"
#include "vm.h"

#define UARTDR	   0x000
#define UARTRSR	   0x004
#define UARTFR	   0x018
#define UARTILPR   0x020
#define UARTIBRD   0x024
#define UARTFBRD   0x028
#define UARTLCR_H  0x02c
#define UARTCR	   0x030
#define UARTIFLS   0x034
#define UARTIMSC   0x038
#define UARTRIS	   0x03c
#define UARTMIS	   0x040
#define UARTICR	   0x044
#define UARTDMACR  0x048
#define UARTID	   0xfe0 /* PeriphID0..3, PCellID0..3 */
#define VUART_SIZE 0x1000

#define FR_RXFE	 (1u << 4)
#define FR_RXFF	 (1u << 6)
#define FR_TXFE	 (1u << 7)
#define INT_RX	 (1u << 4)
#define INT_TX	 (1u << 5)
#define INT_RT	 (1u << 6)
#define INT_MASK 0x7ffu

/* A PL011 r1p5, as QEMU's and Arm's models identify themselves. */
static const u8 id_regs[8] = {0x11, 0x10, 0x34, 0x00, 0x0d, 0xf0, 0x05, 0xb1};

static struct vuart *vuart_of(struct vm *vm)
{
	return &vm->vuart;
}

void vuart_reset(struct vm *vm)
{
	struct vuart *u = vuart_of(vm);

	spin_lock(&u->lock);
	u->rx_head = u->rx_count = 0;
	u->imsc = u->tx_ris = 0;
	u->irq_high = false;
	u->cr = 0x300; /* TXE | RXE, as after reset */
	u->lcr_h = u->ibrd = u->fbrd = u->ifls = 0;
	spin_unlock(&u->lock);
}

static u16 ris(const struct vuart *u)
{
	return (u16)(u->tx_ris | (u->rx_count ? INT_RX | INT_RT : 0));
}

/*
 * With the lock held, after a change: should the guest be interrupted
 * now? When the line rises, or `more` (a byte arrived) while it is high.
 */
static bool irq_due(struct vuart *u, bool more)
{
	bool high = (ris(u) & u->imsc) != 0;
	bool due = high && (!u->irq_high || more);

	u->irq_high = high;
	return due;
}

static void raise_irq(struct vm *vm)
{
	vgic_inject_virtual(vm, vm->cfg->console.irq);
}

static u8 rx_pop(struct vuart *u)
{
	u8 c;

	if (!u->rx_count)
		return 0;
	c = u->rx[u->rx_head];
	u->rx_head = (u->rx_head + 1) % VUART_FIFO;
	u->rx_count--;
	return c;
}

void vuart_receive(struct vm *vm, u8 c)
{
	struct vuart *u = vuart_of(vm);
	bool due;

	spin_lock(&u->lock);
	if (u->rx_count < VUART_FIFO) {
		u->rx[(u->rx_head + u->rx_count) % VUART_FIFO] = c;
		u->rx_count++;
	}
	due = irq_due(u, true);
	spin_unlock(&u->lock);
	if (due)
		raise_irq(vm);
}

static u32 reg_read(struct vuart *u, u64 off)
{
	switch (off) {
	case UARTDR:
		return rx_pop(u);
	case UARTFR:
		return FR_TXFE | (u->rx_count ? 0 : FR_RXFE) |
		       (u->rx_count == VUART_FIFO ? FR_RXFF : 0);
	case UARTIBRD:
		return u->ibrd;
	case UARTFBRD:
		return u->fbrd;
	case UARTLCR_H:
		return u->lcr_h;
	case UARTCR:
		return u->cr;
	case UARTIFLS:
		return u->ifls;
	case UARTIMSC:
		return u->imsc;
	case UARTRIS:
		return ris(u);
	case UARTMIS:
		return ris(u) & u->imsc;
	}
	if (off >= UARTID && off < UARTID + 4 * ARRAY_SIZE(id_regs) &&
	    !(off & 3))
		return id_regs[(off - UARTID) / 4];
	return 0; /* RSR, ILPR, DMACR: no errors, no IrDA, no DMA */
}

static void reg_write(struct vuart *u, u64 off, u32 v)
{
	switch (off) {
	case UARTIBRD:
		u->ibrd = (u16)v;
		break;
	case UARTFBRD:
		u->fbrd = (u16)(v & 0x3f);
		break;
	case UARTLCR_H:
		u->lcr_h = (u16)(v & 0xff);
		break;
	case UARTCR:
		u->cr = (u16)v;
		break;
	case UARTIFLS:
		u->ifls = (u16)(v & 0x3f);
		break;
	case UARTIMSC:
		u->imsc = (u16)(v & INT_MASK);
		break;
	case UARTICR:
		if (v & INT_TX)
			u->tx_ris = 0;
		break;
	}
}

/* DR writes: straight into the VM's console, with no lock. */
static void transmit(struct vm *vm, u8 c)
{
	struct vuart *u = vuart_of(vm);

	bool due;

	console_vm_write(vm->id, (const char *)&c, 1);
	if (u->tx_ris) /* already raised: the common case, no lock */
		return;
	spin_lock(&u->lock);
	u->tx_ris = INT_TX;
	due = irq_due(u, false);
	spin_unlock(&u->lock);
	if (due)
		raise_irq(vm);
}

bool vuart_at(const struct vm *vm, u64 ipa)
{
	u64 base = vm->cfg->console.ipa;

	return base && ipa >= base && ipa - base < VUART_SIZE;
}

bool vuart_mmio(struct vcpu *vcpu, struct mmio_access *a)
{
	struct vm *vm = vcpu->vm;
	struct vuart *u = vuart_of(vm);
	u64 off = a->ipa - vm->cfg->console.ipa;
	bool due;

	if (!vuart_at(vm, a->ipa))
		return false;
	if (a->size > 4) { /* no PL011 register is 64-bit: read 0 */
		a->value = 0;
		return true;
	}
	off &= ~3ULL; /* 8- and 16-bit accesses reach the register */
	if (a->write && off == UARTDR) {
		transmit(vm, (u8)a->value);
		return true;
	}
	if (!a->write && off == UARTFR) {
		a->value = reg_read(u, off);
		return true;
	}
	spin_lock(&u->lock);
	if (a->write)
		reg_write(u, off, (u32)a->value);
	else
		a->value = reg_read(u, off);
	due = irq_due(u, false);
	spin_unlock(&u->lock);
	if (due)
		raise_irq(vm);
	return true;
}
