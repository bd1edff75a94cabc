// SPDX-License-Identifier: GPL-2.0-or-later
/* How a command ends when it cannot go on: one status for each kind of failure. */
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmderr.h"
#include "nls.h"

static int usage_exit_status = EXIT_FAILURE;
static int fatal_exit_status = EXIT_FAILURE;

void cmd_set_exit_statuses(int usage_status, int fatal_status)
{
	usage_exit_status = usage_status;
	fatal_exit_status = fatal_status;
}

int cmd_fatal_status(void)
{
	return fatal_exit_status;
}

void usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
	exit(usage_exit_status);
}

void bad_arg(const char *opt, const char *arg, const char *why)
{
	usage_error(_("invalid %s argument: '%s' (%s)"), opt, arg, why);
}

void errtryhelp(void)
{
	errtryhelp_status(usage_exit_status);
}

void errtryhelp_status(int status)
{
	fprintf(stderr, _("Try '%s --help' for more information.\n"),
		program_invocation_short_name);
	exit(status);
}

void fatal_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
	exit(fatal_exit_status);
}

void fatal_errno(int rc, const char *fmt, ...)
{
	va_list ap;

	if (rc == -ENOMEM)
		err_oom();
	va_start(ap, fmt);
	errno = -rc;
	vwarn(fmt, ap);
	va_end(ap);
	exit(fatal_exit_status);
}

void err_oom(void)
{
	errx(fatal_exit_status, _("cannot allocate memory"));
}
