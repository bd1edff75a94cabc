// SPDX-License-Identifier: LGPL-2.1-or-later
/* The containers that the processes of a procfs are in, and finding one by what a user calls it. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ctset.h"
#include "procfs.h"

static struct ct_entry *entry_of(struct ct_set *set, const struct container_ref *ref)
{
	struct ct_entry *items;

	for (size_t i = 0; i < set->count; i++) {
		if (container_same(&set->items[i].ref, ref))
			return &set->items[i];
	}
	items = realloc(set->items, (set->count + 1) * sizeof(*items));
	if (!items)
		return NULL;
	set->items = items;
	items[set->count] = (struct ct_entry){ .ref = *ref };
	return &items[set->count++];
}

static int entry_add_pid(struct ct_entry *e, pid_t pid)
{
	pid_t *pids = realloc(e->pids, (e->npids + 1) * sizeof(*pids));

	if (!pids)
		return -ENOMEM;
	e->pids = pids;
	e->pids[e->npids++] = pid;
	return 0;
}

/* A process gone or not ours to read is passed over, as the scan passes one over. */
static int pass_over(struct procfs_scan_stats *stats, int rc)
{
	if (procfs_err_fatal(rc))
		return rc;
	if (rc == -ESRCH)
		stats->vanished++;
	else if (rc == -EACCES || rc == -EPERM)
		stats->denied++;
	else
		stats->corrupt++;
	return 0;
}

int ct_set_collect(struct ct_set *set, struct procfs *pfs, struct procfs_scan_stats *stats)
{
	struct procfs_scan_stats counts;
	struct procfs_scan *scan;
	struct proc_rec *rec;
	int rc = procfs_scan_new(pfs, 0, &scan);

	if (rc)
		return rc;
	memset(&counts, 0, sizeof(counts));
	while ((rc = procfs_scan_next(scan, &rec)) == 0) {
		struct container_ref ref;
		struct ct_entry *e;

		rc = container_of_process(pfs, rec->pid, NULL, &ref);
		if (rc == -ENOENT || (!rc && ref.runtime == CONTAINER_NONE)) {
			rc = 0;
			continue;
		}
		if (rc) {
			rc = pass_over(&counts, rc);
			if (rc)
				break;
			continue;
		}
		e = entry_of(set, &ref);
		rc = e ? entry_add_pid(e, rec->pid) : -ENOMEM;
		if (rc)
			break;
	}
	if (stats) {
		*stats = *procfs_scan_stats(scan);
		stats->vanished += counts.vanished;
		stats->denied += counts.denied;
		stats->corrupt += counts.corrupt;
	}
	procfs_scan_free(scan);
	return rc < 0 ? rc : 0;
}

int ct_entry_read(struct procfs *pfs, const struct ct_entry *e, size_t i, struct proc_rec *rec,
		  unsigned int mask)
{
	struct container_ref now;
	int rc;

	proc_rec_init(rec, e->pids[i]);
	rc = procfs_read(pfs, rec, mask);
	if (rc)
		return rc;
	/* what was read is the container's if the pid still is after */
	rc = container_of_process(pfs, e->pids[i], NULL, &now);
	if (rc == -ENOENT || (!rc && !container_same(&now, &e->ref)))
		rc = -ESRCH;
	return rc;
}

void ct_set_clear(struct ct_set *set)
{
	for (size_t i = 0; i < set->count; i++)
		free(set->items[i].pids);
	free(set->items);
	set->items = NULL;
	set->count = 0;
}

enum match_kind { MATCH_ID, MATCH_NAME, MATCH_PREFIX, MATCH_KINDS };

/* Only the runtimes that name a container by a hex id have prefixes of it. */
static bool has_hex_id(const struct container_ref *ref)
{
	switch (ref->runtime) {
	case CONTAINER_DOCKER:
	case CONTAINER_CONTAINERD:
	case CONTAINER_CRIO:
	case CONTAINER_PODMAN:
		return true;
	default:
		return false;
	}
}

static int matches(const struct ct_entry *e, struct ctnames *cn, const char *arg,
		   enum match_kind kind, bool *match)
{
	const char *name, *pod;
	int rc;

	switch (kind) {
	case MATCH_ID:
		*match = has_hex_id(&e->ref) && strcmp(e->ref.id, arg) == 0;
		return 0;
	case MATCH_NAME:
		rc = ctnames_lookup(cn, &e->ref, &name, &pod);
		*match = !rc && name && strcmp(name, arg) == 0;
		return rc;
	default:
		*match = has_hex_id(&e->ref) && strncmp(e->ref.id, arg, strlen(arg)) == 0;
		return 0;
	}
}

int ct_set_find(const struct ct_set *set, struct ctnames *cn, const char *arg, size_t **found,
		size_t *n)
{
	size_t *idx = NULL;
	size_t count = 0;

	*found = NULL;
	*n = 0;
	if (!*arg)
		return 0;
	/* the first kind that matches anything decides, as a full id beats a name */
	for (int kind = MATCH_ID; kind < MATCH_KINDS && !count; kind++) {
		for (size_t i = 0; i < set->count; i++) {
			bool match;
			int rc = matches(&set->items[i], cn, arg, kind, &match);

			if (!rc && match && !idx)
				idx = malloc(set->count * sizeof(*idx));
			if (rc || (match && !idx)) {
				free(idx);
				return rc ? rc : -ENOMEM;
			}
			if (match)
				idx[count++] = i;
		}
	}
	*found = idx;
	*n = count;
	return 0;
}
