// SPDX-License-Identifier: MIT
/*
 * irq_rtc_owner (irq-rtc): owns the PL031 RTC and its interrupt, SPI 2
 * (INTID 34), passed through. It enables and routes 34 to itself at once,
 * waits while the intruder VM pokes at 34 through its own distributor,
 * then arms the RTC's match interrupt, which must arrive (within ~2 s:
 * the RTC counts seconds). An interrupt while the RTC shows no match is
 * one the intruder forged.
 */
#include "guest.h"
#include "irq_rtc.h"

#define RTC_PRIO 0x80
#define AFTER_US (200 * 1000)

static volatile uint32_t rtc_irqs, forged;

static void rtc_handler(uint32_t intid)
{
	if (!(readl(RTC_BASE + RTC_MIS) & RTC_MATCH)) {
		if (forged++ < 4)
			printf("irq %u with no RTC match: forged\n", intid);
		return;
	}
	writel(RTC_BASE + RTC_IMSC, 0);
	writel(RTC_BASE + RTC_ICR, RTC_MATCH);
	rtc_irqs++;
}

static void arm_rtc(void)
{
	writel(RTC_BASE + RTC_ICR, RTC_MATCH);
	writel(RTC_BASE + RTC_MR, readl(RTC_BASE + RTC_DR) + 2);
	writel(RTC_BASE + RTC_IMSC, RTC_MATCH);
}

void guest_main(unsigned long x0)
{
	(void)x0;
	gic_init();
	writel(RTC_BASE + RTC_IMSC, 0);
	writel(RTC_BASE + RTC_ICR, RTC_MATCH);
	irq_register(RTC_INTID, rtc_handler);
	gic_route_spi(RTC_INTID, 0);
	gic_enable(RTC_INTID, RTC_PRIO);
	irq_unmask();
	printf("owner: GICv%u, spi %u enabled\n", gic_version(), RTC_INTID);
	delay_us(OWNER_ARM_DELAY_US);
	arm_rtc();
	printf("owner: rtc match armed\n");
	if (irq_wait(&rtc_irqs, 1))
		printf("rtc irq %u received\n", RTC_INTID);
	else
		printf("rtc irq %u NOT received\n", RTC_INTID);
	delay_us(AFTER_US);
	printf("owner: still running, %u rtc irqs, %u forged, %u unexpected\n",
	       rtc_irqs, forged, irq_unexpected_count());
}
