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
#include "caps.h"
#include "cmdutil.h"
#include "ctcols.h"
#include "mountinfo.h"
#include "netnsid.h"
#include "nls.h"
#include "nsgroup.h"
#include "osrelease.h"
#include "pidns.h"
#include "procfs.h"
#include "rowfilter.h"
#include "strutils.h"
#include "table.h"
#include "usercache.h"
#include "xalloc.h"

/* lsns exits with 2 when the kernel does not know an nsfs ioctl it needs. */
#define EXIT_UNSUPPORTED_IOCTL 2

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
	COL_NETNSID,
	COL_NSFS,
	COL_PNS,
	COL_ONS,
	COL_LEVEL,
	COL_INIT,
	COL_VISIBLE,
	COL_NCHILDREN,
	COL_CAPS,
	COL_OS,
	COL_CGROUP,	/* the container columns, CTCOL_COUNT of them */
	COL_CONTAINER_LAST = COL_CGROUP + CTCOL_COUNT - 1,
};

/* lsns(8)'s columns first, with its names, help texts and JSON types. */
static const struct colinfo infos[] = {
	[COL_NS]        = { "NS", 10, SCOLS_FL_RIGHT, N_("namespace identifier (inode number)"),
			    SCOLS_JSON_NUMBER, NULL },
	[COL_TYPE]      = { "TYPE", 5, 0, N_("kind of namespace"), SCOLS_JSON_STRING, NULL },
	[COL_PATH]      = { "PATH", 0, 0, N_("path to the namespace"), SCOLS_JSON_STRING, NULL },
	[COL_NPROCS]    = { "NPROCS", 5, SCOLS_FL_RIGHT,
			    N_("number of processes in the namespace"), SCOLS_JSON_NUMBER, NULL },
	[COL_PID]       = { "PID", 5, SCOLS_FL_RIGHT, N_("lowest PID in the namespace"),
			    SCOLS_JSON_NUMBER, NULL },
	[COL_PPID]      = { "PPID", 5, SCOLS_FL_RIGHT, N_("PPID of the PID"),
			    SCOLS_JSON_NUMBER, NULL },
	[COL_COMMAND]   = { "COMMAND", 0, SCOLS_FL_TRUNC, N_("command line of the PID"),
			    SCOLS_JSON_STRING, NULL },
	[COL_UID]       = { "UID", 0, SCOLS_FL_RIGHT, N_("UID of the PID"),
			    SCOLS_JSON_NUMBER, NULL },
	[COL_USER]      = { "USER", 0, 0, N_("username of the PID"), SCOLS_JSON_STRING, NULL },
	[COL_NETNSID]   = { "NETNSID", 0, SCOLS_FL_RIGHT,
			    N_("namespace ID as used by network subsystem"),
			    SCOLS_JSON_STRING, NULL },
	[COL_NSFS]      = { "NSFS", 0, SCOLS_FL_WRAP,
			    N_("nsfs mountpoint (usually used network subsystem)"),
			    SCOLS_JSON_STRING, NULL },
	[COL_PNS]       = { "PNS", 10, SCOLS_FL_RIGHT,
			    N_("parent namespace identifier (inode number)"),
			    SCOLS_JSON_NUMBER, NULL },
	[COL_ONS]       = { "ONS", 10, SCOLS_FL_RIGHT,
			    N_("owner namespace identifier (inode number)"),
			    SCOLS_JSON_NUMBER, NULL },
	[COL_LEVEL]     = { "LEVEL", 2, SCOLS_FL_RIGHT,
			    N_("pid namespace depth below the procfs's own"),
			    SCOLS_JSON_NUMBER, NULL },
	[COL_INIT]      = { "INIT", 5, SCOLS_FL_RIGHT,
			    N_("PID of the namespace's init (pid 1 inside)"),
			    SCOLS_JSON_NUMBER, NULL },
	[COL_VISIBLE]   = { "VISIBLE", 5, SCOLS_FL_RIGHT,
			    N_("processes visible inside: members and those of namespaces below"),
			    SCOLS_JSON_NUMBER, NULL },
	/* not CHILDREN, whose JSON key would be libsmartcols's array of nested rows */
	[COL_NCHILDREN] = { "NCHILDREN", 3, SCOLS_FL_RIGHT, N_("number of child namespaces"),
			     SCOLS_JSON_NUMBER, "CHILDREN" },
	[COL_CAPS]      = { "CAPS", 0, SCOLS_FL_TRUNC,
			    N_("effective capabilities of the PID"), SCOLS_JSON_STRING, NULL },
	[COL_OS]        = { "OS", 0, SCOLS_FL_TRUNC,
			    N_("system in the root of its init, or of the PID (os-release)"),
			    SCOLS_JSON_STRING, NULL },
	CTCOL_INFOS(COL_CGROUP),
};

static const int default_columns[] = {
	COL_NS, COL_TYPE, COL_NPROCS, COL_PID, COL_USER, COL_COMMAND,
};

/* With -t net, lsns shows these before COMMAND by default. */
static const int default_net_columns[] = {
	COL_NS, COL_TYPE, COL_NPROCS, COL_PID, COL_USER, COL_NETNSID, COL_NSFS, COL_COMMAND,
};

/* The columns of the processes of one namespace (pidns-ls <namespace>), as lsns. */
static const int process_columns[] = {
	COL_PID, COL_PPID, COL_USER, COL_COMMAND,
};

