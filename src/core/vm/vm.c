/* SPDX-License-Identifier: MIT */
/* Building VMs from the configuration: Stage-2 maps, memory, boot log. */
#include "vm.h"
#include "arch.h"
#include "console.h"
#include "irq.h"
#include "lib.h"
#include "log.h"
#include "mmio.h"
#include "platform.h"

static struct vm vms[CONFIG_MAX_VMS];
static struct vcpu *cpu_vcpu[CONFIG_MAX_CPUS];

struct vcpu *this_vcpu(void)
{
	return arch_cpu_local();
}

void vm_bind_this_cpu(void)
{
	arch_set_cpu_local(cpu_vcpu[arch_cpu_id()]);
}

bool cpu_in_use(unsigned cpu)
{
	return cpu_vcpu[cpu] != NULL;
}

static void *pa_ptr(paddr_t pa)
{
	return (void *)(uintptr_t)pa.bits;
}

bool vm_ipa_to_pa(const struct vm *vm, ipaddr_t ipa, u64 len, paddr_t *pa)
{
	for (size_t i = 0; i < vm->cfg->mem_count; i++) {
		const struct bh_mem_region *r = &vm->cfg->mem[i];

		if (range_within(ipa.bits, len, r->ipa, r->size)) {
			*pa = pa_of(vm->layout.pa[i] + (ipa.bits - r->ipa));
			return true;
		}
	}
	return false;
}

static void map_or_panic(struct vm *vm, u64 ipa, u64 pa, u64 size,
			 enum mem_type type)
{
	int err = pt_map(&vm->s2, ipa, pa_of(pa), size, type);

	if (err)
		panic("VM '%s': cannot map IPA 0x%llx -> PA 0x%llx: %s",
		      vm->cfg->name, ipa, pa, pt_error_str(err));
}

static void build_stage2(struct vm *vm, struct page_pool *pool)
{
	const struct bh_vm_config *cfg = vm->cfg;

	if (pt_init(&vm->s2, pool, PT_STAGE2, PT_START_LEVEL))
		panic("VM '%s': no page for its Stage-2 table", cfg->name);
	for (size_t i = 0; i < cfg->mem_count; i++)
		map_or_panic(vm, cfg->mem[i].ipa, vm->layout.pa[i],
			     cfg->mem[i].size, MEM_NORMAL);
	for (size_t i = 0; i < cfg->dev_count; i++)
		map_or_panic(vm, cfg->devs[i].ipa, cfg->devs[i].pa,
			     cfg->devs[i].size, MEM_DEVICE);
	/* GICv2: the guest's CPU interface is the hardware's virtual one. */
	if (platform.gicv_base)
		map_or_panic(vm, platform.gicc_base, platform.gicv_base,
			     GICV2_CPU_IF_SIZE, MEM_DEVICE);
}

static void copy_load(struct vm *vm, const struct boot_load *load)
{
	size_t len = (size_t)(load->blob.end - load->blob.start);
	paddr_t pa;

	if (!len)
		return;
	/* The config checker has proved it fits; a miss is a bug. */
	if (!vm_ipa_to_pa(vm, ipa_of(load->ipa), len, &pa))
		panic("VM '%s': image at IPA 0x%llx outside its RAM",
		      vm->cfg->name, load->ipa);
	memcpy(pa_ptr(pa), load->blob.start, len);
	arch_clean_dcache_range(pa_ptr(pa), len);
}

/* Zero what no image overwrites in memory region i. */
static void zero_gaps(struct vm *vm, size_t i)
{
	const struct bh_mem_region *r = &vm->cfg->mem[i];
	struct ipa_range gaps[BOOT_GAPS_MAX];
	unsigned n = boot_plan_gaps(&vm->boot, r->ipa, r->size, gaps);

	for (unsigned g = 0; g < n; g++)
		arch_zero_to_poc(pa_ptr(pa_of(vm->layout.pa[i] +
					      (gaps[g].ipa - r->ipa))),
				 gaps[g].size);
}

