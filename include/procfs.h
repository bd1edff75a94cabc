/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Reading processes from a procfs root: /proc, a host's procfs mounted
 * elsewhere, or a fixture tree.  Records are filled by request mask, so a
 * caller pays only for the files its output needs.
 */
#ifndef PIDNS_PROCFS_H
#define PIDNS_PROCFS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "nsfs.h"
#include "procparse.h"

/* What to read of a process.  The low bits are ns types (NS_TYPE_BIT()). */
enum {
	PROC_READ_NS_ALL	= NS_TYPE_ALL,
	PROC_READ_STAT		= 1u << 8,	/* /proc/PID/stat */
	PROC_READ_STATUS	= 1u << 9,	/* /proc/PID/status */
	PROC_READ_OWNER		= 1u << 10,	/* owner of /proc/PID, as lsns's UID */
	PROC_READ_CMDLINE	= 1u << 11,	/* /proc/PID/cmdline */
};

struct proc_rec {
	pid_t pid;
	unsigned int have;		/* PROC_READ_* bits filled so far */
	ino_t ns[NS_TYPE_COUNT];	/* 0 where the kernel has no such link */
	uid_t owner;
	struct proc_stat stat;
	struct proc_status status;
	char *cmdline;			/* NUL-terminated, NULs turned to spaces */
	size_t cmdline_len;		/* 0 for kernel threads and zombies */
};

struct procfs;

/*
 * Open a procfs root; path NULL means /proc.  Returns 0, -EMEDIUMTYPE when
 * path is neither a procfs nor a copy of one (no process directory in it),
 * or another negative errno.
 */
int procfs_open(const char *path, struct procfs **pfs);
void procfs_close(struct procfs *pfs);

/* A directory fd of the root, for ns_arg_open() and the like. */
int procfs_dirfd(const struct procfs *pfs);
const char *procfs_path(const struct procfs *pfs);

/* Open the ns link of a process read-only.  Returns an fd or a negative errno. */
int procfs_open_ns(struct procfs *pfs, pid_t pid, enum ns_type type);

/*
 * An O_PATH fd of the root directory of a process (PID/root), the root of
 * its mount namespace as it sees it.  Returns the fd, -ESRCH when the
 * process is gone, -EACCES, or another negative errno.
 */
int procfs_open_root(struct procfs *pfs, pid_t pid);

/*
 * Read a whole file below the root, such as "self/mountinfo".  *data is
 * NUL-terminated and valid until the next read through pfs.  Returns 0,
 * -ESRCH when it is not there, or another negative errno.
 */
int procfs_read_path(struct procfs *pfs, const char *path, const char **data, size_t *len);

/*
 * Whether the pids of this procfs are the caller's own (its pid namespace's
 * procfs): its "self" is our pid and our parent's.
 */
bool procfs_is_own_view(struct procfs *pfs);

/*
 * Our own pid as the procfs numbers it, or 0 when we are not in its view:
 * its "self", when that is us and our parent is its parent.
 */
pid_t procfs_self_pid(struct procfs *pfs);

/*
 * Whether an error is the caller's, not the process's: out of memory or of
 * file descriptors.  It ends a scan instead of passing a process over.
 */
bool procfs_err_fatal(int rc);

void proc_rec_init(struct proc_rec *rec, pid_t pid);
/* Free what a record owns; it may then be filled again. */
void proc_rec_clear(struct proc_rec *rec);

/*
 * Fill the fields of mask that rec does not have yet.  Returns 0, -ESRCH
 * when the process is gone, -EACCES or -EPERM when it may not be read,
 * -EINVAL when a file holds what the kernel would not write, or an error
 * for which procfs_err_fatal() is true.
 */
int procfs_read(struct procfs *pfs, struct proc_rec *rec, unsigned int mask);

/*
 * A whole file of process pid as the kernel wrote it (environ, cgroup, or
 * cmdline with its NULs): *data is allocated, with a NUL added past *len.
 * Returns 0 or the errors of procfs_read().
 */
int procfs_read_file(struct procfs *pfs, pid_t pid, const char *name, char **data, size_t *len);

/* A namespace that a process holds open: the fd and what it refers to. */
struct proc_nsfd {
	int fd;
	enum ns_type type;
	ino_t ino;		/* 0 for a socket: sockns_open() tells its namespace */
	bool socket;
};

/*
 * The namespaces of types (NS_TYPE_BIT() set) that process pid has open, from
 * the links of /proc/PID/fd, and its sockets when network namespaces are
 * among types: *nsfds is allocated, *count long.  Returns 0, or the errors
 * of procfs_read().
 */
int procfs_read_nsfds(struct procfs *pfs, pid_t pid, unsigned int types,
		      struct proc_nsfd **nsfds, size_t *count);

/* The threads of a process, in /proc/PID/task order. */
struct procfs_tasks;

/* Returns 0, -ESRCH when the process is gone, or another negative errno. */
int procfs_tasks_open(struct procfs *pfs, pid_t pid, struct procfs_tasks **tasks);

/* Next thread id (the leader's too): returns 0 (*tid set), 1 (end) or a negative errno. */
int procfs_tasks_next(struct procfs_tasks *tasks, pid_t *tid);
void procfs_tasks_close(struct procfs_tasks *tasks);

/* Why processes were passed over during a scan. */
struct procfs_scan_stats {
	unsigned long listed;		/* numeric entries of the root */
	unsigned long vanished;		/* gone before they were read */
	unsigned long denied;		/* EACCES/EPERM */
	unsigned long corrupt;		/* files that did not parse, other errors */
};

struct procfs_scan;

int procfs_scan_new(struct procfs *pfs, unsigned int mask, struct procfs_scan **scan);

/*
 * Next process, read by the scan's mask.  The record belongs to the scan and
 * is reused by the next call.  Returns 0 (a process), 1 (end), or a negative
 * errno when the root itself cannot be read or procfs_err_fatal().  Processes
 * that vanish, may not be read or fail otherwise are skipped and counted.
 */
int procfs_scan_next(struct procfs_scan *scan, struct proc_rec **rec);
const struct procfs_scan_stats *procfs_scan_stats(const struct procfs_scan *scan);
void procfs_scan_free(struct procfs_scan *scan);

#endif /* PIDNS_PROCFS_H */