enum tree_kind {
	TREE_NONE,
	TREE_PROCESS,	/* lsns's default: rows nest as their representatives do */
	TREE_PARENT,
	TREE_OWNER,
};

struct lsctl {
	struct procfs *pfs;
	struct ns_groups *groups;
	struct collist cols;
	unsigned int modes;	/* COLTAB_* */
	unsigned int types;	/* NS_TYPE_BIT() set */
	unsigned int read_mask;	/* what the columns need of a representative */
	enum tree_kind tree;
	pid_t task;		/* -p: only the namespaces of this process */
	struct proc_rec task_rec;
	bool persistent;	/* -P: only the namespaces no process is in */
	bool held_fds;		/* --fds: also those only an open fd holds */
	bool process_rows;	/* <namespace>: a row is a process, not a namespace */
	struct rowfilter *filter;	/* -Q */
	struct nsfs_mount *mounts;	/* the namespaces bound to paths */
	size_t nmounts;
	struct usercache users;
	struct ctcols ct;		/* the container columns */
	struct pidns_view *view;	/* to ask nsfs for an init no status told */
	struct standing {		/* the last answer of standing_pid() */
		const struct ns_group *grp;
		pid_t pid, init;
		pid_t cgroup_pid;	/* whose cgroup the container cells read; 0: not chosen */
	} standing;
	bool container;		/* --container: only the namespaces of its processes, */
	ino_t (*container_ns)[NS_TYPE_COUNT];	/* a row of links each */
	size_t container_nprocs;
};

/*
 * A row of the table, for the trees to find their parents in: a namespace
 * and its representative, or with a <namespace> one of its processes.
 */
struct row {
	const struct ns_group *grp;
	pid_t pid;
	struct libscols_line *line;
};

struct rows {
	struct row *items;
	size_t count;
};

static void __attribute__((noreturn)) usage(void)
{
	FILE *out = stdout;

	fputs(_("\nUsage:\n"), out);
	fprintf(out, _(" %s [options] [<namespace>]\n"), program_invocation_short_name);
	fputs(_("\nList namespaces, pid namespaces unless told otherwise.\n"), out);
	fputs(_("\nOptions:\n"), out);
	fputs(_(" -J, --json             use JSON output format\n"), out);
	fputs(_(" -l, --list             use list format output\n"), out);
	fputs(_(" -n, --noheadings       don't print headings\n"), out);
	fputs(_(" -o, --output <list>    define which output columns to use\n"), out);
	fputs(_("     --output-all       output all columns\n"), out);
	fputs(_(" -P, --persistent       namespaces without processes\n"), out);
	fputs(_(" -p, --task <pid>       print process namespaces\n"), out);
	fputs(_(" -Q, --filter <expr>    apply display filter (needs libsmartcols 2.40)\n"), out);
	fputs(_(" -r, --raw              use the raw output format\n"), out);
	fputs(_(" -u, --notruncate       don't truncate text in columns\n"), out);
	fputs(_(" -W, --nowrap           don't use multi-line representation\n"), out);
	fputs(_(" -t, --type <name>      namespace type (mnt, net, ipc, user, pid, uts, cgroup, "
		"time)\n"), out);
	fputs(_(" -T, --tree <rel>       use tree format (parent, owner, or process)\n"), out);
	fputs(_("     --fds              also list namespaces held only by open file "
		"descriptors\n"), out);
	fputs(_("     --container <ref>  the namespaces of a container (id, prefix or name)\n"),
	      out);
	fputs(_("     --procfs <dir>     read processes from <dir> instead of /proc\n"), out);
	fputs(_("     --root <dir>       a host's root mounted at <dir>: its proc and files\n"), out);
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
		case COL_CAPS:
			mask |= PROC_READ_STATUS;
			break;
		}
	}
	return mask;
}

static char *num_cell(uintmax_t num)
{
	char *str;

	xasprintf(&str, "%ju", num);
	return str;
}

/* Cells of a namespace that no process is in (a parent or owner met on the way). */
static char *empty_group_cell(struct lsctl *ctl, const struct ns_group *grp, int col)
{
	switch (col) {
	case COL_NPROCS:
		return num_cell(0);
	case COL_UID:
		return grp->owner_uid != (uid_t)-1 ? num_cell(grp->owner_uid) : NULL;
	case COL_USER:
		if (grp->owner_uid == (uid_t)-1)
			return NULL;
		return xstrdup(usercache_name(&ctl->users, grp->owner_uid));
	default:
		return NULL;
	}
}

/* The pid-namespace view: empty for other types and what is not known. */
static char *pidns_cell(struct lsctl *ctl, const struct ns_group *grp, int col)
{
	if (grp->type != NS_TYPE_PID)
		return NULL;
	switch (col) {
	case COL_LEVEL:
		return grp->level >= 0 ? num_cell((uintmax_t)grp->level) : NULL;
	case COL_INIT:
		return grp->init ? num_cell((uintmax_t)grp->init) : NULL;
	}
	/* below it, a namespace whose parent is unsettled may hide */
	if (!ns_group_counts_known(ctl->groups, grp))
		return NULL;
	if (col == COL_VISIBLE)
		return num_cell(ns_group_visible(ctl->groups, grp));
	return num_cell(ns_group_children(ctl->groups, grp));
}

