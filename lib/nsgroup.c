// SPDX-License-Identifier: LGPL-2.1-or-later
/* Grouping processes into namespaces: an array of groups with a hash index. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mountinfo.h"
#include "nsgroup.h"
#include "pidns.h"
#include "pidtree.h"
#include "sockns.h"

#define INDEX_EMPTY	SIZE_MAX

struct ns_groups {
	struct ns_group *items;
	size_t count, cap;
	size_t *index;		/* open addressing into items, a power of two long */
	size_t index_size;
	struct pidtree *tree;	/* of a procfs not our own view, where nsfs cannot see */
};

int ns_groups_new(struct ns_groups **groups)
{
	*groups = calloc(1, sizeof(**groups));
	return *groups ? 0 : -ENOMEM;
}

void ns_groups_free(struct ns_groups *groups)
{
	if (!groups)
		return;
	for (size_t i = 0; i < groups->count; i++)
		free(groups->items[i].path);
	free(groups->items);
	free(groups->index);
	pidtree_free(groups->tree);
	free(groups);
}

static size_t ino_hash(ino_t ino)
{
	/* Fibonacci hashing: nsfs inodes are consecutive, which clusters plain modulo. */
	return (size_t)(((uint64_t)ino * 0x9e3779b97f4a7c15ULL) >> 32);
}

static size_t *index_slot(const struct ns_groups *g, ino_t ino)
{
	size_t mask = g->index_size - 1;

	for (size_t i = ino_hash(ino) & mask;; i = (i + 1) & mask) {
		size_t *slot = &g->index[i];

		if (*slot == INDEX_EMPTY || g->items[*slot].ino == ino)
			return slot;
	}
}

static int index_grow(struct ns_groups *g)
{
	size_t size = g->index_size ? g->index_size * 2 : 64;
	size_t *index = malloc(size * sizeof(*index));

	if (!index)
		return -ENOMEM;
	for (size_t i = 0; i < size; i++)
		index[i] = INDEX_EMPTY;
	free(g->index);
	g->index = index;
	g->index_size = size;
	for (size_t i = 0; i < g->count; i++)
		*index_slot(g, g->items[i].ino) = i;
	return 0;
}

/* The group of ino, new and empty if it is not there yet; NULL on -ENOMEM. */
static struct ns_group *group_get(struct ns_groups *g, enum ns_type type, ino_t ino)
{
	size_t *slot;

	/* Keep the index at most half full so probes stay short. */
	if ((g->count + 1) * 2 > g->index_size && index_grow(g))
		return NULL;
	slot = index_slot(g, ino);
	if (*slot != INDEX_EMPTY)
		return &g->items[*slot];
	if (g->count == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 32;
		struct ns_group *items = realloc(g->items, cap * sizeof(*items));

		if (!items)
			return NULL;
		g->items = items;
		g->cap = cap;
	}
	*slot = g->count;
	g->items[g->count] = (struct ns_group){
		.ino = ino, .type = type, .owner_uid = (uid_t)-1, .level = -1,
	};
	return &g->items[g->count++];
}

int ns_groups_add(struct ns_groups *g, enum ns_type type, ino_t ino, pid_t pid)
{
	struct ns_group *grp = group_get(g, type, ino);

	if (!grp)
		return -ENOMEM;
	if (!grp->nprocs || pid < grp->pid)
		grp->pid = pid;
	grp->nprocs++;
	return 0;
}

/* What the status of a member tells of its pid namespace. */
static void learn_pid_view(struct ns_groups *g, const struct proc_rec *rec)
{
	const struct proc_status *st = &rec->status;
	struct ns_group *grp;
	size_t *slot;

	if (!(st->have & STATUS_HAVE_NSPID))
		return;
	slot = index_slot(g, rec->ns[NS_TYPE_PID]);
	if (*slot == INDEX_EMPTY)
		return;
	grp = &g->items[*slot];
	grp->level = (int)st->nlevels - 1;
	if (st->nspid[st->nlevels - 1] == 1)
		grp->init = rec->pid;
}

int ns_groups_add_empty(struct ns_groups *g, enum ns_type type, ino_t ino, const char *path)
{
	struct ns_group *grp = group_get(g, type, ino);

	if (!grp)
		return -ENOMEM;
	if (path && !grp->path && !(grp->path = strdup(path)))
		return -ENOMEM;
	return 0;
}

/* The pids that ns_groups_collect_members() gathers, growing as it finds them. */
struct members {
	ino_t ino;
	pid_t *pids;
	size_t count, cap;
};

