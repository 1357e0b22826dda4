/* SPDX-License-Identifier: MIT */
/* The vGIC: register emulation, isolation, list registers, SGIs. */
#include <string.h>

#include "fake_arch.h"
#include "platform.h"
#include "test.h"
#include "vgic.h"
#include "vm.h"
#include "vm_fixture.h"

#define GICD	  0x08000000ULL
#define GICR	  0x080a0000ULL
#define SGI_FRAME 0x10000
#define RD(vcpu)  (GICR + 0x20000ULL * (vcpu))

static u64 mmio_read(struct vcpu *v, u64 ipa, u8 size)
{
	struct mmio_access a = {.ipa = ipa, .size = size};

	CHECK(vgic_mmio(v, &a));
	return a.value;
}

static void mmio_write(struct vcpu *v, u64 ipa, u8 size, u64 value)
{
	struct mmio_access a = {
		.ipa = ipa, .size = size, .write = true, .value = value};

	CHECK(vgic_mmio(v, &a));
}

/* A VM whose vCPUs run, vCPU 0 on the fake core, distributor enabled. */
static struct vm *running_vm(unsigned vcpus, bool v3)
{
	struct vm *vm = fixture_vm(vcpus);

	for (unsigned i = 0; i < vcpus; i++)
		vm->vcpus[i].state = VCPU_ON;
	vm->vgic.v3 = v3;
	fake.cpu = vm->vcpus[0].cpu;
	mmio_write(&vm->vcpus[0], GICD, 4, 3);
	return vm;
}

TEST(vgic_distributor_describes_the_vm)
{
	struct vm *vm = fixture_vm(2);
	struct vcpu *v = &vm->vcpus[0];
	u64 typer;

	typer = mmio_read(v, GICD + 0x4, 4);
	CHECK_EQ(typer & 0x1f, 1);	   /* SPIs up to 63: 2 lines */
	CHECK_EQ((typer >> 19) & 0x1f, 9); /* 10 INTID bits */
	CHECK_EQ(mmio_read(v, GICD + 0xffe8, 4), 0x30);
	CHECK_EQ(mmio_read(v, GICD, 4) & 0x10, 0x10); /* ARE */
	/* Redistributor i has affinity i; the last one says so. */
	CHECK_EQ(mmio_read(v, RD(1) + 0x8, 8) >> 32, 1);
	CHECK_EQ(mmio_read(v, RD(1) + 0x8, 8) & 0x10, 0x10);
	CHECK_EQ(mmio_read(v, RD(0) + 0x8, 8) & 0x10, 0);
	/* No frame for a vCPU it does not have. */
	struct mmio_access a = {.ipa = RD(2) + 0x8, .size = 8};
	CHECK(!vgic_mmio(v, &a));
}

TEST(vgic_foreign_interrupts_read_as_zero)
{
	struct vm *vm = running_vm(1, true);
	struct vcpu *v = &vm->vcpus[0];

	mmio_write(v, GICD + 0x104, 4, ~0ULL); /* ISENABLER1: 32..63 */
	CHECK_EQ(mmio_read(v, GICD + 0x104, 4),
		 (1u << (FIXTURE_SPI_A - 32)) | (1u << (FIXTURE_SPI_B - 32)));
	CHECK(fake.irq_enabled[FIXTURE_SPI_A]);
	CHECK(!fake.irq_enabled[33]);
	mmio_write(v, GICD + 0x204, 4, 1u << 1); /* ISPENDR: SPI 33 */
	CHECK(!fake.irq_pending[33]);
	mmio_write(v, GICD + 0x400 + 33, 1, 0x40);
	CHECK_EQ(mmio_read(v, GICD + 0x400 + 33, 1), 0);
	mmio_write(v, GICD + 0x6000 + 8 * 33, 8, 0);
	CHECK_EQ(mmio_read(v, GICD + 0x6000 + 8 * 33, 8), 0);
	/* SGIs and PPIs live in the redistributors on GICv3. */
	mmio_write(v, GICD + 0x100, 4, ~0ULL);
	CHECK_EQ(mmio_read(v, GICD + 0x100, 4), 0);
}