/*
 * EL2 maps a VM's RAM only while it writes or cleans it: a stray pointer
 * in the hypervisor cannot reach a VM the rest of the time. Several of
 * the VM's cores may clean at once (set/way), so the first to open the
 * window maps it and the last to close it unmaps it. The lock is held for
 * the table edits only, never for the work inside the window.
 */
static void open_ram(struct vm *vm)
{
	spin_lock(&vm->ram_lock);
	if (vm->ram_users++ == 0)
		for (size_t i = 0; i < vm->cfg->mem_count; i++)
			arch_map_vm_ram(pa_of(vm->layout.pa[i]),
					vm->cfg->mem[i].size);
	spin_unlock(&vm->ram_lock);
}

static void close_ram(struct vm *vm)
{
	spin_lock(&vm->ram_lock);
	if (--vm->ram_users == 0)
		for (size_t i = 0; i < vm->cfg->mem_count; i++)
			arch_unmap_vm_ram(pa_of(vm->layout.pa[i]),
					  vm->cfg->mem[i].size);
	spin_unlock(&vm->ram_lock);
}

/* A clean's step: between two, the core serves its interrupts. */
#define CLEAN_CHUNK (2 * MiB)

static void clean_region(struct vcpu *vcpu, u8 *ram, u64 size)
{
	for (u64 done = 0; done < size; done += CLEAN_CHUNK) {
		arch_clean_dcache_range(ram + done,
					MIN(CLEAN_CHUNK, size - done));
		irq_handle_pending(vcpu);
	}
}

/*
 * A whole VM can take a while (256 MiB: 4 M cache lines), and this core
 * may take interrupts for others too (the console UART's): they wait one
 * chunk at most. What came meanwhile for the vCPU itself is acted on once
 * the RAM is unmapped again: a stop request, list registers to refill.
 * Out of line: a cold path, and the interrupt handling it pulls in
 * would make the trap handler it is inlined into very long.
 */
noinline void vm_clean_dcache(struct vcpu *vcpu)
{
	struct vm *vm = vcpu->vm;

	open_ram(vm);
	for (size_t i = 0; i < vm->cfg->mem_count; i++)
		clean_region(vcpu, pa_ptr(pa_of(vm->layout.pa[i])),
			     vm->cfg->mem[i].size);
	close_ram(vm);
	vcpu_check_requests(vcpu);
	if (vgic_needs_flush(vcpu))
		vgic_flush(vcpu);
}

/*
 * Fresh memory for a (re)starting VM: every byte either zeroed (DC ZVA),
 * so nothing of an earlier run or of the firmware survives, or written by
 * an image, DTB or initrd; each pushed out of the caches as it is
 * written, since the guest starts with its caches off.
 */
static void load_memory(struct vm *vm)
{
	open_ram(vm);
	for (size_t i = 0; i < vm->cfg->mem_count; i++)
		zero_gaps(vm, i);
	for (unsigned k = 0; k < LOAD_KINDS; k++)
		copy_load(vm, &vm->boot.load[k]);
	close_ram(vm);
	arch_sync_icache();
}

/* On vCPU 0's core, with no lock held, while the VM is VM_LOADING: load
 * the VM and make vCPU 0 ready to enter at the image's entry. */
/* At a VM's first start: what its load took, and the machine counter its
 * own counters start from (bench/run.sh reads it). Restarts say less. */
static void log_first_start(const struct vm *vm, u64 load_began)
{
	u64 freq = arch_counter_freq();
	u64 us = (vm->counter_offset - load_began) * 1000000 / freq;
	u64 at = vm->counter_offset;

	log_info("VM '%s' loaded in %llu us; it starts at %llu.%06llu s "
		 "(counter %llu)",
		 vm->cfg->name, us, at / freq, at % freq * 1000000 / freq, at);
}

