/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Parsers of /proc/PID/{status,stat,cmdline} text.  They work on buffers, not
 * files, so unit tests and fuzzers can feed them anything.
 */
#ifndef PIDNS_PROCPARSE_H
#define PIDNS_PROCPARSE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* MAX_PID_NS_LEVEL is 32, so an NSpid: line holds at most 33 values. */
#define PROC_NS_LEVELS_MAX	33

/* Field groups of struct proc_status, set in proc_status.have when seen. */
enum {
	STATUS_HAVE_UID		= 1 << 0,
	STATUS_HAVE_GID		= 1 << 1,
	STATUS_HAVE_CAPEFF	= 1 << 2,
	STATUS_HAVE_NSTGID	= 1 << 3,
	STATUS_HAVE_NSPID	= 1 << 4,
	STATUS_HAVE_NSPGID	= 1 << 5,
	STATUS_HAVE_NSSID	= 1 << 6,
	STATUS_HAVE_PPID	= 1 << 7,
};

/* Index into the uid[] and gid[] arrays, in the order status lists them. */
enum { ID_REAL, ID_EFFECTIVE, ID_SAVED, ID_FS, ID_COUNT };

struct proc_status {
	unsigned int have;
	uid_t uid[ID_COUNT];
	gid_t gid[ID_COUNT];
	uint64_t cap_eff;
	pid_t ppid;		/* in the procfs's pid namespace; 0 when not in it */
	/* Values of the NS* lines, outermost level first; all lines agree on nlevels. */
	unsigned int nlevels;
	pid_t nstgid[PROC_NS_LEVELS_MAX];
	pid_t nspid[PROC_NS_LEVELS_MAX];
	pid_t nspgid[PROC_NS_LEVELS_MAX];
	pid_t nssid[PROC_NS_LEVELS_MAX];
};

/* Kernel threads of some kinds have names longer than TASK_COMM_LEN. */
#define PROC_COMM_MAX	64

struct proc_stat {
	char comm[PROC_COMM_MAX + 1];
	char state;
	pid_t ppid;
	pid_t pgrp;
	pid_t session;
	int tty_nr;
	uint64_t starttime;	/* clock ticks after boot */
};

/*
 * Parse a status file.  Lines it does not know are ignored and a missing
 * line leaves its have bit clear.  Returns 0, or -EINVAL for a line it
 * knows that is malformed (an NS* line with more than 33 values, or NS*
 * lines that disagree on the number of levels).
 */
int procparse_status(const char *buf, size_t len, struct proc_status *st);

/*
 * Parse a stat line.  comm runs from the first '(' to the last ')', so it may
 * itself hold spaces and parentheses.  Returns 0 or -EINVAL.
 */
int procparse_stat(const char *buf, size_t len, struct proc_stat *st);

/*
 * Turn a cmdline file in place into one printable line: the NULs between
 * arguments become spaces, the final one goes, so empty last arguments
 * stay as lsns and ps show them.  Returns the new length
 * (0 for a kernel thread or a zombie).  buf is not NUL-terminated by this.
 */
size_t procparse_cmdline(char *buf, size_t len);

/*
 * The cgroup v2 path of a cgroup file, from its line "0::PATH".  Returns 0
 * with *path (not NUL-terminated) and *pathlen set, or -ENOENT when the
 * file has no such line (cgroup v1 only).
 */
int procparse_cgroup2(const char *buf, size_t len, const char **path, size_t *pathlen);

/*
 * The value of the variable name[0..namelen) in an environ file (NAME=VALUE
 * entries, each ended by a NUL).  Returns 0 with *value (not NUL-terminated)
 * and *valuelen set, or -ENOENT when the variable is not there.
 */
int procparse_environ(const char *buf, size_t len, const char *name, size_t namelen,
		      const char **value, size_t *valuelen);

#endif /* PIDNS_PROCPARSE_H */
