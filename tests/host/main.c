/* SPDX-License-Identifier: MIT */
/*
 * Runs every registered host test, or those whose name contains argv[1].
 * Prints one line per failed check and a closing "N passed, N failed".
 */
#include <stdio.h>
#include <string.h>

#include "test.h"

static struct test *first, **last = &first;
static const struct test *current;
static bool current_failed;

/* Appended, so tests run in the order the linker ran the constructors. */
void test_register(struct test *t)
{
	*last = t;
	last = &t->next;
}

bool test_check(bool ok, const char *file, int line, const char *expr)
{
	if (!ok) {
		printf("%s:%d: %s: CHECK(%s) failed\n", file, line,
		       current->name, expr);
		current_failed = true;
	}
	return ok;
}

bool test_check_eq(unsigned long long a, unsigned long long b, const char *file,
		   int line, const char *expr)
{
	if (a != b) {
		printf("%s:%d: %s: CHECK_EQ(%s) failed: %lld (0x%llx) != %lld "
		       "(0x%llx)\n",
		       file, line, current->name, expr, (long long)a, a,
		       (long long)b, b);
		current_failed = true;
	}
	return a == b;
}

int main(int argc, char **argv)
{
	unsigned passed = 0, failed = 0;

	for (current = first; current; current = current->next) {
		if (argc > 1 && !strstr(current->name, argv[1]))
			continue;
		current_failed = false;
		current->run();
		if (current_failed)
			failed++;
		else
			passed++;
	}
	printf("%u passed, %u failed\n", passed, failed);
	return failed ? 1 : 0;
}
