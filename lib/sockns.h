/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The network namespace of a socket that another process holds. */
#ifndef PIDNS_SOCKNS_H
#define PIDNS_SOCKNS_H

#include <sys/types.h>

/*
 * Open the network namespace of the socket that process pid (a pid in the
 * caller's own pid namespace) has open as fd: pidfd_getfd(2), which needs
 * the right to ptrace pid, then SIOCGSKNS.  Returns an nsfs fd, or a
 * negative errno: -ESRCH when the process is gone, -EBADF when the fd is
 * closed, -EPERM when its fds are not ours to take, -ENOSYS before Linux 5.6.
 */
int sockns_open(pid_t pid, int fd);

#endif /* PIDNS_SOCKNS_H */
