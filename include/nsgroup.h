/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Processes grouped into namespaces, with lsns's representative rule. */
#ifndef PIDNS_NSGROUP_H
#define PIDNS_NSGROUP_H

#include <stddef.h>
#include <sys/types.h>

#include "nsid.h"
#include "procfs.h"

struct ns_group {
	ino_t ino;
	enum ns_type type;
	unsigned long nprocs;
	pid_t pid;		/* the lowest member pid, as lsns shows */
};

struct ns_groups;

int ns_groups_new(struct ns_groups **groups);
void ns_groups_free(struct ns_groups *groups);

/* Count pid as a member of the namespace ino.  Returns 0 or -ENOMEM. */
int ns_groups_add(struct ns_groups *groups, enum ns_type type, ino_t ino, pid_t pid);

/*
 * Scan the procfs and add every process to its namespace of each type in
 * types (NS_TYPE_BIT() set).  Skipped processes are counted in *stats.
 * Returns 0 or the scan's error.
 */
int ns_groups_collect(struct ns_groups *groups, struct procfs *pfs, unsigned int types,
		      struct procfs_scan_stats *stats);

size_t ns_groups_count(const struct ns_groups *groups);

/* The group of ino, or NULL. */
const struct ns_group *ns_groups_find(const struct ns_groups *groups, ino_t ino);

/*
 * The groups ordered by inode, as lsns lists them: an array of count
 * pointers valid until the next add, to be freed by the caller.
 */
int ns_groups_sorted(const struct ns_groups *groups, const struct ns_group ***sorted);

#endif /* PIDNS_NSGROUP_H */