TEST(vgic_routing_names_only_own_vcpus)
{
	struct vm *vm = running_vm(2, true);
	struct vcpu *v = &vm->vcpus[0];
	u64 irouter = GICD + 0x6000 + 8 * FIXTURE_SPI_A;

	mmio_write(v, irouter, 8, 1);
	CHECK_EQ(mmio_read(v, irouter, 8), 1);
	CHECK_EQ(fake.irq_route[FIXTURE_SPI_A], vm->vcpus[1].cpu);
	mmio_write(v, irouter, 8, 2);	       /* no vCPU 2 */
	mmio_write(v, irouter, 8, 1ULL << 8);  /* Aff1 = 1: nobody */
	mmio_write(v, irouter, 8, 1ULL << 32); /* Aff3 = 1: nobody */
	CHECK_EQ(mmio_read(v, irouter, 8), 1);
	CHECK_EQ(fake.irq_route[FIXTURE_SPI_A], vm->vcpus[1].cpu);
}

static void enable_sgis(struct vcpu *v, u32 mask)
{
	mmio_write(v, RD(v->id) + SGI_FRAME + 0x100, 4, mask);
}

/* The guest takes the best pending LR (as the CPU interface would) and
 * finishes it; returns its INTID, or -1 if nothing is pending. */
static int guest_take(void)
{
	int best = -1;

	for (int n = 0; n < FAKE_LRS; n++)
		if ((fake.lr[n].state & LR_PENDING) &&
		    (best < 0 || fake.lr[n].priority < fake.lr[best].priority))
			best = n;
	if (best < 0)
		return -1;
	fake.lr[best].state = 0;
	return (int)fake.lr[best].virq;
}

TEST(vgic_more_interrupts_than_lrs_arrive_in_priority_order)
{
	struct vm *vm = running_vm(1, true);
	struct vcpu *v = &vm->vcpus[0];
	static const u8 prio[10] = {0xa0, 0x30, 0x90, 0x10, 0x80,
				    0x20, 0x70, 0x60, 0x50, 0x40};
	int last = -1;

	enable_sgis(v, 0x3ff);
	for (u32 i = 0; i < 10; i++)
		mmio_write(v, RD(0) + SGI_FRAME + 0x400 + i, 1, prio[i]);
	for (u32 i = 0; i < 10; i++)
		vgic_sgi1r(v, (u64)i << 24 | 1);
	CHECK(fake.refill_irq); /* 6 wait for a list register */
	for (int taken = 0; taken < 10; taken++) {
		int intid = guest_take();

		CHECK(intid >= 0);
		if (intid < 0)
			break;
		CHECK(last < 0 || prio[intid] > prio[last]);
		last = intid;
		vgic_flush(v); /* the maintenance interrupt's refill */
	}
	CHECK_EQ(guest_take(), -1);
	CHECK(!fake.refill_irq);
}

TEST(vgic_higher_priority_displaces_a_pending_one)
{
	struct vm *vm = running_vm(1, true);
	struct vcpu *v = &vm->vcpus[0];

	enable_sgis(v, 0x1f);
	for (u32 i = 0; i < 5; i++)
		mmio_write(v, RD(0) + SGI_FRAME + 0x400 + i, 1,
			   i == 4 ? 0x10 : 0x80);
	for (u32 i = 0; i < 4; i++)
		vgic_sgi1r(v, (u64)i << 24 | 1);
	fake.lr[0].state = LR_ACTIVE; /* the guest is handling SGI 0 */
	vgic_sgi1r(v, 4ULL << 24 | 1);
	CHECK_EQ(guest_take(), 4);
	CHECK_EQ(fake.lr[0].virq, 0); /* active ones stay put */
	CHECK_EQ(fake.lr[0].state, LR_ACTIVE);
}

TEST(vgic_sgi_targets_stay_in_the_vm)
{
	struct vm *vm = running_vm(2, true);
	struct vcpu *v0 = &vm->vcpus[0], *v1 = &vm->vcpus[1];

	u64 ispendr1 = RD(1) + SGI_FRAME + 0x200;

	enable_sgis(v1, 0xffff);
	vgic_sgi1r(v0, 5ULL << 24 | 1ULL << 40); /* all but self */
	/* Pending for vCPU 1 (on another core: not in its LRs yet). */
	CHECK_EQ(mmio_read(v0, ispendr1, 4), 1u << 5);
	CHECK_EQ(mmio_read(v0, RD(0) + SGI_FRAME + 0x200, 4), 0);
	CHECK_EQ(fake.ipis, 1ULL << v1->cpu);
	fake.ipis = 0;
	vgic_sgi1r(v0, 6ULL << 24 | 0xfffc);	     /* vCPUs 2..15: none */
	vgic_sgi1r(v0, 7ULL << 24 | 1ULL << 16 | 2); /* Aff1 = 1 */
	vgic_sgi1r(v0, 8ULL << 24 | 1ULL << 44 | 2); /* RS = 1 */
	CHECK_EQ(fake.ipis, 0);
	CHECK_EQ(mmio_read(v0, ispendr1, 4), 1u << 5);
}

