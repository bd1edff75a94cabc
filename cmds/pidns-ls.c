// SPDX-License-Identifier: GPL-2.0-or-later
/* pidns-ls - list namespaces like lsns(8), pid namespaces by default. */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libsmartcols.h>

#include "c.h"
#include "cmdutil.h"
#include "columns.h"
#include "nls.h"
#include "nsgroup.h"
#include "pidns.h"
#include "procfs.h"

enum {
	COL_NS,
	COL_TYPE,
	COL_PATH,
	COL_NPROCS,
	COL_PID,
	COL_PPID,
	COL_COMMAND,
	COL_UID,
	COL_USER,
	COL_PNS,
	COL_ONS,
};

/* Names, help texts and JSON types as lsns(8) has them. */
static const struct colinfo infos[] = {
	[COL_NS]      = { "NS", 10, SCOLS_FL_RIGHT, N_("namespace identifier (inode number)"),
			  SCOLS_JSON_NUMBER },
	[COL_TYPE]    = { "TYPE", 5, 0, N_("kind of namespace"), SCOLS_JSON_STRING },
	[COL_PATH]    = { "PATH", 0, 0, N_("path to the namespace"), SCOLS_JSON_STRING },
	[COL_NPROCS]  = { "NPROCS", 5, SCOLS_FL_RIGHT, N_("number of processes in the namespace"),
			  SCOLS_JSON_NUMBER },
	[COL_PID]     = { "PID", 5, SCOLS_FL_RIGHT, N_("lowest PID in the namespace"),
			  SCOLS_JSON_NUMBER },
	[COL_PPID]    = { "PPID", 5, SCOLS_FL_RIGHT, N_("PPID of the PID"), SCOLS_JSON_NUMBER },
	[COL_COMMAND] = { "COMMAND", 0, SCOLS_FL_TRUNC, N_("command line of the PID"),
			  SCOLS_JSON_STRING },
	[COL_UID]     = { "UID", 0, SCOLS_FL_RIGHT, N_("UID of the PID"), SCOLS_JSON_NUMBER },
	[COL_USER]    = { "USER", 0, 0, N_("username of the PID"), SCOLS_JSON_STRING },
	[COL_PNS]     = { "PNS", 10, SCOLS_FL_RIGHT,
			  N_("parent namespace identifier (inode number)"), SCOLS_JSON_NUMBER },
	[COL_ONS]     = { "ONS", 10, SCOLS_FL_RIGHT,
			  N_("owner namespace identifier (inode number)"), SCOLS_JSON_NUMBER },
};

static const int default_columns[] = {
	COL_NS, COL_TYPE, COL_NPROCS, COL_PID, COL_USER, COL_COMMAND,
};

struct lsctl {
	struct procfs *pfs;
	struct collist cols;
	unsigned int modes;	/* COLTAB_* */
	unsigned int types;	/* NS_TYPE_BIT() set */
	unsigned int read_mask;	/* what the columns need of a representative */
	bool process_tree;	/* lsns's default view: rows nest as their PIDs do */
	struct usercache users;
};

static void __attribute__((noreturn)) usage(void)
{
	FILE *out = stdout;

	fputs(_("\nUsage:\n"), out);
	fprintf(out, _(" %s [options]\n"), program_invocation_short_name);
	fputs(_("\nList namespaces, pid namespaces unless told otherwise.\n"), out);
	fputs(_("\nOptions:\n"), out);
	fputs(_(" -J, --json             use JSON output format\n"), out);
	fputs(_(" -l, --list             use list format output\n"), out);
	fputs(_(" -n, --noheadings       don't print headings\n"), out);
	fputs(_(" -o, --output <list>    define which output columns to use\n"), out);
	fputs(_("     --output-all       output all columns\n"), out);
	fputs(_(" -r, --raw              use the raw output format\n"), out);
	fputs(_(" -t, --type <name>      namespace type (mnt, net, ipc, user, pid, uts, cgroup, time)\n"),
	      out);
	fputs(_(" -u, --notruncate       don't truncate text in columns\n"), out);
	fputs(_(" -W, --nowrap           don't use multi-line representation\n"), out);
	fputs(_("     --procfs <dir>     read processes from <dir> instead of /proc\n"), out);
	fputs(_("\n -H, --list-columns     list the available columns\n"), out);
	fputs(_(" -h, --help             display this help\n"), out);
	fputs(_(" -V, --version          display version\n"), out);
	usage_columns(out, infos, ARRAY_SIZE(infos));
	exit(EXIT_SUCCESS);
}

static unsigned int columns_read_mask(const struct collist *cols)
{
	unsigned int mask = 0;

	for (size_t i = 0; i < cols->count; i++) {
		switch (cols->ids[i]) {
		case COL_PPID:
			mask |= PROC_READ_STAT;
			break;
		case COL_COMMAND:
			/* stat's comm stands in for the empty cmdline of a kernel thread */
			mask |= PROC_READ_CMDLINE | PROC_READ_STAT;
			break;
		case COL_UID:
		case COL_USER:
			mask |= PROC_READ_OWNER;
			break;
		}
	}
	return mask;
}

