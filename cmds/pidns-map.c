// SPDX-License-Identifier: GPL-2.0-or-later
/* pidns-map - translate pids between nested pid namespaces, both ways. */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libsmartcols.h>

#include "c.h"
#include "cmdutil.h"
#include "ctcols.h"
#include "nls.h"
#include "pidns.h"
#include "procfs.h"
#include "table.h"
#include "xalloc.h"

enum {
	COL_LEVEL,
	COL_NS,
	COL_PID,
	COL_TGID,
	COL_PGID,
	COL_SID,
	COL_COMMAND,
	COL_CGROUP,	/* the container columns, CTCOL_COUNT of them */
	COL_CONTAINER_LAST = COL_CGROUP + CTCOL_COUNT - 1,
};

static const struct colinfo infos[] = {
	[COL_LEVEL]   = { "LEVEL", 2, SCOLS_FL_RIGHT,
			  N_("pid namespace level, 0 for the procfs's own"),
			  SCOLS_JSON_NUMBER, NULL },
	[COL_NS]      = { "NS", 10, SCOLS_FL_RIGHT, N_("pid namespace of the level (inode number)"),
			  SCOLS_JSON_NUMBER, NULL },
	[COL_PID]     = { "PID", 5, SCOLS_FL_RIGHT, N_("process or thread ID in that namespace"),
			  SCOLS_JSON_NUMBER, NULL },
	[COL_TGID]    = { "TGID", 5, SCOLS_FL_RIGHT, N_("thread group ID in that namespace"),
			  SCOLS_JSON_NUMBER, NULL },
	[COL_PGID]    = { "PGID", 5, SCOLS_FL_RIGHT, N_("process group ID in that namespace"),
			  SCOLS_JSON_NUMBER, NULL },
	[COL_SID]     = { "SID", 5, SCOLS_FL_RIGHT, N_("session ID in that namespace"),
			  SCOLS_JSON_NUMBER, NULL },
	[COL_COMMAND] = { "COMMAND", 0, SCOLS_FL_TRUNC, N_("command line"),
			  SCOLS_JSON_STRING, NULL },
	CTCOL_INFOS(COL_CGROUP),
};

struct mapctl {
	struct procfs *pfs;
	struct pidns_view *view;
	struct collist cols;
	unsigned int modes;	/* COLTAB_* */
	unsigned int flags;	/* PIDNS_* for pidns_translate() */
	struct ctcols ct;	/* the container columns */
};

static void __attribute__((noreturn)) usage(void)
{
	FILE *out = stdout;

	fputs(_("\nUsage:\n"), out);
	fprintf(out, _(" %s [options] <pid>...\n"), program_invocation_short_name);
	fprintf(out, _(" %s --ns <ns> <pid>...\n"), program_invocation_short_name);
	fprintf(out, _(" %s --from <ns> --to <ns> <pid>...\n"), program_invocation_short_name);
	fputs(_("\nShow a pid at every level of its nested pid namespaces, or translate\n"
		"a pid from one pid namespace to another.\n"), out);
	fputs(_("\nOptions:\n"), out);
	fputs(_("     --ns <ns>          the pids are in <ns>: print them as seen here\n"), out);
	fputs(_("     --from <ns>        the pids are in <ns>\n"), out);
	fputs(_("     --to <ns>          print the pids as seen in <ns>\n"), out);
	fputs(_("     --container <ref>  the pids are in a container's pid namespace\n"), out);
	fputs(_(" -J, --json             use JSON output format\n"), out);
	fputs(_(" -n, --noheadings       don't print headings\n"), out);
	fputs(_(" -o, --output <list>    define which output columns to use\n"), out);
	fputs(_(" -r, --raw              use the raw output format\n"), out);
	fputs(_("     --procfs <dir>     read processes from <dir> instead of /proc\n"), out);
	fputs(_("     --root <dir>       a host's root mounted at <dir>: its proc and files\n"), out);
	fputs(_("\n <ns> is a pid, a namespace inode number, or a path like /proc/PID/ns/pid.\n"),
	      out);
	fputs(_(" <ref> is a container's id, a unique prefix of it, or its name.\n"), out);
	fputs(_("\n -H, --list-columns     list the available columns\n"), out);
	fputs(_(" -h, --help             display this help\n"), out);
	fputs(_(" -V, --version          display version\n"), out);
	usage_columns(out, infos, ARRAY_SIZE(infos));
	exit(EXIT_SUCCESS);
}

