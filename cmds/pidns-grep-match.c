// SPDX-License-Identifier: GPL-2.0-or-later
/* pidns-grep's selection: criteria, and the test of one process against them. */
#include <err.h>
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include "c.h"
#include "cmdutil.h"
#include "nls.h"
#include "pidns-grep-match.h"
#include "strutils.h"
#include "xalloc.h"

static void idlist_add(struct idlist *list, uint64_t id)
{
	list->ids = xrealloc(list->ids, (list->count + 1) * sizeof(*list->ids));
	list->ids[list->count++] = id;
}

static bool idlist_has(const struct idlist *list, uint64_t id)
{
	for (size_t i = 0; i < list->count; i++) {
		if (list->ids[i] == id)
			return true;
	}
	return false;
}

/*
 * A comma list, each word through conv.  "" is a word too, refused there:
 * pgrep reads it as 0 (atoi), which -P 1, would turn into "or a parent 0".
 */
static void parse_list(struct idlist *list, const char *opt, const char *arg,
		       uint64_t (*conv)(const char *opt, const char *word))
{
	char *copy = xstrdup(arg), *rest = copy, *word;

	list->count = 0;
	while ((word = strsep(&rest, ",")))
		idlist_add(list, conv(opt, word));
	free(copy);
}

static uint64_t conv_id(const char *opt, const char *word)
{
	return parse_num_arg(word, opt, 0, INT_MAX);
}

void grep_parse_ids(struct idlist *list, const char *opt, const char *arg)
{
	parse_list(list, opt, arg, conv_id);
}

/* -g 0 and -s 0 mean our own, as in pgrep. */
static uint64_t conv_pgrp(const char *opt, const char *word)
{
	uint64_t id = conv_id(opt, word);

	return id ? id : (uint64_t)getpgrp();
}

static uint64_t conv_sid(const char *opt, const char *word)
{
	uint64_t id = conv_id(opt, word);

	return id ? id : (uint64_t)getsid(0);
}

void grep_parse_pgrps(struct idlist *list, const char *opt, const char *arg)
{
	parse_list(list, opt, arg, conv_pgrp);
}

void grep_parse_sids(struct idlist *list, const char *opt, const char *arg)
{
	parse_list(list, opt, arg, conv_sid);
}

/* Digits only: one too large for an id is a bad number, not a name. */
static bool is_number(const char *word)
{
	return word[0] && !word[strspn(word, "0123456789")];
}

/* A number is an id even where a user of that name exists, as in pgrep. */
static uint64_t conv_user(const char *opt, const char *word)
{
	struct passwd *pw;

	if (is_number(word))
		return parse_num_arg(word, opt, 0, UINT32_MAX);
	pw = getpwnam(word);
	if (!pw)
		bad_arg(opt, word, _("no such user"));
	return pw->pw_uid;
}

static uint64_t conv_group(const char *opt, const char *word)
{
	struct group *gr;

	if (is_number(word))
		return parse_num_arg(word, opt, 0, UINT32_MAX);
	gr = getgrnam(word);
	if (!gr)
		bad_arg(opt, word, _("no such group"));
	return gr->gr_gid;
}

void grep_parse_users(struct idlist *list, const char *opt, const char *arg)
{
	parse_list(list, opt, arg, conv_user);
}

void grep_parse_groups(struct idlist *list, const char *opt, const char *arg)
{
	parse_list(list, opt, arg, conv_group);
}

/* No terminal has this number: what a name that is no terminal matches. */
#define NO_SUCH_TTY	UINT64_MAX

/*
 * pgrep compares the names ps shows, "pts/0" for /dev/pts/0 and "?" for no
 * terminal; the device numbers of those names say the same, without naming
 * the terminal of every process.  A name that is no terminal matches nothing.
 */
static uint64_t conv_tty(const char *opt, const char *word)
{
	char path[PATH_MAX];
	struct stat st;

	(void)opt;
	if (strcmp(word, "?") == 0)
		return 0;
	if ((size_t)snprintf(path, sizeof(path), "/dev/%s", word) >= sizeof(path) ||
	    stat(path, &st) || !S_ISCHR(st.st_mode))
		return NO_SUCH_TTY;
	return st.st_rdev;
}

void grep_parse_ttys(struct idlist *list, const char *opt, const char *arg)
{
	parse_list(list, opt, arg, conv_tty);
}

static void strlist_clear(struct strlist *list)
{
	for (size_t i = 0; i < list->count; i++)
		free(list->strs[i]);
	free(list->strs);
	list->strs = NULL;
	list->count = 0;
}

