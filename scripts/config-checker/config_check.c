/* SPDX-License-Identifier: MIT */
/*
 * The build-time config checker (host only). Each check looks at one
 * property and reports every violation, so one build shows every problem;
 * every message names the VM, the addresses and what to change.
 */
#include "config_check.h"
#include "boot_plan.h"
#include "vgic.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Memory a Linux VM must have beyond its kernel, DTB and initrd (at
 * 56 MiB of RAM in all, Debian's kernel runs out during boot). */
#define LINUX_MIN_FREE	 (32 * MiB)
/* Stage-2 is set up for a 39-bit IPA space. */
#define IPA_LIMIT	 BIT(39)
/* VMs own SPIs only: SGIs and PPIs are per core and stay virtual. */
#define SPI_FIRST	 32u
#define SPI_LAST	 1019u
/* Where a VM sees its GIC: the hardware's addresses (platform.h). */
#define GICD_IPA_SIZE	 0x10000u
#define GICR_IPA_SIZE	 0x20000u /* per vCPU */
#define CONSOLE_IPA_SIZE 0x1000u

struct checker {
	const struct bh_config *cfg;
	const struct platform *plat;
	struct vm_layout *layouts;
	config_report_fn report;
	void *ctx;
	unsigned problems;
};

/* Anything with an address range: VM memory, a device, an image. */
struct region {
	const struct bh_vm_config *vm; /* NULL: the hypervisor's own */
	const char *kind;
	const char *name; /* a device's name, or NULL */
	u64 ipa, pa, size;
};

enum space { SPACE_PA, SPACE_IPA };

typedef unsigned long long ull;

static void problem(struct checker *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void problem(struct checker *c, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	c->report(c->ctx, msg);
	c->problems++;
}

static bool has_name(const struct bh_vm_config *vm)
{
	return vm->name && vm->name[0];
}

static const char *vm_name(const struct bh_vm_config *vm)
{
	return has_name(vm) ? vm->name : "(unnamed)";
}

static struct region mem_region(const struct bh_vm_config *vm, size_t i, u64 pa)
{
	const struct bh_mem_region *m = &vm->mem[i];

	return (struct region){vm, "memory", NULL, m->ipa, pa, m->size};
}

static struct region dev_region(const struct bh_vm_config *vm, size_t i)
{
	const struct bh_dev_region *d = &vm->devs[i];

	return (struct region){vm, "device", d->name, d->ipa, d->pa, d->size};
}

static struct region blob_region(const struct bh_vm_config *vm,
				 const char *kind, const struct bh_blob *blob,
				 u64 load_ipa)
{
	u64 size = blob->start ? (u64)(blob->end - blob->start) : 0;

	return (struct region){vm, kind, NULL, load_ipa, 0, size};
}

static u64 base_in(const struct region *r, enum space space)
{
	return space == SPACE_IPA ? r->ipa : r->pa;
}

/* "VM 'alpha' device 'rtc' IPA 0x9010000-0x9011000", naming the VM only
 * when it differs from the one the message is about. */
static const char *describe(char *buf, size_t len, const struct region *r,
			    enum space space, const struct bh_vm_config *about)
{
	char owner[96] = "", name[96] = "";
	u64 base = base_in(r, space);

	if (r->vm && r->vm != about)
		snprintf(owner, sizeof(owner), "VM '%s' ", vm_name(r->vm));
	if (r->name)
		snprintf(name, sizeof(name), " '%s'", r->name);
	snprintf(buf, len, "%s%s%s %s0x%llx-0x%llx", owner, r->kind, name,
		 space == SPACE_IPA ? "IPA " : "", (ull)base,
		 (ull)(base + r->size));
	return buf;
}

static void report_overlap(struct checker *c, const struct region *a,
			   const struct region *b, enum space space,
			   const char *fix)
{
	char da[256], db[256];

	problem(c, "VM '%s': %s overlaps %s: %s", vm_name(a->vm),
		describe(da, sizeof(da), a, space, a->vm),
		describe(db, sizeof(db), b, space, a->vm), fix);
}

static bool overlap_in(const struct region *a, const struct region *b,
		       enum space space)
{
	return a->size && b->size &&
	       ranges_overlap(base_in(a, space), a->size, base_in(b, space),
			      b->size);
}

/* Report every pair of overlapping regions, the later one first. */
static void check_disjoint(struct checker *c, const struct region *r, size_t n,
			   enum space space, const char *fix)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i; j++)
			if (overlap_in(&r[i], &r[j], space))
				report_overlap(c, &r[i], &r[j], space, fix);
}

