/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The namespace hierarchy through nsfs: parents of pid namespaces, owners. */
#ifndef PIDNS_PIDNS_H
#define PIDNS_PIDNS_H

#include <sys/types.h>

#include "nsid.h"
#include "procfs.h"

/* Open the ns link of a process read-only.  Returns an fd or a negative errno. */
int ns_open(struct procfs *pfs, pid_t pid, enum ns_type type);

/*
 * The parent of a pid or user namespace (NS_GET_PARENT).  *ino is 0 when the
 * parent is outside what the caller may see, or nsfd is a root namespace.
 * Returns 0, -EINVAL for a type that has no parent, or a negative errno.
 */
int ns_parent_ino(int nsfd, ino_t *ino);

/* The user namespace that owns a namespace (NS_GET_USERNS); 0 when out of view. */
int ns_owner_ino(int nsfd, ino_t *ino);

#endif /* PIDNS_PIDNS_H */
