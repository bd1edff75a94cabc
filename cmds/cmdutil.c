// SPDX-License-Identifier: GPL-2.0-or-later
/* What the commands share: start-up, stdout at exit, arguments and their errors. */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "caps.h"
#include "cmdutil.h"
#include "nls.h"
#include "nsgroup.h"
#include "procfs.h"
#include "strutils.h"
#include "xalloc.h"

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

const char *why_no_ns_link(struct procfs *pfs, pid_t pid)
{
	struct proc_rec rec;
	bool zombie;

	proc_rec_init(&rec, pid);
	zombie = procfs_read(pfs, &rec, PROC_READ_STAT) == 0 && rec.stat.state == 'Z';
	proc_rec_clear(&rec);
	return zombie ? _("a zombie") : _("exiting, or a procfs without the links");
}

/* An inode number names a namespace only if something holds it. */
static void check_held(struct procfs *pfs, const char *opt, const char *arg, enum ns_type type,
		       ino_t ino)
{
	int rc = ns_is_held(pfs, type, ino);

	if (rc < 0)
		fatal_errno(rc, "%s %s", opt, arg);
	if (!rc)
		usage_error(_("no such %s namespace: %s"), ns_type_name(type), arg);
}

void ns_arg_open_or_exit(struct procfs *pfs, const char *opt, const char *arg,
			 enum ns_type type, struct ns_handle *ns)
{
	int rc = ns_arg_open(procfs_dirfd(pfs), arg, type, ns);

	if (procfs_err_fatal(rc))
		fatal_errno(rc, "%s %s", opt, arg);	/* no fault of the argument */
	switch (rc) {
	case 0:
		if (ns->fd < 0 && !strchr(arg, '/'))
			check_held(pfs, opt, arg, type, ns->ino);
		return;
	case -ENODATA:
		usage_error(_("%s %s: has no %s namespace (%s)"), opt, arg, ns_type_name(type),
			    why_no_ns_link(pfs, (pid_t)strtol(arg, NULL, 10)));
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
		if (may_gain_by_ptrace())
			usage_error(_("%s %s: permission denied; CAP_SYS_PTRACE would let you read "
				      "it"), opt, arg);
		usage_error(_("%s %s: permission denied"), opt, arg);
	default:
		usage_error("%s %s: %s", opt, arg, strerror(-rc));
	}
}

/* procfs_open(dir), or a fatal error naming --procfs and dir. */
static struct procfs *procfs_open_or_exit(const char *dir)
{
	struct procfs *pfs;
	int rc = procfs_open(dir, &pfs);

	if (!rc)
		return pfs;
	if (rc == -EMEDIUMTYPE && dir)
		fatal_error(_("--procfs %s: not a procfs (no process directory in it)"), dir);
	fatal_errno(rc, _("cannot open %s"), dir ? dir : "/proc");
}

struct procfs *host_open_or_exit(const char *procfs_dir, const char *root_dir, int *rootfd)
{
	struct procfs *pfs;
	char *path;
	int rc;

	if (!root_dir) {
		*rootfd = procfs_dir ? -1 : open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
		if (!procfs_dir && *rootfd < 0)
			fatal_errno(-errno, _("cannot open %s"), "/");
		return procfs_open_or_exit(procfs_dir);
	}
	*rootfd = open(root_dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (*rootfd < 0)
		fatal_errno(-errno, _("--root %s: cannot open"), root_dir);
	xasprintf(&path, "%s/proc", root_dir);
	rc = procfs_open(path, &pfs);
	if (rc == -EMEDIUMTYPE || rc == -ENOENT)
		fatal_error(_("--root %s: no procfs at %s"), root_dir, path);
	if (rc)
		fatal_errno(rc, _("cannot open %s"), path);
	free(path);
	return pfs;
}

void fatal_procfs(const struct procfs *pfs, int rc)
{
	fatal_errno(rc, _("cannot read %s"), procfs_path(pfs));
}

bool may_gain_by_ptrace(void)
{
	return caps_self_has(CAPS_READ_OTHERS) == 0;
}

void warn_unreadable(unsigned long denied)
{
	if (!denied)
		return;
	if (may_gain_by_ptrace())
		warnx(_("%lu processes could not be read; CAP_SYS_PTRACE would let you see them"),
		      denied);
	else
		warnx(_("%lu processes could not be read"), denied);
}