static void check_vm_count(struct checker *c)
{
	size_t n = c->cfg->vm_count;

	if (n == 0)
		problem(c, "no VMs: describe at least one in BH_VMS(...)");
	if (n > CONFIG_MAX_VMS)
		problem(c,
			"%zu VMs, but CONFIG_MAX_VMS is %d: remove VMs or "
			"raise MAX_VMS (make menuconfig)",
			n, CONFIG_MAX_VMS);
}

static void check_name(struct checker *c, size_t v)
{
	const struct bh_vm_config *vm = &c->cfg->vms[v];

	if (!has_name(vm)) {
		problem(c, "VM %zu has no name: set .name", v);
		return;
	}
	for (size_t w = 0; w < v; w++)
		if (has_name(&c->cfg->vms[w]) &&
		    strcmp(c->cfg->vms[w].name, vm->name) == 0)
			problem(c,
				"VMs %zu and %zu are both named '%s': give "
				"each VM its own name",
				w, v, vm->name);
}

static void check_cpus(struct checker *c, const struct bh_vm_config *vm)
{
	unsigned cores = MIN(c->plat->cpu_count, (unsigned)CONFIG_MAX_CPUS);

	if (!vm->cpu_count)
		problem(c,
			"VM '%s' has no vCPUs: give it a core with "
			"BH_CPUS(...)",
			vm_name(vm));
	for (size_t i = 0; i < vm->cpu_count; i++)
		if (vm->cpus[i] >= cores)
			problem(c,
				"VM '%s': vCPU %zu is on core %u, which does "
				"not exist: %s has %u cores and "
				"CONFIG_MAX_CPUS is %d; use cores 0-%u",
				vm_name(vm), i, vm->cpus[i], c->plat->name,
				c->plat->cpu_count, CONFIG_MAX_CPUS, cores - 1);
}

static void check_aligned(struct checker *c, const struct region *r,
			  const char *field, u64 value)
{
	char d[256];

	if (!ALIGNED(value, PAGE_SIZE))
		problem(c,
			"VM '%s': %s: %s 0x%llx is not 4 KiB aligned: use a "
			"multiple of 0x1000, e.g. 0x%llx",
			vm_name(r->vm),
			describe(d, sizeof(d), r, SPACE_IPA, r->vm), field,
			(ull)value, (ull)ALIGN_UP(value, PAGE_SIZE));
}

/* What every memory and device region needs: a size, 4 KiB alignment, an
 * IPA range Stage-2 can map. */
static void check_shape(struct checker *c, const struct region *r)
{
	char d[256];

	if (!r->size)
		problem(c, "VM '%s': %s has size 0: give it a size",
			vm_name(r->vm),
			describe(d, sizeof(d), r, SPACE_IPA, r->vm));
	check_aligned(c, r, "ipa", r->ipa);
	check_aligned(c, r, "pa", r->pa);
	check_aligned(c, r, "size", r->size);
	if (!range_within(r->ipa, r->size, 0, IPA_LIMIT))
		problem(c,
			"VM '%s': %s is beyond the 39-bit IPA space (which "
			"ends at 0x%llx): move it lower",
			vm_name(r->vm),
			describe(d, sizeof(d), r, SPACE_IPA, r->vm),
			(ull)IPA_LIMIT);
}

