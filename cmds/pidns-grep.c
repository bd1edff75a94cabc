// SPDX-License-Identifier: GPL-2.0-or-later
/* pidns-grep - select processes like pgrep(1), by namespace done right, with inner pids. */
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
#include "nls.h"
#include "osrelease.h"
#include "pidns-grep-match.h"
#include "procfs.h"
#include "table.h"
#include "textout.h"
#include "usercache.h"
#include "xalloc.h"

enum {
	COL_PID,
	COL_INNERPID,
	COL_PPID,
	COL_USER,
	COL_UID,
	COL_STATE,
	COL_NS,
	COL_LEVEL,
	COL_COMM,
	COL_COMMAND,
	COL_CAPS,
	COL_OS,
	COL_CGROUP,	/* the container columns, CTCOL_COUNT of them */
	COL_CONTAINER_LAST = COL_CGROUP + CTCOL_COUNT - 1,
};

static const struct colinfo infos[] = {
	[COL_PID]      = { "PID", 5, SCOLS_FL_RIGHT,
			   N_("process ID (thread ID with --lightweight)"),
			   SCOLS_JSON_NUMBER, NULL },
	[COL_INNERPID] = { "INNERPID", 5, SCOLS_FL_RIGHT,
			   N_("PID inside the --ns pid namespace, or inside its own"),
			   SCOLS_JSON_NUMBER, NULL },
	[COL_PPID]     = { "PPID", 5, SCOLS_FL_RIGHT, N_("parent process ID"),
			   SCOLS_JSON_NUMBER, NULL },
	[COL_USER]     = { "USER", 0, 0, N_("effective user name"), SCOLS_JSON_STRING, NULL },
	[COL_UID]      = { "UID", 0, SCOLS_FL_RIGHT, N_("effective user ID"),
			   SCOLS_JSON_NUMBER, NULL },
	[COL_STATE]    = { "STATE", 1, 0, N_("process state (R, S, D, Z, ...)"),
			   SCOLS_JSON_STRING, NULL },
	[COL_NS]       = { "NS", 10, SCOLS_FL_RIGHT, N_("pid namespace (inode number)"),
			   SCOLS_JSON_NUMBER, NULL },
	[COL_LEVEL]    = { "LEVEL", 2, SCOLS_FL_RIGHT,
			   N_("pid namespace level, 0 for the procfs's own"),
			   SCOLS_JSON_NUMBER, NULL },
	/* ps's name for it: NAME is the container's */
	[COL_COMM]     = { "COMM", 0, 0, N_("process name"), SCOLS_JSON_STRING, NULL },
	[COL_COMMAND]  = { "COMMAND", 0, SCOLS_FL_TRUNC, N_("command line"),
			   SCOLS_JSON_STRING, NULL },
	[COL_CAPS]     = { "CAPS", 0, SCOLS_FL_TRUNC, N_("effective capabilities"),
			   SCOLS_JSON_STRING, NULL },
	[COL_OS]       = { "OS", 0, SCOLS_FL_TRUNC, N_("system in its root (os-release)"),
			   SCOLS_JSON_STRING, NULL },
	CTCOL_INFOS(COL_CGROUP),
};

static const int default_columns[] = {
	COL_PID, COL_INNERPID, COL_LEVEL, COL_NS, COL_USER, COL_COMMAND,
};

/* What follows the pid in pgrep's output. */
enum { LIST_PIDS, LIST_NAME, LIST_FULL };

/* -n and -o keep one match. */
enum { BEST_ALL, BEST_NEWEST, BEST_OLDEST };

struct hit {
	pid_t pid;		/* the process or thread */
	pid_t shown;		/* what pgrep's output prints: pid, or the inner pid */
	uint64_t start;		/* start time, for -n and -o */
	char *text;		/* -l, -a: what follows the pid, safe for a terminal */
	char **cells;		/* table output */
};

struct grepctl {
	struct procfs *pfs;
	struct pidns_view *view;
	struct grep_match match;
	bool invert;		/* -v */
	bool threads;		/* -w */
	bool inner;		/* --inner */
	bool quiet;		/* -q */
	bool count;		/* -c */
	bool shell_quote;	/* -Q */
	int list;		/* LIST_* */
	int best;		/* BEST_* */
	const char *delim;
	bool table;
	struct collist cols;
	unsigned int modes;	/* COLTAB_* */
	unsigned int read_mask;	/* what the output reads of a match */
	bool need_depth;	/* the output shows inner pids */
	struct usercache users;
	struct ctcols ct;	/* the container columns */
	struct hit *hits;
	size_t nhits;
	unsigned long denied;	/* processes passed over for want of privilege */
};

