// SPDX-License-Identifier: LGPL-2.1-or-later
/* Files read inside a root directory whose owner we do not trust. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__has_include)
# if __has_include(<linux/openat2.h>)
#  include <linux/openat2.h>
# endif
#endif

#include "rootfile.h"

#if defined(RESOLVE_IN_ROOT) && defined(SYS_openat2)
/* openat2 says EAGAIN when a rename races a ".." walk; the root's owner can make it race. */
#define OPENAT2_TRIES	4

/* An O_PATH fd of path inside the root: nothing is opened for reading yet. */
static int open_in_root(int rootfd, const char *path)
{
	struct open_how how = {
		.flags = O_PATH | O_CLOEXEC,
		.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
	};
	int tries = OPENAT2_TRIES;
	int fd;

	do {
		fd = (int)syscall(SYS_openat2, rootfd, path, &how, sizeof(how));
	} while (fd < 0 && (errno == EAGAIN || errno == EINTR) && --tries);
	return fd < 0 ? -errno : fd;
}
#else
static int open_in_root(int rootfd, const char *path)
{
	(void)rootfd;
	(void)path;
	return -ENOSYS;
}
#endif

/* Open for reading what pathfd is, once fstat says it is a regular file of owner. */
static int reopen_regular(int pathfd, uid_t owner)
{
	char proc[sizeof("/proc/self/fd/") + 3 * sizeof(int)];
	struct stat st;
	int fd;

	if (fstat(pathfd, &st))
		return -errno;
	if (!S_ISREG(st.st_mode))
		return -EINVAL;
	if (owner != ROOTFILE_ANY_OWNER && st.st_uid != owner)
		return -EPERM;
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", pathfd);
	fd = open(proc, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd >= 0)
		return fd;
	/* no /proc mounted: as without openat2 no safe way is left (and the file does exist) */
	return errno == ENOENT ? -ENOSYS : -errno;
}

/* Most files read are small: start there, double, and stop at max + 1 bytes (and the NUL). */
#define READ_FIRST	4096

static int grow(char **b, size_t *cap, size_t max)
{
	size_t want = !*cap ? READ_FIRST : *cap > (max + 1) / 2 ? max + 1 : *cap * 2;
	char *nb;

	if (want > max + 1)
		want = max + 1;
	nb = realloc(*b, want + 1);

	if (!nb)
		return -ENOMEM;
	*b = nb;
	*cap = want;
	return 0;
}

/*
 * Up to max + 1 bytes, whatever st_size says (procfs says 0, a file may
 * grow), to the read that returns nothing: procfs and FUSE read short
 * before their end.  The buffer grows as the file turns out to be long, so
 * that a small file costs no max-sized allocation.
 */
static int read_bounded(int fd, size_t max, char **buf, size_t *len)
{
	size_t cap = 0, n = 0;
	char *b = NULL;
	int rc = 0;

	while (!rc && n <= max) {
		ssize_t got;

		if (n == cap && (rc = grow(&b, &cap, max)))
			break;
		got = read(fd, b + n, cap - n);
		if (got == 0)
			break;
		if (got > 0)
			n += (size_t)got;
		else if (errno != EINTR)
			rc = -errno;
	}
	if (!rc && n > max)
		rc = -EFBIG;
	if (rc) {
		free(b);
		return rc;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}

int rootfile_read(int rootfd, const char *path, uid_t owner, size_t max, char **buf,
		  size_t *len)
{
	int pathfd = open_in_root(rootfd, path);
	int fd, rc;

	if (pathfd < 0)
		return pathfd;
	fd = reopen_regular(pathfd, owner);
	close(pathfd);
	if (fd < 0)
		return fd;
	rc = read_bounded(fd, max, buf, len);
	close(fd);
	return rc;
}

int rootfile_opendir(int rootfd, const char *path)
{
	int pathfd = open_in_root(rootfd, path);
	int fd;

	if (pathfd < 0)
		return pathfd;
	fd = openat(pathfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	close(pathfd);
	return fd < 0 ? -errno : fd;
}
