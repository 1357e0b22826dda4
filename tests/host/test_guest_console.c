/* SPDX-License-Identifier: MIT */
/* The console hypercall: packing, per-vCPU lines, sanitising. */
#include <string.h>

#include <bulkhead/abi.h>

#include "fake_arch.h"
#include "smccc.h"
#include "test.h"
#include "vm_fixture.h"

/* Send `s` the way a guest does: up to 24 bytes a call, 4 per register. */
static void guest_print(struct vcpu *v, const char *s)
{
	size_t len = strlen(s);

	while (len) {
		u64 regs[SMCCC_REGS] = {BH_HC_CONSOLE_WRITE};
		size_t n = len < 24 ? len : 24;

		regs[1] = n;
		for (size_t i = 0; i < n; i++)
			regs[2 + i / 4] |= (u64)(u8)s[i] << (8 * (i % 4));
		smccc_handle(v, regs);
		CHECK_EQ(regs[0], n);
		s += n;
		len -= n;
	}
}

TEST(console_lines_get_the_vm_prefix)
{
	struct vcpu *v = &fixture_vm(1)->vcpus[0];

	guest_print(v, "hello, ");
	CHECK_EQ(fake.console_len, 0); /* nothing until the line ends */
	guest_print(v, "world\r\nsecond line that is longer than 24\n");
	CHECK(strcmp(fake.console,
		     "[fix] hello, world\r\n"
		     "[fix] second line that is longer than 24\r\n") == 0);
}

TEST(console_rejects_bad_counts_and_cleans_bytes)
{
	struct vcpu *v = &fixture_vm(1)->vcpus[0];
	u64 regs[SMCCC_REGS] = {BH_HC_CONSOLE_WRITE, 25};

	smccc_handle(v, regs);
	CHECK_EQ(regs[0], (u64)SMCCC_INVALID_PARAMETER);
	guest_print(v, "\x1b[2Jok\x07\n");
	CHECK(strcmp(fake.console, "[fix] ok?\r\n") == 0);
}

TEST(console_splits_long_lines)
{
	struct vcpu *v = &fixture_vm(1)->vcpus[0];
	char line[GUEST_LINE_MAX + 11];

	memset(line, 'x', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	guest_print(v, line);
	CHECK_EQ(fake.console_len, strlen("[fix] \r\n") + GUEST_LINE_MAX);
}

TEST(console_lines_of_two_vcpus_never_mix)
{
	struct vm *vm = fixture_vm(2);

	guest_print(&vm->vcpus[0], "begun on 0, ");
	guest_print(&vm->vcpus[1], "all of 1\n");
	guest_print(&vm->vcpus[0], "ended on 0\n");
	CHECK(strcmp(fake.console, "[fix] all of 1\r\n"
				   "[fix] begun on 0, ended on 0\r\n") == 0);
}
