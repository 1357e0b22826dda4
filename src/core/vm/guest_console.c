/* SPDX-License-Identifier: MIT */
/*
 * The console hypercall: bytes from a guest, collected per vCPU into
 * lines, printed as "[vm] line" under the VM's console rate limit. Bytes a
 * terminal would interpret (escape sequences...) are printed as '?'.
 */
#include <bulkhead/abi.h>

#include "arch.h"
#include "console.h"
#include "lib.h"
#include "smccc.h"

static void emit_line(struct vcpu *vcpu)
{
	struct vm *vm = vcpu->vm;
	struct guest_line *line = &vcpu->line;
	char out[GUEST_LINE_MAX + 64];
	u32 suppressed;
	int n;

	if (!ratelimit_take(&vm->console_limit, arch_counter(),
			    arch_counter_freq(), &suppressed)) {
		line->len = 0;
		return;
	}
	if (suppressed) {
		n = format(out, sizeof(out), "[%s] (%u lines suppressed)\n",
			   vm->cfg->name, suppressed);
		console_write(out, (size_t)n);
	}
	/* A long VM name is cut, never the buffer overrun. */
	n = MIN(format(out, sizeof(out), "[%s] ", vm->cfg->name),
		(int)(sizeof(out) - GUEST_LINE_MAX - 1));
	memcpy(out + n, line->text, line->len);
	n += (int)line->len;
	out[n++] = '\n';
	console_write(out, (size_t)n);
	line->len = 0;
}

static void put_byte(struct vcpu *vcpu, u8 c)
{
	struct guest_line *line = &vcpu->line;

	if (c == '\n') {
		emit_line(vcpu);
		return;
	}
	if (c == '\r')
		return;
	line->text[line->len++] =
		(c >= 0x20 && c < 0x7f) || c == '\t' ? c : '?';
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