TEST(vgic_hw_interrupts_go_to_lrs_with_their_physical_id)
{
	struct vm *vm = running_vm(1, true);
	struct vcpu *v = &vm->vcpus[0];

	vgic_hw_irq(v, GIC_VTIMER_IRQ); /* not enabled yet: waits */
	CHECK_EQ(fake.lr[0].state, 0);
	mmio_write(v, RD(0) + SGI_FRAME + 0x100, 4, 1u << GIC_VTIMER_IRQ);
	CHECK(fake.irq_enabled[GIC_VTIMER_IRQ]);
	CHECK_EQ(fake.lr[0].state, LR_PENDING);
	CHECK(fake.lr[0].hw);
	CHECK_EQ(fake.lr[0].pirq, GIC_VTIMER_IRQ);
	/* A physical interrupt the VM does not own is deactivated. */
	vgic_hw_irq(v, 33);
	CHECK_EQ(fake.deactivated, 1);
}

TEST(vgic_timer_tick_is_rearmed_in_its_own_lr)
{
	struct vm *vm = running_vm(1, true);
	struct vcpu *v = &vm->vcpus[0];

	/* Not enabled: the fast path declines, the tick waits. */
	CHECK(!vgic_tick(v, GIC_VTIMER_IRQ));
	mmio_write(v, RD(0) + SGI_FRAME + 0x100, 4, 1u << GIC_VTIMER_IRQ);
	mmio_write(v, RD(0) + SGI_FRAME + 0x400 + GIC_VTIMER_IRQ, 1, 0x40);
	vgic_hw_irq(v, GIC_VTIMER_IRQ);
	CHECK_EQ(fake.lr[0].virq, GIC_VTIMER_IRQ);
	/* Still in the guest's hands: not re-armed. */
	CHECK(!vgic_tick(v, GIC_VTIMER_IRQ));
	CHECK_EQ(guest_take(), GIC_VTIMER_IRQ);
	CHECK(vgic_tick(v, GIC_VTIMER_IRQ));
	CHECK_EQ(fake.lr[0].state, LR_PENDING);
	CHECK(fake.lr[0].hw);
	CHECK_EQ(fake.lr[0].priority, 0x40);
	/* Not for other interrupts, nor with other work pending. */
	CHECK(!vgic_tick(v, 3));
	CHECK(!vgic_tick(v, FIXTURE_SPI_A));
	CHECK_EQ(guest_take(), GIC_VTIMER_IRQ);
	v->vgic.rescan = true;
	CHECK(!vgic_tick(v, GIC_VTIMER_IRQ));
}

TEST(vgic_sgi_sent_again_reuses_its_lr_in_priority_order)
{
	struct vm *vm = running_vm(1, true);
	struct vcpu *v = &vm->vcpus[0];

	enable_sgis(v, 0x3);
	mmio_write(v, RD(0) + SGI_FRAME + 0x400, 4, 0x1080); /* 0: 0x80 */
	vgic_sgi1r(v, 1ULL << 24 | 1);			     /* LR 0 */
	vgic_sgi1r(v, 0ULL << 24 | 1);			     /* LR 1 */
	CHECK_EQ(fake.lr[1].virq, 0);
	CHECK_EQ(guest_take(), 1);
	CHECK_EQ(guest_take(), 0);
	/* Again, after the guest's EOI: back into LR 1, though 0 is free. */
	vgic_sgi1r(v, 0ULL << 24 | 1);
	CHECK_EQ(fake.lr[1].virq, 0);
	CHECK_EQ(fake.lr[1].state, LR_PENDING);
	CHECK_EQ(fake.lr[0].state, 0);
	/* Sent again while pending: one instance (SGIs are edges). */
	vgic_sgi1r(v, 0ULL << 24 | 1);
	vgic_sgi1r(v, 1ULL << 24 | 1); /* higher priority, comes first */
	CHECK_EQ(guest_take(), 1);
	CHECK_EQ(guest_take(), 0);
	CHECK_EQ(guest_take(), -1);
}