static void check_in_ram(struct checker *c, const struct region *r)
{
	const struct platform *p = c->plat;
	char d[256];

	if (r->pa && !range_within(r->pa, r->size, p->ram_base, p->ram_size))
		problem(c,
			"VM '%s': %s is outside RAM 0x%llx-0x%llx of %s: use "
			"a pa inside RAM, or .pa = 0 to have it placed",
			vm_name(r->vm),
			describe(d, sizeof(d), r, SPACE_PA, r->vm),
			(ull)p->ram_base, (ull)(p->ram_base + p->ram_size),
			p->name);
}

static void check_memory(struct checker *c, const struct bh_vm_config *vm)
{
	if (!vm->mem_count)
		problem(c,
			"VM '%s' has no memory: add a region with "
			"BH_MEMORY(...)",
			vm_name(vm));
	if (vm->mem_count > LAYOUT_MAX_VM_REGIONS)
		problem(c,
			"VM '%s' has %zu memory regions, at most %d are "
			"supported: merge adjacent regions",
			vm_name(vm), vm->mem_count, LAYOUT_MAX_VM_REGIONS);
	for (size_t i = 0; i < vm->mem_count; i++) {
		struct region r = mem_region(vm, i, vm->mem[i].pa);

		check_shape(c, &r);
		check_in_ram(c, &r);
	}
}

static bool in_dev_space(const struct platform *p, const struct region *r)
{
	for (size_t i = 0; i < p->dev_space_count; i++)
		if (range_within(r->pa, r->size, p->dev_space[i].base,
				 p->dev_space[i].size))
			return true;
	return false;
}

static const char *list_dev_space(char *buf, size_t len,
				  const struct platform *p)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < p->dev_space_count && n < len; i++) {
		const struct mmio_range *w = &p->dev_space[i];

		n += snprintf(buf + n, len - n, "%s%s 0x%llx-0x%llx",
			      i ? ", " : "", w->name, (ull)w->base,
			      (ull)(w->base + w->size));
	}
	return buf;
}

/* A device that masters the bus writes where it is told, past Stage-2. */
static void check_bus_masters(struct checker *c, const struct bh_vm_config *vm,
			      const struct region *r)
{
	char d[256];

	for (size_t i = 0; i < c->plat->bus_master_count; i++) {
		const struct mmio_range *m = &c->plat->bus_masters[i];

		if (ranges_overlap(r->pa, r->size, m->base, m->size))
			problem(c,
				"VM '%s': %s covers %s at 0x%llx-0x%llx, a "
				"bus master: its DMA reaches any physical "
				"address, past Stage-2 (other VMs' RAM, the "
				"hypervisor), and Bulkhead drives no IOMMU "
				"to confine it; do not pass it through",
				vm_name(vm),
				describe(d, sizeof(d), r, SPACE_PA, vm),
				m->name, (ull)m->base,
				(ull)(m->base + m->size));
	}
}

static void check_devices(struct checker *c, const struct bh_vm_config *vm)
{
	char d[256], windows[1024];

	for (size_t i = 0; i < vm->dev_count; i++) {
		struct region r = dev_region(vm, i);

		check_shape(c, &r);
		check_bus_masters(c, vm, &r);
		if (r.size && !in_dev_space(c->plat, &r))
			problem(c,
				"VM '%s': %s is not inside a device window "
				"of %s (%s): pass through only devices in "
				"these windows",
				vm_name(vm),
				describe(d, sizeof(d), &r, SPACE_PA, vm),
				c->plat->name,
				list_dev_space(windows, sizeof(windows),
					       c->plat));
	}
}

static bool owns_irq(const struct bh_vm_config *vm, uint32_t intid)
{
	for (size_t i = 0; i < vm->irq_count; i++)
		if (vm->irqs[i] == intid)
			return true;
	return false;
}

