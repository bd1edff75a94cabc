/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The nsfs ioctls (ioctl_ns(2)).  Debian 12's headers stop at NS_GET_OWNER_UID;
 * the pid translation requests came with Linux 6.11, so define what is missing
 * with the kernel's values.  A kernel that lacks one answers ENOTTY.
 */
#ifndef PIDNS_NSFS_IOCTL_H
#define PIDNS_NSFS_IOCTL_H

#include <sys/ioctl.h>
#ifdef HAVE_LINUX_NSFS_H
# include <linux/nsfs.h>
#endif

#ifndef NSIO
# define NSIO			0xb7
#endif
#if !HAVE_DECL_NS_GET_USERNS
# define NS_GET_USERNS		_IO(NSIO, 0x1)
#endif
#if !HAVE_DECL_NS_GET_PARENT
# define NS_GET_PARENT		_IO(NSIO, 0x2)
#endif
#if !HAVE_DECL_NS_GET_NSTYPE
# define NS_GET_NSTYPE		_IO(NSIO, 0x3)
#endif
#if !HAVE_DECL_NS_GET_OWNER_UID
# define NS_GET_OWNER_UID	_IO(NSIO, 0x4)
#endif
#if !HAVE_DECL_NS_GET_PID_FROM_PIDNS
# define NS_GET_PID_FROM_PIDNS	_IOR(NSIO, 0x6, int)
#endif
#if !HAVE_DECL_NS_GET_TGID_FROM_PIDNS
# define NS_GET_TGID_FROM_PIDNS	_IOR(NSIO, 0x7, int)
#endif
#if !HAVE_DECL_NS_GET_PID_IN_PIDNS
# define NS_GET_PID_IN_PIDNS	_IOR(NSIO, 0x8, int)
#endif
#if !HAVE_DECL_NS_GET_TGID_IN_PIDNS
# define NS_GET_TGID_IN_PIDNS	_IOR(NSIO, 0x9, int)
#endif

#endif /* PIDNS_NSFS_IOCTL_H */
