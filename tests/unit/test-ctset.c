// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests of the containers of a procfs, and of finding one by what a user calls it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "c.h"
#include "ctset.h"
#include "procfs.h"
#include "tap.h"
#include "tmptree.h"

#define ID_A	"abc1000000000000000000000000000000000000000000000000000000000001"
#define ID_B	"abc2000000000000000000000000000000000000000000000000000000000002"
#define ID_C	"c0ffee0000000000000000000000000000000000000000000000000000000003"

/* The host tree: its proc/ a procfs copy, its var/ a runtime's files. */
static int host = -1;

static void write_file(const char *rel, const char *text)
{
	tree_put(host, rel, text, strlen(text));
}

/* A process of the procfs copy: its stat, and its cgroup file unless cgroup is NULL. */
static void add_process(int pid, const char *cgroup)
{
	char rel[64], stat[128];

	snprintf(rel, sizeof(rel), "proc/%d/stat", pid);
	snprintf(stat, sizeof(stat), "%d (p) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 100 0\n", pid);
	write_file(rel, stat);
	if (!cgroup)
		return;
	snprintf(rel, sizeof(rel), "proc/%d/cgroup", pid);
	write_file(rel, cgroup);
}

static void make_host(void)
{
	make_tree("test-ctset");
	host = tree_subdir("host");
	add_process(10, "0::/system.slice/docker-" ID_A ".scope\n");
	add_process(11, "0::/system.slice/docker-" ID_A ".scope/inner\n");
	add_process(12, "0::/system.slice/docker-" ID_B ".scope\n");
	add_process(13, "0::/user.slice\n");
	add_process(14, NULL);
	add_process(15, "0::/machine.slice/machine-web\\x2d1.scope\n");
	add_process(16, "0::/lxc.payload.ct1\n");
	add_process(17, "0::/kubepods/pod0f6d2d3a-6a2f-4b0e-9d1c-2f9a4c1b7e55/" ID_C "\n");
	/* a user's cgroup named as root's container C is not C */
	add_process(18, "0::/user.slice/user-1000.slice/user@1000.service/crio-" ID_C ".scope\n");
	write_file("var/lib/docker/containers/" ID_A "/config.v2.json", "{\"Name\":\"/web\"}");
	write_file("var/lib/docker/containers/" ID_B "/config.v2.json", "{\"Name\":\"/web-1\"}");
}

static const struct ct_entry *entry_by_id(const struct ct_set *set, const char *id)
{
	for (size_t i = 0; i < set->count; i++) {
		if (!strcmp(set->items[i].ref.id, id))
			return &set->items[i];
	}
	return NULL;
}

static void test_collect(struct ct_set *set)
{
	struct procfs_scan_stats stats;
	const struct ct_entry *e;
	struct procfs *pfs;
	char path[4200];

	snprintf(path, sizeof(path), "%s/host/proc", tree);
	if (procfs_open(path, &pfs))
		bail_out("cannot open the procfs copy");
	is_int(ct_set_collect(set, pfs, &stats), 0, "collect: the copy scans");
	is_int(set->count, 6, "collect: six containers, the same one once");
	e = entry_by_id(set, ID_A);
	/* in the order the directory lists them */
	ok(e && e->npids == 2 && e->pids[0] + e->pids[1] == 21 && e->pids[0] * e->pids[1] == 110,
	   "collect: a container's processes, its cgroups below its own included");
	e = entry_by_id(set, "web-1");
	ok(e && e->ref.runtime == CONTAINER_NSPAWN && e->npids == 1 && e->pids[0] == 15,
	   "collect: a machine by its name");
	ok(!entry_by_id(set, ""), "collect: no entry for processes in no container");
	/* as for a real procfs, a file not there is a process gone */
	is_int(stats.vanished, 1, "collect: the process without a cgroup file is counted");
	procfs_close(pfs);
}

static int by_id(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* find ARG: the ids of what arg names, sorted, their first 8 characters, comma-separated. */
static void find_is(const struct ct_set *set, struct ctnames *cn, const char *arg,
		    const char *want, const char *what)
{
	const char *ids[16];
	char got[1024] = "";
	size_t *found, n;
	int rc = ct_set_find(set, cn, arg, &found, &n);

	for (size_t i = 0; !rc && i < n && i < ARRAY_SIZE(ids); i++)
		ids[i] = set->items[found[i]].ref.id;
	qsort(ids, rc ? 0 : n, sizeof(ids[0]), by_id);
	for (size_t i = 0; !rc && i < n; i++) {
		size_t len = strlen(got);

		snprintf(got + len, sizeof(got) - len, "%s%.8s", i ? "," : "", ids[i]);
	}
	is_int(rc, 0, "find %s: no error", what);
	is_str(got, want, "find %s", what);
	free(found);
}

static void test_find(const struct ct_set *set)
{
	struct ctnames *cn;

	if (ctnames_new(host, &cn))
		bail_out("cannot set up the names");
	find_is(set, cn, ID_A, "abc10000", "a full id");
	find_is(set, cn, "web", "abc10000", "a docker NAME");
	/* a machine's name is a NAME like any other: two of one name are ambiguous */
	find_is(set, cn, "web-1", "abc20000,web-1", "a machine's name and another's NAME: both");
	find_is(set, cn, "ct1", "ct1", "an LXC name");
	find_is(set, cn, "abc1", "abc10000", "a unique prefix");
	find_is(set, cn, "abc", "abc10000,abc20000", "an ambiguous prefix: both");
	find_is(set, cn, "c0f", "c0ffee00,c0ffee00",
		"a prefix of root's container and a user's of that id: both");
	find_is(set, cn, ID_C, "c0ffee00,c0ffee00", "a full id that a user's cgroup takes too: both");
	find_is(set, cn, "ABC1", "", "a prefix in upper case: none (ids are lower case)");
	find_is(set, cn, "we", "", "part of a name: none (names match whole)");
	find_is(set, cn, "ct", "", "part of an LXC name: none (only hex ids have prefixes)");
	find_is(set, cn, "", "", "the empty string: none");
	find_is(set, cn, "nothing", "", "an unknown name: none");
	ctnames_free(cn);
}

int main(void)
{
	struct ct_set set = { 0 };

	make_host();
	test_collect(&set);
	test_find(&set);
	ct_set_clear(&set);
	ok(!set.items && !set.count, "clear: the set is empty again");
	return done_testing();
}