/* The init of a pid namespace, as nsfs tells it without a scan; 0 where it does not. */
static pid_t init_by_nsfs(const struct lsctl *ctl, const struct ns_group *grp)
{
	struct ns_handle ns = { .fd = ns_group_open(ctl->pfs, grp), .ino = grp->ino };
	pid_t init;
	int rc;

	if (ns.fd < 0)
		return 0;
	rc = pidns_translate(ctl->view, &ns, NULL, 1, PIDNS_NO_SCAN, &init);
	close(ns.fd);
	return rc ? 0 : init;
}

/*
 * Whose root and cgroup stand for a namespace: its init's, who started what
 * lives in it (a container's), else the row's process's.  The cells of a row
 * ask in turn: the answer is kept for the next.
 */
static pid_t standing_pid(struct lsctl *ctl, const struct ns_group *grp, pid_t pid)
{
	struct standing *st = &ctl->standing;
	pid_t init;

	if (ctl->process_rows || grp->type != NS_TYPE_PID)
		return pid;
	if (st->grp == grp && st->pid == pid)
		return st->init;
	init = grp->init ? grp->init : init_by_nsfs(ctl, grp);
	*st = (struct standing){ .grp = grp, .pid = pid, .init = init ? init : pid };
	return st->init;
}

/* The system in that root, the PID's where the init's may not be read; else empty. */
static char *os_cell(struct lsctl *ctl, const struct ns_group *grp, pid_t pid)
{
	pid_t init = standing_pid(ctl, grp, pid);
	char *name;
	int rc;

	rc = osrelease_name_of(ctl->pfs, init, &name);
	if (init != pid && (rc == -EACCES || rc == -EPERM || rc == -ESRCH))
		rc = osrelease_name_of(ctl->pfs, pid, &name);
	if (rc == -ENOMEM)
		err_oom();
	return rc ? NULL : name;
}

/* A container column, the PID's where the init's cgroup may not be read. */
static char *container_cell(struct lsctl *ctl, const struct ns_group *grp, pid_t pid, int col)
{
	pid_t init = standing_pid(ctl, grp, pid);
	struct standing *st = &ctl->standing;

	if (init == pid)
		return ctcols_cell(&ctl->ct, pid, col);
	/* chosen once a row: asking both in turn would read both files for each cell */
	if (!st->cgroup_pid)
		st->cgroup_pid = ctcols_readable(&ctl->ct, init) ? init : pid;
	return ctcols_cell(&ctl->ct, st->cgroup_pid, col);
}

static char *caps_cell(const struct proc_rec *rec)
{
	char *text;

	if (!(rec->have & PROC_READ_STATUS) || !(rec->status.have & STATUS_HAVE_CAPEFF))
		return NULL;
	if (caps_effective_text(rec->status.cap_eff, &text) == -ENOMEM)
		err_oom();
	return text;
}

/* As lsns 2.42: the paths of a namespace go on one line with -W or -r, else a line each. */
static char nsfs_separator(const struct lsctl *ctl)
{
	return ctl->modes & (COLTAB_NOWRAP | COLTAB_RAW) ? ',' : '\n';
}

/* Whether path is one of the sep-separated items of list. */
static bool has_item(const char *list, const char *path, char sep)
{
	size_t len = strlen(path);

	for (const char *p = list;; p++) {
		if (strncmp(p, path, len) == 0 && (p[len] == sep || p[len] == '\0'))
			return true;
		p = strchr(p, sep);
		if (!p)
			return false;
	}
}

/* Every path the namespace is bound to, once (a mount may be stacked on another). */
static char *nsfs_cell(const struct lsctl *ctl, const struct ns_group *grp)
{
	char sep = nsfs_separator(ctl);
	char *str = NULL, *more;

	for (size_t i = 0; i < ctl->nmounts; i++) {
		const char *path = ctl->mounts[i].path;

		if (ctl->mounts[i].ino != grp->ino || (str && has_item(str, path, sep)))
			continue;
		if (!str) {
			str = xstrdup(path);
			continue;
		}
		xasprintf(&more, "%s%c%s", str, sep, path);
		free(str);
		str = more;
	}
	return str;
}

/*
 * The id our network namespace gives this one, or "unassigned": a string,
 * as in lsns.  Asked through its nsfs file, so that one no process is in
 * has it too, as in lsns 2.42.
 */
static char *netnsid_cell(struct lsctl *ctl, const struct ns_group *grp)
{
	int fd, nsid, rc;

	if (grp->type != NS_TYPE_NET)
		return NULL;
	fd = ns_group_open(ctl->pfs, grp);
	if (fd < 0)
		return NULL;
	rc = netnsid_of(fd, &nsid);
	close(fd);
	if (rc)
		return NULL;
	return nsid == NETNSID_UNASSIGNED ? xstrdup("unassigned") : num_cell((uintmax_t)nsid);
}

/* What the cells of a row are made of. */
struct row_data {
	struct lsctl *ctl;
	const struct ns_group *grp;
	pid_t pid;			/* the process of the row, or 0 */
	const struct proc_rec *rec;	/* its files, as far as they could be read */
};