/* Whether rec is in the namespace ino, of one of types. */
static bool in_namespace(const struct proc_rec *rec, unsigned int types, ino_t ino)
{
	for (unsigned int t = 0; t < NS_TYPE_COUNT; t++) {
		/* 0 is a link this kernel lacks, no namespace */
		if ((types & NS_TYPE_BIT(t)) && rec->ns[t] && rec->ns[t] == ino)
			return true;
	}
	return false;
}

static int members_add(struct members *m, pid_t pid)
{
	if (m->count == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		pid_t *pids = realloc(m->pids, cap * sizeof(*pids));

		if (!pids)
			return -ENOMEM;
		m->pids = pids;
		m->cap = cap;
	}
	m->pids[m->count++] = pid;
	return 0;
}

/* One scan for ns_groups_collect(), and with members for the members of one namespace. */
static int collect(struct ns_groups *groups, struct procfs *pfs, unsigned int types,
		   unsigned int extra, struct members *members, struct procfs_scan_stats *stats)
{
	bool pid_view = (extra & PROC_READ_STATUS) && (types & NS_TYPE_BIT(NS_TYPE_PID));
	struct procfs_scan *scan;
	struct proc_rec *rec;
	int rc;

	if (pid_view && !groups->tree && !procfs_is_own_view(pfs) && pidtree_new(&groups->tree))
		return -ENOMEM;
	rc = procfs_scan_new(pfs, (types & PROC_READ_NS_ALL) | extra, &scan);
	if (rc)
		return rc;
	while ((rc = procfs_scan_next(scan, &rec)) == 0) {
		for (unsigned int t = 0; t < NS_TYPE_COUNT && !rc; t++) {
			if ((types & NS_TYPE_BIT(t)) && rec->ns[t])
				rc = ns_groups_add(groups, t, rec->ns[t], rec->pid);
		}
		if (!rc && members && in_namespace(rec, types, members->ino))
			rc = members_add(members, rec->pid);
		if (!rc && pid_view && groups->tree)
			rc = pidtree_add(groups->tree, rec);
		if (rc)
			break;
		if (pid_view)
			learn_pid_view(groups, rec);
	}
	if (stats)
		*stats = *procfs_scan_stats(scan);
	procfs_scan_free(scan);
	if (rc < 0)
		return rc;
	return groups->tree ? pidtree_settle(groups->tree) : 0;
}

int ns_groups_collect(struct ns_groups *groups, struct procfs *pfs, unsigned int types,
		      unsigned int extra, struct procfs_scan_stats *stats)
{
	return collect(groups, pfs, types, extra, NULL, stats);
}

int ns_groups_collect_members(struct ns_groups *groups, struct procfs *pfs, unsigned int types,
			      unsigned int extra, ino_t ino, pid_t **pids, size_t *count,
			      struct procfs_scan_stats *stats)
{
	struct members members = { .ino = ino };
	int rc = collect(groups, pfs, types, extra, &members, stats);

	*pids = members.pids;
	*count = members.count;
	return rc;
}

static int mounted(struct procfs *pfs, enum ns_type type, ino_t ino)
{
	struct nsfs_mount *mounts;
	size_t n;
	int found = 0;

	if (nsfs_mounts_read(pfs, &mounts, &n))
		return 0;	/* a copy of a procfs may have no mountinfo */
	for (size_t i = 0; i < n && !found; i++)
		found = mounts[i].type == type && mounts[i].ino == ino;
	nsfs_mounts_free(mounts, n);
	return found;
}

int ns_is_held(struct procfs *pfs, enum ns_type type, ino_t ino)
{
	struct procfs_scan *scan;
	struct proc_rec *rec;
	int rc = procfs_scan_new(pfs, NS_TYPE_BIT(type), &scan);

	if (rc)
		return rc;
	while ((rc = procfs_scan_next(scan, &rec)) == 0 && rec->ns[type] != ino)
		;
	procfs_scan_free(scan);
	if (rc < 0)
		return rc;
	return rc == 0 ? 1 : mounted(pfs, type, ino);
}

