/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Processes grouped into namespaces, with lsns's representative rule. */
#ifndef PIDNS_NSGROUP_H
#define PIDNS_NSGROUP_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "nsfs.h"
#include "procfs.h"

struct ns_group {
	ino_t ino;
	enum ns_type type;
	unsigned long nprocs;	/* 0 for a namespace met only as a relative */
	pid_t pid;		/* the lowest member pid, as lsns shows; 0 if none */
	char *path;		/* of one with no process: where to open it, absolute
				   or below the procfs (a bind mount, PID/fd/N) */
	pid_t sock_pid;		/* of one held only by a socket: whose, and */
	int sock_fd;		/* which fd (no path opens a socket's namespace) */

	/*
	 * Filled by ns_groups_link(); 0 where there is none or it is out of
	 * view, as lsns shows them.
	 */
	ino_t parent;
	ino_t owner;
	uid_t owner_uid;	/* who made its user namespace (it, or its owner); -1 unknown */
	bool linked;		/* owner and parent asked of nsfs */
	bool parent_known;	/* parent is an answer, of nsfs or of the procfs's data */

	/* Of a pid namespace, filled when ns_groups_collect() reads status. */
	int level;		/* below the procfs's own namespace; -1 unknown */
	pid_t init;		/* the member that is pid 1 inside; 0 unknown */
};

struct ns_groups;

int ns_groups_new(struct ns_groups **groups);
void ns_groups_free(struct ns_groups *groups);

/* Count pid as a member of the namespace ino.  Returns 0 or -ENOMEM. */
int ns_groups_add(struct ns_groups *groups, enum ns_type type, ino_t ino, pid_t pid);

/*
 * Know of a namespace no process is in, held by what path names (a bind
 * mount, or PID/fd/N below the procfs; NULL if nothing to open it by), so
 * that ns_groups_link() can find its relatives.  0 or -ENOMEM.
 */
int ns_groups_add_empty(struct ns_groups *groups, enum ns_type type, ino_t ino,
			const char *path);

/*
 * Scan the procfs and add every process to its namespace of each type in
 * types (NS_TYPE_BIT() set).  With PROC_READ_STATUS in extra, pid
 * namespaces learn their level and init, and a procfs that is not the
 * caller's own view also gives the tree of pid namespaces (pidtree.h) that
 * ns_groups_link() takes the parents from where nsfs cannot tell them.
 * Skipped processes are counted in *stats.  Returns 0 or the scan's error.
 */
int ns_groups_collect(struct ns_groups *groups, struct procfs *pfs, unsigned int types,
		      unsigned int extra, struct procfs_scan_stats *stats);

/*
 * ns_groups_collect(), and in the same scan the processes of namespace ino,
 * of whichever type of types it is: *pids (allocated, *count long) lists
 * them in the order of the procfs, for the caller to free.  Returns 0
 * (*count 0 when no process is in it) or the scan's error.
 */
int ns_groups_collect_members(struct ns_groups *groups, struct procfs *pfs, unsigned int types,
			      unsigned int extra, ino_t ino, pid_t **pids, size_t *count,
			      struct procfs_scan_stats *stats);

/*
 * Add the namespaces of types that processes hold only by an open file
 * descriptor (lsns 2.40 and later list them): every process's fd links are
 * read, which costs far more than the scan itself.  Network namespaces are
 * also looked for behind sockets (sockns_open(), as lsns 2.41) when the
 * procfs is the caller's own view.  Returns 0 or -ENOMEM (or the error of
 * the procfs root).
 */
int ns_groups_collect_held(struct ns_groups *groups, struct procfs *pfs, unsigned int types);

/*
 * Whether the namespace ino of type exists as the procfs shows it: a process
 * is in it, or an nsfs mount holds it.  Returns 1, 0, or the errno of a scan
 * that could not be made.
 */
int ns_is_held(struct procfs *pfs, enum ns_type type, ino_t ino);

/* Which relatives that no process is in ns_groups_link() adds as groups. */
enum {
	NS_LINK_ADD_PARENTS = 1 << 0,
	NS_LINK_ADD_OWNERS  = 1 << 1,
};

/*
 * Find the parent and owner of every group through its representative's
 * ns file or its path (NS_GET_PARENT, NS_GET_USERNS), adding as empty groups
 * the relatives that add says to, so that a tree of them is whole.
 * Returns 0, -ENOTTY when the kernel does not know these ioctls (before
 * Linux 4.9), or an error for which procfs_err_fatal() holds (out of memory
 * or descriptors); a namespace that cannot be opened otherwise stays unlinked.
 */
int ns_groups_link(struct ns_groups *groups, struct procfs *pfs, unsigned int add);

/*
 * An nsfs fd on the namespace of grp, through its representative, or for
 * one no process is in, the path or socket that holds it.  Returns the fd,
 * -ENOENT when that is gone or names another namespace by now, or the
 * errno of the failed open.
 */
int ns_group_open(struct procfs *pfs, const struct ns_group *grp);

/* How many groups no process is in. */
size_t ns_groups_count_empty(const struct ns_groups *groups);

/*
 * Whether the namespaces below grp are all known: false when the procfs's
 * data leave the parent of a deeper pid namespace unsettled, which might be
 * grp or one below it.  ns_group_children() and ns_group_visible() count
 * only what is known.
 */
bool ns_group_counts_known(const struct ns_groups *groups, const struct ns_group *grp);

/* How many pid namespaces have a parent that neither nsfs nor the procfs's data tell. */
size_t ns_groups_unsettled(const struct ns_groups *groups);

/* Groups whose parent is grp. */
size_t ns_group_children(const struct ns_groups *groups, const struct ns_group *grp);

/* Processes in grp and every namespace below it, by parent links. */
unsigned long ns_group_visible(const struct ns_groups *groups, const struct ns_group *grp);

size_t ns_groups_count(const struct ns_groups *groups);

/* The group of ino, or NULL. */
const struct ns_group *ns_groups_find(const struct ns_groups *groups, ino_t ino);

/*
 * The groups ordered by inode, as lsns lists them: an array of count
 * pointers valid until the next add, to be freed by the caller.
 */
int ns_groups_sorted(const struct ns_groups *groups, const struct ns_group ***sorted);

#endif /* PIDNS_NSGROUP_H */
