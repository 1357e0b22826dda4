/* SPDX-License-Identifier: MIT */
/*
 * The console: a byte ring per VM and one for the hypervisor's log, and a
 * drainer that moves whole lines from them to the UART.
 *
 * A ring is written only by its owner (the VM's vCPUs, or any core that
 * logs) under the ring's own lock, held just to copy the bytes in, and is
 * read only by the drainer. The drainer's lock is only ever tried: every
 * producer tries it after queueing, and so does the UART's transmit
 * interrupt, so at most one core drains and no core waits for another.
 * It writes while the FIFO has room; whatever it was in the middle of
 * waits in a small staging buffer, and the transmit interrupt, or the
 * next producer, carries on from there.
 */
#include "console.h"
#include "arch.h"
#include "lib.h"
#include "ratelimit.h"
#include "spinlock.h"

#define RING_SIZE	 4096 /* bytes, a power of two; also a VM's burst */
#define STAGE_SIZE	 64   /* room for a prefix, a drop report, "\r\n" */
#define NO_LINE		 (-1)
/* A panic waits this many tries for a drain in progress to finish. */
#define PANIC_LOCK_TRIES 100000
/*
 * Where a ring's owner dropped bytes: the mark, then their count (four
 * bytes, little-endian), which the drainer prints as a report there.
 * Sanitising turns the mark into '?', so no VM can queue it itself.
 */
#define DROP_MARK	 '\0'
#define DROP_MARK_LEN	 5
/* The longest drop report, "... 4294967295 bytes dropped\n" */
#define DROP_REPORT_MAX	 29

struct ring {
	char buf[RING_SIZE];
	u32 head; /* bytes ever queued: the producers', under `lock` */
	u32 tail; /* bytes ever taken: the drainer's */
	struct spinlock lock;
	u32 dropped; /* bytes dropped since the last drop mark, under `lock` */
	struct ratelimit budget; /* a VM's, in bytes; none for the log */
	u32 line_extra; /* what a line costs beyond its bytes: prefix, '\r' */
	char prefix[STAGE_SIZE - 2];
	u32 prefix_len;
	u8 escape; /* where its producer is in an escape sequence, under `lock` */
};

static struct {
	u64 uart;
	struct ring rings[1 + CONFIG_MAX_VMS]; /* the log's, then VM i's */
	unsigned ring_count;
	bool kicked; /* bytes queued since the drainer last looked */
	/* The drainer's own, under drain_lock: */
	struct spinlock drain_lock;
	int line;      /* the ring whose line is open on the UART, or NO_LINE */
	unsigned next; /* the ring the round robin looks at first */
	char stage[STAGE_SIZE]; /* what goes to the UART next */
	unsigned stage_len, stage_pos;
	bool tx_irq; /* the UART's transmit interrupt is on */
} con;

void console_init(u64 uart_base)
{
	memset(&con, 0, sizeof(con));
	con.uart = uart_base;
	con.ring_count = 1;
	con.line = NO_LINE;
	uart_init(uart_base);
}

void console_vm_init(unsigned vm, const char *name, unsigned vms)
{
	struct ring *r = &con.rings[1 + vm];

	/* A long VM name is cut, never the prefix buffer overrun. */
	r->prefix_len =
		(u32)format(r->prefix, sizeof(r->prefix), "[%s] ", name);
	r->line_extra = r->prefix_len + 1;
	/* A byte is ten bits on the line (start, 8 data, stop). */
	ratelimit_init(&r->budget, RING_SIZE, CONFIG_CONSOLE_BAUD / 10 / vms,
		       arch_counter());
	con.ring_count = MAX(con.ring_count, 2 + vm);
}

/* ------------------------------------------------------- producers */

static u32 ring_used(const struct ring *r)
{
	return __atomic_load_n(&r->head, __ATOMIC_ACQUIRE) -
	       __atomic_load_n(&r->tail, __ATOMIC_ACQUIRE);
}

/* The bytes are in before the head that says so. */
static void publish(struct ring *r, u32 head)
{
	__atomic_store_n(&r->head, head, __ATOMIC_RELEASE);
}

enum escape_state { ESC_NONE, ESC_STARTED, ESC_CSI };

/*
 * Is c part of a terminal escape sequence (ESC, then one byte or a CSI:
 * '[', parameters and a final byte in 0x40-0x7e)? Those are dropped
 * whole: a shell's cursor query is noise on a shared console.
 */
static bool in_escape(struct ring *r, u8 c)
{
	/* A control byte (newline...) ends an unfinished sequence and
	 * counts as itself: a VM's stray ESC cannot swallow its lines. */
	if (c < 0x20 && c != 0x1b)
		r->escape = ESC_NONE;
	switch (r->escape) {
	case ESC_STARTED:
		r->escape = c == '[' ? ESC_CSI : ESC_NONE;
		return true;
	case ESC_CSI:
		if (c >= 0x40 && c <= 0x7e)
			r->escape = ESC_NONE;
		return true;
	default:
		if (c != 0x1b)
			return false;
		r->escape = ESC_STARTED;
		return true;
	}
}