/* All of them before any output: a bad one last must not leave half an answer. */
static pid_t *parse_pids(char **args, int n)
{
	pid_t *pids = xcalloc((size_t)n, sizeof(*pids));

	for (int i = 0; i < n; i++)
		pids[i] = (pid_t)parse_num_arg(args[i], "pid", 1, INT_MAX);
	return pids;
}

/* A row of the table: a process at one of its levels. */
struct level_row {
	struct ctcols *ct;
	const struct proc_rec *rec;
	const ino_t *levels;	/* the pid namespace of each level */
	unsigned int level;
};

static char *level_cell(void *data, int col, size_t index)
{
	const struct level_row *row = data;
	const struct proc_rec *rec = row->rec;
	const struct proc_status *st = &rec->status;
	unsigned int level = row->level;
	char *str = NULL;

	(void)index;
	switch (col) {
	case COL_LEVEL:
		xasprintf(&str, "%u", level);
		break;
	case COL_NS:
		if (row->levels[level])
			xasprintf(&str, "%ju", (uintmax_t)row->levels[level]);
		break;
	case COL_PID:
		xasprintf(&str, "%d", st->nspid[level]);
		break;
	case COL_TGID:
		if (st->have & STATUS_HAVE_NSTGID)
			xasprintf(&str, "%d", st->nstgid[level]);
		break;
	case COL_PGID:
		if (st->have & STATUS_HAVE_NSPGID)
			xasprintf(&str, "%d", st->nspgid[level]);
		break;
	case COL_SID:
		if (st->have & STATUS_HAVE_NSSID)
			xasprintf(&str, "%d", st->nssid[level]);
		break;
	case COL_COMMAND:
		str = xstrdup(rec->cmdline_len ? rec->cmdline : rec->stat.comm);
		break;
	default:
		/* the same at every level: the process's */
		if (col >= COL_CGROUP && col <= COL_CONTAINER_LAST)
			str = ctcols_cell(row->ct, rec->pid, col - COL_CGROUP);
		break;
	}
	return str;
}

/* Why pid's status, and so its pids, cannot be read. */
static void warn_unread(pid_t pid, int rc)
{
	if (rc == -ESRCH) {
		warnx(_("%d: no such process"), pid);
	} else if (rc != -EACCES && rc != -EPERM) {
		errno = -rc;
		warn(_("%d: cannot read its pid namespaces"), pid);
	} else if (may_gain_by_ptrace()) {
		warnx(_("%d: permission denied; CAP_SYS_PTRACE would let you read it"), pid);
	} else {
		warnx(_("%d: permission denied"), pid);
	}
}

/*
 * Say why the namespaces of pid's levels are not known: its pids, from the
 * status anyone may read, are still shown.  False when not even those are.
 */
static bool levels_unknown(struct mapctl *ctl, pid_t pid, int rc)
{
	switch (rc) {
	case -EACCES:
	case -EPERM:
		if (may_gain_by_ptrace())
			warnx(_("%d: its pid namespaces may not be read; CAP_SYS_PTRACE would let "
				"you read them"), pid);
		else
			warnx(_("%d: its pid namespaces may not be read"), pid);
		return true;
	case -ENODATA:
		warnx(_("%d: has no pid namespace (%s)"), pid, why_no_ns_link(ctl->pfs, pid));
		return true;
	default:
		warn_unread(pid, rc);
		return false;
	}
}