static void __attribute__((noreturn)) usage(void)
{
	FILE *out = stdout;

	fputs(_("\nUsage:\n"), out);
	fprintf(out, _(" %s [options] <pattern>\n"), program_invocation_short_name);
	fputs(_("\nSelect processes by name and other attributes, as pgrep does, and by\n"
		"namespace, with their pids as seen inside it.\n"), out);
	fputs(_("\nOptions:\n"), out);
	fputs(_(" -d, --delimiter <string>  specify output delimiter\n"), out);
	fputs(_(" -l, --list-name           list PID and process name\n"), out);
	fputs(_(" -a, --list-full           list PID and full command line\n"), out);
	fputs(_(" -Q, --shell-quote         shell-quote the name or command line\n"), out);
	fputs(_(" -c, --count               count of matching processes\n"), out);
	fputs(_(" -q, --quiet               print nothing, tell by the exit status\n"), out);
	fputs(_(" -v, --inverse             negates the matching\n"), out);
	fputs(_(" -w, --lightweight         list all TID\n"), out);
	fputs(_(" -f, --full                use full process name to match\n"), out);
	fputs(_(" -i, --ignore-case         match case insensitively\n"), out);
	fputs(_(" -x, --exact               match exactly with the command name\n"), out);
	fputs(_(" -g, --pgroup <PGID,...>   match listed process group IDs\n"), out);
	fputs(_(" -G, --group <GID,...>     match real group IDs\n"), out);
	fputs(_(" -n, --newest              select most recently started\n"), out);
	fputs(_(" -o, --oldest              select least recently started\n"), out);
	fputs(_(" -O, --older <seconds>     select where older than seconds\n"), out);
	fputs(_(" -p, --pid <PID,...>       match process PIDs\n"), out);
	fputs(_(" -P, --parent <PPID,...>   match only child processes of the given parent\n"),
	      out);
	fputs(_(" -s, --session <SID,...>   match session IDs\n"), out);
	fputs(_(" -t, --terminal <tty,...>  match by controlling terminal\n"), out);
	fputs(_(" -u, --euid <ID,...>       match by effective IDs\n"), out);
	fputs(_(" -U, --uid <ID,...>        match by real IDs\n"), out);
	fputs(_(" -F, --pidfile <file>      read PIDs from file\n"), out);
	fputs(_(" -L, --logpidfile          fail if PID file is not locked\n"), out);
	fputs(_(" -r, --runstates <state>   match runstates [D,S,Z,...]\n"), out);
	fputs(_(" -A, --ignore-ancestors    exclude our ancestors from results\n"), out);
	fputs(_("     --cgroup <path,...>   match by cgroup v2 paths\n"), out);
	fputs(_("     --env <var,...>       match by environment: VAR or VAR=value\n"), out);
	fputs(_("     --ns <ns>             match the processes in namespace <ns>\n"), out);
	fputs(_("     --nslist <type,...>   the types --ns compares, all of them (default: pid)\n"),
	      out);
	fputs(_("     --nested              with --ns, match the pid namespaces below it too\n"),
	      out);
	fputs(_("     --inner               print pids as seen inside the --ns pid namespace\n"),
	      out);
	fputs(_("     --container <ref>     match the processes of a container\n"), out);
	fputs(_("     --procfs <dir>        read processes from <dir> instead of /proc\n"), out);
	fputs(_("     --root <dir>          a host's root mounted at <dir>: its proc and files\n"),
	      out);
	fputs(_("\nTable output:\n"), out);
	fputs(_(" -J, --json                use JSON output format\n"), out);
	fputs(_("     --output <list>       define which output columns to use\n"), out);
	fputs(_("     --raw                 use the raw output format\n"), out);
	fputs(_("     --noheadings          don't print headings\n"), out);
	fputs(_("\n <ns> is a pid, a namespace inode number, or a path like /proc/PID/ns/pid.\n"),
	      out);
	fputs(_(" <ref> is a container's id, a unique prefix of it, or its name.\n"), out);
	fputs(_("\n -H, --list-columns        list the available columns\n"), out);
	fputs(_(" -h, --help                display this help\n"), out);
	fputs(_(" -V, --version             display version\n"), out);
	usage_columns(out, infos, ARRAY_SIZE(infos));
	exit(EXIT_SUCCESS);
}

