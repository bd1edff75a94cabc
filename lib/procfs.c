// SPDX-License-Identifier: LGPL-2.1-or-later
/* Reading processes from a procfs root, by request mask. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <linux/magic.h>

#include "c.h"
#include "procfs.h"
#include "strutils.h"

/* Grows to the largest file read so far; status and stat fit the first size. */
struct readbuf {
	char *data;
	size_t cap;
};

struct procfs {
	int dirfd;
	char *path;
	struct readbuf buf;
};

struct procfs_scan {
	struct procfs *pfs;
	DIR *dir;
	unsigned int mask;
	struct proc_rec rec;
	struct procfs_scan_stats stats;
};

#define READBUF_MIN	4096
/* Far above any command line the kernel lets a process have. */
#define READBUF_MAX	(256u << 20)

/* A directory below dirfd, open for reading: 0 or a negative errno. */
static int opendir_at(int dirfd, const char *path, DIR **dir)
{
	int fd = openat(dirfd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -errno;
	*dir = fdopendir(fd);
	if (*dir)
		return 0;
	rc = -errno;
	close(fd);
	return rc;
}

/*
 * A copy of a procfs (a fixture, a tree saved from a broken host) is no
 * procfs to statfs(); it passes when one of its first numeric entries is a
 * process directory with a stat file.  /etc or an empty directory does not.
 */
static bool holds_processes(int dirfd)
{
	unsigned int tried = 0;
	struct dirent *d;
	bool found = false;
	DIR *dir;

	if (opendir_at(dirfd, ".", &dir))
		return false;
	while (!found && tried < 32 && (d = readdir(dir))) {
		char path[sizeof(d->d_name) + sizeof("/stat")];
		struct stat st;

		if (d->d_name[0] < '1' || d->d_name[0] > '9' ||
		    d->d_name[strspn(d->d_name, "0123456789")])
			continue;
		tried++;
		snprintf(path, sizeof(path), "%s/stat", d->d_name);
		found = !fstatat(dirfd, path, &st, AT_SYMLINK_NOFOLLOW) && S_ISREG(st.st_mode);
	}
	closedir(dir);
	return found;
}

static int check_procfs(int dirfd)
{
	struct statfs sfs;

	if (fstatfs(dirfd, &sfs))
		return -errno;
	if (sfs.f_type == PROC_SUPER_MAGIC || holds_processes(dirfd))
		return 0;
	return -EMEDIUMTYPE;
}

int procfs_open(const char *path, struct procfs **pfs)
{
	struct procfs *p;
	int rc;

	if (!path)
		path = "/proc";
	p = calloc(1, sizeof(*p));
	if (!p)
		return -ENOMEM;
	p->path = strdup(path);
	if (!p->path) {
		free(p);
		return -ENOMEM;
	}
	/* "/proc/" names the same root as "/proc"; PATH cells join with a '/' */
	for (size_t len = strlen(p->path); len > 1 && p->path[len - 1] == '/'; len--)
		p->path[len - 1] = '\0';
	p->dirfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	rc = p->dirfd < 0 ? -errno : check_procfs(p->dirfd);
	if (rc) {
		if (p->dirfd >= 0)
			close(p->dirfd);
		free(p->path);
		free(p);
		return rc;
	}
	*pfs = p;
	return 0;
}

bool procfs_err_fatal(int rc)
{
	return rc == -ENOMEM || rc == -EMFILE || rc == -ENFILE;
}

void procfs_close(struct procfs *pfs)
{
	if (!pfs)
		return;
	close(pfs->dirfd);
	free(pfs->buf.data);
	free(pfs->path);
	free(pfs);
}

int procfs_dirfd(const struct procfs *pfs)
{
	return pfs->dirfd;
}

const char *procfs_path(const struct procfs *pfs)
{
	return pfs->path;
}

int procfs_open_ns(struct procfs *pfs, pid_t pid, enum ns_type type)
{
	char path[sizeof("/ns/") + U64_DIGITS + 16];
	int fd;

	snprintf(path, sizeof(path), "%d/ns/%s", pid, ns_type_name(type));
	fd = openat(pfs->dirfd, path, O_RDONLY | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

/* The errno of a failed access to a process's file, as procfs_read() reports it. */
static int proc_errno(int err)
{
	switch (err) {
	case ENOENT:
	case ESRCH:
		return -ESRCH;
	case ENOTDIR:
		return -EINVAL;	/* a numeric entry that is not a process */
	default:
		return -err;
	}
}

int procfs_open_root(struct procfs *pfs, pid_t pid)
{
	char path[sizeof("/root") + U64_DIGITS];
	int fd;

	snprintf(path, sizeof(path), "%d/root", pid);
	fd = openat(pfs->dirfd, path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	return fd < 0 ? proc_errno(errno) : fd;
}

/* Read a whole file below the root into pfs->buf; *len excludes the NUL added. */
static int read_proc_file(struct procfs *pfs, const char *path, size_t *len)
{
	struct readbuf *b = &pfs->buf;
	size_t n = 0;
	int fd, rc = 0;

	fd = openat(pfs->dirfd, path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return proc_errno(errno);
	for (;;) {
		ssize_t got;

		if (b->cap - n < 2) {
			size_t cap = b->cap ? b->cap * 2 : READBUF_MIN;
			char *data;

			if (cap > READBUF_MAX) {
				rc = -EFBIG;	/* no kernel file is this big: a copy or a device */
				break;
			}
			data = realloc(b->data, cap);

			if (!data) {
				rc = -ENOMEM;
				break;
			}
			b->data = data;
			b->cap = cap;
		}
		got = read(fd, b->data + n, b->cap - n - 1);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			rc = proc_errno(errno);
			break;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	if (!rc) {
		b->data[n] = '\0';
		*len = n;
	}
	return rc;
}

static int read_ns(struct procfs *pfs, struct proc_rec *rec, unsigned int types)
{
	unsigned int denied = 0;
	char path[32];
	struct stat st;

	for (unsigned int t = 0; t < NS_TYPE_COUNT; t++) {
		int rc;

		if (!(types & NS_TYPE_BIT(t)))
			continue;
		snprintf(path, sizeof(path), "%d/ns/%s", rec->pid, ns_type_name(t));
		rc = ns_inode_at(pfs->dirfd, path, t, &rec->ns[t]);
		if (rc == -ENOENT) {
			/* Either the kernel lacks this type or the process is gone: which? */
			snprintf(path, sizeof(path), "%d", rec->pid);
			if (fstatat(pfs->dirfd, path, &st, 0))
				return proc_errno(errno);
			rec->ns[t] = 0;
		} else if (rc == -EACCES || rc == -EPERM) {
			/* as lsns: the other types still count; denied alone is unreadable */
			rec->ns[t] = 0;
			denied |= NS_TYPE_BIT(t);
		} else if (rc) {
			return proc_errno(-rc);
		}
	}
	return denied == types ? -EACCES : 0;
}

static int read_owner(struct procfs *pfs, struct proc_rec *rec)
{
	char path[16];
	struct stat st;

	snprintf(path, sizeof(path), "%d", rec->pid);
	if (fstatat(pfs->dirfd, path, &st, 0))
		return proc_errno(errno);
	rec->owner = st.st_uid;
	return 0;
}

int procfs_read_path(struct procfs *pfs, const char *path, const char **data, size_t *len)
{
	int rc = read_proc_file(pfs, path, len);

	if (!rc)
		*data = pfs->buf.data;
	return rc;
}

/* Read the file name of the process into pfs->buf. */
static int read_pid_file(struct procfs *pfs, pid_t pid, const char *name, size_t *len)
{
	char path[32];

	snprintf(path, sizeof(path), "%d/%s", pid, name);
	return read_proc_file(pfs, path, len);
}

static int read_stat(struct procfs *pfs, struct proc_rec *rec)
{
	size_t len;
	int rc = read_pid_file(pfs, rec->pid, "stat", &len);

	return rc ? rc : procparse_stat(pfs->buf.data, len, &rec->stat);
}

static int read_status(struct procfs *pfs, struct proc_rec *rec)
{
	size_t len;
	int rc = read_pid_file(pfs, rec->pid, "status", &len);

	return rc ? rc : procparse_status(pfs->buf.data, len, &rec->status);
}

int procfs_read_file(struct procfs *pfs, pid_t pid, const char *name, char **data, size_t *len)
{
	int rc = read_pid_file(pfs, pid, name, len);

	if (rc)
		return rc;
	*data = malloc(*len + 1);
	if (!*data)
		return -ENOMEM;
	memcpy(*data, pfs->buf.data, *len + 1);
	return 0;
}

static int read_cmdline(struct procfs *pfs, struct proc_rec *rec)
{
	size_t len;
	int rc = read_pid_file(pfs, rec->pid, "cmdline", &len);

	if (rc)
		return rc;
	len = procparse_cmdline(pfs->buf.data, len);
	rec->cmdline = strndup(pfs->buf.data, len);
	if (!rec->cmdline)
		return -ENOMEM;
	rec->cmdline_len = len;
	return 0;
}

bool procfs_is_own_view(struct procfs *pfs)
{
	char text[U64_DIGITS + 1];
	struct proc_rec rec;
	uint64_t self;
	ssize_t len;
	bool own;

	len = readlinkat(pfs->dirfd, "self", text, sizeof(text) - 1);
	if (len <= 0)
		return false;
	text[len] = '\0';
	if (str_to_u64(text, &self) || self != (uint64_t)getpid())
		return false;
	/*
	 * Our pid can exist by chance in another pid namespace; that its
	 * parent is our parent too is hardly chance.
	 */
	proc_rec_init(&rec, (pid_t)self);
	own = procfs_read(pfs, &rec, PROC_READ_STAT) == 0 && rec.stat.ppid == getppid();
	proc_rec_clear(&rec);
	return own;
}

/* Of process pid of the procfs: its pid in its own namespace, its level, its parent. */
struct innermost {
	pid_t pid;
	unsigned int nlevels;
	pid_t ppid;
};

static bool read_innermost(struct procfs *pfs, pid_t pid, struct innermost *in)
{
	struct proc_rec rec;
	bool ok;

	proc_rec_init(&rec, pid);
	ok = pid > 0 && procfs_read(pfs, &rec, PROC_READ_STATUS) == 0 &&
	     (rec.status.have & (STATUS_HAVE_NSPID | STATUS_HAVE_PPID)) ==
		     (STATUS_HAVE_NSPID | STATUS_HAVE_PPID);
	if (ok)
		*in = (struct innermost){ .pid = rec.status.nspid[rec.status.nlevels - 1],
					  .nlevels = rec.status.nlevels, .ppid = rec.status.ppid };
	proc_rec_clear(&rec);
	return ok;
}

pid_t procfs_self_pid(struct procfs *pfs)
{
	char text[U64_DIGITS + 1];
	struct innermost self, parent;
	uint64_t pid;
	ssize_t len;

	len = readlinkat(pfs->dirfd, "self", text, sizeof(text) - 1);
	if (len <= 0)
		return 0;
	text[len] = '\0';
	if (str_to_u64(text, &pid) || pid > INT_MAX || !read_innermost(pfs, (pid_t)pid, &self) ||
	    self.pid != getpid() || !read_innermost(pfs, self.ppid, &parent))
		return 0;
	/*
	 * In a copy "self" is any text: our parent must be its parent too, and
	 * one that getppid() cannot name lies in a namespace above ours.
	 */
	if (getppid() ? parent.pid == getppid() : parent.nlevels < self.nlevels)
		return (pid_t)pid;
	return 0;
}

void proc_rec_init(struct proc_rec *rec, pid_t pid)
{
	memset(rec, 0, sizeof(*rec));
	rec->pid = pid;
}

void proc_rec_clear(struct proc_rec *rec)
{
	free(rec->cmdline);
	proc_rec_init(rec, rec->pid);
}

int procfs_read(struct procfs *pfs, struct proc_rec *rec, unsigned int mask)
{
	static const struct {
		unsigned int bit;
		int (*read)(struct procfs *pfs, struct proc_rec *rec);
	} steps[] = {
		/* cheap first: the owner tells a vanished process before a file is opened */
		{ PROC_READ_OWNER,   read_owner },
		{ PROC_READ_STAT,    read_stat },
		{ PROC_READ_STATUS,  read_status },
		{ PROC_READ_CMDLINE, read_cmdline },
	};
	unsigned int todo = mask & ~rec->have;
	int first = 0;

	if (todo & PROC_READ_NS_ALL) {
		first = read_ns(pfs, rec, todo & PROC_READ_NS_ALL);
		if (!first)
			rec->have |= todo & PROC_READ_NS_ALL;
		else if (first == -ESRCH || procfs_err_fatal(first))
			return first;
	}
	/* One file that fails leaves the others' fields good, unless the process is gone. */
	for (size_t i = 0; i < ARRAY_SIZE(steps); i++) {
		int rc;

		if (!(todo & steps[i].bit))
			continue;
		rc = steps[i].read(pfs, rec);
		if (!rc)
			rec->have |= steps[i].bit;
		else if (!first)
			first = rc;
		if (procfs_err_fatal(rc))
			return rc;
		if (rc == -ESRCH)
			break;
	}
	return first;
}

int procfs_scan_new(struct procfs *pfs, unsigned int mask, struct procfs_scan **scan)
{
	struct procfs_scan *s;
	int rc;

	s = calloc(1, sizeof(*s));
	if (!s)
		return -ENOMEM;
	rc = opendir_at(pfs->dirfd, ".", &s->dir);
	if (rc) {
		free(s);
		return rc;
	}
	s->pfs = pfs;
	s->mask = mask;
	*scan = s;
	return 0;
}

/* The pid a directory entry of the root or of task/ names, or 0. */
static pid_t entry_pid(const struct dirent *d)
{
	uint64_t pid;

	if (d->d_type != DT_DIR && d->d_type != DT_UNKNOWN)
		return 0;
	if (str_to_u64(d->d_name, &pid) || pid == 0 || pid > INT_MAX)
		return 0;
	return (pid_t)pid;
}

/* readdir() that tells the end (1) from an error (<0). */
static int next_entry(DIR *dir, struct dirent **d)
{
	errno = 0;
	*d = readdir(dir);
	if (!*d)
		return errno ? -errno : 1;
	return 0;
}

int procfs_scan_next(struct procfs_scan *scan, struct proc_rec **rec)
{
	struct dirent *d;

	for (;;) {
		pid_t pid;
		int rc;

		rc = next_entry(scan->dir, &d);
		if (rc)
			return rc;
		pid = entry_pid(d);
		if (!pid)
			continue;
		scan->stats.listed++;

		proc_rec_clear(&scan->rec);
		proc_rec_init(&scan->rec, pid);
		rc = procfs_read(scan->pfs, &scan->rec, scan->mask);
		switch (rc) {
		case 0:
			*rec = &scan->rec;
			return 0;
		case -ESRCH:
			scan->stats.vanished++;
			break;
		case -EACCES:
		case -EPERM:
			scan->stats.denied++;
			break;
		default:
			if (procfs_err_fatal(rc))
				return rc;
			/* EINVAL, ERANGE, EIO...: this process, not the scan, is in trouble */
			scan->stats.corrupt++;
			break;
		}
	}
}

const struct procfs_scan_stats *procfs_scan_stats(const struct procfs_scan *scan)
{
	return &scan->stats;
}

void procfs_scan_free(struct procfs_scan *scan)
{
	if (!scan)
		return;
	proc_rec_clear(&scan->rec);
	closedir(scan->dir);
	free(scan);
}

struct procfs_tasks {
	DIR *dir;
};

int procfs_tasks_open(struct procfs *pfs, pid_t pid, struct procfs_tasks **tasks)
{
	char path[32];
	int rc;

	snprintf(path, sizeof(path), "%d/task", pid);
	*tasks = malloc(sizeof(**tasks));
	if (!*tasks)
		return -ENOMEM;
	rc = opendir_at(pfs->dirfd, path, &(*tasks)->dir);
	if (rc) {
		free(*tasks);
		return proc_errno(-rc);
	}
	return 0;
}

int procfs_tasks_next(struct procfs_tasks *tasks, pid_t *tid)
{
	struct dirent *d;
	int rc;

	while ((rc = next_entry(tasks->dir, &d)) == 0) {
		*tid = entry_pid(d);
		if (*tid)
			return 0;
	}
	return rc;
}

void procfs_tasks_close(struct procfs_tasks *tasks)
{
	if (!tasks)
		return;
	closedir(tasks->dir);
	free(tasks);
}

#define SOCKET_PREFIX		"socket:["
#define SOCKET_PREFIX_LEN	(sizeof(SOCKET_PREFIX) - 1)

/* Append one entry to a growing array of proc_nsfd; 0 or -ENOMEM. */
static int nsfds_push(struct proc_nsfd **arr, size_t *n, size_t *cap, struct proc_nsfd item)
{
	if (*n == *cap) {
		size_t more = *cap ? *cap * 2 : 4;
		struct proc_nsfd *grown = realloc(*arr, more * sizeof(*grown));

		if (!grown)
			return -ENOMEM;
		*arr = grown;
		*cap = more;
	}
	(*arr)[(*n)++] = item;
	return 0;
}

int procfs_read_nsfds(struct procfs *pfs, pid_t pid, unsigned int types,
		      struct proc_nsfd **nsfds, size_t *count)
{
	bool want_sockets = types & NS_TYPE_BIT(NS_TYPE_NET);
	struct proc_nsfd *arr = NULL;
	size_t n = 0, cap = 0;
	struct dirent *d;
	char path[32];
	DIR *dir;
	int rc;

	snprintf(path, sizeof(path), "%d/fd", pid);
	rc = opendir_at(pfs->dirfd, path, &dir);
	if (rc)
		return proc_errno(-rc);
	while ((rc = next_entry(dir, &d)) == 0) {
		struct proc_nsfd item = { 0 };
		char text[64];
		uint64_t num;
		ssize_t len;

		if (str_to_u64(d->d_name, &num) || num > INT_MAX)
			continue;
		/* The link of an nsfs fd reads "type:[inode]", of a socket "socket:[inode]". */
		len = readlinkat(dirfd(dir), d->d_name, text, sizeof(text));
		if (len < 0 || (size_t)len == sizeof(text))
			continue;
		if (want_sockets && (size_t)len > SOCKET_PREFIX_LEN &&
		    !memcmp(text, SOCKET_PREFIX, SOCKET_PREFIX_LEN)) {
			item.type = NS_TYPE_NET;
			item.socket = true;
		} else if (ns_link_parse(text, (size_t)len, &item.type, &item.ino) ||
			   !(types & NS_TYPE_BIT(item.type))) {
			continue;
		}
		item.fd = (int)num;
		rc = nsfds_push(&arr, &n, &cap, item);
		if (rc)
			break;
	}
	closedir(dir);
	if (rc < 0) {
		free(arr);
		return rc == -ENOENT ? -ESRCH : rc;
	}
	*nsfds = arr;
	*count = n;
	return 0;
}
