/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The name of the system that lives in a root directory, from its os-release(5). */
#ifndef PIDNS_OSRELEASE_H
#define PIDNS_OSRELEASE_H

#include <stddef.h>
#include <sys/types.h>

struct procfs;

/* Real files are under 1 KiB; a bigger one is refused whole, never cut: a later line could win. */
#define OSRELEASE_MAX	(64 * 1024)

/*
 * The name of the system whose root is rootfd (a directory fd, O_PATH will do): PRETTY_NAME of
 * its etc/os-release, or of usr/lib/os-release when the first does not exist (ENOENT only, as
 * os-release(5) says: an etc/os-release that exists but is bad is an error, not a fallback).
 * When PRETTY_NAME is missing or empty: "NAME VERSION_ID", or NAME alone.
 *
 * Paths resolve inside the root with openat2(2) RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS, so an
 * absolute symlink lands in the container's own /usr and ".." stops at its root; mount points
 * below the root are crossed.  The file is first opened O_PATH and only reopened for reading
 * once fstat says it is a regular file, so a FIFO never blocks and a device node the container
 * made is never opened.  The reopen goes through /proc/self/fd.
 *
 * On success *name is allocated (the caller frees it); on error it is left alone.
 * Returns 0, or
 *   -ENOENT  neither file exists, or the file has neither PRETTY_NAME nor NAME
 *   -ENOSYS  no openat2 (kernel < 5.6, or headers without it), or no /proc/self/fd to reopen
 *            through: the caller leaves the cell empty rather than follow links unsafely
 *   -EFBIG   the file is larger than OSRELEASE_MAX
 *   -EINVAL  not a regular file, or the text does not parse (see osrelease_name_parse())
 *   -ELOOP   too many symlinks, or a magic link such as /proc/self/root on the way
 *   another negative errno of openat2(2), read(2) or malloc (-ENOMEM).
 */
int osrelease_name_at(int rootfd, char **name);

/*
 * The same for the root of process pid of the procfs (PID/root): the system
 * that lives in its mount namespace.  Returns as osrelease_name_at(), and
 * -ESRCH, -EACCES (its root may not be opened) as procfs_read() does.
 */
int osrelease_name_of(struct procfs *pfs, pid_t pid, char **name);

/*
 * The name as above from the text buf[0..len), which need not end in a newline or a NUL.
 *
 * Each line is blank, a comment ('#' first), or KEY=VALUE with KEY [A-Za-z_][A-Za-z0-9_]*
 * right before the '='.  Blanks (space, tab) may lead a line and trail a value.  VALUE is
 *   unquoted:       no blank, quote, backslash or shell special ($ ` ; & | < > ( )), and no '~'
 *                   first or after ':' (a shell would expand it);
 *   'single':       taken as it is, up to the next ';
 *   "double":       \$ \" \\ \` stand for the character; a backslash before anything else stays,
 *                   as in the shell; a backslash at the end of the line (a continuation), or an
 *                   unescaped $ or `, is refused.
 * Nothing may follow a value on its line but blanks: no second quoted part, no comment.
 * A value with a control byte (below 0x20, or 0x7f) is refused; other bytes pass as they are,
 * so the name need not be UTF-8 and the commands escape it on output.
 * When a key is assigned twice the last assignment wins, as when a shell sources the file.
 * An empty PRETTY_NAME, NAME or VERSION_ID (or one of spaces only) counts as missing.
 *
 * Any line that does not parse makes the whole text -EINVAL, whatever its key: a shell could
 * read it as the start of a value that runs over the following lines, so no answer from this
 * file can be trusted, and a wrong name is worse than none.
 *
 * Returns 0 with *name allocated, -ENOENT (neither PRETTY_NAME nor NAME), -EINVAL,
 * -EFBIG (len > OSRELEASE_MAX), or -ENOMEM.  *name is left alone on error.
 */
int osrelease_name_parse(const char *buf, size_t len, char **name);

#endif /* PIDNS_OSRELEASE_H */