static char *cell_data(const struct row_data *row, int col)
{
	struct lsctl *ctl = row->ctl;
	const struct ns_group *grp = row->grp;
	const struct proc_rec *rec = row->rec;
	char *str = NULL;

	switch (col) {
	case COL_NETNSID:
		return netnsid_cell(ctl, grp);
	case COL_NSFS:
		return nsfs_cell(ctl, grp);
	case COL_NS:
		return num_cell(grp->ino);
	case COL_TYPE:
		return xstrdup(ns_type_name(grp->type));
	case COL_PNS:
		/* lsns shows 0 where there is no parent, as for types without any */
		return grp->parent_known ? num_cell(grp->parent) : NULL;
	case COL_ONS:
		return grp->linked ? num_cell(grp->owner) : NULL;
	case COL_NCHILDREN:
	case COL_LEVEL:
	case COL_INIT:
	case COL_VISIBLE:
		return pidns_cell(ctl, grp, col);
	}
	if (!grp->nprocs)
		return empty_group_cell(ctl, grp, col);

	switch (col) {
	case COL_PATH:
		xasprintf(&str, "%s/%d/ns/%s", procfs_path(ctl->pfs), row->pid,
			  ns_type_name(grp->type));
		break;
	case COL_NPROCS:
		str = num_cell(grp->nprocs);
		break;
	case COL_PID:
		str = num_cell((uintmax_t)row->pid);
		break;
	case COL_PPID:
		if (rec->have & PROC_READ_STAT)
			str = num_cell((uintmax_t)rec->stat.ppid);
		break;
	case COL_COMMAND:
		if (rec->cmdline_len)
			str = xstrdup(rec->cmdline);
		else if (rec->have & PROC_READ_STAT)
			str = xstrdup(rec->stat.comm);
		break;
	case COL_UID:
		if (rec->have & PROC_READ_OWNER)
			str = num_cell(rec->owner);
		break;
	case COL_USER:
		if (rec->have & PROC_READ_OWNER)
			str = xstrdup(usercache_name(&ctl->users, rec->owner));
		break;
	case COL_CAPS:
		str = caps_cell(rec);
		break;
	case COL_OS:
		str = os_cell(ctl, grp, row->pid);
		break;
	default:
		if (col >= COL_CGROUP && col <= COL_CONTAINER_LAST)
			str = container_cell(ctl, grp, row->pid, col - COL_CGROUP);
		break;
	}
	return str;
}

static char *row_cell(void *data, int col, size_t index)
{
	(void)index;
	return cell_data(data, col);
}

static struct row *find_row(const struct rows *rows, ino_t ino)
{
	for (size_t i = 0; i < rows->count; i++) {
		if (rows->items[i].grp->ino == ino)
			return &rows->items[i];
	}
	return NULL;
}

/*
 * As lsns does it: a row hangs below the latest row already printed whose
 * representative is the parent of its own.
 */
static struct libscols_line *process_parent(const struct rows *rows, const struct proc_rec *rec)
{
	if (!(rec->have & PROC_READ_STAT))
		return NULL;
	for (size_t i = rows->count; i > 0; i--) {
		if (rows->items[i - 1].pid == rec->stat.ppid && rows->items[i - 1].grp->nprocs)
			return rows->items[i - 1].line;
	}
	return NULL;
}

static bool in_container(const struct lsctl *ctl, const struct ns_group *grp)
{
	for (size_t i = 0; i < ctl->container_nprocs; i++) {
		if (ctl->container_ns[i][grp->type] == grp->ino)
			return true;
	}
	return false;
}

static bool is_listed(const struct lsctl *ctl, const struct ns_group *grp)
{
	if (ctl->container)
		return (ctl->types & NS_TYPE_BIT(grp->type)) && in_container(ctl, grp);
	if (ctl->persistent)
		return !grp->nprocs && (ctl->types & NS_TYPE_BIT(grp->type));
	if (ctl->task)
		return ctl->task_rec.ns[grp->type] == grp->ino;
	/* A namespace met only as a relative is listed so that its tree is whole. */
	return !grp->nprocs || (ctl->types & NS_TYPE_BIT(grp->type));
}

static struct libscols_line *add_row(struct lsctl *ctl, struct libscols_table *tb,
				     struct rows *rows, const struct ns_group *grp, pid_t pid);

/* The row a row hangs below in --tree=parent or owner, made first if need be. */
static struct libscols_line *relation_parent(struct lsctl *ctl, struct libscols_table *tb,
					     struct rows *rows, const struct ns_group *grp)
{
	ino_t rel = ctl->tree == TREE_PARENT ? grp->parent : grp->owner;
	const struct ns_group *up = rel ? ns_groups_find(ctl->groups, rel) : NULL;

	return up && up != grp && is_listed(ctl, up) ? add_row(ctl, tb, rows, up, up->pid) : NULL;
}

/* The row of grp with its process pid: the representative, or with a <namespace> a member. */
static struct libscols_line *add_row(struct lsctl *ctl, struct libscols_table *tb,
				     struct rows *rows, const struct ns_group *grp, pid_t pid)
{
	struct libscols_line *ln, *parent = NULL;
	struct proc_rec rec;

	/* A relation tree makes a row's parent first, and may meet it again. */
	if (ctl->tree == TREE_PARENT || ctl->tree == TREE_OWNER) {
		struct row *row = find_row(rows, grp->ino);

		if (row)
			return row->line;
	}

	/*
	 * A representative that exits now leaves its cells empty; the row stays.
	 * Its pid may be another process's by now: the namespace link tells.
	 */
	proc_rec_init(&rec, pid);
	if (grp->nprocs) {
		int rc = procfs_read(ctl->pfs, &rec, ctl->read_mask | NS_TYPE_BIT(grp->type));

		if (procfs_err_fatal(rc))
			fatal_procfs(ctl->pfs, rc);
	}
	if (rec.ns[grp->type] != grp->ino) {
		proc_rec_clear(&rec);
		proc_rec_init(&rec, pid);
	}

