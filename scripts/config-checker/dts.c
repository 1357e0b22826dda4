/* SPDX-License-Identifier: MIT */
/*
 * A VM's device tree, generated from its config (dts.h): what the VM
 * sees and nothing else. Its memory; its vCPUs (MPIDR Aff0 = vCPU index,
 * as the hypervisor sets VMPIDR_EL2) started by PSCI over HVC; its view of
 * the GIC, at the hardware's addresses; the architected timer; its
 * console; its passthrough devices; and /chosen (bootargs, initrd,
 * stdout). dtc compiles and checks it at build time.
 */
#include "dts.h"

#include <inttypes.h>

#define GICR_STRIDE  0x20000u /* one GICv3 redistributor per vCPU */
#define GICD_SIZE_V3 0x10000u
#define GICD_SIZE_V2 0x1000u
#define GICC_SIZE_V2 0x2000u
#define CONSOLE_SIZE 0x1000u
#define CONSOLE_BAUD 115200u
/* DT interrupt specifiers: <type number flags>. */
#define DT_SPI	     0u
#define DT_PPI	     1u
#define LEVEL_HIGH   4u

/* Two cells each for address and size, as on the root node. */
static void print_reg(FILE *f, uint64_t base, uint64_t size)
{
	fprintf(f,
		"\t\treg = <0x%" PRIx64 " 0x%" PRIx64 " 0x%" PRIx64
		" 0x%" PRIx64 ">;\n",
		base >> 32, base & 0xffffffffu, size >> 32, size & 0xffffffffu);
}

static void print_spi(FILE *f, uint32_t intid)
{
	fprintf(f, "\t\tinterrupts = <%u %u %u>;\n", DT_SPI, intid - 32,
		LEVEL_HIGH);
}

static void print_memory(FILE *f, const struct bh_vm_config *vm)
{
	for (size_t i = 0; i < vm->mem_count; i++) {
		fprintf(f, "\tmemory@%" PRIx64 " {\n", vm->mem[i].ipa);
		fprintf(f, "\t\tdevice_type = \"memory\";\n");
		print_reg(f, vm->mem[i].ipa, vm->mem[i].size);
		fprintf(f, "\t};\n");
	}
}

static void print_cpus(FILE *f, const struct bh_vm_config *vm,
		       const struct platform *plat)
{
	fprintf(f, "\tcpus {\n\t\t#address-cells = <1>;\n"
		   "\t\t#size-cells = <0>;\n");
	for (size_t i = 0; i < vm->cpu_count; i++)
		fprintf(f,
			"\t\tcpu@%zu {\n\t\t\tdevice_type = \"cpu\";\n"
			"\t\t\tcompatible = \"%s\";\n"
			"\t\t\treg = <%zu>;\n"
			"\t\t\tenable-method = \"psci\";\n\t\t};\n",
			i, plat->dt_cpu_compatible, i);
	fprintf(f, "\t};\n");
	fprintf(f, "\tpsci {\n\t\tcompatible = \"arm,psci-1.0\", "
		   "\"arm,psci-0.2\";\n\t\tmethod = \"hvc\";\n\t};\n");
}

static void print_gic(FILE *f, const struct bh_vm_config *vm,
		      const struct platform *plat)
{
	fprintf(f, "\tgic: interrupt-controller@%llx {\n", plat->gicd_base);
	/* #address-cells 0: no interrupt-map refers to its children. */
	fprintf(f, "\t\tinterrupt-controller;\n\t\t#interrupt-cells = <3>;\n"
		   "\t\t#address-cells = <0>;\n");
	if (plat->gic_version == 3) {
		fprintf(f, "\t\tcompatible = \"arm,gic-v3\";\n");
		fprintf(f,
			"\t\treg = <0x0 0x%llx 0x0 0x%x>, "
			"<0x0 0x%llx 0x0 0x%zx>;\n",
			plat->gicd_base, GICD_SIZE_V3, plat->gicr_base,
			GICR_STRIDE * vm->cpu_count);
	} else {
		fprintf(f, "\t\tcompatible = \"arm,cortex-a15-gic\";\n");
		fprintf(f,
			"\t\treg = <0x0 0x%llx 0x0 0x%x>, "
			"<0x0 0x%llx 0x0 0x%x>;\n",
			plat->gicd_base, GICD_SIZE_V2, plat->gicc_base,
			GICC_SIZE_V2);
	}
	fprintf(f, "\t};\n");
}

/* Secure and non-secure physical, virtual and hypervisor timer PPIs. On
 * GICv2 the flags also carry a mask of the cores the PPI reaches. */