/* PNS or ONS of a group: 0 when the relative is out of view, empty when unknown. */
static char *relative_cell(struct lsctl *ctl, const struct ns_group *grp, int col)
{
	char *str = NULL;
	ino_t ino;
	int fd, rc;

	fd = ns_open(ctl->pfs, grp->pid, grp->type);
	if (fd < 0)
		return NULL;
	rc = col == COL_PNS ? ns_parent_ino(fd, &ino) : ns_owner_ino(fd, &ino);
	close(fd);
	if (rc == -EINVAL && col == COL_PNS)
		ino = 0;	/* this type has no parents, as lsns shows it */
	else if (rc)
		return NULL;
	xasprintf(&str, "%ju", (uintmax_t)ino);
	return str;
}

static char *cell_data(struct lsctl *ctl, const struct ns_group *grp,
		       const struct proc_rec *rec, int col)
{
	char *str = NULL;

	switch (col) {
	case COL_NS:
		xasprintf(&str, "%ju", (uintmax_t)grp->ino);
		break;
	case COL_TYPE:
		str = xstrdup(ns_type_name(grp->type));
		break;
	case COL_PATH:
		xasprintf(&str, "%s/%d/ns/%s", procfs_path(ctl->pfs), grp->pid,
			  ns_type_name(grp->type));
		break;
	case COL_NPROCS:
		xasprintf(&str, "%lu", grp->nprocs);
		break;
	case COL_PID:
		xasprintf(&str, "%d", grp->pid);
		break;
	case COL_PPID:
		if (rec->have & PROC_READ_STAT)
			xasprintf(&str, "%d", rec->stat.ppid);
		break;
	case COL_COMMAND:
		if (rec->cmdline_len)
			str = xstrdup(rec->cmdline);
		else if (rec->have & PROC_READ_STAT)
			str = xstrdup(rec->stat.comm);
		break;
	case COL_UID:
		if (rec->have & PROC_READ_OWNER)
			xasprintf(&str, "%u", (unsigned int)rec->owner);
		break;
	case COL_USER:
		if (rec->have & PROC_READ_OWNER)
			str = xstrdup(usercache_name(&ctl->users, rec->owner));
		break;
	case COL_PNS:
	case COL_ONS:
		str = relative_cell(ctl, grp, col);
		break;
	}
	return str;
}

/* The rows printed so far, by representative, for the process tree. */
struct row {
	pid_t pid;
	struct libscols_line *line;
};

/*
 * As lsns does it: a row hangs below the latest row already printed whose
 * representative is the parent of its own.
 */
static struct libscols_line *parent_row(const struct row *rows, size_t nrows,
					const struct proc_rec *rec)
{
	if (!(rec->have & PROC_READ_STAT))
		return NULL;
	for (size_t i = nrows; i > 0; i--) {
		if (rows[i - 1].pid == rec->stat.ppid)
			return rows[i - 1].line;
	}
	return NULL;
}

static void add_group_line(struct lsctl *ctl, struct libscols_table *tb,
			   const struct ns_group *grp, struct row *rows, size_t nrows)
{
	struct libscols_line *ln;
	struct proc_rec rec;

	/* A representative that exits now leaves its cells empty; the row stays. */
	proc_rec_init(&rec, grp->pid);
	if (procfs_read(ctl->pfs, &rec, ctl->read_mask) == -ENOMEM)
		errx(EXIT_FAILURE, _("cannot allocate memory"));

	ln = scols_table_new_line(tb, ctl->process_tree ? parent_row(rows, nrows, &rec) : NULL);
	if (!ln)
		errx(EXIT_FAILURE, _("failed to allocate output line"));
	rows[nrows] = (struct row){ .pid = grp->pid, .line = ln };

	for (size_t i = 0; i < ctl->cols.count; i++) {
		char *data = cell_data(ctl, grp, &rec, ctl->cols.ids[i]);

		if (data && scols_line_refer_data(ln, i, data))
			errx(EXIT_FAILURE, _("failed to add output data"));
	}
	proc_rec_clear(&rec);
}

/* The tree is drawn in COMMAND, the way lsns draws it. */
static void set_tree_column(struct libscols_table *tb, const struct collist *cols)
{
	for (size_t i = 0; i < cols->count; i++) {
		struct libscols_column *cl = scols_table_get_column(tb, i);

		if (cols->ids[i] == COL_COMMAND)
			scols_column_set_flags(cl, scols_column_get_flags(cl) | SCOLS_FL_TREE);
	}
}

