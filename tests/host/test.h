/* SPDX-License-Identifier: MIT */
/*
 * A tiny host unit-test framework. TEST(name) { ... } defines a test that
 * registers itself before main() runs; tests/host/main.c runs them all.
 * CHECK(cond) and CHECK_EQ(a, b) report a failure with file:line and go on,
 * so one run shows every failed check of a test.
 */
#ifndef TEST_H
#define TEST_H

#include <stdbool.h>

struct test {
	const char *name;
	void (*run)(void);
	struct test *next;
};

void test_register(struct test *t);
/* Record the outcome of one check; returns ok. */
bool test_check(bool ok, const char *file, int line, const char *expr);
bool test_check_eq(unsigned long long a, unsigned long long b, const char *file,
		   int line, const char *expr);

#define TEST(name)                                                             \
	static void test_##name(void);                                         \
	static struct test test_desc_##name = {#name, test_##name, 0};         \
	__attribute__((constructor)) static void test_register_##name(void)    \
	{                                                                      \
		test_register(&test_desc_##name);                              \
	}                                                                      \
	static void test_##name(void)

#define CHECK(cond) test_check((cond), __FILE__, __LINE__, #cond)

/* For integers of any type: compared and shown as 64-bit values. */
#define CHECK_EQ(a, b)                                                         \
	test_check_eq((unsigned long long)(a), (unsigned long long)(b),        \
		      __FILE__, __LINE__, #a ", " #b)

#endif