static void print_timer(FILE *f, const struct bh_vm_config *vm,
			const struct platform *plat)
{
	static const unsigned ppis[] = {13, 14, 11, 10};
	unsigned flags = LEVEL_HIGH;

	if (plat->gic_version == 2)
		flags |= ((1u << vm->cpu_count) - 1) << 8;
	fprintf(f,
		"\ttimer {\n\t\tcompatible = \"%s\";\n"
		"\t\talways-on;\n\t\tinterrupts =",
		plat->dt_timer_compatible);
	for (size_t i = 0; i < 4; i++)
		fprintf(f, "%s <%u %u 0x%x>", i ? "," : "", DT_PPI, ppis[i],
			flags);
	fprintf(f, ";\n\t};\n");
}

/* The clock Arm's PrimeCell devices name "apb_pclk", for passthrough
 * devices to refer to as <&apb_pclk> (QEMU virt's is 24 MHz). */
static void print_clock(FILE *f)
{
	fprintf(f, "\tapb_pclk: clock-24mhz {\n\t\tcompatible = "
		   "\"fixed-clock\";\n\t\t#clock-cells = <0>;\n"
		   "\t\tclock-frequency = <24000000>;\n"
		   "\t\tclock-output-names = \"clk24mhz\";\n\t};\n");
}

static void print_console(FILE *f, const struct bh_vm_config *vm)
{
	if (!vm->console.ipa)
		return;
	fprintf(f, "\tconsole: serial@%" PRIx64 " {\n", vm->console.ipa);
	fprintf(f, "\t\tcompatible = \"arm,sbsa-uart\";\n");
	print_reg(f, vm->console.ipa, CONSOLE_SIZE);
	print_spi(f, vm->console.irq);
	fprintf(f, "\t\tcurrent-speed = <%u>;\n\t};\n", CONSOLE_BAUD);
}

/* Passthrough devices with a compatible string; the others get no node. */
static void print_devices(FILE *f, const struct bh_vm_config *vm)
{
	for (size_t i = 0; i < vm->dev_count; i++) {
		const struct bh_dev_region *d = &vm->devs[i];

		if (!d->compatible)
			continue;
		fprintf(f, "\t%s@%" PRIx64 " {\n", d->name ? d->name : "device",
			d->ipa);
		fprintf(f, "\t\tcompatible = \"%s\";\n", d->compatible);
		print_reg(f, d->ipa, d->size);
		if (d->irq)
			print_spi(f, d->irq);
		if (d->dt_props)
			fprintf(f, "\t\t%s\n", d->dt_props);
		fprintf(f, "\t};\n");
	}
}

static void print_chosen(FILE *f, const struct bh_vm_config *vm,
			 const struct boot_plan *plan)
{
	const struct boot_load *initrd = &plan->load[LOAD_INITRD];
	uint64_t initrd_len = (uint64_t)(initrd->blob.end - initrd->blob.start);

	fprintf(f, "\tchosen {\n");
	if (vm->kernel.bootargs)
		fprintf(f, "\t\tbootargs = \"%s\";\n", vm->kernel.bootargs);
	if (vm->console.ipa)
		fprintf(f, "\t\tstdout-path = \"serial0:%un8\";\n",
			CONSOLE_BAUD);
	if (initrd_len)
		fprintf(f,
			"\t\tlinux,initrd-start = /bits/ 64 <0x%llx>;\n"
			"\t\tlinux,initrd-end = /bits/ 64 <0x%llx>;\n",
			initrd->ipa, initrd->ipa + initrd_len);
	fprintf(f, "\t};\n");
	if (vm->console.ipa)
		fprintf(f, "\taliases {\n\t\tserial0 = &console;\n\t};\n");
}

void dts_print_vm(FILE *f, const struct bh_vm_config *vm,
		  const struct platform *plat, const struct boot_plan *plan)
{
	fprintf(f,
		"/dts-v1/;\n\n/* VM '%s', generated by Bulkhead's build "
		"from its config. */\n/ {\n",
		vm->name);
	fprintf(f,
		"\tmodel = \"Bulkhead VM %s\";\n"
		"\tcompatible = \"bulkhead,vm\";\n"
		"\t#address-cells = <2>;\n\t#size-cells = <2>;\n"
		"\tinterrupt-parent = <&gic>;\n\n",
		vm->name);
	print_memory(f, vm);
	print_cpus(f, vm, plat);
	print_gic(f, vm, plat);
	print_timer(f, vm, plat);
	print_clock(f);
	print_console(f, vm);
	print_devices(f, vm);
	print_chosen(f, vm, plan);
	fprintf(f, "};\n");
}
