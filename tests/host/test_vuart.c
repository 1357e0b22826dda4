/* SPDX-License-Identifier: MIT */
/*
 * The emulated PL011 (devices/vuart.c) as alpha's guest sees it
 * (system_fixture.h): reset values and identity, registers that keep what
 * is written, transmit into the console, the receive FIFO, and when its
 * virtual SPI is raised.
 */
#include "gic.h"
#include "system_fixture.h"
#include "test.h"
#include "vgic.h"
#include "vuart.h"

#define DR    0x000
#define RSR   0x004
#define FR    0x018
#define IBRD  0x024
#define FBRD  0x028
#define LCR_H 0x02c
#define CR    0x030
#define IFLS  0x034
#define IMSC  0x038
#define RIS   0x03c
#define MIS   0x040
#define ICR   0x044
#define DMACR 0x048

#define FR_RXFE (1u << 4)
#define FR_RXFF (1u << 6)
#define FR_TXFE (1u << 7)
#define INT_RX	(1u << 4)
#define INT_TX	(1u << 5)
#define INT_RT	(1u << 6)

static struct vm *vm;

static bool access(u64 off, u8 size, bool write, u64 *value)
{
	struct mmio_access a = {.ipa = ALPHA_CONSOLE_IPA + off,
				.value = *value,
				.size = size,
				.write = write};
	bool handled = vuart_mmio(&vm->vcpus[0], &a);

	*value = a.value;
	return handled;
}

static u64 rd(u64 off)
{
	u64 v = 0;

	CHECK(access(off, 4, false, &v));
	return v;
}

static void wr(u64 off, u64 v)
{
	CHECK(access(off, 4, true, &v));
}

/* Was the console's virtual SPI raised since the last look? */
static bool irq_raised(void)
{
	struct virq *q = vgic_spi(&vm->vgic, ALPHA_CONSOLE_SPI);
	bool raised = q->pending;

	q->pending = false;
	return raised;
}

static void booted(void)
{
	system_boot();
	vm = vm_get(0);
}

TEST(vuart_reset_state_and_identity)
{
	static const u8 id[8] = {0x11, 0x10, 0x34, 0x00,
				 0x0d, 0xf0, 0x05, 0xb1};
	u64 v = 0;

	booted();
	CHECK_EQ(rd(CR), 0x300);
	CHECK_EQ(rd(FR), FR_TXFE | FR_RXFE);
	CHECK_EQ(rd(IMSC), 0);
	CHECK_EQ(rd(RIS), 0);
	CHECK_EQ(rd(RSR), 0);
	CHECK_EQ(rd(DMACR), 0);
	CHECK_EQ(rd(DR), 0); /* nothing received */
	for (unsigned i = 0; i < 8; i++)
		CHECK_EQ(rd(0xfe0 + 4 * i), id[i]);
	CHECK(access(0xff1, 1, false, &v)); /* a byte of PCellID0 */
	CHECK_EQ(v, 0x0d);
	v = 0x1234;
	CHECK(access(CR, 8, false, &v)); /* no 64-bit register: 0 */
	CHECK_EQ(v, 0);
	CHECK(!access(0x1000, 4, false, &v)); /* past its 4 KiB */
	CHECK(!vuart_mmio(&vm_get(1)->vcpus[0],
			  &(struct mmio_access){.ipa = ALPHA_CONSOLE_IPA,
						.size = 4})); /* no console */
}

TEST(vuart_registers_keep_what_is_written)
{
	booted();
	wr(IBRD, 0x1234);
	wr(FBRD, 0xff);
	wr(LCR_H, 0x1ff);
	wr(CR, 0x301);
	wr(IFLS, 0xff);
	wr(IMSC, 0xffff);
	CHECK_EQ(rd(IBRD), 0x1234);
	CHECK_EQ(rd(FBRD), 0x3f);
	CHECK_EQ(rd(LCR_H), 0xff);
	CHECK_EQ(rd(CR), 0x301);
	CHECK_EQ(rd(IFLS), 0x3f);
	CHECK_EQ(rd(IMSC), 0x7ff);
	vuart_reset(vm); /* at a restart */
	CHECK_EQ(rd(IBRD), 0);
	CHECK_EQ(rd(IMSC), 0);
	CHECK_EQ(rd(CR), 0x300);
}

/* Each DR write raises the transmit interrupt (as QEMU's PL011), which
 * ICR clears; the bytes are the VM's console lines. */
TEST(vuart_transmit_goes_to_the_console)
{
	booted();
	wr(DR, 'h');
	CHECK_EQ(rd(RIS), INT_TX);
	CHECK(!irq_raised()); /* masked */
	wr(IMSC, INT_TX);
	CHECK(irq_raised()); /* unmasking a raised one */
	CHECK_EQ(rd(MIS), INT_TX);
	wr(DR, 'i');
	CHECK(!irq_raised()); /* already high */
	wr(ICR, INT_TX);
	CHECK_EQ(rd(RIS), 0);
	CHECK(!irq_raised());
	wr(DR, '\n');
	CHECK(irq_raised());
	CHECK(logged("[alpha] hi\n"));
}

TEST(vuart_receive_fifo)
{
	booted();
	wr(IMSC, INT_RX);
	vuart_receive(vm, 'a');
	CHECK(irq_raised());
	vuart_receive(vm, 'b');
	CHECK(irq_raised()); /* another byte while high: again */
	CHECK_EQ(rd(RIS), INT_RX | INT_RT);
	CHECK_EQ(rd(MIS), INT_RX);
	CHECK_EQ(rd(FR), FR_TXFE);
	CHECK_EQ(rd(DR), 'a');
	CHECK_EQ(rd(DR), 'b');
	CHECK_EQ(rd(FR), FR_TXFE | FR_RXFE);
	CHECK_EQ(rd(RIS), 0);
	/* A full FIFO drops what comes after. */
	for (unsigned i = 0; i <= VUART_FIFO; i++)
		vuart_receive(vm, (u8)i);
	CHECK_EQ(rd(FR), FR_TXFE | FR_RXFF);
	for (unsigned i = 0; i < VUART_FIFO; i++)
		CHECK_EQ(rd(DR), (u8)i);
	CHECK_EQ(rd(FR), FR_TXFE | FR_RXFE);
}
