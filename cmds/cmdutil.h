/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the commands share and the library must not do: die on allocation
 * failure, report bad arguments, check stdout at exit.
 */
#ifndef PIDNS_CMDUTIL_H
#define PIDNS_CMDUTIL_H

#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
char *xstrdup(const char *str);
int xasprintf(char **strp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Set up locale and gettext, and check stdout when the program exits. */
void cmd_init(void);

/* "Try 'prog --help' for more information." on stderr, then exit(status). */
void __attribute__((noreturn)) errtryhelp(int status);

/* "prog from pidns-utils X.Y" on stdout, then exit(0). */
void __attribute__((noreturn)) print_version(void);

/*
 * A number from the command line: the whole word, decimal, within [min, max].
 * Anything else exits with status after "invalid <what> argument: '<str>'".
 */
uint64_t parse_num_or_exit(const char *str, const char *what, uint64_t min, uint64_t max,
			   int status);

#endif /* PIDNS_CMDUTIL_H */