	if (ctl->tree == TREE_PROCESS)
		parent = process_parent(rows, &rec);
	else if (ctl->tree != TREE_NONE)
		parent = relation_parent(ctl, tb, rows, grp);

	ln = table_add_line(tb, parent, &ctl->cols, row_cell,
			    &(struct row_data){ .ctl = ctl, .grp = grp, .pid = pid, .rec = &rec });
	rows->items[rows->count++] = (struct row){ .grp = grp, .pid = pid, .line = ln };
	proc_rec_clear(&rec);
	if (ctl->filter && !rowfilter_match_or_exit(ctl->filter, ln)) {
		/* as lsns: what hangs below a row left out hangs from the top */
		if (parent)
			scols_line_remove_child(parent, ln);
		scols_table_remove_line(tb, ln);
		rows->count--;
		return NULL;
	}
	return ln;
}

/*
 * lsns draws the process tree in COMMAND and the namespace trees in NS, and
 * an NSFS cell of several paths as one line each, which libsmartcols then
 * wraps at its newlines instead of escaping them.
 */
static void set_columns(struct libscols_table *tb, const struct lsctl *ctl)
{
	int tree_col = ctl->tree == TREE_PROCESS ? COL_COMMAND :
		       ctl->tree == TREE_NONE ? -1 : COL_NS;

	for (size_t i = 0; i < ctl->cols.count; i++) {
		struct libscols_column *cl = scols_table_get_column(tb, i);
		int flags = scols_column_get_flags(cl);

		/* a tree grows from the left, whatever the column's alignment */
		if (ctl->cols.ids[i] == tree_col)
			scols_column_set_flags(cl, (flags & ~SCOLS_FL_RIGHT) | SCOLS_FL_TREE);
		if (ctl->cols.ids[i] == COL_NSFS && nsfs_separator(ctl) == '\n') {
			scols_column_set_wrapfunc(cl, scols_wrapnl_chunksize,
						  scols_wrapnl_nextchunk, NULL);
			scols_column_set_safechars(cl, "\n");
		}
	}
}

/* Whether the parents of pid namespaces are asked for, or counts that need them. */
static bool parents_wanted(const struct lsctl *ctl)
{
	return (ctl->types & NS_TYPE_BIT(NS_TYPE_PID)) &&
	       (ctl->tree == TREE_PARENT || collist_has(&ctl->cols, COL_PNS) ||
		collist_has(&ctl->cols, COL_VISIBLE) || collist_has(&ctl->cols, COL_NCHILDREN));
}

/*
 * Whether the columns or the tree need parents and owners (or, for the UID
 * of a namespace no process is in, its owner's creator); *add says which
 * relatives without processes to add so that the tree drawn is whole.
 */
static bool link_wanted(const struct lsctl *ctl, unsigned int *add)
{
	bool owner_uids = (collist_has(&ctl->cols, COL_UID) || collist_has(&ctl->cols, COL_USER)) &&
			  ns_groups_count_empty(ctl->groups);

	*add = ctl->tree == TREE_PARENT ? NS_LINK_ADD_PARENTS :
	       ctl->tree == TREE_OWNER ? NS_LINK_ADD_OWNERS : 0;
	return *add || owner_uids || collist_has(&ctl->cols, COL_PNS) ||
	       collist_has(&ctl->cols, COL_ONS) || collist_has(&ctl->cols, COL_VISIBLE) ||
	       collist_has(&ctl->cols, COL_NCHILDREN);
}

static struct libscols_table *new_table(struct lsctl *ctl)
{
	struct libscols_table *tb;

	if (coltab_new(infos, &ctl->cols, ctl->modes, "namespaces", &tb))
		err_oom();
	set_columns(tb, ctl);
	if (ctl->filter)
		rowfilter_bind_or_exit(ctl->filter, tb, &ctl->cols, infos);
	return tb;
}

/*
 * Namespaces bound to a path live on with no process in them; like lsns, list
 * them too.  A procfs copy without self/mountinfo simply has none.
 */
static void add_bound_namespaces(struct lsctl *ctl)
{
	if (nsfs_mounts_read(ctl->pfs, &ctl->mounts, &ctl->nmounts) == -ENOMEM)
		err_oom();
	for (size_t i = 0; i < ctl->nmounts; i++) {
		const struct nsfs_mount *m = &ctl->mounts[i];

		if ((ctl->types & NS_TYPE_BIT(m->type)) &&
		    ns_groups_add_empty(ctl->groups, m->type, m->ino, m->path))
			err_oom();
	}
}

/* Whether a column stands for a pid namespace by its init: OS and the container columns. */
static bool inits_wanted(const struct lsctl *ctl)
{
	if (ctl->process_rows || !(ctl->types & NS_TYPE_BIT(NS_TYPE_PID)))
		return false;
	for (int col = COL_OS; col <= COL_CONTAINER_LAST; col++) {
		if (collist_has(&ctl->cols, col))
			return true;
	}
	return false;
}

/* Whether nsfs tells the inits (Linux 6.11, in our own view), asked of our own namespace. */
static bool nsfs_tells_inits(struct lsctl *ctl)
{
	struct ns_handle self = { .fd = procfs_open_ns(ctl->pfs, procfs_self_pid(ctl->pfs),
							NS_TYPE_PID) };
	pid_t init;
	int rc;

	if (self.fd < 0)
		return false;
	rc = pidns_translate(ctl->view, &self, NULL, 1, PIDNS_NO_SCAN, &init);
	close(self.fd);
	return rc != -ENOTTY;
}