/* The network namespace of a socket of pid, if it is not known yet. */
static int add_socket_held(struct ns_groups *g, pid_t pid, int fd)
{
	struct ns_group *grp;
	struct stat st;
	int rc = 0, nsfd = sockns_open(pid, fd);

	if (nsfd < 0)
		return procfs_err_fatal(nsfd) ? nsfd : 0;	/* gone, or not ours to take */
	if (fstat(nsfd, &st))
		rc = -errno;
	else if (!ns_groups_find(g, st.st_ino)) {
		grp = group_get(g, NS_TYPE_NET, st.st_ino);
		if (grp) {
			grp->sock_pid = pid;
			grp->sock_fd = fd;
		} else {
			rc = -ENOMEM;
		}
	}
	close(nsfd);
	return rc;
}

/* The namespaces one process holds by fd that are not known yet. */
static int add_held_by(struct ns_groups *g, struct procfs *pfs, pid_t pid, unsigned int types,
		       bool sockets)
{
	struct proc_nsfd *fds;
	size_t n;
	int rc = procfs_read_nsfds(pfs, pid, types, &fds, &n);

	if (rc)
		return procfs_err_fatal(rc) ? rc : 0;	/* gone, or not ours to read */
	for (size_t i = 0; i < n && !rc; i++) {
		char path[48];

		if (fds[i].socket) {
			if (sockets)
				rc = add_socket_held(g, pid, fds[i].fd);
			continue;
		}
		if (ns_groups_find(g, fds[i].ino))
			continue;
		snprintf(path, sizeof(path), "%d/fd/%d", pid, fds[i].fd);
		rc = ns_groups_add_empty(g, fds[i].type, fds[i].ino, path);
	}
	free(fds);
	return rc;
}

int ns_groups_collect_held(struct ns_groups *g, struct procfs *pfs, unsigned int types)
{
	/* pidfd_getfd() takes our pids: another procfs's would name other processes */
	bool sockets = (types & NS_TYPE_BIT(NS_TYPE_NET)) && procfs_is_own_view(pfs);
	struct procfs_scan *scan;
	struct proc_rec *rec;
	int rc;

	/* after the members are known, so that only the namespaces no process is in are added */
	rc = procfs_scan_new(pfs, 0, &scan);
	if (rc)
		return rc;
	while ((rc = procfs_scan_next(scan, &rec)) == 0) {
		rc = add_held_by(g, pfs, rec->pid, types, sockets);
		if (rc)
			break;
	}
	procfs_scan_free(scan);
	return rc < 0 ? rc : 0;
}

static int link_group(struct ns_groups *g, size_t i, int fd, unsigned int add);

/*
 * Record in group i the relative of the namespace fd is open on, and add it
 * if add says so and it is not there: then it is linked in turn, from the
 * relative's fd, since no process of its own can give one.
 */
static int link_relative(struct ns_groups *g, size_t i, int fd, enum ns_relation rel,
			 unsigned int add)
{
	bool add_this = add & (rel == NS_PARENT ? NS_LINK_ADD_PARENTS : NS_LINK_ADD_OWNERS);
	enum ns_type type = rel == NS_PARENT ? g->items[i].type : NS_TYPE_USER;
	ino_t ino = 0;
	int rfd = ns_relative_open(fd, rel, &ino);
	struct ns_group *relative;
	int rc = 0;

	if (rfd == -ENOTTY || rfd == -ENOSYS)
		return -ENOTTY;		/* a kernel older than these ioctls */
	if (procfs_err_fatal(rfd))
		return rfd;
	/* Out of our view: the procfs's data may still tell, in settle_parents(). */
	if (rel == NS_PARENT && !(rfd == -EPERM && g->tree))
		g->items[i].parent_known = true;
	if (rfd < 0)
		return 0;	/* a root, a type without parents, or out of view: 0 */
	if (rel == NS_PARENT) {
		g->items[i].parent = ino;
	} else {
		g->items[i].owner = ino;
		if (g->items[i].type != NS_TYPE_USER)	/* a user namespace tells its own */
			ns_owner_uid(rfd, &g->items[i].owner_uid);
	}
	if (add_this && !ns_groups_find(g, ino)) {
		relative = group_get(g, type, ino);
		rc = relative ? link_group(g, (size_t)(relative - g->items), rfd, add) : -ENOMEM;
	}
	close(rfd);
	return rc;
}

static int link_group(struct ns_groups *g, size_t i, int fd, unsigned int add)
{
	struct ns_group *grp = &g->items[i];
	enum ns_type type = grp->type;
	int rc;

	grp->linked = true;
	if (type == NS_TYPE_USER)
		ns_owner_uid(fd, &grp->owner_uid);
	rc = link_relative(g, i, fd, NS_PARENT, add);
	if (!rc)
		rc = link_relative(g, i, fd, NS_OWNER, add);
	return rc;
}

