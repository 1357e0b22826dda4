/* SPDX-License-Identifier: MIT */
/*
 * The console hypercall: bytes from a guest, collected per vCPU into
 * lines, so two vCPUs' lines never mix; each whole line goes into the VM's
 * console ring, which sanitises it, charges it to the VM's budget and
 * leaves the "[vm] " prefix to the drainer (src/core/console/console.c).
 */
#include <bulkhead/abi.h>

#include "console.h"
#include "smccc.h"

static void emit_line(struct vcpu *vcpu)
{
	struct guest_line *line = &vcpu->line;

	line->text[line->len++] = '\n';
	console_vm_write(vcpu->vm->id, line->text, line->len);
	line->len = 0;
}

static void put_byte(struct vcpu *vcpu, u8 c)
{
	struct guest_line *line = &vcpu->line;

	if (c == '\n') {
		emit_line(vcpu);
		return;
	}
	line->text[line->len++] = (char)c;
	if (line->len == GUEST_LINE_MAX)
		emit_line(vcpu);
}

s64 guest_console_write(struct vcpu *vcpu, u64 count, const u64 *words)
{
	if (count > BH_CONSOLE_WRITE_MAX)
		return SMCCC_INVALID_PARAMETER;
	for (u64 i = 0; i < count; i++)
		put_byte(vcpu, (u8)(words[i / 4] >> (8 * (i % 4))));
	return (s64)count;
}
