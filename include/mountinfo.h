/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nsfs mounts: namespaces bound to a path (unshare --pid=FILE, ip netns add)
 * that live on with no process in them.
 */
#ifndef PIDNS_MOUNTINFO_H
#define PIDNS_MOUNTINFO_H

#include <stddef.h>
#include <sys/types.h>

#include "nsfs.h"
#include "procfs.h"

struct nsfs_mount {
	enum ns_type type;
	ino_t ino;
	char *path;		/* the mount point, unescaped */
};

/*
 * Parse one line of a mountinfo file (proc(5)).  Returns 1 and fills *m (its
 * path allocated) for an nsfs mount, 0 for a mount of another file system,
 * -EINVAL for a line the kernel would not write, -ENOMEM.
 */
int mountinfo_parse_nsfs(const char *line, size_t len, struct nsfs_mount *m);

/*
 * The nsfs mounts seen by the procfs's "self": its mount namespace.
 * Returns 0, or the errno of reading self/mountinfo (a copy of a procfs
 * may have none).
 */
int nsfs_mounts_read(struct procfs *pfs, struct nsfs_mount **mounts, size_t *count);
void nsfs_mounts_free(struct nsfs_mount *mounts, size_t count);

#endif /* PIDNS_MOUNTINFO_H */