/* The console: a 4 KiB page and a virtual SPI of the VM's own. */
static void check_console(struct checker *c, const struct bh_vm_config *vm)
{
	const struct bh_console *con = &vm->console;

	if (!con->ipa)
		return;
	if (!ALIGNED(con->ipa, CONSOLE_IPA_SIZE))
		problem(c,
			"VM '%s': console IPA 0x%llx is not 4 KiB aligned: "
			"align it",
			vm_name(vm), (ull)con->ipa);
	if (con->irq < SPI_FIRST || con->irq > SPI_LAST)
		problem(c,
			"VM '%s': console interrupt %u is not an SPI "
			"(%u-%u): give it a free SPI number",
			vm_name(vm), con->irq, SPI_FIRST, SPI_LAST);
	else if (owns_irq(vm, con->irq))
		problem(c,
			"VM '%s': console interrupt %u is also in its "
			"BH_IRQS: give the console an SPI no device of the VM "
			"uses",
			vm_name(vm), con->irq);
}

static void check_irqs(struct checker *c, const struct bh_vm_config *vm)
{
	size_t n = vm->irq_count + (vm->console.ipa ? 1 : 0);

	if (n > VGIC_MAX_SPIS)
		problem(c,
			"VM '%s' has %zu interrupts, at most %d are supported "
			"(VGIC_MAX_SPIS, a console's included): give it fewer",
			vm_name(vm), n, VGIC_MAX_SPIS);
	for (size_t i = 0; i < vm->irq_count; i++)
		if (vm->irqs[i] < SPI_FIRST || vm->irqs[i] > SPI_LAST)
			problem(c,
				"VM '%s': interrupt %u is not an SPI (%u-%u): "
				"list only shared peripheral interrupts",
				vm_name(vm), vm->irqs[i], SPI_FIRST, SPI_LAST);
		else if (vm->irqs[i] == c->plat->uart_irq)
			problem(c,
				"VM '%s': interrupt %u is the console UART's, "
				"which the hypervisor keeps: leave it out",
				vm_name(vm), vm->irqs[i]);
}

/* A scratch list of regions; the checker is a short-lived host tool. */
static struct region *alloc_regions(size_t n)
{
	struct region *r = calloc(n + 1, sizeof(*r));

	if (!r)
		abort();
	return r;
}

/* The VM's GIC: distributor, then redistributors (GICv3, one per vCPU)
 * or the CPU interface (GICv2). Fills gic[2]. */
static void gic_regions(const struct platform *p, const struct bh_vm_config *vm,
			struct region *gic)
{
	gic[0] = (struct region){.kind = "the GIC distributor",
				 .ipa = p->gicd_base,
				 .size = GICD_IPA_SIZE};
	if (p->gic_version == 3)
		gic[1] = (struct region){.kind = "the GIC redistributors",
					 .ipa = p->gicr_base,
					 .size = GICR_IPA_SIZE * vm->cpu_count};
	else
		gic[1] = (struct region){.kind = "the GIC CPU interface",
					 .ipa = p->gicc_base,
					 .size = GICV2_CPU_IF_SIZE};
}

/* Memory and devices must leave the GIC's guest addresses to it. */
static void check_gic_window(struct checker *c, const struct bh_vm_config *vm,
			     const struct region *r, size_t n)
{
	struct region gic[2];

	gic_regions(c->plat, vm, gic);
	for (size_t i = 0; i < n; i++)
		for (size_t g = 0; g < ARRAY_SIZE(gic); g++)
			if (overlap_in(&r[i], &gic[g], SPACE_IPA))
				report_overlap(c, &r[i], &gic[g], SPACE_IPA,
					       "the VM's GIC lives there: give "
					       "the region another guest "
					       "address");
}

/* Memory, devices and the console must not share guest addresses, nor
 * the GIC's. */