/*
 * Printable ASCII, tab and newline pass; carriage returns and escape
 * sequences are dropped and anything else becomes '?': no VM can move the
 * cursor over another's line or forge its prefix.
 */
static void copy_sanitised(struct ring *r, const char *s, size_t len)
{
	u32 head = r->head;

	for (size_t i = 0; i < len; i++) {
		u8 c = (u8)s[i];

		if (c == '\r' || in_escape(r, c))
			continue;
		if ((c < 0x20 || c >= 0x7f) && c != '\t' && c != '\n')
			c = '?';
		r->buf[head++ % RING_SIZE] = (char)c;
	}
	publish(r, head);
}

/*
 * The log has no budget (vm_log() limits what guests make it say). A VM
 * pays for what its bytes cost on the line, `cost`.
 */
static bool within_budget(struct ring *r, size_t cost)
{
	return !r->budget.per_sec ||
	       ratelimit_take_n(&r->budget, (u32)cost, arch_counter(),
				arch_counter_freq());
}

/* The bytes, and for each line they end, its prefix and the '\r'. */
static size_t cost_on_line(const struct ring *r, const char *s, size_t len)
{
	size_t cost = len;

	for (size_t i = 0; i < len; i++)
		if (s[i] == '\n')
			cost += r->line_extra;
	return cost;
}

/*
 * Queue a drop mark for the bytes dropped since the last one, if the ring
 * has room for it and the budget for the report: so the reports of a
 * flood fit in its budget too.
 */
static void mark_drops(struct ring *r)
{
	u32 head = r->head;

	if (!r->dropped || RING_SIZE - ring_used(r) < DROP_MARK_LEN ||
	    !within_budget(r, DROP_REPORT_MAX + r->line_extra))
		return;
	r->buf[head++ % RING_SIZE] = DROP_MARK;
	for (unsigned i = 0; i < 4; i++)
		r->buf[head++ % RING_SIZE] = (char)(r->dropped >> (8 * i));
	publish(r, head);
	r->dropped = 0;
}

/* Ask for a drain; a core draining now looks again before it stops. */
static void kick(void)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	__atomic_store_n(&con.kicked, true, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	console_drain();
}

/*
 * Nothing goes in after dropped bytes before their mark: so each report
 * stands exactly where its bytes are missing.
 */
static void queue(struct ring *r, const char *s, size_t len)
{
	if (!len)
		return;
	spin_lock(&r->lock);
	mark_drops(r); /* one that could not be queued at the last write */
	if (!r->dropped && len <= RING_SIZE - ring_used(r) &&
	    within_budget(r, cost_on_line(r, s, len))) {
		copy_sanitised(r, s, len);
	} else {
		r->dropped += (u32)len;
		mark_drops(r);
	}
	spin_unlock(&r->lock);
	kick();
}

void console_write(const char *s, size_t len)
{
	queue(&con.rings[0], s, len);
}

void console_vm_write(unsigned vm, const char *s, size_t len)
{
	queue(&con.rings[1 + vm], s, len);
}

/* ---------------------------------------------------------- drainer */

static void stage(const char *s, unsigned len)
{
	memcpy(con.stage + con.stage_len, s, len);
	con.stage_len += len;
}

/* A line's end, "\r\n" (two stores: stage() would call memcpy). */
static void stage_line_end(void)
{
	con.stage[con.stage_len++] = '\r';
	con.stage[con.stage_len++] = '\n';
	con.line = NO_LINE;
}

/* Send what is staged; false if the FIFO filled first (unless wait). */
static bool stage_flush(bool wait)
{
	/* Kept in registers: the compiler cannot tell the UART's stores from
	 * stores to `con`. */
	u64 uart = con.uart;
	unsigned pos = con.stage_pos, len = con.stage_len;

	for (; pos < len; pos++) {
		char c = con.stage[pos];

		if (wait) {
			uart_putc(uart, c);
		} else if (uart_tx_ready(uart)) {
			uart_tx(uart, c);
		} else {
			con.stage_pos = pos;
			return false;
		}
	}
	con.stage_len = con.stage_pos = 0;
	return true;
}

/* The report a drop mark stands for, as a line of the ring's owner. */
static void stage_drop_report(struct ring *r)
{
	u32 dropped = 0;

	for (unsigned i = 0; i < 4; i++)
		dropped |= (u32)(u8)r->buf[(r->tail + 1 + i) % RING_SIZE]
			   << (8 * i);
	__atomic_store_n(&r->tail, r->tail + DROP_MARK_LEN, __ATOMIC_RELEASE);
	con.stage_len = (unsigned)format(
		con.stage, sizeof(con.stage), "%s... %u bytes dropped\r\n",
		r == &con.rings[0] ? "bulkhead: " : "", dropped);
	con.line = NO_LINE;
}

