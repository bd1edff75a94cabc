/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The tree of pid namespaces as a procfs's own data show it, for where the
 * nsfs ioctls cannot: they answer only inside the caller's own subtree, and
 * a procfs of another view (a host's at /host/proc, read from a container; a
 * child namespace's caller over the host's /proc; a copy) lies outside it.
 *
 * What the procfs tells of each process: its pid namespace (the ns/pid link),
 * its depth below the procfs's own (the number of NSpid values) and its
 * parent process (PPid).  Level 0 is the procfs's own namespace, and every
 * namespace of level 1 is its child.  Below that a parent is settled by a
 * member whose parent process lies exactly one level up: that process sees
 * the member, so its namespace is the member's parent one.  Where no member
 * says so, or two say different things (a pid reused during the scan), the
 * parent is left unsettled, never guessed.
 */
#ifndef PIDNS_PIDTREE_H
#define PIDNS_PIDTREE_H

#include <stddef.h>
#include <sys/types.h>

#include "procfs.h"

struct pidtree;

int pidtree_new(struct pidtree **tree);
void pidtree_free(struct pidtree *tree);

/*
 * Take in a process as a scan read it: rec->ns[NS_TYPE_PID] and its status
 * (NSpid, PPid).  One without them is left out.  Returns 0 or -ENOMEM.
 */
int pidtree_add(struct pidtree *tree, const struct proc_rec *rec);

/* What a scan adds for the tree: OR it into the scan's mask. */
#define PIDTREE_READ	(NS_TYPE_BIT(NS_TYPE_PID) | PROC_READ_STATUS)

/* Settle levels and parents from what was added.  Returns 0 or -ENOMEM. */
int pidtree_settle(struct pidtree *tree);

/* Scan the procfs, add every process and settle: 0, or the scan's error. */
int pidtree_scan(struct pidtree *tree, struct procfs *pfs);

/* The procfs's own pid namespace (level 0), or 0 when no process of it was read. */
ino_t pidtree_root(const struct pidtree *tree);

/* The level of ns below the root, or -1 when no member of it was read. */
int pidtree_level(const struct pidtree *tree, ino_t ns);

/*
 * The parent of ns: 0 with *parent set (0 for the root, whose parent the
 * procfs does not show), -ENOENT when the data do not settle it, -ESRCH
 * when no member of ns was read.
 */
int pidtree_parent(const struct pidtree *tree, ino_t ns, ino_t *parent);

/*
 * The ancestor of ns at level (ns itself at its own level): 0, -ENOENT when
 * a parent on the way is unsettled (level 0 is the root, whatever lies
 * between), -ESRCH when ns is unknown or lies above level.
 */
int pidtree_ancestor(const struct pidtree *tree, ino_t ns, int level, ino_t *ancestor);

/* How many namespaces below the root have an unsettled parent. */
size_t pidtree_unsettled(const struct pidtree *tree);

/*
 * The deepest level of a namespace with an unsettled parent (INT_MAX for
 * one whose level is unknown), or -1 when there is none: the processes and
 * namespaces below one of a lower level cannot all be counted.
 */
int pidtree_deepest_unsettled(const struct pidtree *tree);

#endif /* PIDNS_PIDTREE_H */