/* -Q -a: each argument a word, which needs the command line with its NULs. */
static int put_argv(struct grepctl *ctl, FILE *out, const struct proc_rec *rec)
{
	const char *p, *end;
	char *data, *owned;
	size_t len;
	int rc = procfs_read_file(ctl->pfs, rec->pid, "cmdline", &data, &len);

	if (rc)
		return rc;
	/* every NUL ends a word, so empty last arguments are words too */
	if (!len) {
		p = grep_cmdline(rec, &owned);
		put_shell_word(out, p, strlen(p));
		free(owned);
	}
	for (p = data, end = data + len; p < end; p += strlen(p) + 1) {
		if (p != data)
			putc(' ', out);
		put_shell_word(out, p, strlen(p));
	}
	free(data);
	return 0;
}

/* What -l or -a prints after the pid. */
static int hit_text(struct grepctl *ctl, const struct proc_rec *rec, char **text)
{
	char *owned = NULL;
	size_t size;
	int rc = 0;
	FILE *out = open_memstream(text, &size);

	if (!out)
		return -ENOMEM;
	if (ctl->list == LIST_FULL && ctl->shell_quote) {
		rc = put_argv(ctl, out, rec);
	} else {
		const char *str = ctl->list == LIST_FULL ? grep_cmdline(rec, &owned)
							  : rec->stat.comm;

		if (ctl->shell_quote)
			put_shell_word(out, str, strlen(str));
		else
			put_escaped(out, str, strlen(str));
		free(owned);
	}
	if (fclose(out) && !rc)
		rc = -ENOMEM;
	if (rc) {
		free(*text);
		*text = NULL;
	}
	return rc;
}

/* The pid of a task in the --ns pid namespace (its own without one); 0 when it has none. */
static pid_t inner_pid(const struct grep_task *t)
{
	return pidns_pid_at_depth(&t->rec.status, t->depth);
}

static char *cell_data(struct grepctl *ctl, const struct grep_task *t, int col)
{
	const struct proc_rec *rec = &t->rec;
	const struct proc_status *st = &rec->status;
	char *str = NULL, *owned;
	pid_t pid;

	switch (col) {
	case COL_PID:
		xasprintf(&str, "%d", rec->pid);
		break;
	case COL_INNERPID:
		pid = inner_pid(t);
		if (pid)
			xasprintf(&str, "%d", pid);
		break;
	case COL_PPID:
		xasprintf(&str, "%d", rec->stat.ppid);
		break;
	case COL_USER:
		str = xstrdup(usercache_name(&ctl->users, st->uid[ID_EFFECTIVE]));
		break;
	case COL_UID:
		xasprintf(&str, "%u", (unsigned int)st->uid[ID_EFFECTIVE]);
		break;
	case COL_STATE:
		xasprintf(&str, "%c", rec->stat.state);
		break;
	case COL_NS:
		if (rec->ns[NS_TYPE_PID])
			xasprintf(&str, "%ju", (uintmax_t)rec->ns[NS_TYPE_PID]);
		break;
	case COL_LEVEL:
		if (st->nlevels)
			xasprintf(&str, "%u", st->nlevels - 1);
		break;
	case COL_COMM:
		str = xstrdup(rec->stat.comm);
		break;
	case COL_COMMAND:
		str = xstrdup(grep_cmdline(rec, &owned));
		free(owned);
		break;
	case COL_CAPS:
		if ((st->have & STATUS_HAVE_CAPEFF) && caps_effective_text(st->cap_eff, &str))
			err_oom();
		break;
	case COL_OS:
		if (osrelease_name_of(ctl->pfs, rec->pid, &str) == -ENOMEM)
			err_oom();
		break;
	default:
		/* a thread is in its process's container */
		if (col >= COL_CGROUP && col <= COL_CONTAINER_LAST)
			str = ctcols_cell(&ctl->ct, t->tgid, col - COL_CGROUP);
		break;
	}
	return str;
}

