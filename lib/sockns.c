// SPDX-License-Identifier: LGPL-2.1-or-later
/* Network namespaces held only by sockets, as lsns 2.41 finds them. */
#include <errno.h>
#include <linux/sockios.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sockns.h"

int sockns_open(pid_t pid, int fd)
{
	int pidfd, sk, nsfd;

	/* glibc before 2.36 has no wrappers for these */
	pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	if (pidfd < 0)
		return -errno;
	sk = (int)syscall(SYS_pidfd_getfd, pidfd, fd, 0);
	close(pidfd);
	if (sk < 0)
		return -errno;
	nsfd = ioctl(sk, SIOCGSKNS);
	if (nsfd < 0)
		nsfd = -errno;
	close(sk);
	return nsfd;
}