/* One row per level of pid; false when it cannot be read. */
static bool add_levels(struct mapctl *ctl, struct libscols_table *tb, pid_t pid)
{
	ino_t levels[PROC_NS_LEVELS_MAX];
	struct proc_rec rec;
	struct level_row row = { .ct = &ctl->ct, .rec = &rec, .levels = levels };
	int rc;

	proc_rec_init(&rec, pid);
	rc = procfs_read(ctl->pfs, &rec, PROC_READ_STATUS);
	if (!rc && !(rec.status.have & STATUS_HAVE_NSPID))
		rc = -ENOTSUP;	/* Linux before 4.1 has no NSpid: line */
	if (!rc) {
		/* for COMMAND only: what a copy of a procfs lacks is an empty cell */
		int more = procfs_read(ctl->pfs, &rec, PROC_READ_STAT | PROC_READ_CMDLINE);

		if (procfs_err_fatal(more))
			rc = more;
	}
	if (procfs_err_fatal(rc))
		fatal_procfs(ctl->pfs, rc);
	if (rc) {
		warn_unread(pid, rc);
		proc_rec_clear(&rec);
		return false;
	}
	rc = pidns_levels(ctl->view, pid, rec.status.nlevels, levels);
	if (procfs_err_fatal(rc))
		fatal_procfs(ctl->pfs, rc);
	if (rc && !levels_unknown(ctl, pid, rc)) {
		proc_rec_clear(&rec);
		return false;
	}

	for (row.level = 0; row.level < rec.status.nlevels; row.level++)
		table_add_line(tb, NULL, &ctl->cols, level_cell, &row);
	proc_rec_clear(&rec);
	return true;
}

static int show_levels(struct mapctl *ctl, const pid_t *pids, int npids)
{
	struct libscols_table *tb;
	int status = PGREP_EXIT_FOUND;

	if (coltab_new(infos, &ctl->cols, ctl->modes, "levels", &tb))
		err_oom();
	for (int i = 0; i < npids; i++) {
		if (!add_levels(ctl, tb, pids[i]))
			status = PGREP_EXIT_NONE;
	}
	put_table(tb);
	scols_unref_table(tb);
	return status;
}

static int translate(struct mapctl *ctl, const struct ns_handle *from,
		     const struct ns_handle *to, const pid_t *pids, int npids)
{
	int status = PGREP_EXIT_FOUND;

	for (int i = 0; i < npids; i++) {
		pid_t pid = pids[i], out;
		int rc = pidns_translate(ctl->view, from, to, pid, ctl->flags, &out);

		switch (rc) {
		case 0:
			printf("%d\n", out);
			continue;
		case -ESRCH:
			warnx(_("%d: no such process in pid namespace %ju"), pid,
			      (uintmax_t)from->ino);
			break;
		case -ENOENT:
			warnx(_("%d: not visible in pid namespace %ju"), pid, (uintmax_t)to->ino);
			break;
		case -ENODATA:
			warnx(_("%d: %s does not tell where it lies, for want of the parents of "
				"some pid namespaces"), pid, procfs_path(ctl->pfs));
			break;
		default:
			fatal_errno(rc, _("%d: cannot translate"), pid);
		}
		status = PGREP_EXIT_NONE;
	}
	return status;
}

/* What the options say. */
struct map_args {
	const char *from_arg, *from_opt, *to_arg, *procfs_dir, *root_dir;
	bool list_columns;
};

enum { OPT_NS = CHAR_MAX + 1, OPT_FROM, OPT_TO, OPT_CONTAINER, OPT_PROCFS, OPT_ROOT };

