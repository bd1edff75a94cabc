/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The containers that the processes of a procfs are in, and finding one by what a user calls it. */
#ifndef PIDNS_CTSET_H
#define PIDNS_CTSET_H

#include <stddef.h>
#include <sys/types.h>

#include "container.h"
#include "ctnames.h"

struct procfs;
struct procfs_scan_stats;
struct proc_rec;

/* A container and its processes, by pid in the procfs's own namespace, in scan order. */
struct ct_entry {
	struct container_ref ref;
	pid_t *pids;
	size_t npids;
};

struct ct_set {
	struct ct_entry *items;
	size_t count;
};

/*
 * Every container that a process of pfs is in, from each one's cgroup file.
 * A process that vanishes or may not be read is passed over (and counted in
 * *stats, when not NULL).  Returns 0, or a negative errno when the procfs
 * cannot be scanned (procfs_err_fatal() or its root unreadable).
 */
int ct_set_collect(struct ct_set *set, struct procfs *pfs, struct procfs_scan_stats *stats);
void ct_set_clear(struct ct_set *set);

/*
 * Read the files of mask of process e->pids[i] into rec (see procfs_read()),
 * and then see that it is still in the container: a pid reused meanwhile
 * by another process is -ESRCH, as one gone.  Returns 0 or the errors of
 * procfs_read().
 */
int ct_entry_read(struct procfs *pfs, const struct ct_entry *e, size_t i, struct proc_rec *rec,
		  unsigned int mask);

/*
 * The entries that arg names, as docker finds a container: its full hex id
 * first, else its NAME as cn tells (a machine's and an LXC container's is
 * the one its cgroup path holds), else a prefix of its hex id.  *found gets
 * their indexes (allocated, or NULL when none) and *n their number; more
 * than one means arg is ambiguous, as when a user's container takes the name
 * or id of another's.  Returns 0 or -ENOMEM.
 */
int ct_set_find(const struct ct_set *set, struct ctnames *cn, const char *arg, size_t **found,
		size_t *n);

#endif /* PIDNS_CTSET_H */
