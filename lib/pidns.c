// SPDX-License-Identifier: LGPL-2.1-or-later
/* Pid namespaces: levels through NS_GET_PARENT, translation by ioctl or by NSpid. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "c.h"
#include "nsfs-ioctl.h"
#include "pidns.h"
#include "pidtree.h"

struct pidns_view {
	struct procfs *pfs;
	bool own;		/* the caller's own view: nsfs answers for all it shows */
	struct pidtree *tree;	/* the procfs's own data, read when first needed */
	int tree_rc;		/* and what reading it gave */
};

int pidns_view_new(struct procfs *pfs, struct pidns_view **view)
{
	*view = calloc(1, sizeof(**view));
	if (!*view)
		return -ENOMEM;
	(*view)->pfs = pfs;
	(*view)->own = procfs_is_own_view(pfs);
	(*view)->tree_rc = 1;	/* not read yet */
	return 0;
}

void pidns_view_free(struct pidns_view *view)
{
	if (!view)
		return;
	pidtree_free(view->tree);
	free(view);
}

/* The pidtree of the procfs, scanned the first time it is asked for. */
static int view_tree(struct pidns_view *v, const struct pidtree **tree)
{
	if (v->tree_rc == 1) {
		v->tree_rc = pidtree_new(&v->tree);
		if (!v->tree_rc)
			v->tree_rc = pidtree_scan(v->tree, v->pfs);
	}
	*tree = v->tree;
	return v->tree_rc;
}

/*
 * Walk NS_GET_PARENT up from fd, open on the namespace of the deepest level,
 * as far as nsfs lets us, filling ns[] from the bottom; fd is closed.
 * Returns the lowest level filled (0 when all are), or a negative errno.
 */
static int levels_by_ioctl(int fd, unsigned int nlevels, ino_t *ns)
{
	struct stat st;
	ino_t ino;
	int low = 0;

	if (fstat(fd, &st)) {
		low = -errno;
		close(fd);
		return low;
	}
	ino = st.st_ino;
	for (unsigned int level = nlevels; level > 0; level--) {
		int parent;

		ns[level - 1] = ino;
		if (level == 1)
			break;
		parent = ns_relative_open(fd, NS_PARENT, &ino);
		if (parent < 0) {
			/* EPERM: the rest lies above the caller's own namespace */
			low = parent == -EPERM ? (int)level - 1 : parent;
			break;
		}
		close(fd);
		fd = parent;
	}
	close(fd);
	return low;
}

int pidns_levels(struct pidns_view *v, pid_t pid, unsigned int nlevels, ino_t *ns)
{
	char path[sizeof("/ns/pid") + U64_DIGITS];
	const struct pidtree *tree;
	int fd, low = (int)nlevels - 1;

	for (unsigned int i = 0; i < nlevels; i++)
		ns[i] = 0;
	if (!nlevels)
		return 0;
	fd = procfs_open_ns(v->pfs, pid, NS_TYPE_PID);
	if (fd >= 0) {
		low = levels_by_ioctl(fd, nlevels, ns);
		if (low < 0)
			return low;
	} else if (fd == -ENOENT) {
		/* a copy of a procfs has only the link's text */
		snprintf(path, sizeof(path), "%d/ns/pid", pid);
		if (ns_inode_at(procfs_dirfd(v->pfs), path, NS_TYPE_PID, &ns[low]))
			return -ESRCH;
	} else {
		return fd;
	}
	/* Above what nsfs shows us, the procfs's own data may tell. */
	if (!low || view_tree(v, &tree))
		return 0;
	for (int level = low - 1; level >= 0; level--)
		pidtree_ancestor(tree, ns[low], level, &ns[level]);
	return 0;
}

/* Answers of depth_below() and depth_in_tree() that are not depths. */
#define DEPTH_NOT_BELOW		(-1)
#define DEPTH_UNKNOWN		(-2)	/* the member is gone, or its pid is another's now */
#define DEPTH_UNTOLD		(-3)	/* the procfs's data do not settle it */

/* How many levels below ns the pid namespace own of process member lies, by nsfs. */
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

/* The same from the procfs's own data, for a view nsfs does not answer in. */
static int depth_in_tree(const struct pidtree *tree, ino_t own, ino_t top)
{
	int level = pidtree_level(tree, own), top_level = pidtree_level(tree, top);
	ino_t ancestor;

	if (level < 0 || top_level < 0)
		return DEPTH_UNTOLD;
	if (level <= top_level)
		return DEPTH_NOT_BELOW;	/* own is not top, which the caller tried */
	if (pidtree_ancestor(tree, own, top_level, &ancestor))
		return DEPTH_UNTOLD;
	return ancestor == top ? level - top_level : DEPTH_NOT_BELOW;
}

