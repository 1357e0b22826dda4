/* SPDX-License-Identifier: MIT */
/*
 * The console's rings and drainer, against the fake UART (fake_arch.c),
 * whose transmit FIFO a test can fill: lines of different VMs never mix,
 * a full FIFO stops the drain and the next one resumes exactly there, an
 * open line yields to another VM, budgets and drop reports are per VM,
 * bytes are sanitised, and no drain ever waits for another.
 */
#include <string.h>

#include "console.h"
#include "fake_arch.h"
#include "irq.h"
#include "log.h"
#include "platform.h"
#include "test.h"

#define VM_A 0
#define VM_B 1

/* A fresh console with two VMs, "a" and "b", each with half the line. */
static void two_vms(void)
{
	fake_reset();
	console_init(0);
	console_vm_init(VM_A, "a", 2);
	console_vm_init(VM_B, "b", 2);
}

static void put(unsigned vm, const char *s)
{
	console_vm_write(vm, s, strlen(s));
}

/* From now on the FIFO takes `room` more bytes, until the test says. */
static void fifo_room(unsigned room)
{
	fake.uart_fifo_limited = true;
	fake.uart_room = room;
}

/* Drain with room for `step` bytes at a time until nothing moves. */
static void drain_in_steps(unsigned step)
{
	size_t before;

	do {
		before = fake.console_len;
		fifo_room(step);
		console_drain();
	} while (fake.console_len != before);
}

static bool console_is(const char *want)
{
	return strcmp(fake.console, want) == 0;
}

/* How many times `what` occurs in the console output. */
static unsigned occurrences(const char *what)
{
	unsigned n = 0;

	for (const char *p = fake.console; (p = strstr(p, what)); p++)
		n++;
	return n;
}

TEST(console_lines_of_two_vms_never_mix)
{
	char long_line[101];

	memset(long_line, 'a', 99);
	long_line[99] = '\n';
	long_line[100] = '\0';
	two_vms();
	fifo_room(0); /* everything queues */
	put(VM_A, "one from a\n");
	put(VM_B, "one from b\n");
	put(VM_A, long_line); /* longer than what the drainer stages */
	put(VM_B, "two from b\n");
	drain_in_steps(3);
	CHECK(!strncmp(fake.console,
		       "[a] one from a\r\n[b] one from b\r\n[a] aaaa", 40));
	CHECK(strstr(fake.console, "aaaa\r\n[b] two from b\r\n"));
	CHECK_EQ(occurrences("["), 4);

	/* b's line comes while a's is half out: a's is finished first. */
	two_vms();
	fifo_room(7);
	put(VM_A, "alpha line\n");
	CHECK(console_is("[a] alp"));
	put(VM_B, "beta line\n");
	put(VM_A, "alpha again\n");
	drain_in_steps(5);
	CHECK(console_is("[a] alpha line\r\n[b] beta line\r\n"
			 "[a] alpha again\r\n"));
}

TEST(console_full_fifo_stops_the_drain_and_the_next_resumes_exactly)
{
	const char *want = "[a] hi\r\n[a] yo\r\n";

	two_vms();
	fifo_room(5);
	put(VM_A, "hi\nyo\n");
	CHECK(console_is("[a] h"));
	CHECK(fake.uart_tx_irq); /* bytes wait for FIFO space */
	/* One byte of room per drain: "\r\n" split too, nothing lost or
	 * sent twice. */
	for (size_t n = 6; n <= strlen(want); n++) {
		fifo_room(1);
		console_drain();
		CHECK_EQ(fake.console_len, n);
	}
	CHECK(console_is(want));
	CHECK(!fake.uart_tx_irq);
}

TEST(console_transmit_irq_drains_what_a_full_fifo_left)
{
	two_vms();
	fifo_room(4);
	put(VM_B, "from the interrupt\n");
	CHECK(fake.uart_tx_irq);
	fifo_room(100);
	irq_handle(NULL, platform.uart_irq);
	CHECK(console_is("[b] from the interrupt\r\n"));
	CHECK(!fake.uart_tx_irq);
	CHECK_EQ(fake.deactivated, 1);
}

TEST(console_open_line_yields_and_gets_its_prefix_again)
{
	two_vms();
	put(VM_A, "a$ ");
	put(VM_A, "ls"); /* nothing else waits: the line stays a's */
	CHECK(console_is("[a] a$ ls"));
	put(VM_B, "b says hi\n");
	put(VM_A, " -l\n");
	CHECK(console_is("[a] a$ ls\r\n[b] b says hi\r\n[a]  -l\r\n"));
}

TEST(console_over_budget_bytes_are_dropped_for_that_vm_only)
{
	/* a's budget: 4096 bytes at once, each 17-byte line costing 22
	 * with "[a] " and '\r': 186 lines pass, 214 are dropped. */
	const unsigned lines = 400, passed = 4096 / 22;

	two_vms();
	for (unsigned i = 0; i < lines; i++)
		put(VM_A, "0123456789abcdef\n");
	put(VM_B, "b is not affected\n");
	CHECK_EQ(occurrences("[a] 0123456789abcdef\r\n"), passed);
	CHECK(strstr(fake.console, "[b] b is not affected\r\n"));
	CHECK(!strstr(fake.console, "dropped"));
	/* A second later the budget is back; the report comes first. */
	fake.now += FAKE_FREQ;
	put(VM_A, "a is back\n");
	CHECK(strstr(fake.console, "[b] b is not affected\r\n"
				   "[a] ... 3638 bytes dropped\r\n"
				   "[a] a is back\r\n"));
	CHECK_EQ(occurrences("dropped"), 1);
}