void vm_boot(struct vm *vm)
{
	struct vcpu *boot = &vm->vcpus[0];
	u64 began = arch_counter();

	load_memory(vm);
	vgic_reset(vm);
	vuart_reset(vm);
	vm->counter_offset = arch_counter();
	if (!vm->starts++)
		log_first_start(vm, began);
	exit_stats_reset(vm); /* its exits since this (re)start */
	for (unsigned i = 0; i < vm->vcpu_count; i++)
		vm->vcpus[i].line.len = 0; /* no half line from the last run */
	arch_stage2_tlb_flush(pt_root_pa(&vm->s2), vm->id + 1);
	boot->entry = vm->boot.entry;
	boot->arg = vm->boot.dtb;
	boot->start = VCPU_START_BOOT;
	boot->state = VCPU_ON_PENDING;
}

static void init_vcpus(struct vm *vm)
{
	vm->vcpu_count = (unsigned)vm->cfg->cpu_count;
	for (unsigned i = 0; i < vm->vcpu_count; i++) {
		struct vcpu *v = &vm->vcpus[i];

		*v = (struct vcpu){.vm = vm, .id = i, .cpu = vm->cfg->cpus[i]};
		cpu_vcpu[v->cpu] = v;
	}
}

static void init_limits(struct vm *vm)
{
	ratelimit_init(&vm->log_limit, CONFIG_GUEST_LOG_BURST,
		       CONFIG_GUEST_LOG_PER_SEC, arch_counter());
	console_vm_init(vm->id, vm->cfg->name, (unsigned)bh_config.vm_count);
}

/* The config's DTB, else the one the build generated for the VM. */
static struct bh_blob vm_dtb(const struct vm *vm)
{
	if (vm->cfg->dtb.file.start != vm->cfg->dtb.file.end)
		return vm->cfg->dtb.file;
	return bh_generated_dtbs[vm->id];
}

static void plan_boot(struct vm *vm)
{
	const char *why = boot_plan(vm->cfg, vm_dtb(vm), &vm->boot);

	if (why) /* the config checker has said so at build time */
		panic("VM '%s': %s", vm->cfg->name, why);
}

static void log_loads(const struct vm *vm)
{
	for (unsigned k = 0; k < LOAD_KINDS; k++) {
		const struct boot_load *l = &vm->boot.load[k];

		if (l->blob.start != l->blob.end)
			log_info("  %s IPA 0x%09llx, %llu KiB",
				 boot_load_name(&vm->boot, k), l->ipa,
				 (u64)(l->blob.end - l->blob.start) / 1024);
	}
}

static void log_vm(const struct vm *vm)
{
	const struct bh_vm_config *cfg = vm->cfg;

	log_info("VM %u '%s': %zu vCPU(s), VMID %u", vm->id, cfg->name,
		 cfg->cpu_count, vm->id + 1);
	for (size_t i = 0; i < cfg->cpu_count; i++)
		log_info("  vCPU %zu on CPU %u", i, cfg->cpus[i]);
	for (size_t i = 0; i < cfg->mem_count; i++)
		log_info("  RAM    IPA 0x%09llx -> PA 0x%09llx, %llu KiB",
			 (u64)cfg->mem[i].ipa, vm->layout.pa[i],
			 (u64)cfg->mem[i].size / 1024);
	for (size_t i = 0; i < cfg->dev_count; i++)
		log_info("  device IPA 0x%09llx -> PA 0x%09llx, %llu KiB (%s)",
			 (u64)cfg->devs[i].ipa, (u64)cfg->devs[i].pa,
			 (u64)cfg->devs[i].size / 1024, cfg->devs[i].name);
	for (size_t i = 0; i < cfg->irq_count; i++)
		log_info("  IRQ    %u", cfg->irqs[i]);
	log_loads(vm);
}