/*
 * Scan the procfs into ctl->groups; with pids, also gather the members of the
 * namespace ino (a <namespace>) into *pids, *n long.
 */
static void collect_groups(struct lsctl *ctl, ino_t ino, pid_t **pids, size_t *n)
{
	struct procfs_scan_stats stats;
	unsigned int extra = 0;
	int rc;

	/* LEVEL and INIT, the inits nsfs cannot tell, and the parents it cannot tell */
	if (collist_has(&ctl->cols, COL_LEVEL) || collist_has(&ctl->cols, COL_INIT) ||
	    (inits_wanted(ctl) && !nsfs_tells_inits(ctl)) ||
	    (!procfs_is_own_view(ctl->pfs) && parents_wanted(ctl)))
		extra = PROC_READ_STATUS;
	if (ns_groups_new(&ctl->groups))
		err_oom();
	if (pids)
		rc = ns_groups_collect_members(ctl->groups, ctl->pfs, ctl->types, extra, ino, pids,
					       n, &stats);
	else
		rc = ns_groups_collect(ctl->groups, ctl->pfs, ctl->types, extra, &stats);
	if (rc)
		fatal_procfs(ctl->pfs, rc);
	warn_unreadable(stats.denied);
}

/* The namespaces no process is in, and the relatives the columns and trees need. */
static void complete_groups(struct lsctl *ctl)
{
	unsigned int add;
	int rc;

	add_bound_namespaces(ctl);
	if (ctl->held_fds) {
		rc = ns_groups_collect_held(ctl->groups, ctl->pfs, ctl->types);
		if (rc)
			fatal_procfs(ctl->pfs, rc);
	}
	if (!link_wanted(ctl, &add))
		return;
	rc = ns_groups_link(ctl->groups, ctl->pfs, add);
	if (rc == -ENOTTY)
		errx(EXIT_UNSUPPORTED_IOCTL, _("unsupported ioctl: the kernel has no "
					       "NS_GET_PARENT or NS_GET_USERNS"));
	if (rc)
		fatal_procfs(ctl->pfs, rc);
	if (parents_wanted(ctl) && ns_groups_unsettled(ctl->groups))
		warnx(_("%zu pid namespaces have a parent that %s does not tell"),
		      ns_groups_unsettled(ctl->groups), procfs_path(ctl->pfs));
}

static int list_namespaces(struct lsctl *ctl)
{
	const struct ns_group **sorted;
	struct libscols_table *tb;
	struct rows rows = { 0 };
	size_t n;

	collect_groups(ctl, 0, NULL, NULL);
	complete_groups(ctl);
	n = ns_groups_count(ctl->groups);
	if (ns_groups_sorted(ctl->groups, &sorted))
		err_oom();
	tb = new_table(ctl);

	rows.items = xcalloc(n, sizeof(*rows.items));
	for (size_t i = 0; i < n; i++) {
		if (is_listed(ctl, sorted[i]))
			add_row(ctl, tb, &rows, sorted[i], sorted[i]->pid);
	}
	put_table(tb);

	scols_unref_table(tb);
	free(rows.items);
	free(sorted);
	return EXIT_SUCCESS;
}

/*
 * pidns-ls <namespace>: the processes of one namespace, a row each, with the
 * namespace's own cells (PNS, ONS, NSFS...) as for a namespace row.
 */
static int list_processes(struct lsctl *ctl, ino_t ino)
{
	struct libscols_table *tb;
	struct rows rows = { 0 };
	const struct ns_group *grp;
	pid_t *pids;
	size_t n;

	ctl->process_rows = true;
	collect_groups(ctl, ino, &pids, &n);
	if (!n)
		errx(EXIT_FAILURE, _("not found namespace: %ju"), (uintmax_t)ino);
	complete_groups(ctl);

	grp = ns_groups_find(ctl->groups, ino);
	tb = new_table(ctl);
	rows.items = xcalloc(n, sizeof(*rows.items));
	for (size_t i = 0; i < n; i++)
		add_row(ctl, tb, &rows, grp, pids[i]);
	put_table(tb);
	scols_unref_table(tb);
	free(rows.items);
	free(pids);
	return EXIT_SUCCESS;
}

static enum tree_kind parse_tree(const char *arg)
{
	if (!arg || strcmp(arg, "owner") == 0)
		return TREE_OWNER;	/* lsns's default relation */
	if (strcmp(arg, "parent") == 0)
		return TREE_PARENT;
	if (strcmp(arg, "process") == 0)
		return TREE_PROCESS;
	bad_arg("--tree", arg, _("unknown tree type"));
}

/* --container: the namespaces its processes are in; one that exits now counts for none. */
static void read_container(struct lsctl *ctl, const char *arg)
{
	struct ct_set set = { 0 };
	const struct ct_entry *e = ctcols_find_or_exit(&ctl->ct, "--container", arg, &set);

	ctl->container = true;
	ctl->container_ns = xcalloc(e->npids, sizeof(*ctl->container_ns));
	for (size_t i = 0; i < e->npids; i++) {
		struct proc_rec rec;
		int rc;

		rc = ct_entry_read(ctl->pfs, e, i, &rec, ctl->types & PROC_READ_NS_ALL);
		if (procfs_err_fatal(rc))
			fatal_procfs(ctl->pfs, rc);
		if (!rc)
			memcpy(ctl->container_ns[ctl->container_nprocs++], rec.ns, sizeof(rec.ns));
		proc_rec_clear(&rec);
	}
	ct_set_clear(&set);
}

