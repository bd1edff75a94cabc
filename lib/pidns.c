// SPDX-License-Identifier: LGPL-2.1-or-later
/* Pid namespaces: levels through NS_GET_PARENT, translation by ioctl or by NSpid. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nsfs-ioctl.h"
#include "pidns.h"

int pidns_levels(struct procfs *pfs, pid_t pid, unsigned int nlevels, ino_t *ns)
{
	ino_t ino;
	struct stat st;
	int fd;

	for (unsigned int i = 0; i < nlevels; i++)
		ns[i] = 0;
	fd = procfs_open_ns(pfs, pid, NS_TYPE_PID);
	if (fd < 0)
		return fd == -ENOENT ? -ESRCH : fd;
	if (fstat(fd, &st)) {
		close(fd);
		return -errno;
	}
	ino = st.st_ino;
	for (unsigned int level = nlevels; level > 0; level--) {
		int parent;

		ns[level - 1] = ino;
		if (level == 1)
			break;
		parent = ns_relative_open(fd, NS_PARENT, &ino);
		close(fd);
		if (parent < 0)	/* EPERM: the rest is above the caller's own namespace */
			return parent == -EPERM ? 0 : parent;
		fd = parent;
	}
	close(fd);
	return 0;
}

/* Answers of depth_below() that are not depths. */
#define DEPTH_NOT_BELOW		(-1)
#define DEPTH_UNKNOWN		(-2)	/* the member is gone, or its pid is another's now */

/* How many levels below ns the pid namespace own of process member lies. */
static int depth_below(struct procfs *pfs, pid_t member, ino_t own, ino_t ns)
{
	struct stat st;
	ino_t ino = own;
	int fd = procfs_open_ns(pfs, member, NS_TYPE_PID);
	int depth = DEPTH_NOT_BELOW;

	if (fd < 0)
		return DEPTH_UNKNOWN;
	if (fstat(fd, &st) || st.st_ino != own) {
		close(fd);
		return DEPTH_UNKNOWN;
	}
	for (int d = 0; fd >= 0 && d < PROC_NS_LEVELS_MAX; d++) {
		int parent;

		if (ino == ns) {
			depth = d;
			break;
		}
		parent = ns_relative_open(fd, NS_PARENT, &ino);
		close(fd);
		fd = parent;
	}
	if (fd >= 0)
		close(fd);
	return depth;
}

struct pidns_below {
	ino_t top;
	ino_t *ino;		/* pid namespaces met so far */
	int *depth;		/* and how deep below top each lies, or -1 */
	size_t count, cap;
};

int pidns_below_new(ino_t top, struct pidns_below **below)
{
	*below = calloc(1, sizeof(**below));
	if (!*below)
		return -ENOMEM;
	(*below)->top = top;
	return 0;
}

void pidns_below_free(struct pidns_below *below)
{
	if (!below)
		return;
	free(below->ino);
	free(below->depth);
	free(below);
}

static int below_grow(struct pidns_below *b)
{
	size_t cap = b->cap ? b->cap * 2 : 16;
	ino_t *ino = realloc(b->ino, cap * sizeof(*ino));
	int *depth;

	if (!ino)
		return -ENOMEM;
	b->ino = ino;
	depth = realloc(b->depth, cap * sizeof(*depth));
	if (!depth)
		return -ENOMEM;
	b->depth = depth;
	b->cap = cap;
	return 0;
}

int pidns_below_depth(struct pidns_below *b, struct procfs *pfs, const struct proc_rec *rec,
		      int *depth)
{
	ino_t own = rec->ns[NS_TYPE_PID];

	/* Processes of one namespace tend to come in a row: look from the latest. */
	for (size_t i = b->count; i > 0; i--) {
		if (b->ino[i - 1] == own) {
			*depth = b->depth[i - 1];
			return 0;
		}
	}
	*depth = own == b->top ? 0 : depth_below(pfs, rec->pid, own, b->top);
	if (*depth == DEPTH_UNKNOWN) {
		/* this member cannot tell, but the next member of its namespace may */
		*depth = DEPTH_NOT_BELOW;
		return 0;
	}
	if (b->count == b->cap && below_grow(b))
		return -ENOMEM;
	b->ino[b->count] = own;
	b->depth[b->count++] = *depth;
	return 0;
}

pid_t pidns_pid_at_depth(const struct proc_status *st, int depth)
{
	if (depth < 0 || !(st->have & STATUS_HAVE_NSPID) || st->nlevels <= (unsigned int)depth)
		return 0;
	return st->nspid[st->nlevels - 1 - (unsigned int)depth];
}

/* Whether task (a process or a thread) has pid at the level depth above its own. */
static bool pid_at_depth(struct procfs *pfs, pid_t task, int depth, pid_t pid)
{
	struct proc_rec rec;
	bool match;

	proc_rec_init(&rec, task);
	match = procfs_read(pfs, &rec, PROC_READ_STATUS) == 0 &&
		pidns_pid_at_depth(&rec.status, depth) == pid;
	proc_rec_clear(&rec);
	return match;
}