static void check_ipa_overlaps(struct checker *c, const struct bh_vm_config *vm)
{
	size_t n = vm->mem_count + vm->dev_count;
	struct region *r = alloc_regions(n + 1);

	for (size_t i = 0; i < vm->mem_count; i++)
		r[i] = mem_region(vm, i, vm->mem[i].pa);
	for (size_t i = 0; i < vm->dev_count; i++)
		r[vm->mem_count + i] = dev_region(vm, i);
	if (vm->console.ipa)
		r[n++] = (struct region){vm,   "console",
					 NULL, vm->console.ipa,
					 0,    CONSOLE_IPA_SIZE};
	check_disjoint(c, r, n, SPACE_IPA,
		       "give each region its own guest address range");
	check_gic_window(c, vm, r, n);
	free(r);
}

static const struct bh_mem_region *mem_at(const struct bh_vm_config *vm,
					  u64 ipa)
{
	for (size_t i = 0; i < vm->mem_count; i++)
		if (range_within(ipa, 1, vm->mem[i].ipa, vm->mem[i].size))
			return &vm->mem[i];
	return NULL;
}

/* A blob is copied into one memory region, starting at its load_ipa. */
static void check_loaded(struct checker *c, const struct region *blob)
{
	const struct bh_mem_region *m = mem_at(blob->vm, blob->ipa);
	char d[256];

	if (!m)
		problem(c,
			"VM '%s': %s load_ipa 0x%llx is not in the VM's "
			"memory: load it inside a BH_MEMORY() region",
			vm_name(blob->vm), blob->kind, (ull)blob->ipa);
	else if (!range_within(blob->ipa, blob->size, m->ipa, m->size))
		problem(c,
			"VM '%s': %s (%llu bytes) does not fit in memory IPA "
			"0x%llx-0x%llx: enlarge the region or load it lower",
			vm_name(blob->vm),
			describe(d, sizeof(d), blob, SPACE_IPA, blob->vm),
			(ull)blob->size, (ull)m->ipa, (ull)(m->ipa + m->size));
}

static void check_image(struct checker *c, const struct region *img, u64 entry)
{
	char d[256];

	if (!img->size) {
		problem(c,
			"VM '%s' has no image: set .image.file = "
			"BH_BLOB(sym) with BH_FILE(sym, \"file\")",
			vm_name(img->vm));
		return;
	}
	check_loaded(c, img);
	if (!range_within(entry, 1, img->ipa, img->size))
		problem(c,
			"VM '%s': entry 0x%llx is outside the %s: set .entry "
			"to an address inside the loaded image",
			vm_name(img->vm), (ull)entry,
			describe(d, sizeof(d), img, SPACE_IPA, img->vm));
}

static void check_dtb(struct checker *c, const struct region *dtb,
		      const struct region *img)
{
	if (!dtb->size)
		return;
	check_loaded(c, dtb);
	if (overlap_in(dtb, img, SPACE_IPA))
		report_overlap(c, dtb, img, SPACE_IPA,
			       "load the DTB outside the image");
}

static ull mib_up(u64 bytes)
{
	return ALIGN_UP(bytes, MiB) / MiB;
}

/*
 * A Linux kernel, its device tree and initrd are placed from the bottom
 * of the first memory region up (boot_plan.c); the kernel then needs room
 * of its own to run.
 */
static void check_linux(struct checker *c, const struct bh_vm_config *vm,
			const struct boot_plan *plan)
{
	const struct boot_load *last = &plan->load[LOAD_INITRD];
	u64 end = last->ipa + last->size, need;

	if (vm->dtb.file.end - vm->dtb.file.start > (long)BOOT_DTB_MAX)
		problem(c,
			"VM '%s': its DTB is larger than 2 MiB, the most "
			"the arm64 boot protocol allows: trim it",
			vm_name(vm));
	need = end - vm->mem[0].ipa + LINUX_MIN_FREE;
	if (need > vm->mem[0].size)
		problem(c,
			"VM '%s': its kernel (%llu MiB in memory), device tree "
			"and initrd take the first %llu MiB of its first "
			"memory region, which has %llu MiB: make that region "
			"at least %llu MiB (Linux needs %llu MiB more to run)",
			vm_name(vm), mib_up(plan->load[LOAD_IMAGE].size),
			mib_up(end - vm->mem[0].ipa),
			(ull)(vm->mem[0].size / MiB), mib_up(need),
			(ull)(LINUX_MIN_FREE / MiB));
}

