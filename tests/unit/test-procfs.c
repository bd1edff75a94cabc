// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests of the procfs scan and reads on the article's fixture tree. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "c.h"
#include "procfs.h"
#include "tap.h"

static struct procfs *open_fixture(void)
{
	char root[4200];
	struct procfs *pfs = NULL;

	snprintf(root, sizeof(root), "%s/procfs-article", fixture_dir());
	if (procfs_open(root, &pfs))
		bail_out("cannot open the fixture procfs");
	return pfs;
}

static void test_scan(struct procfs *pfs)
{
	/* 401 has no ns links, as on a kernel without the type: a record, ns 0. */
	static const pid_t want[] = { 1, 2, 221, 226, 401, 83194 };
	const struct procfs_scan_stats *stats;
	struct procfs_scan *scan = NULL;
	struct proc_rec *rec;
	pid_t got[16];
	size_t n = 0;
	int rc;

	is_int(procfs_scan_new(pfs, NS_TYPE_BIT(NS_TYPE_PID), &scan), 0, "scan: start");
	while ((rc = procfs_scan_next(scan, &rec)) == 0 && n < 16) {
		ok(rec->have == NS_TYPE_BIT(NS_TYPE_PID), "scan: pid %d has its pid ns only",
		   rec->pid);
		got[n++] = rec->pid;
	}
	is_int(rc, 1, "scan: ends with 1");
	is_int(n, ARRAY_SIZE(want), "scan: six processes read");
	for (size_t i = 0; i < n; i++) {
		int found = 0;

		for (size_t j = 0; j < ARRAY_SIZE(want); j++)
			found |= got[i] == want[j];
		ok(found, "scan: pid %d is one of the fixture's", got[i]);
	}
	stats = procfs_scan_stats(scan);
	is_int(stats->listed, 7, "scan: seven numeric entries, 'self', 'sys', '12abc' ignored");
	is_int(stats->corrupt, 1, "scan: the broken link is counted as corrupt");
	is_int(stats->vanished, 0, "scan: nothing vanished");
	is_int(stats->denied, 0, "scan: nothing denied");
	procfs_scan_free(scan);
}

static void test_no_links(struct procfs *pfs)
{
	struct proc_rec rec;

	proc_rec_init(&rec, 401);
	is_int(procfs_read(pfs, &rec, PROC_READ_NS_ALL), 0,
	       "read: a process without ns links reads");
	is_int(rec.ns[NS_TYPE_PID], 0, "read: its pid ns is unknown (0)");
	proc_rec_clear(&rec);
}

static void test_read(struct procfs *pfs)
{
	struct proc_rec rec;

	proc_rec_init(&rec, 83194);
	is_int(procfs_read(pfs, &rec, PROC_READ_STATUS | PROC_READ_CMDLINE), 0,
	       "read: status and cmdline of the sleep");
	is_int(rec.status.nlevels, 3, "read: three levels");
	is_int(rec.status.nspid[2], 3059, "read: the innermost pid");
	is_str(rec.cmdline, "sleep 600000", "read: the command line");
	ok(!(rec.have & PROC_READ_STAT), "read: stat was not asked for");

	is_int(procfs_read(pfs, &rec, PROC_READ_STAT | PROC_READ_NS_ALL), 0,
	       "read: more fields later");
	is_str(rec.stat.comm, "sleep", "read: comm");
	is_int(rec.stat.ppid, 83190, "read: ppid");
	is_int(rec.ns[NS_TYPE_UTS], 4026532258, "read: uts namespace");
	is_int(rec.ns[NS_TYPE_NET], 4026531840, "read: net namespace");
	proc_rec_clear(&rec);

	proc_rec_init(&rec, 2);
	is_int(procfs_read(pfs, &rec, PROC_READ_CMDLINE | PROC_READ_OWNER), 0,
	       "read: a kernel thread");
	is_int(rec.cmdline_len, 0, "read: a kernel thread's cmdline is empty");
	is_str(rec.cmdline, "", "read: and a valid string");
	is_int(rec.owner, getuid(), "read: owner of the fixture's directory");
	proc_rec_clear(&rec);

	proc_rec_init(&rec, 999);
	is_int(procfs_read(pfs, &rec, PROC_READ_STAT), -ESRCH, "read: a missing pid is -ESRCH");
	is_int(procfs_read(pfs, &rec, NS_TYPE_BIT(NS_TYPE_PID)), -ESRCH,
	       "read: a missing pid's ns link is -ESRCH");
	proc_rec_clear(&rec);
}

static void test_read_file(struct procfs *pfs)
{
	char *data = NULL;
	size_t len = 0;

	is_int(procfs_read_file(pfs, 83194, "cmdline", &data, &len), 0, "file: a raw cmdline");
	is_int(len, sizeof("sleep\0" "600000"), "file: its length, the last NUL too");
	ok(data && memcmp(data, "sleep\0" "600000\0", len + 1) == 0,
	   "file: the NULs between arguments are kept, one is added");
	free(data);
	is_int(procfs_read_file(pfs, 83194, "environ", &data, &len), -ESRCH,
	       "file: a file that is not there is -ESRCH, as a vanished process");
	is_int(procfs_read_file(pfs, 999, "cmdline", &data, &len), -ESRCH,
	       "file: a missing pid is -ESRCH");
}