/* The open line's next bytes, up to its end ('\n' as "\r\n"). */
static void stage_line(struct ring *r)
{
	u32 head = __atomic_load_n(&r->head, __ATOMIC_ACQUIRE);
	u32 tail = r->tail;

	if (r->buf[tail % RING_SIZE] == DROP_MARK) {
		stage_drop_report(r);
		return;
	}
	while (tail != head && con.stage_len + 2 <= STAGE_SIZE) {
		char c = r->buf[tail % RING_SIZE];

		if (c == DROP_MARK)
			break;
		tail++;
		if (c == '\n') {
			stage_line_end();
			break;
		}
		con.stage[con.stage_len++] = c;
	}
	/* Read before the producer may overwrite it. */
	__atomic_store_n(&r->tail, tail, __ATOMIC_RELEASE);
}

static unsigned ring_after(unsigned r)
{
	return r + 1 == con.ring_count ? 0 : r + 1;
}

/* The first ring with bytes, round robin; NO_LINE if all are empty. */
static int next_ring(void)
{
	unsigned r = con.next;

	for (unsigned i = 0; i < con.ring_count; i++, r = ring_after(r))
		if (ring_used(&con.rings[r]))
			return (int)r;
	return NO_LINE;
}

/* Fill the empty stage with what comes next; false if nothing does. */
static bool stage_next(void)
{
	int r;

	if (con.line != NO_LINE && ring_used(&con.rings[con.line])) {
		stage_line(&con.rings[con.line]);
		return true;
	}
	r = next_ring();
	if (r == NO_LINE)
		return false; /* an open line stays open for its owner */
	if (con.line != NO_LINE) {
		/* Its owner has nothing more yet: end the line for another
		 * ring; the rest gets the prefix again. */
		stage_line_end();
		return true;
	}
	stage(con.rings[r].prefix, con.rings[r].prefix_len);
	con.line = r;
	con.next = ring_after((unsigned)r);
	return true;
}

/* Under the drain lock: true once all is out, false if the FIFO filled. */
static bool drain_locked(void)
{
	do {
		if (!stage_flush(false))
			return false;
	} while (stage_next());
	return true;
}

/* Only bytes left behind by a full FIFO need the transmit interrupt. */
static void set_tx_irq(bool on)
{
	if (con.tx_irq != on)
		uart_tx_irq(con.uart, on);
	con.tx_irq = on;
}

/* Drain if no other core is at it; true if drained, *all_out if it
 * emptied everything. */
static bool try_drain(bool *all_out)
{
	if (!spin_trylock(&con.drain_lock))
		return false;
	__atomic_store_n(&con.kicked, false, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	*all_out = drain_locked();
	set_tx_irq(!*all_out);
	spin_unlock(&con.drain_lock);
	return true;
}

static bool kicked(void)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return __atomic_load_n(&con.kicked, __ATOMIC_RELAXED);
}

/*
 * A producer that found the lock taken left its bytes to the holder: so
 * the holder looks again when kicked meanwhile, unless the FIFO is full
 * (then the transmit interrupt comes back for them).
 */
void console_drain(void)
{
	bool all_out;

	while (try_drain(&all_out) && all_out && kicked())
		;
}

void console_vm_settle(unsigned vm)
{
	const struct ring *r = &con.rings[1 + vm];
	/* A full ring at the line rate (10 bits a byte), twice over. */
	u64 wait =
		arch_counter_freq() * 2 * RING_SIZE * 10 / CONFIG_CONSOLE_BAUD;
	u64 end = arch_counter() + wait;

	while (ring_used(r) && arch_counter() < end)
		console_drain();
}

void console_flush(void)
{
	bool all_out = false;

	while (!try_drain(&all_out) || !all_out)
		;
}

/* A drain takes microseconds; a core that died draining must not
 * silence the panic report, so the wait is bounded. */
static bool lock_drain_for_panic(void)
{
	for (unsigned i = 0; i < PANIC_LOCK_TRIES; i++)
		if (spin_trylock(&con.drain_lock))
			return true;
	return false;
}

/* Under the drain lock: finish what is staged and end the open line, so
 * the panic report starts a line of its own. */
static void end_line_for_panic(void)
{
	stage_flush(true);
	if (con.line == NO_LINE)
		return;
	stage_line_end();
	stage_flush(true);
}

void console_write_sync(const char *s, size_t len)
{
	bool locked = lock_drain_for_panic();

	if (locked)
		end_line_for_panic();
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			uart_putc(con.uart, '\r');
		uart_putc(con.uart, s[i]);
	}
	if (locked)
		spin_unlock(&con.drain_lock);
}