/* What the VM's RAM holds at (re)start (boot_plan.c), and that it fits. */
static void check_boot(struct checker *c, const struct bh_vm_config *vm)
{
	struct boot_plan plan;
	const char *why = boot_plan(vm, vm->dtb.file, &plan);
	struct region img, dtb;

	if (why) {
		problem(c, "VM '%s': %s", vm_name(vm), why);
		return;
	}
	if (plan.is_linux) {
		check_linux(c, vm, &plan);
		return;
	}
	img = blob_region(vm, "image", &vm->image.file, vm->image.load_ipa);
	dtb = blob_region(vm, "DTB", &vm->dtb.file, vm->dtb.load_ipa);
	check_image(c, &img, vm->image.entry);
	check_dtb(c, &dtb, &img);
}

static void check_vm(struct checker *c, size_t v)
{
	const struct bh_vm_config *vm = &c->cfg->vms[v];

	check_name(c, v);
	check_cpus(c, vm);
	check_memory(c, vm);
	check_devices(c, vm);
	check_irqs(c, vm);
	check_console(c, vm);
	check_ipa_overlaps(c, vm);
	if (vm->mem_count)
		check_boot(c, vm);
}

/* Resources a VM owns outright, listed by number: cores and interrupts. */
typedef const uint32_t *(*owned_fn)(const struct bh_vm_config *vm, size_t *n);

static const uint32_t *vm_cores(const struct bh_vm_config *vm, size_t *n)
{
	*n = vm->cpu_count;
	return vm->cpus;
}

static const uint32_t *vm_irqs(const struct bh_vm_config *vm, size_t *n)
{
	*n = vm->irq_count;
	return vm->irqs;
}

/* Was the i-th item VM v owns listed before, by v or an earlier VM? */
static bool owned_before(const struct checker *c, owned_fn owned, size_t v,
			 size_t i, size_t *owner)
{
	size_t n;
	uint32_t id = owned(&c->cfg->vms[v], &n)[i];

	for (size_t w = 0; w <= v; w++) {
		const uint32_t *ids = owned(&c->cfg->vms[w], &n);

		for (size_t j = 0; j < (w == v ? i : n); j++)
			if (ids[j] == id) {
				*owner = w;
				return true;
			}
	}
	return false;
}

static void check_owner(struct checker *c, const char *what, owned_fn owned,
			size_t v, size_t i, const char *fix)
{
	const struct bh_vm_config *vms = c->cfg->vms;
	size_t n, w;
	uint32_t id = owned(&vms[v], &n)[i];

	if (!owned_before(c, owned, v, i, &w))
		return;
	if (w == v)
		problem(c, "VM '%s': %s %u is listed twice: %s",
			vm_name(&vms[v]), what, id, fix);
	else
		problem(c, "VM '%s': %s %u is already given to VM '%s': %s",
			vm_name(&vms[v]), what, id, vm_name(&vms[w]), fix);
}

static void check_exclusive(struct checker *c, const char *what, owned_fn owned,
			    const char *fix)
{
	for (size_t v = 0; v < c->cfg->vm_count; v++) {
		size_t n;

		owned(&c->cfg->vms[v], &n);
		for (size_t i = 0; i < n; i++)
			check_owner(c, what, owned, v, i, fix);
	}
}