static void read_task(struct lsctl *ctl)
{
	int rc;

	proc_rec_init(&ctl->task_rec, ctl->task);
	rc = procfs_read(ctl->pfs, &ctl->task_rec, PROC_READ_NS_ALL);
	if (rc == -ESRCH)
		usage_error(_("-p %d: no such process"), ctl->task);
	if (rc)
		fatal_errno(rc, _("-p %d: cannot read its namespaces"), ctl->task);
	/*
	 * A kernel may lack a type; where we have a link of it, the process
	 * lost its own: a zombie keeps only its pid namespace's.
	 */
	for (unsigned int t = 0; t < NS_TYPE_COUNT; t++) {
		char path[32];
		ino_t ino;

		snprintf(path, sizeof(path), "self/ns/%s", ns_type_name(t));
		if ((ctl->types & NS_TYPE_BIT(t)) && !ctl->task_rec.ns[t] &&
		    ns_inode_at(procfs_dirfd(ctl->pfs), path, t, &ino) == 0)
			usage_error(_("-p %d: has no %s namespace (%s)"), ctl->task,
				    ns_type_name(t), why_no_ns_link(ctl->pfs, ctl->task));
	}
}

/*
 * The columns as lsns chooses them: --output-all, the process columns for a
 * <namespace>, or the defaults; then the last -o replaces them, or with "+"
 * adds to them.
 */
static void choose_columns(struct lsctl *ctl, const char *outarg, bool output_all,
			   bool of_namespace)
{
	if (output_all) {
		ctl->cols.count = 0;
		for (size_t i = 0; i < ARRAY_SIZE(infos); i++)
			ctl->cols.ids[ctl->cols.count++] = (int)i;
	} else if (of_namespace) {
		collist_set(&ctl->cols, process_columns, ARRAY_SIZE(process_columns));
	} else if (ctl->types & NS_TYPE_BIT(NS_TYPE_NET)) {
		collist_set(&ctl->cols, default_net_columns, ARRAY_SIZE(default_net_columns));
	} else {
		collist_set(&ctl->cols, default_columns, ARRAY_SIZE(default_columns));
	}
	if (outarg)
		collist_parse_or_exit(&ctl->cols, infos, ARRAY_SIZE(infos), "--output", outarg);
}

/* What the options say before they are checked against each other. */
struct ls_args {
	const char *procfs_dir, *root_dir, *outarg;
	const char *container_arg;	/* --container */
	bool list, tree_given, output_all, list_columns;
	enum tree_kind tree;	/* -T */
	const char *ns_arg;	/* <namespace> */
	ino_t ns_ino;
	const char *extra_arg;	/* one more, which is one too many */
};

enum { OPT_OUTPUT_ALL = CHAR_MAX + 1, OPT_PROCFS, OPT_ROOT, OPT_FDS, OPT_CONTAINER };

