// SPDX-License-Identifier: GPL-2.0-or-later
/* What the commands share: start-up, stdout at exit, arguments and their errors. */
#include <err.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "caps.h"
#include "cmdutil.h"
#include "nls.h"
#include "procfs.h"
#include "strutils.h"

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
		_exit(cmd_fatal_status());
	}
	if (fclose(stderr))
		_exit(cmd_fatal_status());
}

void cmd_init(int usage_status, int fatal_status)
{
	cmd_set_exit_statuses(usage_status, fatal_status);
	setlocale(LC_ALL, "");
	/* As git's GIT_TEXTDOMAINDIR: the tests run the build with its own
	 * catalog.  secure_getenv: never for a process with file capabilities. */
	bindtextdomain(PACKAGE, secure_getenv("PIDNS_UTILS_TEXTDOMAINDIR") ? : LOCALEDIR);
	textdomain(PACKAGE);
	atexit(close_stdout);
}

void print_version(void)
{
	printf(_("%s from %s\n"), program_invocation_short_name, PACKAGE_STRING);
	exit(EXIT_SUCCESS);
}

uint64_t parse_num_arg(const char *str, const char *what, uint64_t min, uint64_t max)
{
	uint64_t num;

	if (str_to_u64(str, &num) || num < min || num > max)
		usage_error(_("invalid %s argument: '%s'"), what, str);
	return num;
}

void ns_arg_open_or_exit(struct procfs *pfs, const char *opt, const char *arg,
			 enum ns_type type, struct ns_handle *ns)
{
	int rc = ns_arg_open(procfs_dirfd(pfs), arg, type, ns);

	if (procfs_err_fatal(rc))
		fatal_errno(rc, "%s %s", opt, arg);	/* no fault of the argument */
	switch (rc) {
	case 0:
		return;
	case -EINVAL:
		usage_error(_("invalid %s argument: '%s' (a pid, an inode number or a path)"),
			    opt, arg);
	case -ESRCH:
		usage_error(_("%s %s: no such process"), opt, arg);
	case -ENOTTY:
		usage_error(_("%s %s: not a namespace file"), opt, arg);
	case -EMEDIUMTYPE:
		usage_error(_("%s %s: not a %s namespace"), opt, arg, ns_type_name(type));
	case -EACCES:
	case -EPERM:
		usage_error(_("%s %s: permission denied; CAP_SYS_PTRACE would let you read it"),
			    opt, arg);
	default:
		usage_error("%s %s: %s", opt, arg, strerror(-rc));
	}
}

struct procfs *procfs_open_or_exit(const char *dir)
{
	struct procfs *pfs;
	int rc = procfs_open(dir, &pfs);

	if (!rc)
		return pfs;
	if (rc == -EMEDIUMTYPE && dir)
		fatal_error(_("--procfs %s: not a procfs (no process directory in it)"), dir);
	fatal_errno(rc, _("cannot open %s"), dir ? dir : "/proc");
}

void fatal_procfs(const struct procfs *pfs, int rc)
{
	fatal_errno(rc, _("cannot read %s"), procfs_path(pfs));
}

void warn_unreadable(unsigned long denied)
{
	if (denied && caps_self_has(CAPS_READ_OTHERS) == 0)
		warnx(_("%lu processes could not be read; CAP_SYS_PTRACE would let you see them"),
		      denied);
}