/* 1/fd/ holds a pid and a net namespace among a file, a socket and garbage. */
static void test_nsfds(struct procfs *pfs)
{
	struct proc_nsfd *fds = NULL;
	size_t n = 0;

	is_int(procfs_read_nsfds(pfs, 1, NS_TYPE_BIT(NS_TYPE_PID), &fds, &n), 0, "nsfds: read 1/fd");
	is_int((int)n, 1, "nsfds: one pid namespace, not the file, socket or garbage");
	if (n == 1) {
		is_int(fds[0].fd, 3, "nsfds: its fd");
		ok(fds[0].type == NS_TYPE_PID && fds[0].ino == 4026532257, "nsfds: its type and inode");
	}
	free(fds);
	is_int(procfs_read_nsfds(pfs, 1, NS_TYPE_ALL, &fds, &n), 0, "nsfds: every type");
	is_int((int)n, 3, "nsfds: the pid namespace, the socket and the net namespace");
	for (size_t i = 0; i < n; i++) {
		if (fds[i].fd == 4)
			ok(fds[i].socket && fds[i].type == NS_TYPE_NET && !fds[i].ino,
			   "nsfds: the socket, its namespace not known yet");
		else
			ok(!fds[i].socket && fds[i].ino, "nsfds: a namespace, not a socket");
	}
	free(fds);
	is_int(procfs_read_nsfds(pfs, 2, NS_TYPE_ALL, &fds, &n), -ESRCH, "nsfds: no fd/ is -ESRCH");
}

/* Live: an nsfs fd of our own is found by its number. */
static void test_live_nsfds(struct procfs *pfs)
{
	int fd = open("/proc/self/ns/uts", O_RDONLY | O_CLOEXEC);
	struct proc_nsfd *fds = NULL;
	size_t n = 0;
	bool found = false;

	is_int(procfs_read_nsfds(pfs, getpid(), NS_TYPE_BIT(NS_TYPE_UTS), &fds, &n), 0,
	       "live nsfds: read my fd/");
	for (size_t i = 0; i < n; i++)
		found |= fds[i].fd == fd && fds[i].type == NS_TYPE_UTS;
	ok(fd >= 0 && found, "live nsfds: my uts namespace fd");
	free(fds);
	close(fd);
}

/* Live: this test is one thread, so its task/ holds its own pid alone. */
static void test_tasks(struct procfs *pfs)
{
	struct procfs_tasks *tasks = NULL;
	pid_t tid = 0;

	is_int(procfs_tasks_open(pfs, getpid(), &tasks), 0, "tasks: open my task/");
	is_int(procfs_tasks_next(tasks, &tid), 0, "tasks: one thread");
	is_int(tid, getpid(), "tasks: the leader's id is the pid");
	is_int(procfs_tasks_next(tasks, &tid), 1, "tasks: then the end");
	procfs_tasks_close(tasks);
	is_int(procfs_tasks_open(pfs, INT_MAX, &tasks), -ESRCH, "tasks: a missing pid is -ESRCH");
}

static void test_live(void)
{
	struct procfs *pfs = NULL;
	struct proc_rec rec;
	char self[64];

	is_int(procfs_open(NULL, &pfs), 0, "live: open /proc");
	proc_rec_init(&rec, getpid());
	is_int(procfs_read(pfs, &rec, PROC_READ_STAT | PROC_READ_STATUS | PROC_READ_CMDLINE |
			   PROC_READ_NS_ALL), 0, "live: read myself");
	is_int(rec.stat.ppid, getppid(), "live: my ppid");
	ok(rec.status.nlevels >= 1, "live: at least one pid level");
	is_int(rec.status.nspid[0], getpid(), "live: outermost NSpid is my pid in /proc");
	ok(strstr(rec.cmdline, "test-procfs") != NULL, "live: my command line");
	snprintf(self, sizeof(self), "%.15s", "test-procfs");
	is_str(rec.stat.comm, self, "live: my comm");
	ok(rec.ns[NS_TYPE_PID] != 0, "live: my pid namespace");
	proc_rec_clear(&rec);
	test_tasks(pfs);
	test_live_nsfds(pfs);
	procfs_close(pfs);

	is_int(procfs_open("/nonexistent-procfs", &pfs), -ENOENT, "open: missing directory");
	is_int(procfs_open("/etc/hostname", &pfs), -ENOTDIR, "open: not a directory");
}

int main(void)
{
	struct procfs *pfs = open_fixture();

	test_scan(pfs);
	test_no_links(pfs);
	test_read(pfs);
	test_read_file(pfs);
	test_nsfds(pfs);
	procfs_close(pfs);
	test_live();
	return done_testing();
}