/* The hypervisor IPI's fast path on the receiving core (irq.c). */
TEST(vgic_lone_sgi_is_rearmed_by_the_ipi_fast_path)
{
	struct vm *vm = running_vm(2, true);
	struct vcpu *v0 = &vm->vcpus[0], *v1 = &vm->vcpus[1];

	enable_sgis(v1, 0x18);
	vgic_sgi1r(v0, 3ULL << 24 | 2);
	fake.cpu = v1->cpu;
	CHECK(!vgic_take_sgi_fast(v1)); /* never in a list register yet */
	CHECK(vgic_needs_flush(v1));	/* so it waits for the flush */
	vgic_flush(v1);
	CHECK_EQ(guest_take(), 3);
	fake.cpu = v0->cpu;
	vgic_sgi1r(v0, 3ULL << 24 | 2); /* again */
	fake.cpu = v1->cpu;
	CHECK(vgic_take_sgi_fast(v1));
	CHECK(!vgic_needs_flush(v1));
	CHECK_EQ(guest_take(), 3);
	fake.cpu = v0->cpu;
	vgic_sgi1r(v0, 3ULL << 24 | 2); /* two at once: the flush's */
	vgic_sgi1r(v0, 4ULL << 24 | 2);
	fake.cpu = v1->cpu;
	CHECK(!vgic_take_sgi_fast(v1));
	vgic_flush(v1);
	CHECK(guest_take() >= 3);
	CHECK(guest_take() >= 3);
	CHECK_EQ(guest_take(), -1);
}

TEST(vgic_v2_sgir_modes_and_targets)
{
	struct vm *vm = running_vm(2, false);
	struct vcpu *v0 = &vm->vcpus[0], *v1 = &vm->vcpus[1];

	mmio_write(v0, GICD + 0x100, 4, 0xffff);
	mmio_write(v1, GICD + 0x100, 4, 0xffff);
	mmio_write(v0, GICD + 0xf00, 4, 1u << 24 | 3);	  /* all but self */
	mmio_write(v0, GICD + 0xf00, 4, 2u << 24 | 4);	  /* self */
	mmio_write(v0, GICD + 0xf00, 4, 0xfcu << 16 | 5); /* nobody real */
	/* SPENDSGIR: a byte per SGI, a bit per sender. */
	CHECK_EQ(mmio_read(v1, GICD + 0xf20 + 3, 1), 1);
	CHECK_EQ(v0->vgic.private[4].lr_source, 0);
	CHECK(v0->vgic.private[4].in_lr);
	CHECK_EQ(mmio_read(v1, GICD + 0xf20 + 5, 1), 0);
	CHECK_EQ(mmio_read(v0, GICD + 0xf20 + 5, 1), 0);
	/* ITARGETSR: SPIs route to the lowest vCPU named, if it exists. */
	mmio_write(v0, GICD + 0x800 + FIXTURE_SPI_A, 1, 0x2);
	CHECK_EQ(mmio_read(v0, GICD + 0x800 + FIXTURE_SPI_A, 1), 0x2);
	mmio_write(v0, GICD + 0x800 + FIXTURE_SPI_A, 1, 0x4);
	CHECK_EQ(mmio_read(v0, GICD + 0x800 + FIXTURE_SPI_A, 1), 0x2);
	CHECK_EQ(mmio_read(v1, GICD + 0x800, 1), 0x2); /* banked: own vCPU */
}

/* Every word, halfword and byte of the whole GIC window, read and
 * written with junk: nothing breaks, and the VM's SPIs stay its own. */
