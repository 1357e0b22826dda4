/* SPDX-License-Identifier: MIT */
/*
 * The whole machine for tests of the VM lifecycle: bh_config's two VMs
 * built by vms_init() as at boot, their RAM in host memory, and each core
 * driven in turn through its idle loop and its guest's calls, the fake
 * arch's longjmp standing in for every noreturn path.
 *
 *   VM 0 "alpha": vCPUs on cores 1 and 2, 2 MiB at ALPHA_RAM_IPA, an image
 *                 and a DTB, a device, SPI ALPHA_SPI, a console (PL011 at
 *                 ALPHA_CONSOLE_IPA, virtual SPI ALPHA_CONSOLE_SPI)
 *   VM 1 "beta":  one vCPU on core 3, 2 MiB, an image, no console
 *   core 0:       in no VM
 */
#ifndef SYSTEM_FIXTURE_H
#define SYSTEM_FIXTURE_H

#include "fake_arch.h"
#include "vm.h"

#define ALPHA_RAM_IPA	  0x40000000ULL
#define ALPHA_ENTRY	  (ALPHA_RAM_IPA + 0x1000)
#define ALPHA_DTB_IPA	  (ALPHA_RAM_IPA + 0x100000)
#define ALPHA_SPI	  34
#define ALPHA_CONSOLE_IPA 0x09000000ULL
#define ALPHA_CONSOLE_SPI 36
#define BETA_ENTRY	  0x80000000ULL
#define SYSTEM_RAM_SIZE	  0x200000ULL

/* A fresh fake arch and console, vms_init() (both VMs VM_LOADING), each
 * VM's RAM in host memory (system_ram()), full of 0xa5. */
void system_init(void);
/* vms_init() and every VM booted: each vCPU 0's core has loaded its VM
 * and entered vCPU 0; the console and the fake's records are cleared. */
void system_boot(void);
u8 *system_ram(unsigned vm);

/* Core `cpu` runs its idle loop until it enters its vCPU, sleeps with
 * nothing to do (after fake.idle_wakeups wake-ups), or powers off. */
enum fake_exit run_core(unsigned cpu);
/* vCPU v makes an SMCCC call (a1..a3) on its own core: returns x0, if the
 * call returned (fake.left says whether it did). */
s64 guest_call(struct vcpu *v, u64 fid, u64 a1, u64 a2, u64 a3);
/* v's core takes the hypervisor's IPI while v runs its guest. */
enum fake_exit guest_takes_ipi(struct vcpu *v);

/* What the UART sent since the last console_clear(), drained first, its
 * "\r\n" as "\n". */
const char *console_text(void);
bool logged(const char *what);
void console_clear(void);

#endif