static int list_namespaces(struct lsctl *ctl)
{
	const struct ns_group **sorted;
	struct libscols_table *tb;
	struct ns_groups *groups;
	struct row *rows;
	int rc;

	if (ns_groups_new(&groups))
		errx(EXIT_FAILURE, _("cannot allocate memory"));
	rc = ns_groups_collect(groups, ctl->pfs, ctl->types, NULL);
	if (rc) {
		errno = -rc;
		warn(_("cannot read %s"), procfs_path(ctl->pfs));
		ns_groups_free(groups);
		return EXIT_FAILURE;
	}
	if (ns_groups_sorted(groups, &sorted) ||
	    coltab_new(infos, &ctl->cols, ctl->modes, "namespaces", &tb))
		errx(EXIT_FAILURE, _("cannot allocate memory"));

	if (ctl->process_tree)
		set_tree_column(tb, &ctl->cols);

	rows = xcalloc(ns_groups_count(groups), sizeof(*rows));
	for (size_t i = 0; i < ns_groups_count(groups); i++)
		add_group_line(ctl, tb, sorted[i], rows, i);
	scols_print_table(tb);

	scols_unref_table(tb);
	free(rows);
	free(sorted);
	ns_groups_free(groups);
	return EXIT_SUCCESS;
}

int main(int argc, char **argv)
{
	enum { OPT_OUTPUT_ALL = CHAR_MAX + 1, OPT_PROCFS };
	static const struct option longopts[] = {
		{ "json",	  no_argument,	     NULL, 'J' },
		{ "list",	  no_argument,	     NULL, 'l' },
		{ "noheadings",	  no_argument,	     NULL, 'n' },
		{ "output",	  required_argument, NULL, 'o' },
		{ "output-all",	  no_argument,	     NULL, OPT_OUTPUT_ALL },
		{ "raw",	  no_argument,	     NULL, 'r' },
		{ "type",	  required_argument, NULL, 't' },
		{ "notruncate",	  no_argument,	     NULL, 'u' },
		{ "nowrap",	  no_argument,	     NULL, 'W' },
		{ "procfs",	  required_argument, NULL, OPT_PROCFS },
		{ "list-columns", no_argument,	     NULL, 'H' },
		{ "help",	  no_argument,	     NULL, 'h' },
		{ "version",	  no_argument,	     NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct lsctl ctl = { .types = 0 };
	const char *procfs_dir = NULL;
	bool list_columns = false, list = false;
	int c, rc;

	cmd_init(EXIT_FAILURE);
	collist_set(&ctl.cols, default_columns, ARRAY_SIZE(default_columns));

	while ((c = getopt_long(argc, argv, "Jlno:rt:uWHhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'J':
			ctl.modes |= COLTAB_JSON;
			break;
		case 'l':
			list = true;
			break;
		case 'n':
			ctl.modes |= COLTAB_NOHEADINGS;
			break;
		case 'o':
			collist_parse_or_exit(&ctl.cols, infos, ARRAY_SIZE(infos), optarg,
					      EXIT_FAILURE);
			break;
		case OPT_OUTPUT_ALL:
			ctl.cols.count = 0;
			for (size_t i = 0; i < ARRAY_SIZE(infos); i++)
				ctl.cols.ids[ctl.cols.count++] = (int)i;
			break;
		case 'r':
			ctl.modes |= COLTAB_RAW;
			break;
		case 't':
			rc = ns_type_from_name(optarg);
			if (rc < 0)
				errx(EXIT_FAILURE, _("unknown namespace type: %s"), optarg);
			ctl.types |= NS_TYPE_BIT(rc);
			break;
		case 'u':
			ctl.modes |= COLTAB_NOTRUNCATE;
			break;
		case 'W':
			ctl.modes |= COLTAB_NOWRAP;
			break;
		case OPT_PROCFS:
			procfs_dir = optarg;
			break;
		case 'H':
			list_columns = true;
			break;
		case 'h':
			usage();
		case 'V':
			print_version();
		default:
			errtryhelp(EXIT_FAILURE);
		}
	}
	check_table_options(infos, ARRAY_SIZE(infos), ctl.modes, list_columns, EXIT_FAILURE);
	if (optind < argc) {
		warnx(_("unexpected argument: '%s'"), argv[optind]);
		errtryhelp(EXIT_FAILURE);
	}
	if (!ctl.types)
		ctl.types = NS_TYPE_BIT(NS_TYPE_PID);
	ctl.process_tree = !list && collist_has(&ctl.cols, COL_COMMAND);
	ctl.read_mask = columns_read_mask(&ctl.cols);
	if (ctl.process_tree)
		ctl.read_mask |= PROC_READ_STAT;

	rc = procfs_open(procfs_dir, &ctl.pfs);
	if (rc) {
		errno = -rc;
		err(EXIT_FAILURE, _("cannot open %s"), procfs_dir ? procfs_dir : "/proc");
	}
	rc = list_namespaces(&ctl);
	procfs_close(ctl.pfs);
	usercache_free(&ctl.users);
	return rc;
}