TEST(vgic_survives_garbage_everywhere)
{
	struct vm *vm = running_vm(2, true);
	struct vcpu *v = &vm->vcpus[0];
	u64 junk = 0x9e3779b97f4a7c15ULL;

	for (int v3 = 0; v3 < 2; v3++) {
		vm->vgic.v3 = v3;
		for (u64 off = 0; off < 0x10000 + 0x40000; off += 2) {
			u8 size = (u8)(1u << (off / 2 % 4));
			struct mmio_access a = {.ipa = GICD + off,
						.size = size,
						.write = off & 2,
						.value = junk};

			junk = junk * 6364136223846793005ULL + 1;
			vgic_mmio(v, &a);
		}
	}
	CHECK(!fake.irq_enabled[33] && !fake.irq_pending[33]);
	for (unsigned id = 0; id < FAKE_IRQS; id++)
		if (id != FIXTURE_SPI_A && id != FIXTURE_SPI_B && id >= 32)
			CHECK(fake.irq_route[id] == 0);
}

TEST(vgic_sgi_sent_again_while_active_comes_back_after_eoi)
{
	struct vm *vm = running_vm(1, true);
	struct vcpu *v = &vm->vcpus[0];

	enable_sgis(v, 0x2);
	vgic_sgi1r(v, 1ULL << 24 | 1);
	CHECK_EQ(fake.lr[0].virq, 1);
	fake.lr[0].state = LR_ACTIVE;  /* the guest is handling it */
	vgic_sgi1r(v, 1ULL << 24 | 1); /* and it comes again */
	CHECK_EQ(fake.lr[0].state, LR_ACTIVE);
	CHECK(fake.lr[0].eoi_irq); /* tell us when the guest is done */
	fake.lr[0].state = 0;	   /* EOI: the maintenance interrupt */
	vgic_flush(v);
	CHECK_EQ(fake.lr[0].virq, 1);
	CHECK_EQ(fake.lr[0].state, LR_PENDING);
	CHECK_EQ(guest_take(), 1);
	CHECK_EQ(guest_take(), -1);
}

/* GICv2: SGI 1 to vCPU 0 from vCPU 0 itself (mode "self"), or from vCPU 1. */
static void v2_sgi_to_v0(struct vm *vm, unsigned from)
{
	if (from == 0) {
		mmio_write(&vm->vcpus[0], GICD + 0xf00, 4, 2u << 24 | 1);
		return;
	}
	fake.cpu = vm->vcpus[1].cpu;
	mmio_write(&vm->vcpus[1], GICD + 0xf00, 4, 1u << 16 | 1);
	fake.cpu = vm->vcpus[0].cpu; /* vCPU 0's core takes the IPI */
	vgic_flush(&vm->vcpus[0]);
}

TEST(vgic_v2_sgi_from_another_sender_while_active_comes_after_eoi)
{
	struct vm *vm = running_vm(2, false);

	mmio_write(&vm->vcpus[0], GICD + 0x100, 4, 0x2);
	v2_sgi_to_v0(vm, 0);
	CHECK_EQ(fake.lr[0].virq, 1);
	fake.lr[0].state = LR_ACTIVE; /* the guest is handling it */
	v2_sgi_to_v0(vm, 1);
	CHECK(fake.lr[0].eoi_irq); /* tell us when the guest is done */
	fake.lr[0].state = 0;
	vgic_flush(&vm->vcpus[0]); /* the maintenance interrupt */
	CHECK_EQ(fake.lr[0].state, LR_PENDING);
	CHECK_EQ(fake.lr[0].source, 1);
	CHECK_EQ(guest_take(), 1);
	CHECK_EQ(guest_take(), -1);
}

TEST(vgic_v2_same_sender_sgi_while_pending_is_one_interrupt)
{
	struct vm *vm = running_vm(2, false);

	mmio_write(&vm->vcpus[0], GICD + 0x100, 4, 0x2);
	v2_sgi_to_v0(vm, 1);
	v2_sgi_to_v0(vm, 1); /* not taken yet: the same pending bit */
	CHECK_EQ(guest_take(), 1);
	vgic_flush(&vm->vcpus[0]);
	CHECK_EQ(guest_take(), -1);
	v2_sgi_to_v0(vm, 0); /* another sender: its own instance */
	v2_sgi_to_v0(vm, 1);
	CHECK_EQ(guest_take(), 1);
	vgic_flush(&vm->vcpus[0]);
	CHECK_EQ(guest_take(), 1);
	CHECK_EQ(guest_take(), -1);
}

