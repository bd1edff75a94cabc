/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A few TAP helpers for the unit tests; automake's tap-driver.sh reads the output. */
#ifndef PIDNS_TAP_H
#define PIDNS_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned int tap_count;

static inline void __attribute__((format(printf, 2, 3))) tap_result(int pass, const char *fmt, ...)
{
	va_list ap;

	printf("%s %u - ", pass ? "ok" : "not ok", ++tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

#define ok(cond, ...)	tap_result(!!(cond), __VA_ARGS__)

#define is_int(got, want, ...) do {						\
	long long got_ = (long long)(got), want_ = (long long)(want);		\
	tap_result(got_ == want_, __VA_ARGS__);					\
	if (got_ != want_)							\
		printf("# %s:%d: got %lld, want %lld\n", __FILE__, __LINE__,	\
		       got_, want_);						\
} while (0)

#define is_str(got, want, ...) do {						\
	const char *got_ = (got), *want_ = (want);				\
	int same_ = got_ && want_ ? strcmp(got_, want_) == 0 : got_ == want_;	\
	tap_result(same_, __VA_ARGS__);						\
	if (!same_)								\
		printf("# %s:%d: got '%s', want '%s'\n", __FILE__, __LINE__,	\
		       got_ ? got_ : "(null)", want_ ? want_ : "(null)");	\
} while (0)

/* Stop the whole test: what follows cannot run. */
static inline void __attribute__((noreturn)) bail_out(const char *why)
{
	printf("Bail out! %s\n", why);
	exit(1);
}

static inline int done_testing(void)
{
	printf("1..%u\n", tap_count);
	return 0;
}

/* Where make check made the fixture trees: $top_builddir/tests/fixture-trees. */
static inline const char *fixture_dir(void)
{
	static char path[4096];
	const char *top = getenv("top_builddir");

	snprintf(path, sizeof(path), "%s/tests/fixture-trees", top ? top : ".");
	return path;
}

#endif /* PIDNS_TAP_H */