static unsigned int columns_read_mask(const struct collist *cols)
{
	unsigned int mask = 0;

	for (size_t i = 0; i < cols->count; i++) {
		switch (cols->ids[i]) {
		case COL_PPID:
		case COL_STATE:
		case COL_COMM:
			mask |= PROC_READ_STAT;
			break;
		case COL_INNERPID:
		case COL_USER:
		case COL_UID:
		case COL_LEVEL:
		case COL_CAPS:
			mask |= PROC_READ_STATUS;
			break;
		case COL_NS:
			mask |= NS_TYPE_BIT(NS_TYPE_PID);
			break;
		case COL_COMMAND:
			/* stat's comm and state stand in for the cmdline of a kernel thread */
			mask |= PROC_READ_CMDLINE | PROC_READ_STAT;
			break;
		}
	}
	return mask;
}

/* Whether a candidate for -n or -o beats the one kept; pgrep breaks ties by pid. */
static bool better(const struct grepctl *ctl, const struct hit *hit, const struct hit *kept)
{
	if (hit->start != kept->start)
		return ctl->best == BEST_NEWEST ? hit->start > kept->start
						: hit->start < kept->start;
	return ctl->best == BEST_NEWEST ? hit->pid > kept->pid : hit->pid < kept->pid;
}

static void hit_free(struct hit *hit, size_t ncells)
{
	free(hit->text);
	for (size_t i = 0; hit->cells && i < ncells; i++)
		free(hit->cells[i]);
	free(hit->cells);
}

/* A task that matched (or did not, with -v): 1 when it is kept, 0 when not, or <0. */
static int add_hit(struct grepctl *ctl, struct grep_task *t)
{
	struct hit hit = { .pid = t->rec.pid };
	int rc = procfs_read(ctl->pfs, &t->rec, ctl->read_mask);

	/* What only the output wants and may not be read is an empty cell, not a miss. */
	if (rc == -ESRCH || procfs_err_fatal(rc))
		return rc;
	rc = ctl->need_depth ? grep_task_depth(&ctl->match, ctl->pfs, t) : 0;
	if (rc)
		return rc;
	hit.start = t->rec.stat.starttime;
	hit.shown = ctl->inner ? inner_pid(t) : hit.pid;
	if (!hit.shown)
		return -ENOENT;
	if (ctl->best != BEST_ALL && ctl->nhits && !better(ctl, &hit, &ctl->hits[0]))
		return 0;
	if (ctl->table) {
		hit.cells = xcalloc(ctl->cols.count, sizeof(*hit.cells));
		for (size_t i = 0; i < ctl->cols.count; i++)
			hit.cells[i] = cell_data(ctl, t, ctl->cols.ids[i]);
	} else if (ctl->list != LIST_PIDS) {
		rc = hit_text(ctl, &t->rec, &hit.text);
		if (rc)
			return rc;
	}
	/* -n and -o keep the best hit only: the old one is freed once the new one is made */
	if (ctl->best != BEST_ALL && ctl->nhits) {
		hit_free(&ctl->hits[0], ctl->cols.count);
		ctl->hits[0] = hit;
		return 1;
	}
	ctl->hits = xrealloc(ctl->hits, (ctl->nhits + 1) * sizeof(*ctl->hits));
	ctl->hits[ctl->nhits++] = hit;
	return 1;
}

/*
 * Test one process or thread: 1 when it is listed, 0 when not, or a fatal
 * error (procfs_err_fatal()).  One that vanishes or may not be read is
 * passed over, as the scan does, and one we may not read is counted.
 */
static int grep_one(struct grepctl *ctl, pid_t tgid, pid_t tid)
{
	struct grep_task t;
	int rc;

	grep_task_init(&t, tgid, tid);
	rc = grep_match_task(&ctl->match, ctl->pfs, &t);
	if (rc >= 0)
		rc = rc != ctl->invert ? add_hit(ctl, &t) : 0;
	proc_rec_clear(&t.rec);
	if (rc == -EACCES || rc == -EPERM)
		ctl->denied++;
	return procfs_err_fatal(rc) || rc > 0 ? rc : 0;
}

