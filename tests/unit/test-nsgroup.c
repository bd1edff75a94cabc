// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests of grouping processes into namespaces. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "nsgroup.h"
#include "tap.h"

static void test_representative(void)
{
	const struct ns_group **sorted = NULL;
	const struct ns_group *grp;
	struct ns_groups *g = NULL;

	is_int(ns_groups_new(&g), 0, "groups: new");
	ns_groups_add(g, NS_TYPE_PID, 4026532257, 300);
	ns_groups_add(g, NS_TYPE_PID, 4026531836, 5);
	ns_groups_add(g, NS_TYPE_PID, 4026532257, 226);
	ns_groups_add(g, NS_TYPE_PID, 4026532257, 83194);
	ns_groups_add(g, NS_TYPE_NET, 4026531840, 5);

	is_int(ns_groups_count(g), 3, "groups: three namespaces");
	grp = ns_groups_find(g, 4026532257);
	ok(grp != NULL, "groups: find by inode");
	is_int(grp->nprocs, 3, "groups: three members");
	is_int(grp->pid, 226, "groups: the lowest pid represents, whatever the order");
	ok(ns_groups_find(g, 42) == NULL, "groups: an unknown inode");

	is_int(ns_groups_sorted(g, &sorted), 0, "groups: sorted");
	is_int(sorted[0]->ino, 4026531836, "groups: sorted by inode (1)");
	is_int(sorted[1]->ino, 4026531840, "groups: sorted by inode (2)");
	is_int(sorted[1]->type, NS_TYPE_NET, "groups: type kept");
	is_int(sorted[2]->ino, 4026532257, "groups: sorted by inode (3)");
	free(sorted);
	ns_groups_free(g);
}

static void test_many(void)
{
	struct ns_groups *g = NULL;
	int ok_all = 1;

	if (ns_groups_new(&g))
		bail_out("cannot allocate groups");
	/* Consecutive inodes, as nsfs hands them out, across several index growths. */
	for (unsigned int i = 0; i < 5000; i++) {
		ns_groups_add(g, NS_TYPE_PID, 4026532000 + i, (pid_t)(10000 - i));
		ns_groups_add(g, NS_TYPE_PID, 4026532000 + i, (pid_t)(20000 + i));
	}
	is_int(ns_groups_count(g), 5000, "groups: 5000 namespaces");
	for (unsigned int i = 0; i < 5000; i++) {
		const struct ns_group *grp = ns_groups_find(g, 4026532000 + i);

		ok_all &= grp && grp->nprocs == 2 && grp->pid == (pid_t)(10000 - i);
	}
	ok(ok_all, "groups: every one found with 2 members and its lowest pid");
	ns_groups_free(g);
}

static void test_collect(void)
{
	struct procfs_scan_stats stats;
	struct ns_groups *g = NULL;
	struct procfs *pfs = NULL;
	const struct ns_group *grp;
	char root[4200];

	snprintf(root, sizeof(root), "%s/procfs-article", fixture_dir());
	if (procfs_open(root, &pfs) || ns_groups_new(&g))
		bail_out("cannot open the fixture procfs");
	is_int(ns_groups_collect(g, pfs, NS_TYPE_BIT(NS_TYPE_PID) | NS_TYPE_BIT(NS_TYPE_UTS),
				 PROC_READ_STATUS, &stats), 0, "collect: the fixture");
	is_int(ns_groups_count(g), 5, "collect: 3 pid + 2 uts namespaces");
	grp = ns_groups_find(g, 4026531836);
	ok(grp && grp->nprocs == 2 && grp->pid == 1, "collect: the VM's pid ns has 1 and 2");
	grp = ns_groups_find(g, 4026532245);
	ok(grp && grp->nprocs == 1 && grp->pid == 221, "collect: the intermediate ns has 221");
	grp = ns_groups_find(g, 4026532257);
	ok(grp && grp->nprocs == 2 && grp->pid == 226, "collect: Ubuntu's ns has 226 and the sleep");
	grp = ns_groups_find(g, 4026531836);
	ok(grp && grp->level == 0 && grp->init == 1, "collect: the VM's ns is level 0, init 1");
	grp = ns_groups_find(g, 4026532245);
	ok(grp && grp->level == 1 && grp->init == 221, "collect: intermediate is level 1, init 221");
	grp = ns_groups_find(g, 4026532257);
	ok(grp && grp->level == 2 && grp->init == 226, "collect: Ubuntu's is level 2, init 226");
	grp = ns_groups_find(g, 4026532258);
	ok(grp && grp->type == NS_TYPE_UTS && grp->nprocs == 2, "collect: Ubuntu's uts ns");
	is_int(stats.corrupt, 1, "collect: the broken entry counted");
	ns_groups_free(g);
	procfs_close(pfs);
}

int main(void)
{
	test_representative();
	test_many();
	test_collect();
	return done_testing();
}