static void check_placement(struct checker *c)
{
	const struct platform *p = c->plat;
	size_t v, r;
	const struct bh_mem_region *m;

	if (layout_place(c->cfg, p, c->layouts, &v, &r) == 0)
		return;
	m = &c->cfg->vms[v].mem[r];
	problem(c,
		"VM '%s': no free RAM for memory IPA 0x%llx-0x%llx: what is "
		"left of RAM 0x%llx-0x%llx after the hypervisor and the "
		"other VMs has no room for it; shrink VM memory or raise "
		"CONFIG_PLATFORM_RAM_SIZE (and QEMU's -m)",
		vm_name(&c->cfg->vms[v]), (ull)m->ipa, (ull)(m->ipa + m->size),
		(ull)p->ram_base, (ull)(p->ram_base + p->ram_size));
}

/* Every memory region with a physical address (fixed, or placed). */
static struct region *placed_memory(const struct checker *c, size_t *n)
{
	const struct bh_config *cfg = c->cfg;
	struct region *r = alloc_regions(cfg->vm_count * LAYOUT_MAX_VM_REGIONS);

	*n = 0;
	for (size_t v = 0; v < cfg->vm_count; v++) {
		const struct bh_vm_config *vm = &cfg->vms[v];

		for (size_t i = 0;
		     i < MIN(vm->mem_count, LAYOUT_MAX_VM_REGIONS); i++)
			if (c->layouts[v].pa[i])
				r[(*n)++] =
					mem_region(vm, i, c->layouts[v].pa[i]);
	}
	return r;
}

static struct region *all_devices(const struct checker *c, size_t *n)
{
	const struct bh_config *cfg = c->cfg;
	struct region *r;

	*n = 0;
	for (size_t v = 0; v < cfg->vm_count; v++)
		*n += cfg->vms[v].dev_count;
	r = alloc_regions(*n);
	*n = 0;
	for (size_t v = 0; v < cfg->vm_count; v++)
		for (size_t i = 0; i < cfg->vms[v].dev_count; i++)
			r[(*n)++] = dev_region(&cfg->vms[v], i);
	return r;
}

static void check_hyp_overlap(struct checker *c, const struct region *mem,
			      size_t n)
{
	const struct region hyp = {.kind = "the hypervisor's RAM",
				   .pa = HYP_MEM_BASE,
				   .size = hyp_mem_size(c->cfg)};
	char fix[200];

	snprintf(fix, sizeof(fix),
		 "keep VM memory at or above 0x%llx (CONFIG_HYP_OWN_MEM_SIZE "
		 "and the guest files the config carries), or set .pa = 0 "
		 "to have it placed",
		 (ull)(HYP_MEM_BASE + hyp.size));
	for (size_t i = 0; i < n; i++)
		if (overlap_in(&mem[i], &hyp, SPACE_PA))
			report_overlap(c, &mem[i], &hyp, SPACE_PA, fix);
}

static void check_physical_overlaps(struct checker *c)
{
	size_t n;
	struct region *r = placed_memory(c, &n);

	check_hyp_overlap(c, r, n);
	check_disjoint(c, r, n, SPACE_PA,
		       "give each VM its own physical range");
	free(r);
	r = all_devices(c, &n);
	check_disjoint(c, r, n, SPACE_PA,
		       "pass each device through to one VM only");
	free(r);
}

unsigned config_check(const struct bh_config *cfg, const struct platform *plat,
		      struct vm_layout *layouts, config_report_fn report,
		      void *ctx)
{
	struct checker c = {cfg, plat, layouts, report, ctx, 0};

	check_vm_count(&c);
	for (size_t v = 0; v < cfg->vm_count; v++)
		check_vm(&c, v);
	check_exclusive(&c, "core", vm_cores,
			"give each vCPU a core of its own");
	check_exclusive(&c, "interrupt", vm_irqs,
			"give each interrupt to one VM");
	check_placement(&c);
	check_physical_overlaps(&c);
	return c.problems;
}