/* The threads of a process, each on its own: 1 when one is listed, 0 when none, or <0. */
static int grep_threads(struct grepctl *ctl, pid_t pid)
{
	struct procfs_tasks *tasks;
	int rc, listed = 0;
	pid_t tid;

	rc = procfs_tasks_open(ctl->pfs, pid, &tasks);
	if (rc)
		return procfs_err_fatal(rc) ? rc : 0;
	while (procfs_tasks_next(tasks, &tid) == 0) {
		rc = grep_one(ctl, pid, tid);
		if (rc < 0)
			break;
		listed |= rc;
		if (listed && ctl->quiet && !ctl->count)
			break;
	}
	procfs_tasks_close(tasks);
	return rc < 0 ? rc : listed;
}

/* Returns 0, or the error that stopped the scan of the procfs. */
static int grep_scan(struct grepctl *ctl)
{
	struct procfs_scan *scan;
	struct proc_rec *rec;
	int rc = procfs_scan_new(ctl->pfs, 0, &scan);

	if (rc)
		return rc;
	while ((rc = procfs_scan_next(scan, &rec)) == 0) {
		if (grep_skipped(&ctl->match, rec->pid) || !grep_tgid_wanted(&ctl->match, rec->pid))
			continue;
		rc = ctl->threads ? grep_threads(ctl, rec->pid) : grep_one(ctl, rec->pid, rec->pid);
		/* -q has its answer at the first match, unless -c counts them all */
		if (rc < 0 || (rc && ctl->quiet && !ctl->count))
			break;
	}
	procfs_scan_free(scan);
	return rc < 0 ? rc : 0;
}

/* The cells of a hit were made when it matched: the table takes them over. */
static char *hit_cell(void *row, int col, size_t index)
{
	struct hit *hit = row;
	char *data = hit->cells[index];

	(void)col;
	hit->cells[index] = NULL;
	return data;
}

static void print_table(struct grepctl *ctl)
{
	struct libscols_table *tb;

	if (coltab_new(infos, &ctl->cols, ctl->modes, "processes", &tb))
		err_oom();
	for (size_t i = 0; i < ctl->nhits; i++)
		table_add_line(tb, NULL, &ctl->cols, hit_cell, &ctl->hits[i]);
	put_table(tb);
	scols_unref_table(tb);
}

/* As pgrep: -c prints the count even with -q, which silences the pids only. */
static void print_hits(struct grepctl *ctl)
{
	if (ctl->count) {
		printf("%zu\n", ctl->nhits);
		return;
	}
	if (ctl->quiet)
		return;
	if (ctl->table) {
		print_table(ctl);
		return;
	}
	for (size_t i = 0; i < ctl->nhits; i++) {
		printf("%d", ctl->hits[i].shown);
		if (ctl->hits[i].text)
			printf(" %s", ctl->hits[i].text);
		fputs(i + 1 < ctl->nhits ? ctl->delim : "\n", stdout);
	}
}

/* pgrep's hint: a plain name longer than comm can hold never matches without -f. */
static bool is_long_name(const char *pattern)
{
	return pattern && strlen(pattern) > 15 && !strpbrk(pattern, "|[");
}

/* Remember an option of a group that excludes each other; a second one is an error. */
static void exclusive(const char **seen, const char *opt)
{
	if (*seen && strcmp(*seen, opt))
		usage_error(_("mutually exclusive arguments: %s %s"), *seen, opt);
	*seen = opt;
}

enum {
	OPT_CGROUP = CHAR_MAX + 1, OPT_ENV, OPT_NS, OPT_NSLIST, OPT_NESTED, OPT_INNER,
	OPT_OUTPUT, OPT_RAW, OPT_NOHEADINGS, OPT_PROCFS, OPT_ROOT, OPT_CONTAINER,
};