/* A register read takes other vCPUs' mailboxes: their cores must look. */
TEST(vgic_read_that_takes_an_sgi_kicks_its_target)
{
	struct vm *vm = running_vm(2, true);
	struct vcpu *v0 = &vm->vcpus[0], *v1 = &vm->vcpus[1];

	enable_sgis(v1, 1u << 5);
	vgic_sgi1r(v0, 5ULL << 24 | 2);
	fake.ipis = 0; /* as if v1's core had answered, finding nothing */
	CHECK_EQ(mmio_read(v0, RD(1) + SGI_FRAME + 0x200, 4), 1u << 5);
	CHECK_EQ(fake.ipis, 1ULL << v1->cpu);
}

/*
 * An SPI routed to vCPU 1 while it sits, pending, in vCPU 0's list
 * register, then evicted there by better interrupts: vCPU 1 must place
 * it, and its core must be told. (Found by the fuzzer: it waited, unseen,
 * for some unrelated exit of vCPU 1.)
 */
TEST(vgic_spi_evicted_after_rerouting_goes_to_its_new_vcpu)
{
	struct vm *vm = running_vm(2, true);
	struct vcpu *v0 = &vm->vcpus[0], *v1 = &vm->vcpus[1];
	u64 spi_bit = 1ULL << (VGIC_PRIVATE + 0); /* SPI A's slot */

	mmio_write(v0, GICD + 0x104, 4, 1u << (FIXTURE_SPI_A - 32));
	mmio_write(v0, GICD + 0x400 + FIXTURE_SPI_A, 1, 0xa0);
	vgic_hw_irq(v0, FIXTURE_SPI_A);
	CHECK_EQ(fake.lr[0].virq, FIXTURE_SPI_A);
	mmio_write(v0, GICD + 0x6000 + 8 * FIXTURE_SPI_A, 8, 1);
	/* vCPU 1's core answers the routing's kick: nothing to place yet. */
	fake.cpu = v1->cpu;
	vgic_flush(v1);
	fake.cpu = v0->cpu;
	fake.ipis = 0;
	enable_sgis(v0, 0xf);
	for (u32 i = 0; i < 4; i++) {
		mmio_write(v0, RD(0) + SGI_FRAME + 0x400 + i, 1, 0x80);
		vgic_sgi1r(v0, (u64)i << 24 | 1);
	}
	for (unsigned n = 0; n < FAKE_LRS; n++)
		CHECK(fake.lr[n].virq != FIXTURE_SPI_A);
	CHECK_EQ(vm->vgic.spis[0].intid, FIXTURE_SPI_A);
	CHECK(v1->vgic.incoming & spi_bit);
	CHECK_EQ(fake.ipis, 1ULL << v1->cpu);
	CHECK(!v0->vgic.waiting); /* nothing of vCPU 0's waits */
}

/*
 * A parked vCPU (off, or its VM stopped) is not flushed from its own
 * core's idle loop: its virtual CPU interface stays off until it starts
 * afresh, or a virtual interrupt would end the core's every WFI.
 */
TEST(vgic_parked_vcpu_is_not_flushed)
{
	struct vm *vm = running_vm(1, true);
	struct vcpu *v = &vm->vcpus[0];

	enable_sgis(v, 1u << 3);
	v->state = VCPU_OFF;
	mmio_write(v, RD(0) + SGI_FRAME + 0x200, 4, 1u << 3); /* ISPENDR0 */
	CHECK_EQ(fake.lr[0].state, 0);
	CHECK(!fake.refill_irq);
	v->state = VCPU_ON;
	mmio_write(v, RD(0) + SGI_FRAME + 0x200, 4, 1u << 3);
	CHECK_EQ(fake.lr[0].virq, 3);
}

/*
 * A timer tick taken at EL2 just as the guest disabled its timer interrupt
 * (as Linux does on its way to reboot) waits in the queue, never in a list
 * register: still active in the GIC. The vCPU's restart must end it, or
 * the restarted guest never hears its timer again (seen: Linux rebooted on
 * GICv2 with the cores in parallel, both its CPUs then idle for good).
 */
TEST(vgic_restart_ends_a_timer_tick_left_active)
{
	struct vm *vm = running_vm(1, true);
	struct vcpu *v = &vm->vcpus[0];

	vgic_hw_irq(v, GIC_VTIMER_IRQ); /* the guest's enable is off */
	CHECK_EQ(fake.lr[0].state, 0);
	CHECK(!fake.irq_active_cleared[GIC_VTIMER_IRQ]);
	vgic_vcpu_reset(v);
	CHECK(fake.irq_active_cleared[GIC_VTIMER_IRQ]);
	CHECK(!fake.irq_pending[GIC_VTIMER_IRQ]);
	CHECK(!fake.irq_enabled[GIC_VTIMER_IRQ]);
}

