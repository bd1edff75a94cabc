/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The unit tests that read files: a tree of their own below $TMPDIR, removed at exit. */
#ifndef PIDNS_TMPTREE_H
#define PIDNS_TMPTREE_H

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__has_include)
# if __has_include(<linux/openat2.h>)
#  include <linux/openat2.h>
# endif
#endif

#include "tap.h"

static char tree[4096];

static inline int tmptree_remove_entry(const char *path, const struct stat *st, int flag,
				       struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static inline void remove_tree(void)
{
	if (tree[0])
		nftw(tree, tmptree_remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* tree becomes a new directory named after the test. */
static inline void make_tree(const char *test)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(tree, sizeof(tree), "%s/%s.XXXXXX", tmp && *tmp ? tmp : "/tmp", test);
	if (!mkdtemp(tree))
		bail_out("mkdtemp failed");
	atexit(remove_tree);
}

/* A new directory of the tree: a dir fd of it. */
static inline int tree_subdir(const char *name)
{
	char path[sizeof(tree) + 256];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", tree, name);
	if (mkdir(path, 0755))
		bail_out("mkdir of a case root failed");
	fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		bail_out("open of a case root failed");
	return fd;
}

/* mkdir -p of the directories that lead to path's last component, below dirfd. */
static inline void tree_parents(int dirfd, const char *path)
{
	char buf[4096];

	snprintf(buf, sizeof(buf), "%s", path);
	for (char *slash = strchr(buf, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdirat(dirfd, buf, 0755) && errno != EEXIST)
			bail_out("mkdir in the tree failed");
		*slash = '/';
	}
}

/* The file path below dirfd, and the directories on its way, holding text[0..len). */
static inline void tree_put(int dirfd, const char *path, const char *text, size_t len)
{
	int fd;

	tree_parents(dirfd, path);
	fd = openat(dirfd, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 || write(fd, text, len) != (ssize_t)len || close(fd))
		bail_out("writing a file of the tree failed");
}

/*
 * SIGALRM's handler while a test opens a FIFO that must not block: when it
 * does, the test fails at once, and the tree goes as the main flow cannot.
 */
static inline void fifo_blocked(int sig)
{
	static const char msg[] = "not ok - a FIFO blocked for 10 s\n";

	(void)sig;
	fflush(stdout);
	if (write(STDOUT_FILENO, msg, sizeof(msg) - 1) < 0)
		_exit(2);
	remove_tree();
	_exit(1);
}

/* Open descriptors of this process, to see that none is left behind. */
static inline int count_fds(void)
{
	DIR *dir = opendir("/proc/self/fd");
	int n = 0;

	if (!dir)
		bail_out("cannot list /proc/self/fd");
	while (readdir(dir))
		n++;
	closedir(dir);
	return n;
}

/* Whether the kernel has openat2 at all: valgrind 3.19 does not know it either. */
static inline int have_openat2(void)
{
#if defined(RESOLVE_IN_ROOT) && defined(SYS_openat2)
	struct open_how how = { .flags = O_PATH | O_CLOEXEC };
	int fd = (int)syscall(SYS_openat2, AT_FDCWD, "/", &how, sizeof(how));

	if (fd >= 0)
		close(fd);
	return fd >= 0 || errno != ENOSYS;
#else
	return 0;
#endif
}

#endif /* PIDNS_TMPTREE_H */