static const struct option longopts[] = {
	{ "json",	  no_argument,	     NULL, 'J' },
	{ "list",	  no_argument,	     NULL, 'l' },
	{ "noheadings",	  no_argument,	     NULL, 'n' },
	{ "output",	  required_argument, NULL, 'o' },
	{ "output-all",	  no_argument,	     NULL, OPT_OUTPUT_ALL },
	{ "persistent",	  no_argument,	     NULL, 'P' },
	{ "task",	  required_argument, NULL, 'p' },
	{ "filter",	  required_argument, NULL, 'Q' },
	{ "raw",	  no_argument,	     NULL, 'r' },
	{ "type",	  required_argument, NULL, 't' },
	{ "tree",	  optional_argument, NULL, 'T' },
	{ "notruncate",	  no_argument,	     NULL, 'u' },
	{ "nowrap",	  no_argument,	     NULL, 'W' },
	{ "fds",	  no_argument,	     NULL, OPT_FDS },
	{ "container",	  required_argument, NULL, OPT_CONTAINER },
	{ "procfs",	  required_argument, NULL, OPT_PROCFS },
	{ "root",	  required_argument, NULL, OPT_ROOT },
	{ "list-columns", no_argument,	     NULL, 'H' },
	{ "help",	  no_argument,	     NULL, 'h' },
	{ "version",	  no_argument,	     NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static void parse_options(struct lsctl *ctl, struct ls_args *a, int argc, char **argv)
{
	int c, rc;

	while ((c = getopt_long(argc, argv, "Jlno:Pp:Q:rt:T::uWHhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'J':
			ctl->modes |= COLTAB_JSON;
			break;
		case 'l':
			a->list = true;
			break;
		case 'n':
			ctl->modes |= COLTAB_NOHEADINGS;
			break;
		case 'o':
			a->outarg = optarg;
			break;
		case OPT_OUTPUT_ALL:
			a->output_all = true;
			break;
		case 'P':
			ctl->persistent = true;
			break;
		case 'p':
			ctl->task = (pid_t)parse_num_arg(optarg, "--task", 1, INT_MAX);
			break;
		case 'Q':
			rowfilter_free(ctl->filter);
			ctl->filter = rowfilter_new_or_exit(optarg);
			break;
		case 'r':
			ctl->modes |= COLTAB_RAW;
			break;
		case 't':
			rc = ns_type_from_name(optarg);
			if (rc < 0)
				bad_arg("--type", optarg, _("unknown namespace type"));
			ctl->types |= NS_TYPE_BIT(rc);
			break;
		case 'T':
			a->tree = parse_tree(optarg);
			a->tree_given = true;
			break;
		case 'u':
			ctl->modes |= COLTAB_NOTRUNCATE;
			break;
		case 'W':
			ctl->modes |= COLTAB_NOWRAP;
			break;
		case OPT_FDS:
			ctl->held_fds = true;
			break;
		case OPT_CONTAINER:
			a->container_arg = optarg;
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
	if (optind < argc)
		a->ns_arg = argv[optind];
	if (argc - optind > 1)
		a->extra_arg = argv[optind + 1];
}

/* The <namespace>: an inode number, not the relation of a -T that lost its '='. */
static ino_t parse_namespace(const char *arg)
{
	uint64_t ino;

	if (!str_to_u64(arg, &ino))
		return (ino_t)ino;
	if (!strcmp(arg, "parent") || !strcmp(arg, "owner") || !strcmp(arg, "process"))
		usage_error(_("invalid namespace argument: '%s'; a tree of that relation is "
			      "--tree=%s or -T%s"), arg, arg, arg);
	usage_error(_("invalid namespace argument: '%s'"), arg);
}

static void check_options(const struct lsctl *ctl, struct ls_args *a)
{
	if (a->list && a->tree_given)
		usage_error(_("mutually exclusive arguments: --list --tree"));
	if (ctl->persistent && ctl->task)
		usage_error(_("mutually exclusive arguments: --persistent --task"));
	if (a->procfs_dir && a->root_dir)
		usage_error(_("mutually exclusive arguments: --procfs --root"));
	if (a->container_arg && ctl->persistent)
		usage_error(_("mutually exclusive arguments: --container --persistent"));
	if (a->container_arg && ctl->task)
		usage_error(_("mutually exclusive arguments: --container --task"));
	table_check_modes(ctl->modes);
	if (a->list_columns)
		list_columns_and_exit(infos, ARRAY_SIZE(infos), ctl->modes);
	if (a->extra_arg) {
		warnx(_("unexpected argument: '%s'"), a->extra_arg);
		errtryhelp();
	}
	if (a->ns_arg && ctl->task)
		usage_error(_("mutually exclusive arguments: --task <namespace>"));
	if (a->ns_arg && a->container_arg)
		usage_error(_("mutually exclusive arguments: --container <namespace>"));
	if (a->ns_arg)
		a->ns_ino = parse_namespace(a->ns_arg);
}

/*
 * The tree as lsns draws it: the one -T names, or else, unless -l, the
 * process tree, which is drawn in COMMAND and so needs it; --output-all
 * lists namespaces flat, and so do the relation trees the processes of a
 * <namespace>, which are all of one namespace.
 */
static void choose_tree(struct lsctl *ctl, const struct ls_args *a)
{
	bool command = collist_has(&ctl->cols, COL_COMMAND);

	ctl->tree = TREE_NONE;
	if (a->tree_given && !(a->ns_arg && a->tree != TREE_PROCESS))
		ctl->tree = a->tree;
	else if (!a->list && command && !(a->output_all && !a->ns_arg))
		ctl->tree = TREE_PROCESS;
	if (ctl->tree == TREE_PROCESS && !a->ns_arg && !command)
		ctl->tree = TREE_NONE;
}

int main(int argc, char **argv)
{
	struct lsctl ctl = { 0 };
	struct ls_args args = { 0 };
	int rc;

	cmd_init(EXIT_FAILURE, EXIT_FAILURE);
	parse_options(&ctl, &args, argc, argv);
	check_options(&ctl, &args);

	ctl.pfs = ctcols_open_or_exit(&ctl.ct, args.procfs_dir, args.root_dir);
	if (pidns_view_new(ctl.pfs, &ctl.view))
		err_oom();
	choose_columns(&ctl, args.outarg, args.output_all, args.ns_arg != NULL);
	/* the processes of one namespace, of whichever type it is */
	if (!ctl.types)
		ctl.types = args.ns_arg ? NS_TYPE_ALL : NS_TYPE_BIT(NS_TYPE_PID);
	choose_tree(&ctl, &args);
	if (ctl.filter)
		rowfilter_add_columns_or_exit(ctl.filter, &ctl.cols, infos, ARRAY_SIZE(infos));
	ctl.read_mask = columns_read_mask(&ctl.cols);
	if (ctl.tree == TREE_PROCESS)
		ctl.read_mask |= PROC_READ_STAT;
	if (ctl.task)
		read_task(&ctl);
	if (args.container_arg)
		read_container(&ctl, args.container_arg);

	rc = args.ns_arg ? list_processes(&ctl, args.ns_ino) : list_namespaces(&ctl);
	ns_groups_free(ctl.groups);
	nsfs_mounts_free(ctl.mounts, ctl.nmounts);
	proc_rec_clear(&ctl.task_rec);
	free(ctl.container_ns);
	ctcols_free(&ctl.ct);
	pidns_view_free(ctl.view);
	rowfilter_free(ctl.filter);
	procfs_close(ctl.pfs);
	usercache_free(&ctl.users);
	return rc;
}
