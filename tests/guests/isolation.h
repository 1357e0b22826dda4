/* SPDX-License-Identifier: MIT */
/*
 * Addresses shared by the isolation scenario's two guests (reader.c,
 * victim.c) and its config (tests/configs/isolation/config.c).
 */
#ifndef ISOLATION_H
#define ISOLATION_H

/* The victim's RAM: IPA 0x40000000 backed by this fixed PA. */
#define VICTIM_RAM_PA	     0x48000000UL
/* Where the victim keeps its marker, 1 MiB into its RAM. */
#define VICTIM_MARKER_OFFSET 0x100000UL
#define VICTIM_MARKER	     0x5afec0deu

/* The PL031 RTC, passed through to the victim only. */
#define RTC_BASE 0x09010000UL

#endif