void grep_parse_strs(struct strlist *list, const char *arg)
{
	char *copy = xstrdup(arg), *rest = copy, *word;

	strlist_clear(list);
	while ((word = strsep(&rest, ","))) {
		list->strs = xrealloc(list->strs, (list->count + 1) * sizeof(*list->strs));
		list->strs[list->count++] = xstrdup(word);
	}
	free(copy);
}

/* Start times in stat count clock ticks since boot, a clock that runs in suspend too. */
void grep_parse_older(struct grep_match *m, const char *arg)
{
	uint64_t secs = parse_num_arg(arg, "--older", 0, INT_MAX);
	long hz = sysconf(_SC_CLK_TCK);
	struct timespec now;

	if (hz <= 0 || clock_gettime(CLOCK_BOOTTIME, &now))
		fatal_errno(-errno, _("cannot read the time since boot"));
	m->now_ticks = (uint64_t)now.tv_sec * (uint64_t)hz +
		       (uint64_t)now.tv_nsec * (uint64_t)hz / 1000000000u;
	m->older_ticks = secs * (uint64_t)hz;
}

unsigned int grep_parse_nslist(const char *arg)
{
	char *copy = xstrdup(arg), *rest = copy, *word;
	unsigned int types = 0;

	while ((word = strsep(&rest, ","))) {
		int type = ns_type_from_name(word);

		if (type < 0)
			bad_arg("--nslist", word,
				     _("unknown namespace type"));
		types |= NS_TYPE_BIT(type);
	}
	free(copy);
	return types;
}

void grep_compile(struct grep_match *m, const char *pattern, bool exact, bool icase)
{
	char *re = NULL, msg[256];
	int rc;

	if (exact)
		xasprintf(&re, "^(%s)$", pattern);
	rc = regcomp(&m->re, re ? re : pattern, REG_EXTENDED | REG_NOSUB | (icase ? REG_ICASE : 0));
	free(re);
	if (rc) {
		regerror(rc, &m->re, msg, sizeof(msg));
		bad_arg("pattern", pattern, msg);
	}
	m->have_re = true;
}

/* A daemon holds a write lock on its pidfile: then a read lock fails, by flock or fcntl. */
static bool pidfile_locked(int fd)
{
	struct flock fl = { .l_type = F_RDLCK, .l_whence = SEEK_SET };

	if (flock(fd, LOCK_SH | LOCK_NB) && errno == EWOULDBLOCK)
		return true;
	return fcntl(fd, F_SETLK, &fl) && (errno == EACCES || errno == EAGAIN);
}

/* A pid at the start of the line, after blanks, and then the end or a blank. */
static int pidfile_parse(const char *line, uint64_t *pid)
{
	const char *p = line + strspn(line, " \t");
	const char *end = p + strlen(p);

	if (buf_to_u64(&p, end, pid) || *pid == 0 || *pid > INT_MAX)
		return -EINVAL;
	return *p == '\0' || strchr(" \t\n", *p) ? 0 : -EINVAL;
}

void grep_read_pidfile(struct grep_match *m, const char *path, bool need_lock)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "r");
	char line[256];
	uint64_t pid;

	if (!f)
		err(PGREP_EXIT_NONE, _("cannot open pidfile %s"), path);
	if (need_lock && !pidfile_locked(fileno(f)))
		errx(PGREP_EXIT_NONE, _("pidfile %s is not locked"), path);
	if (!fgets(line, sizeof(line), f) || pidfile_parse(line, &pid))
		errx(PGREP_EXIT_NONE, _("pidfile %s holds no pid"), path);
	if (!is_stdin)
		fclose(f);
	m->pids.count = 0;
	idlist_add(&m->pids, pid);
}

void grep_skip_self(struct grep_match *m, bool ancestors, struct procfs *pfs)
{
	/* 0 when we are not in the procfs's view, and then neither are our ancestors */
	pid_t pid = procfs_self_pid(pfs);

	/* Up the parents to 0, which is also the parent of one outside the procfs's namespace. */
	while (pid > 0 && !idlist_has(&m->skip, (uint64_t)pid)) {
		struct proc_rec rec;

		idlist_add(&m->skip, (uint64_t)pid);
		if (!ancestors)
			break;
		proc_rec_init(&rec, pid);
		pid = procfs_read(pfs, &rec, PROC_READ_STAT) ? 0 : rec.stat.ppid;
		proc_rec_clear(&rec);
	}
}

