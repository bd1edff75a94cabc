// SPDX-License-Identifier: LGPL-2.1-or-later
/* The namespace hierarchy through the nsfs ioctls (ioctl_ns(2)). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nsfs-ioctl.h"
#include "pidns.h"

int ns_open(struct procfs *pfs, pid_t pid, enum ns_type type)
{
	char path[32];
	int fd;

	snprintf(path, sizeof(path), "%d/ns/%s", pid, ns_type_name(type));
	fd = openat(procfs_dirfd(pfs), path, O_RDONLY | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

/* Follow one nsfs relation; EPERM means the relative is above our view. */
static int ns_relative_ino(int nsfd, unsigned long request, ino_t *ino)
{
	struct stat st;
	int fd, rc = 0;

	fd = ioctl(nsfd, request);
	if (fd < 0) {
		if (errno != EPERM)
			return -errno;
		*ino = 0;
		return 0;
	}
	if (fstat(fd, &st))
		rc = -errno;
	else
		*ino = st.st_ino;
	close(fd);
	return rc;
}

int ns_parent_ino(int nsfd, ino_t *ino)
{
	return ns_relative_ino(nsfd, NS_GET_PARENT, ino);
}

int ns_owner_ino(int nsfd, ino_t *ino)
{
	return ns_relative_ino(nsfd, NS_GET_USERNS, ino);
}
