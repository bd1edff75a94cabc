// SPDX-License-Identifier: GPL-2.0-or-later
/* Helpers shared by the commands: x-alloc, argument errors, stdout at exit. */
#include <err.h>
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmdutil.h"
#include "nls.h"
#include "strutils.h"

static void __attribute__((noreturn)) out_of_memory(void)
{
	errx(EXIT_FAILURE, _("cannot allocate memory"));
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *str)
{
	char *p = strdup(str);

	if (!p)
		out_of_memory();
	return p;
}

int xasprintf(char **strp, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vasprintf(strp, fmt, ap);
	va_end(ap);
	if (rc < 0)
		out_of_memory();
	return rc;
}

/*
 * A full disk or a closed reader must not pass for success.  A closed pipe
 * (EPIPE) is the reader's choice, as with `| head`, and stays quiet.
 */
static void close_stdout(void)
{
	int failed = ferror(stdout);

	if (fclose(stdout))
		failed = 1;
	if (failed && errno != EPIPE) {
		warn(_("write error"));
		_exit(EXIT_FAILURE);
	}
	if (fclose(stderr))
		_exit(EXIT_FAILURE);
}

void cmd_init(void)
{
	setlocale(LC_ALL, "");
	bindtextdomain(PACKAGE, LOCALEDIR);
	textdomain(PACKAGE);
	atexit(close_stdout);
}

void errtryhelp(int status)
{
	fprintf(stderr, _("Try '%s --help' for more information.\n"),
		program_invocation_short_name);
	exit(status);
}

void print_version(void)
{
	printf(_("%s from %s\n"), program_invocation_short_name, PACKAGE_STRING);
	exit(EXIT_SUCCESS);
}

uint64_t parse_num_or_exit(const char *str, const char *what, uint64_t min, uint64_t max,
			   int status)
{
	uint64_t num;

	if (str_to_u64(str, &num) || num < min || num > max)
		errx(status, _("invalid %s argument: '%s'"), what, str);
	return num;
}
