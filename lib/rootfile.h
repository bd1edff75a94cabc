/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Files read inside a root directory whose owner we do not trust. */
#ifndef PIDNS_ROOTFILE_H
#define PIDNS_ROOTFILE_H

#include <stddef.h>

/*
 * An O_PATH fd of path as the root's own processes see it: openat2(2) with
 * RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS, so an absolute symlink lands inside
 * the root and ".." stops at it; mount points below it are crossed.  Nothing
 * is opened for reading yet.  Returns the fd, -ENOSYS without openat2 (the
 * caller leaves what it would read unknown rather than follow links unsafely),
 * or another negative errno of openat2.
 */
int rootfile_open(int rootfd, const char *path);

/*
 * The whole of the regular file path below rootfd: *buf is allocated, with a
 * NUL past *len.  It is opened O_PATH first and only reopened for reading (through
 * /proc/self/fd) once fstat says it is a regular file: opening a FIFO could
 * block and opening a device node can act.  At most max bytes, whatever
 * st_size says.  Returns 0, -EINVAL (not a regular file), -EFBIG (more than
 * max bytes), -ENOSYS (as rootfile_open(), or no /proc/self/fd to reopen
 * through), -ENOMEM, or another negative errno; *buf is left alone on error.
 */
int rootfile_read(int rootfd, const char *path, size_t max, char **buf, size_t *len);

/*
 * The directory path below rootfd, opened for reading (O_DIRECTORY) from its
 * O_PATH fd.  Returns the fd, -ENOTDIR, or the errors of rootfile_open().
 */
int rootfile_opendir(int rootfd, const char *path);

#endif /* PIDNS_ROOTFILE_H */
