/* SPDX-License-Identifier: MIT */
/* A VM built by hand for tests of vCPU, PSCI and console logic. */
#ifndef VM_FIXTURE_H
#define VM_FIXTURE_H

#include "vm.h"

#define FIXTURE_RAM_IPA	 0x40000000ULL
#define FIXTURE_RAM_SIZE 0x800000ULL
#define FIXTURE_SPI_A	 34 /* the SPIs the VM owns */
#define FIXTURE_SPI_B	 40

/* A fresh VM "fix" with `vcpus` vCPUs on cores 1, 2, ... (vCPU i on core
 * i + 1), all off, 8 MiB of RAM at FIXTURE_RAM_IPA, SPIs 34 and 40, a
 * vGIC of the platform's version in reset state, a fresh console where it
 * is the only VM; fake arch reset. */
struct vm *fixture_vm(unsigned vcpus);
/* The same, with a GICv3 (gic_v3) or GICv2 vGIC whatever the platform has;
 * vcpus is 1..4. */
struct vm *fixture_vm_gic(unsigned vcpus, bool gic_v3);

#endif