TEST(console_bytes_beyond_a_full_ring_are_dropped_for_that_vm_only)
{
	/* The FIFO is stuck; time passes, so only the ring limits. */
	const unsigned fit = 4096 / 16;

	two_vms();
	fifo_room(0);
	for (unsigned i = 0; i < 300; i++) {
		put(VM_A, "line of sixteen\n");
		fake.now += FAKE_FREQ / 100;
	}
	put(VM_B, "b still here\n");
	drain_in_steps(64);
	CHECK_EQ(occurrences("[a] line of sixteen\r\n"), fit);
	CHECK(strstr(fake.console, "[b] b still here\r\n"));
	/* The full ring had no room for the mark: it comes with the next
	 * write, before it. */
	CHECK(!strstr(fake.console, "dropped"));
	put(VM_A, "a again\n");
	CHECK(strstr(fake.console, "[a] line of sixteen\r\n"
				   "[a] ... 704 bytes dropped\r\n"
				   "[a] a again\r\n"));
}

TEST(console_sanitises_at_the_producer)
{
	static const char raw[] = "\x1b[2Jok\a\r\tend\x7f\xff!\x1b"
				  "7\n";
	static const char mark[] = "a\0b\n";

	two_vms();
	console_vm_write(VM_A, raw, sizeof(raw) - 1);
	/* Only then the drop mark of the rings, which would wedge a ring
	 * (and this test) if a VM could queue it. */
	if (CHECK(console_is("[a] ok?\tend?\?!\r\n"))) {
		console_vm_write(VM_A, mark, sizeof(mark) - 1);
		CHECK(strstr(fake.console, "[a] a?b\r\n"));
	}
}

/* A shell's cursor query, written a byte at a time as a UART does. */
TEST(console_drops_an_escape_sequence_split_across_writes)
{
	static const char prompt[] = "/ # \x1b[6nls\n";

	two_vms();
	for (size_t i = 0; i < sizeof(prompt) - 1; i++)
		console_vm_write(VM_A, &prompt[i], 1);
	CHECK(console_is("[a] / # ls\r\n"));
}

/* An unfinished sequence ends at a newline, which still ends the line. */
TEST(console_unfinished_escape_ends_at_a_newline)
{
	two_vms();
	put(VM_A, "a\x1b[12\nnext 34\n");
	CHECK(console_is("[a] a\r\n[a] next 34\r\n"));
}

/* Another core, writing while this one drains: its drain must not wait. */
static void write_while_draining(void)
{
	fake.uart_tx_hook = NULL;
	put(VM_B, "b meanwhile\n");
	/* Back at once, and nothing of b's in the middle of a's line. */
	CHECK(console_is("[a] fi"));
}

TEST(console_drain_that_cannot_get_the_lock_returns_at_once)
{
	two_vms();
	fifo_room(5);
	put(VM_A, "first\n");
	fake.uart_tx_hook = write_while_draining;
	fifo_room(100);
	console_drain();
	/* The holder looked again before it let go: nothing is left. */
	CHECK(console_is("[a] first\r\n[b] b meanwhile\r\n"));
}

/* This core dies draining: the lock is never let go. */
static void panic_while_draining(void)
{
	fake.uart_tx_hook = NULL;
	CHECK(FAKE_NORETURN(panic("in the drainer")));
}

TEST(console_panic_report_gets_out_past_full_rings_and_a_held_lock)
{
	two_vms();
	fifo_room(0);
	for (unsigned i = 0; i < 300; i++)
		log_info("filling the log's ring, line %u", i);
	CHECK(FAKE_NORETURN(panic("out of %s", "luck")));
	/* The line the drainer had staged, then the report. */
	CHECK(console_is("bulkhead: filling the log's ring, line 0\r\n"
			 "bulkhead: PANIC: out of luck\r\n"
			 "bulkhead: error: CPU 0 halted\r\n"));

	two_vms();
	fake.uart_tx_hook = panic_while_draining;
	put(VM_A, "x\n");
	CHECK(console_is("[bulkhead: PANIC: in the drainer\r\n"
			 "bulkhead: error: CPU 0 halted\r\n"
			 "a] x\r\n"));
}

/*
 * A message about a VM (it stopped) comes after the VM's last lines: they
 * go out first, not in turn with the hypervisor's ring.
 */
TEST(console_vm_settle_lets_a_vm_finish_before_news_of_it)
{
	static const char two_lines[] = "last but one\nlast\n";

	two_vms();
	fifo_room(0);
	put(VM_A, two_lines);
	fake.uart_fifo_limited = false;
	console_vm_settle(VM_A);
	console_write("VM 'a' stopped\n", 15);
	CHECK(console_is("[a] last but one\r\n[a] last\r\nVM 'a' "
			 "stopped\r\n"));
}

/* A UART that never takes a byte: the wait ends at its bound. */
TEST(console_vm_settle_gives_up_on_a_stuck_uart)
{
	two_vms();
	fifo_room(0);
	put(VM_A, "stuck\n");
	fake.counter_step = FAKE_FREQ / 10;
	console_vm_settle(VM_A);
	CHECK(fake.now < 2 * FAKE_FREQ);
	CHECK_EQ(fake.console_len, 0);
}
