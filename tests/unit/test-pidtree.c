// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests of the pid namespace tree a procfs's own data give. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>

#include "pidtree.h"
#include "tap.h"

/* A process as a scan reads it: its pid namespace, its NSpid depth, its PPid. */
static void add(struct pidtree *tree, pid_t pid, pid_t ppid, ino_t ns, unsigned int nlevels)
{
	struct proc_rec rec;

	proc_rec_init(&rec, pid);
	rec.have = PIDTREE_READ;
	rec.ns[NS_TYPE_PID] = ns;
	rec.status.have = STATUS_HAVE_NSPID | STATUS_HAVE_PPID;
	rec.status.ppid = ppid;
	rec.status.nlevels = nlevels;
	if (pidtree_add(tree, &rec))
		bail_out("pidtree_add");
}

static ino_t parent_of(const struct pidtree *tree, ino_t ns)
{
	ino_t parent = 12345;
	int rc = pidtree_parent(tree, ns, &parent);

	return rc ? (ino_t)rc : parent;
}

static void test_article(void)
{
	char root[4200];
	struct procfs *pfs;
	struct pidtree *tree;
	ino_t anc = 0;

	snprintf(root, sizeof(root), "%s/procfs-article", fixture_dir());
	if (procfs_open(root, &pfs) || pidtree_new(&tree))
		bail_out("cannot open the fixture tree");
	is_int(pidtree_scan(tree, pfs), 0, "article: the copy scans");
	is_int(pidtree_root(tree), 4026531836, "article: the VM's namespace is level 0");
	is_int(pidtree_level(tree, 4026532245), 1, "article: the intermediate one is level 1");
	is_int(pidtree_level(tree, 4026532257), 2, "article: Ubuntu's is level 2");
	is_int(parent_of(tree, 4026532245), 4026531836, "article: level 1 is a child of the root");
	is_int(parent_of(tree, 4026532257), 4026532245,
	       "article: Ubuntu's parent, from its init's parent process one level up");
	is_int(parent_of(tree, 4026531836), 0, "article: the root's parent is out of view: 0");
	is_int(pidtree_ancestor(tree, 4026532257, 0, &anc), 0, "article: ancestor at level 0");
	is_int(anc, 4026531836, "article: which is the root");
	is_int(pidtree_ancestor(tree, 4026532257, 2, &anc), 0, "article: ancestor at its own level");
	is_int(anc, 4026532257, "article: which is itself");
	is_int(pidtree_ancestor(tree, 4026532245, 2, &anc), -ESRCH, "article: no ancestor below");
	is_int(pidtree_unsettled(tree), 0, "article: every parent settled");
	is_int(pidtree_deepest_unsettled(tree), -1, "article: no unsettled level");
	is_int(parent_of(tree, 42), -ESRCH, "article: an unknown namespace");
	pidtree_free(tree);
	procfs_close(pfs);
}

static void test_unsettled(void)
{
	struct pidtree *tree;
	ino_t anc = 0;

	if (pidtree_new(&tree))
		bail_out("pidtree_new");
	add(tree, 1, 0, 100, 1);
	add(tree, 10, 1, 101, 2);	/* level 1, child of the root */
	add(tree, 11, 1, 102, 2);	/* another level-1 namespace */
	add(tree, 20, 1, 103, 3);	/* level 2 whose init a level-0 process made */
	add(tree, 21, 20, 103, 3);
	add(tree, 30, 10, 104, 3);	/* level 2: one member says 101, */
	add(tree, 31, 11, 104, 3);	/* another 102: disputed */
	add(tree, 40, 11, 105, 3);	/* level 2 below 102, */
	add(tree, 41, 50, 105, 3);	/* and a "parent" as deep in another namespace: */
	add(tree, 50, 1, 106, 3);	/* its pid was reused: disputed */
	add(tree, 60, 10, 107, 3);	/* level 2 below 101 */
	add(tree, 61, 60, 108, 4);	/* level 3 below 107 */
	is_int(pidtree_settle(tree), 0, "settle");
	is_int(parent_of(tree, 102), 100, "level 1: the root is the parent");
	is_int(parent_of(tree, 103), -ENOENT, "no member's parent one level up: unsettled");
	is_int(parent_of(tree, 104), -ENOENT, "two members disagree: unsettled");
	is_int(parent_of(tree, 105), -ENOENT, "an impossible parent process: unsettled");
	is_int(parent_of(tree, 107), 101, "a member's parent one level up settles it");
	is_int(pidtree_ancestor(tree, 108, 1, &anc), 0, "level 3: ancestor at level 1");
	is_int(anc, 101, "level 3: through its settled parents");
	is_int(pidtree_ancestor(tree, 104, 1, &anc), -ENOENT, "no ancestor past an unsettled parent");
	is_int(pidtree_ancestor(tree, 104, 0, &anc), 0, "but level 0 is the root");
	is_int(anc, 100, "the root, whatever lies between");
	is_int(pidtree_unsettled(tree), 4, "four unsettled: 103, 104, 105, 106");
	is_int(pidtree_deepest_unsettled(tree), 2, "the deepest unsettled is at level 2");
	pidtree_free(tree);
}

static void test_odd(void)
{
	struct pidtree *tree;
	struct proc_rec rec;

	if (pidtree_new(&tree))
		bail_out("pidtree_new");
	add(tree, 1, 0, 100, 1);
	add(tree, 2, 0, 200, 1);	/* two level-0 namespaces: a copy of two procfs */
	add(tree, 10, 1, 101, 2);
	add(tree, 20, 10, 102, 3);
	add(tree, 21, 10, 102, 4);	/* one namespace at two levels */
	proc_rec_init(&rec, 30);	/* no status read: left out */
	rec.ns[NS_TYPE_PID] = 103;
	is_int(pidtree_add(tree, &rec), 0, "a record without status is taken, and left out");
	is_int(pidtree_settle(tree), 0, "settle");
	is_int(pidtree_root(tree), 0, "two level-0 namespaces: no root");
	is_int(parent_of(tree, 101), -ENOENT, "without a root, level 1 is unsettled");
	is_int(pidtree_level(tree, 102), -1, "members that disagree on the level: unknown");
	is_int(parent_of(tree, 102), -ENOENT, "and its parent unsettled");
	is_int(pidtree_level(tree, 103), -1, "the record without status is not there");
	is_int(pidtree_deepest_unsettled(tree), INT_MAX, "a namespace of unknown level: any depth");
	pidtree_free(tree);
}

int main(void)
{
	test_article();
	test_unsettled();
	test_odd();
	return done_testing();
}
