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

/* Reads the length modifiers l, ll, z and returns the argument's width. */
static int arg_bits(const char **fmt)
{
	int bits = 32;

	while (**fmt == 'l' || **fmt == 'z') {
		bits = 64;
		(*fmt)++;
	}
	return bits;
}

static void put_conv(struct out *o, const char **fmt, va_list *ap, int width,
		     char pad)
{
	int bits = arg_bits(fmt);
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
		s64 s = bits == 64 ? va_arg(*ap, s64) : va_arg(*ap, int);

		put_num(o, s < 0 ? -(u64)s : (u64)s, 10, s < 0, width, pad);
		return;
	}
	case 'u':
	case 'x':
		v = bits == 64 ? va_arg(*ap, u64) : va_arg(*ap, unsigned);
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
