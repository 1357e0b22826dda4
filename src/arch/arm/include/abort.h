/* SPDX-License-Identifier: MIT */
/*
 * Decoding a guest's abort from its syndrome (ESR_EL2 or HSR, which agree
 * on it: syndrome.h). Inline: the MMIO exit path runs through them.
 */
#ifndef ABORT_H
#define ABORT_H

#include "syndrome.h"
#include "types.h"
#include "vm.h"

/* Translation, access flag and permission faults report the IPA. */
static inline bool ipa_valid(u64 esr)
{
	u64 fsc = ESR_ABT_FSC(esr);

	return fsc >= 0x04 && fsc <= 0x0f;
}

static inline enum access access_of(u64 esr)
{
	if (ESR_EC(esr) == EC_IABT_LOW)
		return ACCESS_FETCH;
	if (!(esr & ESR_ABT_S1PTW) && (esr & ESR_DABT_WNR))
		return ACCESS_WRITE;
	return ACCESS_READ;
}

/* The faulting IPA: its page from HPFAR (HPFAR_EL2), the offset in the
 * page from the faulting VA (FAR_EL2, HDFAR/HIFAR). */
static inline u64 abort_ipa(u64 hpfar, u64 far)
{
	return (hpfar >> 4 << 12) | (far & 0xfff);
}

/*
 * A synchronous external abort or parity error, on the access or on a
 * walk of the guest's own tables: FSC 0x10..0x1f but 0x11 (tag check).
 * With FEAT_RAS, HCR_EL2.TEA routes them here from the guest's devices
 * and memory; they are the guest's, and it gets the abort it would have
 * taken without TEA.
 */
static inline bool is_external_abort(u64 esr)
{
	u64 fsc = ESR_ABT_FSC(esr);

	return (fsc & 0x30) == 0x10 && fsc != 0x11;
}

/* Can the access be emulated from the syndrome alone (ISV)? One load or
 * store of a general-purpose register, at a known IPA. */
static inline bool mmio_decodable(u64 esr)
{
	return (esr & (ESR_DABT_ISV | ESR_ABT_S1PTW)) == ESR_DABT_ISV &&
	       ipa_valid(esr);
}

#endif
