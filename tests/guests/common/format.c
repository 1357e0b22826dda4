// SPDX-License-Identifier: MIT
/*
 * A small printf: %d %u %x %p %s %c %%, the l and ll modifiers, and a width
 * with an optional 0 flag. Each call formats into a stack buffer and writes it out
 * in one go, so lines from different vCPUs are not interleaved byte-wise.
 */
#include <stdarg.h>

#include "guest.h"

#define LINE_MAX 192

struct out {
	char buf[LINE_MAX];
	unsigned long len;
};

static void put(struct out *o, char c)
{
	if (o->len < LINE_MAX)
		o->buf[o->len++] = c;
}

/* Emit v in base 10 or 16, padded to width with pad. */
static void put_num(struct out *o, uint64_t v, unsigned int base, bool neg,
		    unsigned int width, char pad)
{
	char digits[24];
	unsigned int n = 0;

	do {
		digits[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (neg)
		width = width ? width - 1 : 0;
	if (neg && pad == '0')
		put(o, '-');
	for (; width > n; width--)
		put(o, pad);
	if (neg && pad != '0')
		put(o, '-');
	while (n)
		put(o, digits[--n]);
}

static void put_str(struct out *o, const char *s)
{
	if (!s)
		s = "(null)";
	while (*s)
		put(o, *s++);
}

/* The integer argument's type, from the length modifier: none, l, ll. */
enum int_size { INT_PLAIN, INT_LONG, INT_LONG_LONG };

static int64_t signed_arg(enum int_size size, va_list *ap)
{
	if (size == INT_LONG_LONG)
		return va_arg(*ap, long long);
	return size == INT_LONG ? va_arg(*ap, long) : va_arg(*ap, int);
}

static uint64_t unsigned_arg(enum int_size size, va_list *ap)
{
	if (size == INT_LONG_LONG)
		return va_arg(*ap, unsigned long long);
	return size == INT_LONG ? va_arg(*ap, unsigned long)
				: va_arg(*ap, unsigned int);
}

/* One conversion character with its modifiers already parsed. */
static void convert(struct out *o, char conv, enum int_size size,
		    unsigned int width, char pad, va_list *ap)
{
	uint64_t u;
	int64_t d;

	switch (conv) {
	case 'd':
		d = signed_arg(size, ap);
		u = d < 0 ? -(uint64_t)d : (uint64_t)d;
		put_num(o, u, 10, d < 0, width, pad);
		break;
	case 'u':
	case 'x':
		u = unsigned_arg(size, ap);
		put_num(o, u, conv == 'u' ? 10 : 16, false, width, pad);
		break;
	case 'p':
		put_str(o, "0x");
		put_num(o, (uintptr_t)va_arg(*ap, void *), 16, false, width,
			pad);
		break;
	case 's':
		put_str(o, va_arg(*ap, const char *));
		break;
	case 'c':
		put(o, (char)va_arg(*ap, int));
		break;
	default:
		put(o, '%');
		put(o, conv);
	}
}

static void format(struct out *o, const char *fmt, va_list ap)
{
	while (*fmt) {
		unsigned int width = 0;
		enum int_size size = INT_PLAIN;
		char pad = ' ';

		if (*fmt != '%') {
			put(o, *fmt++);
			continue;
		}
		fmt++;
		if (*fmt == '%') {
			put(o, *fmt++);
			continue;
		}
		if (*fmt == '0')
			pad = *fmt++;
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (unsigned int)(*fmt++ - '0');
		for (; *fmt == 'l' && size < INT_LONG_LONG; fmt++)
			size++;
		if (!*fmt)
			break;
		convert(o, *fmt++, size, width, pad, &ap);
	}
}

int printf(const char *fmt, ...)
{
	struct out o;
	va_list ap;

	o.len = 0;
	va_start(ap, fmt);
	format(&o, fmt, ap);
	va_end(ap);
	console_write(o.buf, o.len);
	return (int)o.len;
}