/* An fd on the namespace of grp, through a member or what holds it. */
static int group_open(struct procfs *pfs, const struct ns_group *grp)
{
	int fd;

	if (grp->nprocs)
		return procfs_open_ns(pfs, grp->pid, grp->type);
	if (grp->sock_pid)
		return sockns_open(grp->sock_pid, grp->sock_fd);
	if (!grp->path)
		return -ENOENT;
	fd = openat(procfs_dirfd(pfs), grp->path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

int ns_group_open(struct procfs *pfs, const struct ns_group *grp)
{
	struct stat st;
	int fd = group_open(pfs, grp);

	if (fd < 0)
		return fd;
	/* the representative's pid, or the fd, may be another's by now */
	if (fstat(fd, &st) || st.st_ino != grp->ino) {
		close(fd);
		return -ENOENT;
	}
	return fd;
}

/* The parents of pid namespaces that nsfs could not tell, as the procfs's data settle them. */
static void settle_parents(struct ns_groups *g)
{
	for (size_t i = 0; i < g->count; i++) {
		struct ns_group *grp = &g->items[i];

		if (grp->type == NS_TYPE_PID && !grp->parent_known &&
		    pidtree_parent(g->tree, grp->ino, &grp->parent) == 0)
			grp->parent_known = true;
	}
}

int ns_groups_link(struct ns_groups *g, struct procfs *pfs, unsigned int add)
{
	/* Groups added on the way are linked as they are added. */
	for (size_t i = 0; i < g->count; i++) {
		int fd, rc;

		if (g->items[i].linked)
			continue;
		fd = ns_group_open(pfs, &g->items[i]);
		if (fd < 0 && procfs_err_fatal(fd))
			return fd;
		if (fd < 0)
			continue;
		rc = link_group(g, i, fd, add);
		close(fd);
		if (rc)
			return rc;
	}
	if (g->tree)
		settle_parents(g);
	return 0;
}

bool ns_group_counts_known(const struct ns_groups *g, const struct ns_group *grp)
{
	return !g->tree || grp->type != NS_TYPE_PID ||
	       pidtree_deepest_unsettled(g->tree) <= grp->level;
}

size_t ns_groups_unsettled(const struct ns_groups *g)
{
	size_t n = 0;

	for (size_t i = 0; g->tree && i < g->count; i++)
		n += g->items[i].type == NS_TYPE_PID && !g->items[i].parent_known;
	return n;
}

static bool is_child(const struct ns_group *child, const struct ns_group *grp)
{
	return child->parent_known && child->parent == grp->ino && child->type == grp->type;
}

size_t ns_group_children(const struct ns_groups *g, const struct ns_group *grp)
{
	size_t n = 0;

	for (size_t i = 0; i < g->count; i++)
		n += is_child(&g->items[i], grp);
	return n;
}

unsigned long ns_group_visible(const struct ns_groups *g, const struct ns_group *grp)
{
	unsigned long n = grp->nprocs;

	for (size_t i = 0; i < g->count; i++) {
		if (is_child(&g->items[i], grp))
			n += ns_group_visible(g, &g->items[i]);
	}
	return n;
}

size_t ns_groups_count_empty(const struct ns_groups *g)
{
	size_t n = 0;

	for (size_t i = 0; i < g->count; i++)
		n += !g->items[i].nprocs;
	return n;
}

size_t ns_groups_count(const struct ns_groups *groups)
{
	return groups->count;
}

const struct ns_group *ns_groups_find(const struct ns_groups *g, ino_t ino)
{
	size_t *slot;

	if (!g->index_size)
		return NULL;
	slot = index_slot(g, ino);
	return *slot == INDEX_EMPTY ? NULL : &g->items[*slot];
}

static int cmp_group_ino(const void *a, const void *b)
{
	const struct ns_group *x = *(const struct ns_group *const *)a;
	const struct ns_group *y = *(const struct ns_group *const *)b;

	return (x->ino > y->ino) - (x->ino < y->ino);
}

int ns_groups_sorted(const struct ns_groups *g, const struct ns_group ***sorted)
{
	const struct ns_group **arr = malloc((g->count ? g->count : 1) * sizeof(*arr));

	if (!arr)
		return -ENOMEM;
	for (size_t i = 0; i < g->count; i++)
		arr[i] = &g->items[i];
	qsort(arr, g->count, sizeof(*arr), cmp_group_ino);
	*sorted = arr;
	return 0;
}