static const struct option longopts[] = {
	{ "delimiter",	      required_argument, NULL, 'd' },
	{ "list-name",	      no_argument,	 NULL, 'l' },
	{ "list-full",	      no_argument,	 NULL, 'a' },
	{ "shell-quote",      no_argument,	 NULL, 'Q' },
	{ "count",	      no_argument,	 NULL, 'c' },
	{ "quiet",	      no_argument,	 NULL, 'q' },
	{ "inverse",	      no_argument,	 NULL, 'v' },
	{ "lightweight",      no_argument,	 NULL, 'w' },
	{ "full",	      no_argument,	 NULL, 'f' },
	{ "ignore-case",      no_argument,	 NULL, 'i' },
	{ "exact",	      no_argument,	 NULL, 'x' },
	{ "pgroup",	      required_argument, NULL, 'g' },
	{ "group",	      required_argument, NULL, 'G' },
	{ "newest",	      no_argument,	 NULL, 'n' },
	{ "oldest",	      no_argument,	 NULL, 'o' },
	{ "older",	      required_argument, NULL, 'O' },
	{ "pid",	      required_argument, NULL, 'p' },
	{ "parent",	      required_argument, NULL, 'P' },
	{ "session",	      required_argument, NULL, 's' },
	{ "terminal",	      required_argument, NULL, 't' },
	{ "euid",	      required_argument, NULL, 'u' },
	{ "uid",	      required_argument, NULL, 'U' },
	{ "pidfile",	      required_argument, NULL, 'F' },
	{ "logpidfile",	      no_argument,	 NULL, 'L' },
	{ "runstates",	      required_argument, NULL, 'r' },
	{ "ignore-ancestors", no_argument,	 NULL, 'A' },
	{ "cgroup",	      required_argument, NULL, OPT_CGROUP },
	{ "env",	      required_argument, NULL, OPT_ENV },
	{ "ns",		      required_argument, NULL, OPT_NS },
	{ "nslist",	      required_argument, NULL, OPT_NSLIST },
	{ "nested",	      no_argument,	 NULL, OPT_NESTED },
	{ "inner",	      no_argument,	 NULL, OPT_INNER },
	{ "json",	      no_argument,	 NULL, 'J' },
	{ "output",	      required_argument, NULL, OPT_OUTPUT },
	{ "raw",	      no_argument,	 NULL, OPT_RAW },
	{ "noheadings",	      no_argument,	 NULL, OPT_NOHEADINGS },
	{ "procfs",	      required_argument, NULL, OPT_PROCFS },
	{ "root",	      required_argument, NULL, OPT_ROOT },
	{ "container",	      required_argument, NULL, OPT_CONTAINER },
	{ "list-columns",     no_argument,	 NULL, 'H' },
	{ "help",	      no_argument,	 NULL, 'h' },
	{ "version",	      no_argument,	 NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

/* What the options say before they are checked against each other. */
struct grep_args {
	const char *pidfile, *ns_arg, *pattern, *procfs_dir, *root_dir, *container_arg;
	const char *best_opt, *text_opt, *table_opt;	/* groups that exclude */
	bool exact, icase, lock, ancestors, list_columns, pids_given;
	unsigned int nslist;
	int criteria;		/* how many options select processes */
	int npatterns;
};

/* An option that selects processes; false when c is none of them. */
static bool parse_criterion(struct grepctl *ctl, struct grep_args *a, int c, const char *arg)
{
	struct grep_match *m = &ctl->match;

	switch (c) {
	case 'g':
		grep_parse_pgrps(&m->pgrps, "--pgroup", arg);
		break;
	case 'G':
		grep_parse_groups(&m->rgids, "--group", arg);
		break;
	case 'n':
		exclusive(&a->best_opt, "--newest");
		ctl->best = BEST_NEWEST;
		break;
	case 'o':
		exclusive(&a->best_opt, "--oldest");
		ctl->best = BEST_OLDEST;
		break;
	case 'O':
		grep_parse_older(m, arg);
		break;
	case 'p':
		grep_parse_ids(&m->pids, "--pid", arg);
		a->pids_given = true;
		break;
	case 'P':
		grep_parse_ids(&m->ppids, "--parent", arg);
		break;
	case 's':
		grep_parse_sids(&m->sids, "--session", arg);
		break;
	case 't':
		grep_parse_ttys(&m->ttys, "--terminal", arg);
		break;
	case 'u':
		grep_parse_users(&m->euids, "--euid", arg);
		break;
	case 'U':
		grep_parse_users(&m->ruids, "--uid", arg);
		break;
	case 'F':
		a->pidfile = arg;
		break;
	case 'r':
		m->runstates = arg;
		break;
	case OPT_CGROUP:
		grep_parse_strs(&m->cgroups, arg);
		break;
	case OPT_ENV:
		grep_parse_strs(&m->envs, arg);
		break;
	case OPT_NS:
		a->ns_arg = arg;
		break;
	case OPT_CONTAINER:
		a->container_arg = arg;
		break;
	default:
		return false;
	}
	a->criteria++;
	return true;
}

/* An option that says how to match, or what to print; false when c is none of them. */
static bool parse_modifier(struct grepctl *ctl, struct grep_args *a, int c, const char *arg)
{
	switch (c) {
	case 'd':
		ctl->delim = arg;
		a->text_opt = "--delimiter";
		break;
	case 'l':
		if (ctl->list != LIST_FULL)
			ctl->list = LIST_NAME;
		a->text_opt = "--list-name";
		break;
	case 'a':
		ctl->list = LIST_FULL;	/* pgrep: -a wins over -l */
		a->text_opt = "--list-full";
		break;
	case 'Q':
		ctl->shell_quote = true;
		a->text_opt = "--shell-quote";
		break;
	case 'c':
		ctl->count = true;
		a->text_opt = "--count";
		break;
	case 'q':
		ctl->quiet = true;
		break;
	case 'v':
		exclusive(&a->best_opt, "--inverse");
		ctl->invert = true;
		break;
	case 'w':
		ctl->threads = true;
		break;
	case 'f':
		ctl->match.full = true;
		break;
	case 'i':
		a->icase = true;
		break;
	case 'x':
		a->exact = true;
		break;
	case 'L':
		a->lock = true;
		break;
	case 'A':
		a->ancestors = true;
		break;
	case OPT_NSLIST:
		a->nslist = grep_parse_nslist(arg);
		break;
	case OPT_NESTED:
		ctl->match.nested = true;
		break;
	case OPT_INNER:
		ctl->inner = true;
		break;
	case OPT_PROCFS:
		a->procfs_dir = arg;
		break;
	case OPT_ROOT:
		a->root_dir = arg;
		break;
	default:
		return false;
	}
	return true;
}

/* A table option; false when c is none of them. */
static bool parse_table_option(struct grepctl *ctl, struct grep_args *a, int c, const char *arg)
{
	switch (c) {
	case 'J':
		ctl->modes |= COLTAB_JSON;
		a->table_opt = "--json";
		break;
	case OPT_OUTPUT:
		collist_parse_or_exit(&ctl->cols, infos, ARRAY_SIZE(infos), "--output", arg);
		a->table_opt = "--output";
		break;
	case OPT_RAW:
		ctl->modes |= COLTAB_RAW;
		a->table_opt = "--raw";
		break;
	case OPT_NOHEADINGS:
		ctl->modes |= COLTAB_NOHEADINGS;
		a->table_opt = "--noheadings";
		break;
	case 'H':
		a->list_columns = true;
		break;
	default:
		return false;
	}
	return true;
}

static void parse_options(struct grepctl *ctl, struct grep_args *a, int argc, char **argv)
{
	int c;

	while ((c = getopt_long(argc, argv, "d:laQcqvwfixg:G:noO:p:P:s:t:u:U:F:Lr:AJHhV",
				longopts, NULL)) != -1) {
		if (parse_criterion(ctl, a, c, optarg) || parse_modifier(ctl, a, c, optarg) ||
		    parse_table_option(ctl, a, c, optarg))
			continue;
		if (c == 'h')
			usage();
		if (c == 'V')
			print_version();
		errtryhelp();
	}
	a->npatterns = argc - optind;
	if (optind < argc)
		a->pattern = argv[optind];
}

/* The options against each other, as pgrep checks them. */
static void check_options(struct grepctl *ctl, const struct grep_args *a)
{
	const char *needs_ns = ctl->inner ? "--inner" : ctl->match.nested ? "--nested" : NULL;

	table_check_modes(ctl->modes);
	if (a->list_columns)
		list_columns_and_exit(infos, ARRAY_SIZE(infos), ctl->modes);
	if (a->text_opt && a->table_opt)
		usage_error(_("mutually exclusive arguments: %s %s"), a->text_opt, a->table_opt);
	if (a->procfs_dir && a->root_dir)
		usage_error(_("mutually exclusive arguments: --procfs --root"));
	if (a->lock && !a->pidfile)
		usage_error(_("--logpidfile needs --pidfile"));
	/* pgrep 4.0.6's words, and its status 1 */
	if (a->pidfile && a->pids_given) {
		warnx(_("Cannot use pidfile and pid option together"));
		errtryhelp_status(PGREP_EXIT_NONE);
	}
	if (ctl->quiet && ctl->list != LIST_PIDS) {
		warnx(ctl->list == LIST_FULL ?
		      _("Cannot use --quiet and -a,--list-full options together") :
		      _("Cannot use --quiet and -l,--list-name options together"));
		errtryhelp();
	}
	if (needs_ns && !a->ns_arg)
		usage_error(_("%s needs --ns"), needs_ns);
	if (needs_ns && !(a->nslist & NS_TYPE_BIT(NS_TYPE_PID)))
		usage_error(_("%s needs pid in --nslist"), needs_ns);
	if (ctl->inner && ctl->invert)
		usage_error(_("mutually exclusive arguments: --inverse --inner"));
	if (a->npatterns > 1) {
		warnx(_("only one pattern can be provided"));
		errtryhelp();
	}
	if (!a->pattern && !a->criteria) {
		warnx(_("no matching criteria specified"));
		errtryhelp();
	}
}

/* --container: the processes in its cgroups, as they are when each is tested. */
static void set_container(struct grepctl *ctl, const char *arg)
{
	struct ct_set set = { 0 };

	ctl->match.container = ctcols_find_or_exit(&ctl->ct, "--container", arg, &set)->ref;
	ctl->match.have_container = true;
	ct_set_clear(&set);
}

/* What each match needs read beyond what matching it read: the output's files. */
static void choose_read_mask(struct grepctl *ctl)
{
	if (ctl->quiet || ctl->count)
		ctl->list = LIST_PIDS;
	ctl->read_mask = ctl->table ? columns_read_mask(&ctl->cols) : 0;
	if (ctl->list != LIST_PIDS)
		ctl->read_mask |= PROC_READ_STAT;
	if (ctl->list == LIST_FULL && !ctl->shell_quote)
		ctl->read_mask |= PROC_READ_CMDLINE;
	if (ctl->best != BEST_ALL)
		ctl->read_mask |= PROC_READ_STAT;
	ctl->need_depth = ctl->inner || (ctl->table && collist_has(&ctl->cols, COL_INNERPID));
	if (ctl->need_depth)
		ctl->read_mask |= PROC_READ_STATUS;
}

int main(int argc, char **argv)
{
	struct grepctl ctl = { .delim = "\n" };
	struct grep_args args = { .nslist = NS_TYPE_BIT(NS_TYPE_PID) };
	struct grep_match *m = &ctl.match;
	int rc;

	cmd_init(PGREP_EXIT_USAGE, PGREP_EXIT_FATAL);
	collist_set(&ctl.cols, default_columns, ARRAY_SIZE(default_columns));
	parse_options(&ctl, &args, argc, argv);
	check_options(&ctl, &args);
	ctl.table = args.table_opt != NULL;
	if (args.pattern)
		grep_compile(m, args.pattern, args.exact, args.icase);
	if (args.pidfile)
		grep_read_pidfile(m, args.pidfile, args.lock);
	choose_read_mask(&ctl);

	ctl.pfs = ctcols_open_or_exit(&ctl.ct, args.procfs_dir, args.root_dir);
	if (pidns_view_new(ctl.pfs, &ctl.view))
		err_oom();
	grep_skip_self(m, args.ancestors, ctl.pfs);
	if (args.ns_arg)
		grep_set_ns(m, ctl.view, ctl.pfs, args.ns_arg, args.nslist);
	if (args.container_arg)
		set_container(&ctl, args.container_arg);

	rc = grep_scan(&ctl);
	if (rc)
		fatal_procfs(ctl.pfs, rc);
	warn_unreadable(ctl.denied);
	if (m->below && pidns_below_untold(m->below))
		warnx(_("%zu pid namespaces could not be placed below --ns or not: %s does not "
			"tell their parents"), pidns_below_untold(m->below), procfs_path(ctl.pfs));
	print_hits(&ctl);
	if (!ctl.nhits && !m->full && is_long_name(args.pattern))
		warnx(_("pattern that searches for process name longer than 15 characters will "
			"result in zero matches\n"
			"Try `%s -f' option to match against the complete command line."),
		      program_invocation_short_name);

	rc = ctl.nhits ? PGREP_EXIT_FOUND : PGREP_EXIT_NONE;
	for (size_t i = 0; i < ctl.nhits; i++)
		hit_free(&ctl.hits[i], ctl.cols.count);
	free(ctl.hits);
	usercache_free(&ctl.users);
	ctcols_free(&ctl.ct);
	grep_match_free(m);
	pidns_view_free(ctl.view);
	procfs_close(ctl.pfs);
	return rc;
}
