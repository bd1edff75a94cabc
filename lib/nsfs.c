// SPDX-License-Identifier: LGPL-2.1-or-later
/* Namespaces as nsfs shows them: types, inodes, arguments, relatives. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "c.h"
#include "nsfs.h"
#include "nsfs-ioctl.h"
#include "strutils.h"

#ifndef CLONE_NEWTIME
# define CLONE_NEWTIME	0x00000080
#endif

static const struct {
	const char *name;
	int clone_flag;
} ns_types[NS_TYPE_COUNT] = {
	[NS_TYPE_MNT]	 = { "mnt",	CLONE_NEWNS },
	[NS_TYPE_NET]	 = { "net",	CLONE_NEWNET },
	[NS_TYPE_IPC]	 = { "ipc",	CLONE_NEWIPC },
	[NS_TYPE_USER]	 = { "user",	CLONE_NEWUSER },
	[NS_TYPE_PID]	 = { "pid",	CLONE_NEWPID },
	[NS_TYPE_UTS]	 = { "uts",	CLONE_NEWUTS },
	[NS_TYPE_CGROUP] = { "cgroup",	CLONE_NEWCGROUP },
	[NS_TYPE_TIME]	 = { "time",	CLONE_NEWTIME },
};

const char *ns_type_name(enum ns_type type)
{
	return (unsigned int)type < NS_TYPE_COUNT ? ns_types[type].name : NULL;
}

static int ns_type_from_name_len(const char *name, size_t len)
{
	for (size_t i = 0; i < NS_TYPE_COUNT; i++) {
		if (strlen(ns_types[i].name) == len && memcmp(ns_types[i].name, name, len) == 0)
			return (int)i;
	}
	return -EINVAL;
}

int ns_type_from_name(const char *name)
{
	return ns_type_from_name_len(name, strlen(name));
}

int ns_type_from_clone_flag(int flag)
{
	for (size_t i = 0; i < NS_TYPE_COUNT; i++) {
		if (ns_types[i].clone_flag == flag)
			return (int)i;
	}
	return -EINVAL;
}

int ns_link_parse(const char *text, size_t len, enum ns_type *type, ino_t *ino)
{
	const char *end = text + len;
	const char *colon = memchr(text, ':', len);
	const char *p;
	uint64_t val;
	int t;

	if (!colon || end - colon < 4 || colon[1] != '[' || end[-1] != ']')
		return -EINVAL;
	t = ns_type_from_name_len(text, (size_t)(colon - text));
	if (t < 0)
		return t;
	p = colon + 2;
	if (buf_to_u64(&p, end, &val) || p != end - 1 || val == 0)
		return -EINVAL;
	*type = (enum ns_type)t;
	*ino = (ino_t)val;
	return 0;
}

int ns_inode_at(int dirfd, const char *path, enum ns_type type, ino_t *ino)
{
	char text[64];
	enum ns_type got;
	struct stat st;
	ssize_t len;

	/*
	 * The link's text names the namespace: one readlink follows nothing,
	 * costs less than a stat through the link, and reads a procfs copy
	 * whose links dangle just the same.
	 */
	len = readlinkat(dirfd, path, text, sizeof(text));
	if (len >= 0) {
		if ((size_t)len == sizeof(text) || ns_link_parse(text, (size_t)len, &got, ino) ||
		    got != type)
			return -EINVAL;
		return 0;
	}
	if (errno != EINVAL)
		return -errno;

	/* Not a link: a bind mount of an nsfs file, say. */
	if (fstatat(dirfd, path, &st, 0))
		return -errno;
	*ino = st.st_ino;
	return 0;
}

/* Open an nsfs file of the given type; the fd stays open in *fd. */
static int ns_open_checked(int dirfd, const char *path, enum ns_type type, int *fd, ino_t *ino)
{
	struct stat st;
	int nsfd, nstype, rc = 0;

	/* a path from the command line may name a FIFO or a terminal: never block on it */
	nsfd = openat(dirfd, path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (nsfd < 0)
		return -errno;
	nstype = ioctl(nsfd, NS_GET_NSTYPE);
	if (nstype < 0)
		rc = errno == ENOTTY || errno == EINVAL ? -ENOTTY : -errno;
	else if (ns_type_from_clone_flag(nstype) != (int)type)
		rc = -EMEDIUMTYPE;
	else if (fstat(nsfd, &st))
		rc = -errno;
	if (rc) {
		close(nsfd);
		return rc;
	}
	*fd = nsfd;
	*ino = st.st_ino;
	return 0;
}

int ns_arg_open(int procfd, const char *arg, enum ns_type type, struct ns_handle *ns)
{
	char pidpath[sizeof("/ns/") + U64_DIGITS + 16];
	const char *path = arg;
	int dirfd = AT_FDCWD;
	uint64_t num;
	int rc;

	ns->fd = -1;
	if (!strchr(arg, '/')) {
		if (str_to_u64(arg, &num))
			return -EINVAL;
		if (num > NS_PID_MAX_LIMIT) {
			if (num > (uint64_t)UINT32_MAX)
				return -EINVAL;	/* nsfs inode numbers are 32 bits */
			ns->ino = (ino_t)num;
			return 0;
		}
		if (num == 0)
			return -ESRCH;
		snprintf(pidpath, sizeof(pidpath), "%u/ns/%s", (unsigned int)num,
			 ns_type_name(type));
		path = pidpath;
		dirfd = procfd;
	}
	rc = ns_open_checked(dirfd, path, type, &ns->fd, &ns->ino);
	if (rc == -ENOENT && ns_inode_at(dirfd, path, type, &ns->ino) == 0)
		rc = 0;		/* a link that only has text, as in a copy of a procfs */
	if (rc == -ENOENT && path == pidpath) {
		/* a zombie, or a dying process, has lost its links */
		pidpath[strcspn(pidpath, "/")] = '\0';
		rc = faccessat(dirfd, pidpath, F_OK, 0) ? -ESRCH : -ENODATA;
	}
	return rc;
}

void ns_handle_close(struct ns_handle *ns)
{
	if (ns->fd >= 0)
		close(ns->fd);
	ns->fd = -1;
}

int ns_relative_open(int nsfd, enum ns_relation rel, ino_t *ino)
{
	struct stat st;
	int fd = ioctl(nsfd, rel == NS_PARENT ? NS_GET_PARENT : NS_GET_USERNS);

	if (fd < 0)
		return -errno;
	if (fstat(fd, &st)) {
		int rc = -errno;

		close(fd);
		return rc;
	}
	*ino = st.st_ino;
	return fd;
}

int ns_owner_uid(int nsfd, uid_t *uid)
{
	/* Its request number declares no argument, so no checker knows it writes got. */
	uid_t got = (uid_t)-1;

	if (ioctl(nsfd, NS_GET_OWNER_UID, &got))
		return -errno;
	*uid = got;
	return 0;
}
