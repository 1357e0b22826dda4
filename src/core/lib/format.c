/* SPDX-License-Identifier: MIT */
/* A small vsnprintf: enough for log lines, no floating point. */
#include "lib.h"

struct out {
	char *buf;
	size_t size;
	size_t len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_str(struct out *o, const char *s, int width)
{
	int n = 0;

	if (!s)
		s = "(null)";
	while (s[n])
		n++;
	for (; width > n; width--)
		put(o, ' ');
	while (*s)
		put(o, *s++);
}

static void put_num(struct out *o, u64 v, unsigned base, bool neg, int width,
		    char pad)
{
	char digits[24];
	int n = 0;

	do {
		digits[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (neg)
		digits[n++] = '-';
	for (; width > n; width--)
		put(o, pad);
	while (n)
		put(o, digits[--n]);
}

/* The argument's C type, from the length modifier: long and size_t are
 * 32 bits on ILP32 (AArch32), 64 on LP64, so each is read as itself. */
enum arg_type { ARG_INT, ARG_LONG, ARG_LONG_LONG, ARG_SIZE };

/* Reads the length modifier (none, l, ll or z). */
static enum arg_type arg_type(const char **fmt)
{
	if (**fmt == 'z') {
		(*fmt)++;
		return ARG_SIZE;
	}
	if (**fmt != 'l')
		return ARG_INT;
	(*fmt)++;
	if (**fmt != 'l')
		return ARG_LONG;
	(*fmt)++;
	return ARG_LONG_LONG;
}

static u64 unsigned_arg(va_list *ap, enum arg_type type)
{
	switch (type) {
	case ARG_LONG:
		return va_arg(*ap, unsigned long);
	case ARG_LONG_LONG:
		return va_arg(*ap, unsigned long long);
	case ARG_SIZE:
		return va_arg(*ap, size_t);
	default:
		return va_arg(*ap, unsigned);
	}
}

/* %zd takes the signed type of size_t's width: ptrdiff_t's on Arm. */
static s64 signed_arg(va_list *ap, enum arg_type type)
{
	switch (type) {
	case ARG_LONG:
		return va_arg(*ap, long);
	case ARG_LONG_LONG:
		return va_arg(*ap, long long);
	case ARG_SIZE:
		return va_arg(*ap, ptrdiff_t);
	default:
		return va_arg(*ap, int);
	}
}

static void put_conv(struct out *o, const char **fmt, va_list *ap, int width,
		     char pad)
{
	enum arg_type type = arg_type(fmt);
	char conv = *(*fmt)++;
	u64 v;

	switch (conv) {
	case 's':
		put_str(o, va_arg(*ap, const char *), width);
		return;
	case 'c':
		put(o, (char)va_arg(*ap, int));
		return;
	case 'p':
		put_str(o, "0x", 0);
		put_num(o, (uintptr_t)va_arg(*ap, void *), 16, false, width,
			pad);
		return;
	case 'd': {
		s64 s = signed_arg(ap, type);

		put_num(o, s < 0 ? -(u64)s : (u64)s, 10, s < 0, width, pad);
		return;
	}
	case 'u':
	case 'x':
		v = unsigned_arg(ap, type);
		put_num(o, v, conv == 'x' ? 16 : 10, false, width, pad);
		return;
	case '%':
		put(o, '%');
		return;
	default: /* unsupported: shown as written, no argument taken */
		put(o, '%');
		put(o, conv);
	}
}

int vformat(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = {buf, size, 0};
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		char pad = ' ';
		int width = 0;

		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt++;
		if (*fmt == '0')
			pad = *fmt++;
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		put_conv(&o, &fmt, &args, width, pad);
	}
	va_end(args);
	if (!size)
		return 0;
	o.len = MIN(o.len, size - 1);
	buf[o.len] = '\0';
	return (int)o.len;
}

int format(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vformat(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
