/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Pid namespaces: the level of each pid of a process, and translation between them. */
#ifndef PIDNS_PIDNS_H
#define PIDNS_PIDNS_H

#include <sys/types.h>

#include "nsfs.h"
#include "procfs.h"

/*
 * The pid namespace of each level of a process, outermost first: ns[i] is
 * the namespace in which NSpid[i] of its status is its pid, for the nlevels
 * levels its status shows.  Found through NS_GET_PARENT from the process's
 * own namespace; a level above what the caller may see is left 0.
 */
int pidns_levels(struct procfs *pfs, pid_t pid, unsigned int nlevels, ino_t *ns);

/*
 * Which pid namespaces lie below a namespace top, and how deep: a memo that
 * a scan fills as it meets namespaces, one NS_GET_PARENT walk for each.
 */
struct pidns_below;

int pidns_below_new(ino_t top, struct pidns_below **below);
void pidns_below_free(struct pidns_below *below);

/*
 * How many levels below top the pid namespace of rec (rec->ns[NS_TYPE_PID]
 * read) lies: 0 for top itself, -1 when it is not below top.  The process's
 * pid in top is then pidns_pid_at_depth().  Returns 0 or -ENOMEM.
 */
int pidns_below_depth(struct pidns_below *below, struct procfs *pfs, const struct proc_rec *rec,
		      int *depth);

/*
 * The pid a process has in the pid namespace depth levels above its own,
 * from the NSpid line of its status; 0 when the line has no such level.
 */
pid_t pidns_pid_at_depth(const struct proc_status *st, int depth);

/* Ask pidns_translate() to leave the Linux 6.11 ioctls alone (tests compare both ways). */
#define PIDNS_NO_IOCTL	(1u << 0)

/*
 * The pid, in namespace to, of the process (or thread) whose pid in
 * namespace from is pid; to NULL means the procfs's own view.  With an fd
 * for each end and a procfs that is the caller's view, two ioctls answer
 * (NS_GET_PID_FROM_PIDNS, NS_GET_PID_IN_PIDNS); otherwise, or on a kernel
 * without them, the NSpid lines of the processes in from and below it do.
 * Returns 0, -ESRCH (no such pid in from), -ENOENT (the process is not
 * visible in to: a sibling's namespace or a level above it), or another
 * negative errno.
 */
int pidns_translate(struct procfs *pfs, const struct ns_handle *from, const struct ns_handle *to,
		    pid_t pid, unsigned int flags, pid_t *out);

#endif /* PIDNS_PIDNS_H */
