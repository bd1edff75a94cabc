/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pidns-grep's selection: the criteria of the command line, and whether a
 * process or thread meets them, reading its files cheapest first.
 */
#ifndef PIDNS_GREP_MATCH_H
#define PIDNS_GREP_MATCH_H

#include <regex.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "container.h"
#include "nsfs.h"
#include "pidns.h"
#include "procfs.h"

/* The values of a list option such as -P 1,2; count is 0 when it was not given. */
struct idlist {
	size_t count;
	uint64_t *ids;
};

struct strlist {
	size_t count;
	char **strs;
};

struct grep_match {
	regex_t re;
	bool have_re;
	bool full;			/* -f: the pattern sees the command line */
	struct idlist pids;		/* -p, -F: thread group ids */
	struct idlist ppids, pgrps, sids, euids, ruids, rgids;
	struct idlist ttys;		/* -t: device numbers, 0 for none */
	const char *runstates;		/* -r: state letters of stat */
	uint64_t older_ticks;		/* -O in clock ticks; 0 selects all, as in pgrep */
	uint64_t now_ticks;		/* clock ticks since boot when -O was given */
	struct strlist cgroups;		/* --cgroup: cgroup v2 paths */
	struct strlist envs;		/* --env: NAME or NAME=VALUE */
	struct container_ref container;	/* --container */
	bool have_container;
	struct idlist skip;		/* never listed: ourselves, -A's ancestors */
	unsigned int ns_types;		/* NS_TYPE_BIT() set of --nslist; 0 without --ns */
	ino_t ns[NS_TYPE_COUNT];	/* --ns, for each type of ns_types */
	bool nested;			/* --nested: namespaces below ns[NS_TYPE_PID] too */
	struct pidns_below *below;
};

/*
 * Option arguments.  A bad word is a usage error with a message that
 * names opt; a list given again replaces the first, as in pgrep.
 */
void grep_parse_ids(struct idlist *list, const char *opt, const char *arg);
void grep_parse_pgrps(struct idlist *list, const char *opt, const char *arg);
void grep_parse_sids(struct idlist *list, const char *opt, const char *arg);
void grep_parse_users(struct idlist *list, const char *opt, const char *arg);
void grep_parse_groups(struct idlist *list, const char *opt, const char *arg);
void grep_parse_ttys(struct idlist *list, const char *opt, const char *arg);
void grep_parse_strs(struct strlist *list, const char *arg);
void grep_parse_older(struct grep_match *m, const char *arg);
unsigned int grep_parse_nslist(const char *arg);

/* The pattern, as pgrep builds it; a bad one is a usage error. */
void grep_compile(struct grep_match *m, const char *pattern, bool exact, bool icase);

/*
 * -F: the pid in the first line of path ("-" is stdin).  As in pgrep, a
 * file that cannot be read, holds no pid or, with need_lock, is not locked
 * exits with PGREP_EXIT_NONE: the daemon it names is not running.
 */
void grep_read_pidfile(struct grep_match *m, const char *path, bool need_lock);

/* Never list this process, nor with -A its ancestors. */
void grep_skip_self(struct grep_match *m, bool ancestors, struct procfs *pfs);

/* --ns: the namespaces of each type of types; a bad reference is a usage error. */
void grep_set_ns(struct grep_match *m, struct pidns_view *view, struct procfs *pfs,
		 const char *arg, unsigned int types);

void grep_match_free(struct grep_match *m);

/* A process, or with -w a thread, under test. */
struct grep_task {
	pid_t tgid;
	struct proc_rec rec;	/* rec.pid is the thread id with -w */
	int depth;		/* see grep_task_depth(); GREP_DEPTH_UNKNOWN until known */
};

#define GREP_DEPTH_UNKNOWN	(-2)

void grep_task_init(struct grep_task *t, pid_t tgid, pid_t tid);

bool grep_skipped(const struct grep_match *m, pid_t tgid);

/* Whether -p or -F let the process tgid through (all do without them). */
bool grep_tgid_wanted(const struct grep_match *m, pid_t tgid);

/*
 * Whether the task meets every criterion: 1 or 0, or a negative errno when
 * a file it needs cannot be read: the caller passes such a task over,
 * whether or not -v is given, for we cannot tell.
 */
int grep_match_task(struct grep_match *m, struct procfs *pfs, struct grep_task *t);

/*
 * Set t->depth: how many levels below the --ns pid namespace the task's
 * own lies (-1 when not below it), or 0 without a --ns pid namespace.  Its
 * pid there is then NSpid[nlevels - 1 - depth].  Returns 0 or a negative errno.
 */
int grep_task_depth(struct grep_match *m, struct procfs *pfs, struct grep_task *t);

/*
 * The command line as pgrep shows and -f matches it: the arguments joined
 * by spaces, or "[comm]" for a kernel thread and "[comm] <defunct>" for a
 * zombie, which have none.  rec must have its stat and cmdline read; *owned
 * is what the caller frees.
 */
const char *grep_cmdline(const struct proc_rec *rec, char **owned);

#endif /* PIDNS_GREP_MATCH_H */
