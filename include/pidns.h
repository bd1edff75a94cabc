/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Pid namespaces: the level of each pid of a process, and translation between them. */
#ifndef PIDNS_PIDNS_H
#define PIDNS_PIDNS_H

#include <sys/types.h>

#include "nsfs.h"
#include "procfs.h"

/*
 * The pid namespaces as a procfs shows them.  nsfs answers where it can: for
 * a procfs that is the caller's own view, it answers for all.  Another view
 * (a host's procfs read from a container, the host's /proc read from a child
 * namespace, a copy) lies partly or wholly outside the caller's subtree, and
 * there the procfs's own data (pidtree.h) answer, read once when first needed.
 */
struct pidns_view;

int pidns_view_new(struct procfs *pfs, struct pidns_view **view);
void pidns_view_free(struct pidns_view *view);

/*
 * The pid namespace of each level of a process, outermost first: ns[i] is
 * the namespace in which NSpid[i] of its status is its pid, for the nlevels
 * levels its status shows.  A level neither nsfs nor the procfs's data can
 * tell is left 0.  Returns 0, -ESRCH (no such process), -EACCES or -EPERM
 * (its ns link may not be read: nothing is known), or another negative errno.
 */
int pidns_levels(struct pidns_view *view, pid_t pid, unsigned int nlevels, ino_t *ns);

/*
 * Which pid namespaces lie below a namespace top, and how deep: a memo that
 * a scan fills as it meets namespaces.
 */
struct pidns_below;

int pidns_below_new(struct pidns_view *view, ino_t top, struct pidns_below **below);
void pidns_below_free(struct pidns_below *below);

/*
 * How many levels below top the pid namespace of rec (rec->ns[NS_TYPE_PID]
 * read) lies: 0 for top itself, -1 when it is not below top, or when the
 * view cannot tell (then counted by pidns_below_untold()).  The process's
 * pid in top is then pidns_pid_at_depth().  Returns 0 or a negative errno.
 */
int pidns_below_depth(struct pidns_below *below, const struct proc_rec *rec, int *depth);

/* How many namespaces met the view could not place above or below top. */
size_t pidns_below_untold(const struct pidns_below *below);

/*
 * The pid a process has in the pid namespace depth levels above its own,
 * from the NSpid line of its status; 0 when the line has no such level.
 */
pid_t pidns_pid_at_depth(const struct proc_status *st, int depth);

/* Ask pidns_translate() to leave the Linux 6.11 ioctls alone (tests compare both ways). */
#define PIDNS_NO_IOCTL	(1u << 0)
/* Ask it for the ioctls' answer only, which costs no scan: -ENOTTY where they cannot tell. */
#define PIDNS_NO_SCAN	(1u << 1)

/*
 * The pid, in namespace to, of the process (or thread) whose pid in
 * namespace from is pid; to NULL means the procfs's own view.  With an fd
 * for each end and a procfs that is the caller's view, two ioctls answer
 * (NS_GET_PID_FROM_PIDNS, NS_GET_PID_IN_PIDNS); otherwise, or on a kernel
 * without them, the NSpid lines of the processes in from and below it do.
 * Returns 0, -ESRCH (no such pid in from), -ENOENT (the process is not
 * visible in to: a sibling's namespace or a level above it), -ENODATA (the
 * procfs's data do not tell), or another negative errno.
 */
int pidns_translate(struct pidns_view *view, const struct ns_handle *from,
		    const struct ns_handle *to, pid_t pid, unsigned int flags, pid_t *out);

#endif /* PIDNS_PIDNS_H */
