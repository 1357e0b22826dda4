/* SPDX-License-Identifier: MIT */
/*
 * Bulkhead's guest ABI: the SMCCC function IDs a guest may call with HVC or
 * SMC, and their return codes. Guests may include this header as it is; it
 * depends on nothing. docs/guest-interface.md explains each call.
 */
#ifndef BULKHEAD_ABI_H
#define BULKHEAD_ABI_H

/* SMCCC return codes (also PSCI's, which share the values they have). */
#define SMCCC_SUCCESS		0
#define SMCCC_NOT_SUPPORTED	(-1)
#define SMCCC_INVALID_PARAMETER (-2)

/* SMCCC architecture calls. */
#define SMCCC_VERSION	    0x80000000u
#define SMCCC_ARCH_FEATURES 0x80000001u
#define SMCCC_VERSION_1_1   0x10001

/* PSCI 1.1 (SMC32 IDs; the SMC64 variant adds 0x40000000). */
#define PSCI_VERSION	       0x84000000u
#define PSCI_CPU_SUSPEND       0x84000001u
#define PSCI_CPU_OFF	       0x84000002u
#define PSCI_CPU_ON	       0x84000003u
#define PSCI_AFFINITY_INFO     0x84000004u
#define PSCI_MIGRATE_INFO_TYPE 0x84000006u
#define PSCI_SYSTEM_OFF	       0x84000008u
#define PSCI_SYSTEM_RESET      0x84000009u
#define PSCI_FEATURES	       0x8400000Au
#define PSCI_SMC64	       0x40000000u
#define PSCI_VERSION_1_1       0x10001

#define PSCI_SUCCESS		0
#define PSCI_NOT_SUPPORTED	(-1)
#define PSCI_INVALID_PARAMETERS (-2)
#define PSCI_DENIED		(-3)
#define PSCI_ALREADY_ON		(-4)
#define PSCI_ON_PENDING		(-5)
#define PSCI_INTERNAL_FAILURE	(-6)
#define PSCI_INVALID_ADDRESS	(-9)

#define PSCI_AFFINITY_ON	 0
#define PSCI_AFFINITY_OFF	 1
#define PSCI_AFFINITY_ON_PENDING 2

/* MIGRATE_INFO_TYPE: no Trusted OS, nothing to migrate. */
#define PSCI_TOS_NOT_PRESENT 2

/*
 * Bulkhead hypercalls: SMCCC fast calls in the vendor-specific hypervisor
 * service range (owner 6). SMC32 IDs, so AArch32 and AArch64 guests use the
 * same numbers; only the low 32 bits of each register are read.
 */
#define BH_HC_CALL_COUNT 0x8600FF00u /* number of Bulkhead calls */
#define BH_HC_CALL_UID	 0x8600FF01u /* UID in w0..w3, see below */
#define BH_HC_REVISION	 0x8600FF03u /* w0 = major, w1 = minor */

/*
 * CONSOLE_WRITE: w1 = byte count (0..BH_CONSOLE_WRITE_MAX), the bytes packed
 * little-endian, four per register, in w2..w7. Output is buffered per line
 * and printed prefixed with the VM's name. Returns the count written or
 * SMCCC_INVALID_PARAMETER.
 */
#define BH_HC_CONSOLE_WRITE  0x86000001u
#define BH_CONSOLE_WRITE_MAX 24

/*
 * Function numbers (the low 16 bits) Bulkhead may ever use below the SMCCC
 * general queries at 0xFF00: anything between BH_HC_LAST and 0xFF00 is
 * unknown, and the hypervisor rejects it on its fastest path.
 */
#define BH_HC_LAST    0x0001
#define BH_HC_QUERIES 0xff00

#define BH_ABI_MAJOR 1
#define BH_ABI_MINOR 0

/* Bulkhead's SMCCC UID, as CALL_UID returns it in w0..w3. */
#define BH_UID_W0 0x0b8f5e7du
#define BH_UID_W1 0x3e4c314au
#define BH_UID_W2 0x6b6c758au
#define BH_UID_W3 0x64686b42u

#endif