void vms_init(struct page_pool *pool)
{
	static struct vm_layout layouts[CONFIG_MAX_VMS];
	size_t bad_vm, bad_region;

	if (bh_config.vm_count > CONFIG_MAX_VMS)
		panic("config has %zu VMs, CONFIG_MAX_VMS is %u",
		      bh_config.vm_count, CONFIG_MAX_VMS);
	if (layout_place(&bh_config, &platform, layouts, &bad_vm, &bad_region))
		panic("no RAM for VM %zu region %zu (the config checker "
		      "should have caught this)",
		      bad_vm, bad_region);
	for (unsigned i = 0; i < bh_config.vm_count; i++) {
		struct vm *vm = &vms[i];

		/* Built from nothing (host tests build VMs again). */
		memset(vm, 0, sizeof(*vm));
		vm->cfg = &bh_config.vms[i];
		vm->id = i;
		vm->layout = layouts[i];
		vm->lock = (struct spinlock)SPINLOCK_INIT;
		vm->ram_lock = (struct spinlock)SPINLOCK_INIT;
		plan_boot(vm);
		init_vcpus(vm);
		init_limits(vm);
		vgic_init(vm);
		build_stage2(vm, pool);
		/* Builds the EL2 tables for its RAM now, on the boot core: its
		 * loads reuse them and take no page from the pool. */
		open_ram(vm);
		close_ram(vm);
		vm->state = VM_LOADING; /* by its vCPU 0's core (vcpu.c) */
		log_vm(vm);
	}
}

struct vm *vm_get(unsigned i)
{
	return &vms[i];
}

unsigned vm_count(void)
{
	return (unsigned)bh_config.vm_count;
}

static void vm_vlog(struct vm *vm, int level, const char *fmt, va_list ap)
{
	char msg[160];
	u32 suppressed;

	if (!ratelimit_take(&vm->log_limit, arch_counter(), arch_counter_freq(),
			    &suppressed))
		return;
	vformat(msg, sizeof(msg), fmt, ap);
	if (suppressed)
		log_warn("VM '%s': %u messages suppressed (rate limit)",
			 vm->cfg->name, suppressed);
	log_printf(level, "VM '%s' %s", vm->cfg->name, msg);
}

void vm_log(struct vm *vm, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vm_vlog(vm, LOG_WARN, fmt, ap);
	va_end(ap);
}

void vm_log_info(struct vm *vm, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vm_vlog(vm, LOG_INFO, fmt, ap);
	va_end(ap);
}

void vm_report_suppressed(struct vm *vm)
{
	if (vm->log_limit.suppressed)
		log_warn("VM '%s': %u messages suppressed (rate limit)",
			 vm->cfg->name, vm->log_limit.suppressed);
	vm->log_limit.suppressed = 0;
}

void vm_report_bad_access(struct vcpu *vcpu, ipaddr_t ipa, bool ipa_known,
			  u64 pc, enum access access, unsigned size)
{
	static const char *const what[] = {"read", "write", "fetch"};
	const char *device = ipa_known && access != ACCESS_FETCH
				     ? emulated_device_name(vcpu, ipa.bits)
				     : NULL;

	if (!ipa_known)
		vm_log(vcpu->vm,
		       "vCPU %u: %s fault at an unknown IPA (PC 0x%llx): "
		       "injecting an external abort",
		       vcpu->id, what[access], pc);
	else if (!device)
		vm_log(vcpu->vm,
		       "vCPU %u: %s outside its memory at IPA 0x%llx (PC "
		       "0x%llx): injecting an external abort",
		       vcpu->id, what[access], ipa.bits, pc);
	else if (!size)
		vm_log(vcpu->vm,
		       "vCPU %u: undecodable %s of the %s at IPA 0x%llx (PC "
		       "0x%llx; no syndrome: a pair, writeback...): injecting "
		       "an external abort",
		       vcpu->id, what[access], device, ipa.bits, pc);
	else
		vm_log(vcpu->vm,
		       "vCPU %u: %u-byte %s of the %s at IPA 0x%llx (PC "
		       "0x%llx): a size or alignment it does not take: "
		       "injecting an external abort",
		       vcpu->id, size, what[access], device, ipa.bits, pc);
}
