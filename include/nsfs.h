/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * What nsfs tells of a namespace: the eight types, inode numbers, the
 * namespace argument of a command, and a namespace's relatives.
 */
#ifndef PIDNS_NSFS_H
#define PIDNS_NSFS_H

#include <sys/types.h>

/* In the order lsns documents them. */
enum ns_type {
	NS_TYPE_MNT,
	NS_TYPE_NET,
	NS_TYPE_IPC,
	NS_TYPE_USER,
	NS_TYPE_PID,
	NS_TYPE_UTS,
	NS_TYPE_CGROUP,
	NS_TYPE_TIME,
	NS_TYPE_COUNT
};

/* A set of types, one bit each. */
#define NS_TYPE_BIT(t)	(1u << (t))
#define NS_TYPE_ALL	(NS_TYPE_BIT(NS_TYPE_COUNT) - 1)

/*
 * The largest pid the kernel can ever hand out (PID_MAX_LIMIT on 64-bit).
 * nsfs inode numbers start far above it, which is how a namespace argument
 * tells a pid from an inode.
 */
#define NS_PID_MAX_LIMIT	4194304

/* "pid", "net", ...: the name in /proc/PID/ns/ and in lsns's TYPE column. */
const char *ns_type_name(enum ns_type type);

/* Returns the type named by name, or -EINVAL. */
int ns_type_from_name(const char *name);

/* Returns the type of a CLONE_NEW* flag as NS_GET_NSTYPE reports it, or -EINVAL. */
int ns_type_from_clone_flag(int flag);

/* Parse the text of an ns link, "pid:[4026532257]".  Returns 0 or -EINVAL. */
int ns_link_parse(const char *text, size_t len, enum ns_type *type, ino_t *ino);

/*
 * The inode of the namespace that the ns link at dirfd/path refers to, from
 * the link's text "type:[inode]" (so a copy of a procfs whose links dangle
 * reads too), or from stat(2) when path is no link (a bind-mounted nsfs file).
 * Returns 0, -ENOENT (no such link), -EACCES, or another negative errno.
 */
int ns_inode_at(int dirfd, const char *path, enum ns_type type, ino_t *ino);

/* A namespace as an argument names it: an nsfs fd when one could be opened, or -1. */
struct ns_handle {
	int fd;
	ino_t ino;
};

/*
 * Resolve a namespace argument of a command: a pid (its namespace of the
 * given type, read through the procfs at procfd), an nsfs inode number
 * (a number above NS_PID_MAX_LIMIT), or a path to an nsfs file such as
 * /proc/PID/ns/pid or a bind mount of one.  ns->fd stays open for the
 * ioctls, or is -1 where only the inode is known (an inode number, a link of
 * a procfs copy); ns_handle_close() closes it.
 * Returns 0, -EINVAL (not a pid, inode or path), -ESRCH (no such process),
 * -ENODATA (a process without the link: a zombie, or one that exits),
 * -ENOTTY (the path is not a namespace), -EMEDIUMTYPE (a namespace of
 * another type), or the errno of the failed access.
 */
int ns_arg_open(int procfd, const char *arg, enum ns_type type, struct ns_handle *ns);
void ns_handle_close(struct ns_handle *ns);

/* The relatives nsfs knows of a namespace (ioctl_ns(2)). */
enum ns_relation {
	NS_PARENT,	/* of a pid or user namespace: NS_GET_PARENT */
	NS_OWNER,	/* the user namespace that owns it: NS_GET_USERNS */
};

/*
 * Open the relative of the namespace nsfd is open on, and tell its inode.
 * Returns the relative's fd, or -EPERM when it lies outside what the caller
 * may see (or nsfd is a root), -EINVAL when the type has no such relative,
 * -ENOTTY when the kernel lacks the ioctl (before Linux 4.9), or another
 * negative errno.
 */
int ns_relative_open(int nsfd, enum ns_relation rel, ino_t *ino);

/* Who made the user namespace nsfd is open on (NS_GET_OWNER_UID).  Returns 0 or -errno. */
int ns_owner_uid(int nsfd, uid_t *uid);

#endif /* PIDNS_NSFS_H */