/* A thread of process tgid whose pid at depth is pid; 0 when none. */
static pid_t find_thread(struct procfs *pfs, pid_t tgid, int depth, pid_t pid)
{
	struct procfs_tasks *tasks;
	pid_t tid, found = 0;

	if (procfs_tasks_open(pfs, tgid, &tasks))
		return 0;
	while (!found && procfs_tasks_next(tasks, &tid) == 0) {
		/* /proc/TID is there for every thread, though readdir does not list it */
		if (tid != tgid && pid_at_depth(pfs, tid, depth, pid))
			found = tid;
	}
	procfs_tasks_close(tasks);
	return found;
}

/*
 * One pass of the fallback over the processes in ns or below it: their own
 * pid at the level of ns, or with threads, their threads' pids.
 */
static int scan_pass(struct procfs *pfs, struct pidns_below *below, pid_t pid, bool threads,
		     bool *candidates, pid_t *found)
{
	struct procfs_scan *scan;
	struct proc_rec *rec;
	int rc, depth;

	rc = procfs_scan_new(pfs, NS_TYPE_BIT(NS_TYPE_PID), &scan);
	if (rc)
		return rc;
	while (!*found && (rc = procfs_scan_next(scan, &rec)) == 0) {
		rc = pidns_below_depth(below, pfs, rec, &depth);
		if (rc)
			break;
		if (depth < 0)
			continue;
		*candidates = true;
		if (threads)
			*found = find_thread(pfs, rec->pid, depth, pid);
		else if (pid_at_depth(pfs, rec->pid, depth, pid))
			*found = rec->pid;
	}
	procfs_scan_free(scan);
	return rc < 0 ? rc : 0;
}

/*
 * The fallback: the process in ns or below it whose pid at the level of ns
 * is pid.  Only those have their status read, and their threads are
 * searched only when no process matches.
 */
static int pidns_find(struct procfs *pfs, ino_t ns, pid_t pid, pid_t *found)
{
	struct pidns_below *below;
	bool candidates = false;
	int rc;

	*found = 0;
	rc = pidns_below_new(ns, &below);
	if (!rc)
		rc = scan_pass(pfs, below, pid, false, &candidates, found);
	if (!rc && !*found && candidates)
		rc = scan_pass(pfs, below, pid, true, &candidates, found);
	pidns_below_free(below);
	if (rc)
		return rc;
	return *found ? 0 : -ESRCH;
}

/*
 * The ioctl way; -ENOTTY when the kernel does not know it.  The pid goes as
 * the argument's value, though the request numbers say _IOR.
 */
static int translate_ioctl(const struct ns_handle *from, const struct ns_handle *to, pid_t pid,
			   pid_t *out)
{
	int here = ioctl(from->fd, NS_GET_PID_FROM_PIDNS, pid);

	if (here < 0)
		return errno == EINVAL ? -ENOTTY : -errno;
	if (!to) {
		*out = here;
		return 0;
	}
	*out = ioctl(to->fd, NS_GET_PID_IN_PIDNS, here);
	if (*out < 0)
		return errno == ESRCH ? -ENOENT : errno == EINVAL ? -ENOTTY : -errno;
	return 0;
}

/* The pid of task in namespace to, from its status and the namespaces of its levels. */
static int pid_in_ns(struct procfs *pfs, pid_t task, ino_t to, pid_t *out)
{
	ino_t levels[PROC_NS_LEVELS_MAX];
	struct proc_rec rec;
	int rc;

	proc_rec_init(&rec, task);
	rc = procfs_read(pfs, &rec, PROC_READ_STATUS);
	if (!rc)
		rc = pidns_levels(pfs, task, rec.status.nlevels, levels);
	if (!rc) {
		rc = -ENOENT;
		for (unsigned int i = 0; i < rec.status.nlevels; i++) {
			if (levels[i] == to) {
				*out = rec.status.nspid[i];
				rc = 0;
			}
		}
	}
	proc_rec_clear(&rec);
	return rc;
}

int pidns_translate(struct procfs *pfs, const struct ns_handle *from, const struct ns_handle *to,
		    pid_t pid, unsigned int flags, pid_t *out)
{
	pid_t task;
	int rc;

	if (!(flags & PIDNS_NO_IOCTL) && from->fd >= 0 && (!to || to->fd >= 0) &&
	    procfs_is_own_view(pfs)) {
		rc = translate_ioctl(from, to, pid, out);
		if (rc != -ENOTTY)
			return rc;
	}
	rc = pidns_find(pfs, from->ino, pid, &task);
	if (rc)
		return rc;
	if (!to) {
		*out = task;
		return 0;
	}
	return pid_in_ns(pfs, task, to->ino, out);
}
