// SPDX-License-Identifier: LGPL-2.1-or-later
/* Grouping processes into namespaces: an array of groups with a hash index. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

#include "nsgroup.h"

#define INDEX_EMPTY	SIZE_MAX

struct ns_groups {
	struct ns_group *items;
	size_t count, cap;
	size_t *index;		/* open addressing into items, a power of two long */
	size_t index_size;
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
	free(groups->items);
	free(groups->index);
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

int ns_groups_add(struct ns_groups *g, enum ns_type type, ino_t ino, pid_t pid)
{
	struct ns_group *grp;
	size_t *slot;

	/* Keep the index at most half full so probes stay short. */
	if ((g->count + 1) * 2 > g->index_size && index_grow(g))
		return -ENOMEM;
	slot = index_slot(g, ino);
	if (*slot != INDEX_EMPTY) {
		grp = &g->items[*slot];
		grp->nprocs++;
		if (pid < grp->pid)
			grp->pid = pid;
		return 0;
	}
	if (g->count == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 32;
		struct ns_group *items = realloc(g->items, cap * sizeof(*items));

		if (!items)
			return -ENOMEM;
		g->items = items;
		g->cap = cap;
	}
	*slot = g->count;
	g->items[g->count++] = (struct ns_group){
		.ino = ino, .type = type, .nprocs = 1, .pid = pid,
	};
	return 0;
}

int ns_groups_collect(struct ns_groups *groups, struct procfs *pfs, unsigned int types,
		      struct procfs_scan_stats *stats)
{
	struct procfs_scan *scan;
	struct proc_rec *rec;
	int rc;

	rc = procfs_scan_new(pfs, types & PROC_READ_NS_ALL, &scan);
	if (rc)
		return rc;
	while ((rc = procfs_scan_next(scan, &rec)) == 0) {
		for (unsigned int t = 0; t < NS_TYPE_COUNT && !rc; t++) {
			if ((types & NS_TYPE_BIT(t)) && rec->ns[t])
				rc = ns_groups_add(groups, t, rec->ns[t], rec->pid);
		}
		if (rc)
			break;
	}
	if (stats)
		*stats = *procfs_scan_stats(scan);
	procfs_scan_free(scan);
	return rc < 0 ? rc : 0;
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