void grep_set_ns(struct grep_match *m, struct pidns_view *view, struct procfs *pfs,
		 const char *arg, unsigned int types)
{
	uint64_t num;

	/* Namespaces of two types never share an inode: a number names one of one type. */
	if ((types & (types - 1)) && !str_to_u64(arg, &num) && num > NS_PID_MAX_LIMIT)
		usage_error(_("--ns %s: an inode number names one namespace; "
			      "give --nslist one type"), arg);
	for (unsigned int t = 0; t < NS_TYPE_COUNT; t++) {
		struct ns_handle ns;

		if (!(types & NS_TYPE_BIT(t)))
			continue;
		ns_arg_open_or_exit(pfs, "--ns", arg, t, &ns);
		ns_handle_close(&ns);
		m->ns[t] = ns.ino;
	}
	m->ns_types = types;
	if (m->nested && pidns_below_new(view, m->ns[NS_TYPE_PID], &m->below))
		err_oom();
}

void grep_match_free(struct grep_match *m)
{
	struct idlist *lists[] = {
		&m->pids, &m->ppids, &m->pgrps, &m->sids, &m->euids, &m->ruids, &m->rgids,
		&m->ttys, &m->skip,
	};

	if (m->have_re)
		regfree(&m->re);
	for (size_t i = 0; i < ARRAY_SIZE(lists); i++)
		free(lists[i]->ids);
	strlist_clear(&m->cgroups);
	strlist_clear(&m->envs);
	pidns_below_free(m->below);
}

void grep_task_init(struct grep_task *t, pid_t tgid, pid_t tid)
{
	t->tgid = tgid;
	t->depth = GREP_DEPTH_UNKNOWN;
	proc_rec_init(&t->rec, tid);
}

bool grep_skipped(const struct grep_match *m, pid_t tgid)
{
	return idlist_has(&m->skip, (uint64_t)tgid);
}

bool grep_tgid_wanted(const struct grep_match *m, pid_t tgid)
{
	return !m->pids.count || idlist_has(&m->pids, (uint64_t)tgid);
}

int grep_task_depth(struct grep_match *m, struct procfs *pfs, struct grep_task *t)
{
	int rc;

	if (t->depth != GREP_DEPTH_UNKNOWN)
		return 0;
	if (!(m->ns_types & NS_TYPE_BIT(NS_TYPE_PID))) {
		t->depth = 0;
		return 0;
	}
	rc = procfs_read(pfs, &t->rec, NS_TYPE_BIT(NS_TYPE_PID));
	if (rc)
		return rc;
	/* Without --nested, no need to walk the parents of namespaces that are not ours. */
	if (!m->nested) {
		t->depth = t->rec.ns[NS_TYPE_PID] == m->ns[NS_TYPE_PID] ? 0 : -1;
		return 0;
	}
	return pidns_below_depth(m->below, &t->rec, &t->depth);
}

static int match_ns(struct grep_match *m, struct procfs *pfs, struct grep_task *t)
{
	int rc = procfs_read(pfs, &t->rec, m->ns_types);

	if (rc)
		return rc;
	for (unsigned int type = 0; type < NS_TYPE_COUNT; type++) {
		if (type != NS_TYPE_PID && (m->ns_types & NS_TYPE_BIT(type)) &&
		    t->rec.ns[type] != m->ns[type])
			return 0;
	}
	rc = grep_task_depth(m, pfs, t);
	return rc ? rc : t->depth >= 0;
}

static bool need_stat(const struct grep_match *m)
{
	return m->ppids.count || m->pgrps.count || m->sids.count || m->ttys.count ||
	       m->runstates || m->older_ticks || (m->have_re && !m->full);
}

/* tty_nr is the kernel's 32-bit encoding of the device number. */
static uint64_t tty_dev(int tty_nr)
{
	dev_t dev = (dev_t)(unsigned int)tty_nr;

	return makedev(major(dev), minor(dev));
}

static bool match_stat(const struct grep_match *m, const struct proc_stat *st)
{
	if (m->ppids.count && !idlist_has(&m->ppids, (uint64_t)st->ppid))
		return false;
	if (m->pgrps.count && !idlist_has(&m->pgrps, (uint64_t)st->pgrp))
		return false;
	if (m->sids.count && !idlist_has(&m->sids, (uint64_t)st->session))
		return false;
	if (m->ttys.count && !idlist_has(&m->ttys, tty_dev(st->tty_nr)))
		return false;
	if (m->runstates && !strchr(m->runstates, st->state))
		return false;
	/* Younger than -O in whole seconds, as pgrep truncates the age. */
	if (m->older_ticks && (st->starttime > m->now_ticks ||
			       m->now_ticks - st->starttime < m->older_ticks))
		return false;
	return !m->have_re || m->full || regexec(&m->re, st->comm, 0, NULL, 0) == 0;
}