static const struct option longopts[] = {
	{ "ns",		  required_argument, NULL, OPT_NS },
	{ "from",	  required_argument, NULL, OPT_FROM },
	{ "to",		  required_argument, NULL, OPT_TO },
	{ "container",	  required_argument, NULL, OPT_CONTAINER },
	{ "json",	  no_argument,	     NULL, 'J' },
	{ "noheadings",	  no_argument,	     NULL, 'n' },
	{ "output",	  required_argument, NULL, 'o' },
	{ "raw",	  no_argument,	     NULL, 'r' },
	{ "procfs",	  required_argument, NULL, OPT_PROCFS },
	{ "root",	  required_argument, NULL, OPT_ROOT },
	{ "list-columns", no_argument,	     NULL, 'H' },
	{ "help",	  no_argument,	     NULL, 'h' },
	{ "version",	  no_argument,	     NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

/* --ns, --from and --container each say which namespace the pids are in: one of them, once. */
static void set_from(struct map_args *a, const char *opt, const char *arg)
{
	if (a->from_opt && !strcmp(a->from_opt, opt))
		usage_error(_("%s given more than once"), opt);
	if (a->from_opt)
		usage_error(_("%s and %s name the same thing: give one"), a->from_opt, opt);
	a->from_opt = opt;
	a->from_arg = arg;
}

static void parse_options(struct mapctl *ctl, struct map_args *a, int argc, char **argv)
{
	int c;

	while ((c = getopt_long(argc, argv, "Jno:rHhV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_NS:
			set_from(a, "--ns", optarg);
			break;
		case OPT_FROM:
			set_from(a, "--from", optarg);
			break;
		case OPT_CONTAINER:
			set_from(a, "--container", optarg);
			break;
		case OPT_TO:
			if (a->to_arg)
				usage_error(_("%s given more than once"), "--to");
			a->to_arg = optarg;
			break;
		case 'J':
			ctl->modes |= COLTAB_JSON;
			break;
		case 'n':
			ctl->modes |= COLTAB_NOHEADINGS;
			break;
		case 'o':
			collist_parse_or_exit(&ctl->cols, infos, ARRAY_SIZE(infos), "--output",
					      optarg);
			break;
		case 'r':
			ctl->modes |= COLTAB_RAW;
			break;
		case OPT_PROCFS:
			a->procfs_dir = optarg;
			break;
		case OPT_ROOT:
			a->root_dir = optarg;
			break;
		case 'H':
			a->list_columns = true;
			break;
		case 'h':
			usage();
		case 'V':
			print_version();
		default:
			errtryhelp();
		}
	}
}

static void check_options(const struct mapctl *ctl, const struct map_args *a, int npids)
{
	table_check_modes(ctl->modes);
	if (a->list_columns)
		list_columns_and_exit(infos, ARRAY_SIZE(infos), ctl->modes);
	if (a->procfs_dir && a->root_dir)
		usage_error(_("mutually exclusive arguments: --procfs --root"));
	if (a->to_arg && !a->from_arg)
		usage_error(_("--to needs --from"));
	if (a->to_arg && a->from_opt && strcmp(a->from_opt, "--ns") == 0)
		usage_error(_("--ns prints pids as seen here; use --from with --to"));
	if (!npids) {
		warnx(_("no pid given"));
		errtryhelp();
	}
}

/* A candidate for a container's own pid namespace: the nearest the top of its kind. */
struct pidns_pick {
	unsigned int nlevels;	/* UINT_MAX: none yet */
	ino_t ino;
	pid_t pid;		/* a process in it */
	bool several;		/* another namespace as near the top */
};

static void pick(struct pidns_pick *p, const struct proc_rec *rec)
{
	if (rec->status.nlevels < p->nlevels)
		*p = (struct pidns_pick){ rec->status.nlevels, rec->ns[NS_TYPE_PID], rec->pid, false };
	else if (rec->status.nlevels == p->nlevels && rec->ns[NS_TYPE_PID] != p->ino)
		p->several = true;
}

/*
 * The pid namespace of a container: that of the init among its processes
 * nearest the top (a supervisor such as systemd-nspawn's shares the cgroup
 * from the host's namespace), else, for one that shares another's
 * namespace (docker --pid=host, a pod's), that of its processes nearest
 * the top.  Two namespaces as near mean its own cannot be told.
 */
static void open_container_pidns(struct mapctl *ctl, const char *arg, struct ns_handle *ns)
{
	struct ct_set set = { 0 };
	const struct ct_entry *e = ctcols_find_or_exit(&ctl->ct, "--container", arg, &set);
	struct pidns_pick inits = { .nlevels = UINT_MAX }, any = inits;
	const struct pidns_pick *p;
	struct stat st;

	for (size_t i = 0; i < e->npids; i++) {
		struct proc_rec rec;
		int rc;

		rc = ct_entry_read(ctl->pfs, e, i, &rec, PROC_READ_STATUS | NS_TYPE_BIT(NS_TYPE_PID));
		if (procfs_err_fatal(rc))
			fatal_procfs(ctl->pfs, rc);
		if (!rc && rec.ns[NS_TYPE_PID] && rec.status.nlevels) {
			pick(&any, &rec);
			if (pidns_pid_at_depth(&rec.status, 0) == 1)
				pick(&inits, &rec);
		}
		proc_rec_clear(&rec);
	}
	ct_set_clear(&set);
	p = inits.pid ? &inits : &any;
	if (!p->pid)
		fatal_error(_("--container %s: its pid namespace may not be read"), arg);
	if (p->several)
		errx(CTCOLS_EXIT_NOT_ONE, _("--container %s: which of its pid namespaces is its "
					    "own cannot be told"), arg);
	ns->ino = p->ino;
	ns->fd = procfs_open_ns(ctl->pfs, p->pid, NS_TYPE_PID);
	if (ns->fd < 0 && procfs_err_fatal(ns->fd))
		fatal_procfs(ctl->pfs, ns->fd);
	if (ns->fd < 0 || fstat(ns->fd, &st) || st.st_ino != p->ino)
		fatal_error(_("--container %s: its process %d is gone"), arg, p->pid);
}

int main(int argc, char **argv)
{
	static const int default_columns[] = {
		COL_LEVEL, COL_NS, COL_PID, COL_TGID, COL_PGID, COL_SID, COL_COMMAND,
	};
	struct mapctl ctl = { .flags = 0 };
	struct map_args args = { 0 };
	struct ns_handle from, to;
	pid_t *pids;
	int npids, rc;

	cmd_init(PGREP_EXIT_USAGE, PGREP_EXIT_FATAL);
	collist_set(&ctl.cols, default_columns, ARRAY_SIZE(default_columns));
	parse_options(&ctl, &args, argc, argv);
	npids = argc - optind;
	check_options(&ctl, &args, npids);
	/* Undocumented on purpose: tests force the /proc way to compare it with the ioctls. */
	if (getenv("PIDNS_MAP_NO_IOCTL"))
		ctl.flags |= PIDNS_NO_IOCTL;
	pids = parse_pids(argv + optind, npids);

	ctl.pfs = ctcols_open_or_exit(&ctl.ct, args.procfs_dir, args.root_dir);
	if (pidns_view_new(ctl.pfs, &ctl.view))
		err_oom();
	if (!args.from_arg) {
		rc = show_levels(&ctl, pids, npids);
	} else {
		if (!strcmp(args.from_opt, "--container"))
			open_container_pidns(&ctl, args.from_arg, &from);
		else
			ns_arg_open_or_exit(ctl.pfs, args.from_opt, args.from_arg, NS_TYPE_PID,
					    &from);
		if (args.to_arg)
			ns_arg_open_or_exit(ctl.pfs, "--to", args.to_arg, NS_TYPE_PID, &to);
		rc = translate(&ctl, &from, args.to_arg ? &to : NULL, pids, npids);
		ns_handle_close(&from);
		if (args.to_arg)
			ns_handle_close(&to);
	}
	ctcols_free(&ctl.ct);
	pidns_view_free(ctl.view);
	procfs_close(ctl.pfs);
	free(pids);
	return rc;
}