/*
 * A VM's reset rewrites what the cores of its off vCPUs may touch from
 * their idle loops (an interrupt arriving there is queued under the
 * lock): it holds the lock too (issue 9 §3).
 */
TEST(vgic_reset_holds_the_lock)
{
	struct vm *vm = running_vm(2, true);

	fake.watched_lock = &vm->vgic.lock;
	vgic_reset(vm);
	CHECK(fake.irq_calls_all > 0);
	CHECK(!fake.irq_call_unlocked);
	CHECK(vm->vgic.lock.next == vm->vgic.lock.owner);
	fake.watched_lock = NULL;
}

/*
 * The guest unpends (ICPENDR) a forwarded SPI that fired at EL2 while its
 * enable was off, so it waits in the queue, active in the GIC: the
 * physical interrupt is ended too, or it could never fire again (issue 9
 * §3, found by reading).
 */
TEST(vgic_unpending_a_waiting_hw_interrupt_ends_it_in_the_gic)
{
	struct vm *vm = running_vm(1, true);
	struct vcpu *v = &vm->vcpus[0];
	u32 bit = 1u << (FIXTURE_SPI_A % 32);

	fake.irq_active_cleared[FIXTURE_SPI_A] = false; /* the VM's reset's */
	vgic_hw_irq(v, FIXTURE_SPI_A);
	CHECK_EQ(fake.lr[0].state, 0);
	CHECK(!fake.irq_active_cleared[FIXTURE_SPI_A]);
	mmio_write(v, GICD + 0x280 + 4 * (FIXTURE_SPI_A / 32), 4, bit);
	CHECK(fake.irq_active_cleared[FIXTURE_SPI_A]);
	CHECK_EQ(mmio_read(v, GICD + 0x200 + 4 * (FIXTURE_SPI_A / 32), 4) & bit,
		 0);
}

struct sized_access {
	u64 ipa;
	u8 size;
	bool allowed;
};

static void check_access_rules(struct vcpu *v, const struct sized_access *t,
			       size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct mmio_access r = {.ipa = t[i].ipa, .size = t[i].size};
		struct mmio_access w = r;

		w.write = true;
		w.value = ~0ULL;
		CHECK_EQ(vgic_mmio(v, &r), t[i].allowed);
		CHECK_EQ(vgic_mmio(v, &w), t[i].allowed);
	}
}

/* Aligned words anywhere; bytes in the byte-per-interrupt registers only;
 * doublewords in the 64-bit registers only; never halfwords. The rest is
 * refused (the guest gets an abort), not read as 0. */
TEST(vgic_takes_only_the_access_sizes_the_gicv3_defines)
{
	struct vm *vm = running_vm(2, true);
	static const struct sized_access rules[] = {
		{GICD + 0x100, 4, true},		      /* ISENABLER */
		{GICD + 0x400 + FIXTURE_SPI_A, 1, true},      /* IPRIORITYR */
		{GICD + 0x6000 + 8 * FIXTURE_SPI_A, 8, true}, /* IROUTER */
		{GICD + 0x6000 + 8 * FIXTURE_SPI_A + 4, 4, true},
		{RD(1) + 0x8, 8, true}, /* GICR_TYPER */
		{RD(1) + 0xc, 4, true},
		{RD(1) + SGI_FRAME + 0x401, 1, true}, /* GICR_IPRIORITYR */
		{GICD + 0x2, 4, false},		      /* unaligned */
		{GICD + 0x102, 4, false},
		{GICD + 0x400, 2, false}, /* never a halfword */
		{GICD + 0x0, 1, false},	  /* CTLR: word only */
		{GICD + 0x100, 1, false}, /* ISENABLER: word only */
		{GICD + 0x804, 1, false}, /* no ITARGETSR on v3 */
		{GICD + 0xf20, 1, false}, /* nor SPENDSGIR */
		{GICD + 0x4, 8, false},	  /* TYPER is 32-bit */
		{GICD + 0x100, 8, false},
		{GICD + 0x6004, 8, false}, /* unaligned IROUTER */
		{RD(1) + 0x10, 8, false},
		{RD(1) + 0x9, 1, false},
		{RD(1) + SGI_FRAME + 0x420, 1, false}, /* past IPRIORITYR */
		{RD(1) + SGI_FRAME + 0x100, 8, false},
	};

	check_access_rules(&vm->vcpus[0], rules, ARRAY_SIZE(rules));
}