static bool match_status(const struct grep_match *m, const struct proc_status *st)
{
	if (m->euids.count && !idlist_has(&m->euids, st->uid[ID_EFFECTIVE]))
		return false;
	if (m->ruids.count && !idlist_has(&m->ruids, st->uid[ID_REAL]))
		return false;
	return !m->rgids.count || idlist_has(&m->rgids, st->gid[ID_REAL]);
}

static int match_cmdline(const struct grep_match *m, struct procfs *pfs, struct proc_rec *rec)
{
	int rc = procfs_read(pfs, rec, PROC_READ_CMDLINE);
	char *owned;
	bool match;

	/* stat only for a kernel thread's "[comm]": its command line is empty */
	if (!rc && !rec->cmdline_len)
		rc = procfs_read(pfs, rec, PROC_READ_STAT);
	if (rc)
		return rc;
	match = regexec(&m->re, grep_cmdline(rec, &owned), 0, NULL, 0) == 0;
	free(owned);
	return match;
}

static int match_cgroups(const struct grep_match *m, struct procfs *pfs, pid_t pid)
{
	const char *path;
	size_t len, pathlen;
	char *data;
	int rc = procfs_read_file(pfs, pid, "cgroup", &data, &len);

	if (rc)
		return rc;
	rc = 0;
	if (procparse_cgroup2(data, len, &path, &pathlen) == 0) {
		for (size_t i = 0; !rc && i < m->cgroups.count; i++) {
			rc = strlen(m->cgroups.strs[i]) == pathlen &&
			     memcmp(m->cgroups.strs[i], path, pathlen) == 0;
		}
	}
	free(data);
	return rc;
}

/* A thread is in its process's container. */
static int match_container(const struct grep_match *m, struct procfs *pfs, pid_t tgid)
{
	struct container_ref ref;
	int rc = container_of_process(pfs, tgid, NULL, &ref);

	if (rc == -ENOENT)
		return 0;
	return rc ? rc : container_same(&ref, &m->container);
}

/* NAME matches a variable of that name, NAME=VALUE one with that value too. */
static bool env_has(const char *env, size_t len, const char *want)
{
	const char *eq = strchr(want, '=');
	size_t namelen = eq ? (size_t)(eq - want) : strlen(want);
	const char *val;
	size_t vallen;

	if (procparse_environ(env, len, want, namelen, &val, &vallen))
		return false;
	return !eq || (strlen(eq + 1) == vallen && memcmp(eq + 1, val, vallen) == 0);
}

static int match_envs(const struct grep_match *m, struct procfs *pfs, pid_t pid)
{
	size_t len;
	char *data;
	int rc = procfs_read_file(pfs, pid, "environ", &data, &len);

	if (rc)
		return rc;
	for (size_t i = 0; !rc && i < m->envs.count; i++)
		rc = env_has(data, len, m->envs.strs[i]);
	free(data);
	return rc;
}

int grep_match_task(struct grep_match *m, struct procfs *pfs, struct grep_task *t)
{
	struct proc_rec *rec = &t->rec;
	int rc;

	if (m->pids.count && !idlist_has(&m->pids, (uint64_t)t->tgid))
		return 0;
	if (m->ns_types) {
		rc = match_ns(m, pfs, t);
		if (rc <= 0)
			return rc;
	}
	if (need_stat(m)) {
		rc = procfs_read(pfs, rec, PROC_READ_STAT);
		if (rc)
			return rc;
		if (!match_stat(m, &rec->stat))
			return 0;
	}
	if (m->euids.count || m->ruids.count || m->rgids.count) {
		rc = procfs_read(pfs, rec, PROC_READ_STATUS);
		if (rc)
			return rc;
		if (!match_status(m, &rec->status))
			return 0;
	}
	if (m->have_re && m->full) {
		rc = match_cmdline(m, pfs, rec);
		if (rc <= 0)
			return rc;
	}
	if (m->have_container) {
		rc = match_container(m, pfs, t->tgid);
		if (rc <= 0)
			return rc;
	}
	if (m->cgroups.count) {
		rc = match_cgroups(m, pfs, rec->pid);
		if (rc <= 0)
			return rc;
	}
	return m->envs.count ? match_envs(m, pfs, rec->pid) : 1;
}

const char *grep_cmdline(const struct proc_rec *rec, char **owned)
{
	*owned = NULL;
	if (rec->cmdline_len)
		return rec->cmdline;
	xasprintf(owned, "[%s]%s", rec->stat.comm, rec->stat.state == 'Z' ? " <defunct>" : "");
	return *owned;
}
