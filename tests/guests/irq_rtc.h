/* SPDX-License-Identifier: MIT */
/* irq-rtc: the PL031 RTC one VM owns, and its interrupt. */
#ifndef IRQ_RTC_H
#define IRQ_RTC_H

#define RTC_BASE  0x09010000UL
#define RTC_INTID 34 /* SPI 2 */
#define RTC_DR	  0x00
#define RTC_MR	  0x04
#define RTC_IMSC  0x10
#define RTC_MIS	  0x18
#define RTC_ICR	  0x1c
#define RTC_MATCH 1u

/* The owner arms its RTC this long after start; the intruder is done. */
#define OWNER_ARM_DELAY_US (500 * 1000)

#endif