TEST(vgic_takes_only_the_access_sizes_the_gicv2_defines)
{
	struct vm *vm = running_vm(2, false);
	static const struct sized_access rules[] = {
		{GICD + 0x100, 4, true},
		{GICD + 0x400 + FIXTURE_SPI_A, 1, true}, /* IPRIORITYR */
		{GICD + 0x800 + FIXTURE_SPI_A, 1, true}, /* ITARGETSR */
		{GICD + 0xf13, 1, true},		 /* CPENDSGIR */
		{GICD + 0xf2f, 1, true},		 /* SPENDSGIR */
		{GICD + 0xf00, 4, true},		 /* SGIR */
		{GICD + 0xf00, 1, false},
		{GICD + 0xc00, 1, false}, /* ICFGR: word only */
		{GICD + 0xf30, 1, false},
		{GICD + 0x800, 2, false},
		{GICD + 0x6000, 8, false}, /* no IROUTER, no 64-bit */
		{GICD + 0xff8, 8, false},
		{GICD + 0x401, 4, false},
	};

	check_access_rules(&vm->vcpus[0], rules, ARRAY_SIZE(rules));
}

/* A refused write changes nothing: the physical interrupt stays off. */
TEST(vgic_refused_write_changes_nothing)
{
	struct vm *vm = running_vm(1, true);
	struct mmio_access a = {.ipa = GICD + 0x100 + FIXTURE_SPI_A / 8,
				.size = 1,
				.write = true,
				.value = 0xff};

	CHECK(!vgic_mmio(&vm->vcpus[0], &a));
	a.size = 2;
	a.ipa &= ~1ULL;
	CHECK(!vgic_mmio(&vm->vcpus[0], &a));
	CHECK(!fake.irq_enabled[FIXTURE_SPI_A]);
	CHECK(!vm->vgic.spis[0].enabled);
}

/* The log line says what was wrong with an access to an emulated GIC. */
TEST(vgic_bad_access_log_names_it)
{
	struct vm *vm = running_vm(1, true);
	struct vcpu *v = &vm->vcpus[0];

	vm_report_bad_access(v, ipa_of(GICD + 0x100), true, 0x40001000,
			     ACCESS_READ, 0);
	CHECK(strstr(fake.console, "vCPU 0: undecodable read of the GIC "
				   "distributor at IPA 0x8000100 (PC "
				   "0x40001000; no syndrome"));
	vm_report_bad_access(v, ipa_of(RD(0) + 0x9), true, 0x40001004,
			     ACCESS_WRITE, 2);
	CHECK(strstr(fake.console, "vCPU 0: 2-byte write of the GIC "
				   "redistributor at IPA 0x80a0009"));
	vm_report_bad_access(v, ipa_of(0x48000000), true, 0x40001008,
			     ACCESS_READ, 4);
	CHECK(strstr(fake.console, "vCPU 0: read outside its memory at IPA "
				   "0x48000000"));
}

/* PSCI CPU_SUSPEND sleeps (WFI at EL2) only when nothing is pending for
 * the vCPU: a pending SGI returns at once, a disabled one does not wake. */
TEST(vgic_cpu_suspend_waits_unless_an_interrupt_is_pending)
{
	struct vm *vm = running_vm(1, true);
	struct vcpu *v = &vm->vcpus[0];

	fake.idle_wakeups = 3; /* each wait returns, as if woken */
	vcpu_suspend(v);
	CHECK_EQ(fake.idle_waits, 1);
	vgic_sgi1r(v, 3ULL << 24 | 1); /* SGI 3, still disabled */
	vcpu_suspend(v);
	CHECK_EQ(fake.idle_waits, 2);
	enable_sgis(v, 1u << 3);
	vcpu_suspend(v);
	CHECK_EQ(fake.idle_waits, 2);
	CHECK_EQ(guest_take(), 3);
	vcpu_suspend(v);
	CHECK_EQ(fake.idle_waits, 3);
}
