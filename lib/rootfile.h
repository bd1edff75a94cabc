/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Files read inside a root directory whose owner we do not trust. */
#ifndef PIDNS_ROOTFILE_H
#define PIDNS_ROOTFILE_H

#include <stddef.h>
#include <sys/types.h>

/* The owner of a file that anyone may own. */
#define ROOTFILE_ANY_OWNER	((uid_t)-1)

/*
 * The whole of the regular file path below rootfd, as the root's own
 * processes see it: openat2(2) with RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
 * so an absolute symlink lands inside the root and ".." stops at it; mount
 * points below it are crossed.  *buf is allocated, with a NUL past *len.
 * The file is opened O_PATH first and only reopened for reading (through
 * /proc/self/fd) once fstat says it is a regular file, and owner's unless
 * owner is ROOTFILE_ANY_OWNER: opening a FIFO could block, opening a device
 * node can act, and a user's symlink must not make us read what root may.
 * At most max bytes, whatever st_size says.  Returns 0, -EINVAL (not a
 * regular file), -EPERM (another's), -EFBIG (more than max bytes), -ENOSYS
 * (no openat2, or no /proc/self/fd to reopen through: the caller leaves what
 * it would read unknown rather than follow links unsafely), -ENOMEM, or
 * another negative errno; *buf is left alone on error.
 */
int rootfile_read(int rootfd, const char *path, uid_t owner, size_t max, char **buf,
		  size_t *len);

/*
 * The directory path below rootfd, resolved as rootfile_read() resolves a
 * file, opened for reading.  Returns the fd, -ENOTDIR, or the errors of
 * rootfile_read().
 */
int rootfile_opendir(int rootfd, const char *path);

#endif /* PIDNS_ROOTFILE_H */