struct pidns_below {
	struct pidns_view *view;
	ino_t top;
	ino_t *ino;		/* pid namespaces met so far */
	int *depth;		/* and how deep below top each lies, or -1 */
	size_t count, cap;
	size_t untold;		/* of those, how many the data could not place */
};

int pidns_below_new(struct pidns_view *view, ino_t top, struct pidns_below **below)
{
	*below = calloc(1, sizeof(**below));
	if (!*below)
		return -ENOMEM;
	(*below)->view = view;
	(*below)->top = top;
	return 0;
}

size_t pidns_below_untold(const struct pidns_below *below)
{
	return below->untold;
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

/* How deep below b->top the namespace own of process member lies, as the view tells. */
static int view_depth(struct pidns_below *b, pid_t member, ino_t own, int *depth)
{
	const struct pidtree *tree;
	int rc = 0;

	if (own == b->top)
		*depth = 0;
	else if (b->view->own)
		*depth = depth_below(b->view->pfs, member, own, b->top);
	else if (!(rc = view_tree(b->view, &tree)))
		*depth = depth_in_tree(tree, own, b->top);
	return rc;
}

int pidns_below_depth(struct pidns_below *b, const struct proc_rec *rec, int *depth)
{
	ino_t own = rec->ns[NS_TYPE_PID];
	int rc;

	/* Processes of one namespace tend to come in a row: look from the latest. */
	for (size_t i = b->count; i > 0; i--) {
		if (b->ino[i - 1] == own) {
			*depth = b->depth[i - 1];
			return 0;
		}
	}
	rc = view_depth(b, rec->pid, own, depth);
	if (rc)
		return rc;
	if (*depth == DEPTH_UNKNOWN) {
		/* this member cannot tell, but the next member of its namespace may */
		*depth = DEPTH_NOT_BELOW;
		return 0;
	}
	if (*depth == DEPTH_UNTOLD) {
		b->untold++;
		*depth = DEPTH_NOT_BELOW;
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
static int scan_pass(struct pidns_below *below, pid_t pid, bool threads, bool *candidates,
		     pid_t *found)
{
	struct procfs *pfs = below->view->pfs;
	struct procfs_scan *scan;
	struct proc_rec *rec;
	int rc, depth;

	rc = procfs_scan_new(pfs, NS_TYPE_BIT(NS_TYPE_PID), &scan);
	if (rc)
		return rc;
	while (!*found && (rc = procfs_scan_next(scan, &rec)) == 0) {
		rc = pidns_below_depth(below, rec, &depth);
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
 * searched only when no process matches.  -ENODATA when none does but the
 * procfs's data could not place some namespaces, where it may be.
 */
static int pidns_find(struct pidns_view *v, ino_t ns, pid_t pid, pid_t *found)
{
	struct pidns_below *below;
	bool candidates = false;
	size_t untold = 0;
	int rc;

	*found = 0;
	rc = pidns_below_new(v, ns, &below);
	if (!rc)
		rc = scan_pass(below, pid, false, &candidates, found);
	if (!rc && !*found && candidates)
		rc = scan_pass(below, pid, true, &candidates, found);
	if (!rc)
		untold = pidns_below_untold(below);
	pidns_below_free(below);
	if (rc)
		return rc;
	return *found ? 0 : untold ? -ENODATA : -ESRCH;
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

/*
 * The pid of task in namespace to, from its status and the namespaces of its
 * levels; -ENODATA when to is none of those known, but some are not.
 */
static int pid_in_ns(struct pidns_view *v, pid_t task, ino_t to, pid_t *out)
{
	ino_t levels[PROC_NS_LEVELS_MAX];
	struct proc_rec rec;
	int rc;

	proc_rec_init(&rec, task);
	rc = procfs_read(v->pfs, &rec, PROC_READ_STATUS);
	if (!rc)
		rc = pidns_levels(v, task, rec.status.nlevels, levels);
	if (!rc) {
		rc = -ENOENT;
		for (unsigned int i = 0; i < rec.status.nlevels; i++) {
			if (levels[i] == to) {
				*out = rec.status.nspid[i];
				rc = 0;
				break;
			}
			if (!levels[i])
				rc = -ENODATA;
		}
	}
	proc_rec_clear(&rec);
	return rc;
}

int pidns_translate(struct pidns_view *v, const struct ns_handle *from,
		    const struct ns_handle *to, pid_t pid, unsigned int flags, pid_t *out)
{
	pid_t task;
	int rc;

	if (!(flags & PIDNS_NO_IOCTL) && from->fd >= 0 && (!to || to->fd >= 0) && v->own) {
		rc = translate_ioctl(from, to, pid, out);
		if (rc != -ENOTTY)
			return rc;
	}
	if (flags & PIDNS_NO_SCAN)
		return -ENOTTY;
	rc = pidns_find(v, from->ino, pid, &task);
	if (rc)
		return rc;
	if (!to) {
		*out = task;
		return 0;
	}
	return pid_in_ns(v, task, to->ino, out);
}
