// SPDX-License-Identifier: LGPL-2.1-or-later
/* The tree of pid namespaces from a procfs's data: levels from NSpid, parents from PPid. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "pidtree.h"

struct member {
	pid_t pid, ppid;
	ino_t ns;
	int level;
};

/* What the members say of a namespace's parent. */
enum { PARENT_UNKNOWN, PARENT_SETTLED, PARENT_DISPUTED };

struct space {
	ino_t ino;
	int level;		/* -1 when its members disagree on it */
	int state;		/* PARENT_* */
	ino_t parent;
};

struct pidtree {
	struct member *members;
	size_t nmembers, cap;
	struct space *spaces;	/* sorted by inode once settled */
	size_t nspaces;
	ino_t root;
	size_t unsettled;
	int deepest_unsettled;
};

int pidtree_new(struct pidtree **tree)
{
	*tree = calloc(1, sizeof(**tree));
	return *tree ? 0 : -ENOMEM;
}

void pidtree_free(struct pidtree *tree)
{
	if (!tree)
		return;
	free(tree->members);
	free(tree->spaces);
	free(tree);
}

int pidtree_add(struct pidtree *tree, const struct proc_rec *rec)
{
	const struct proc_status *st = &rec->status;

	if (!rec->ns[NS_TYPE_PID] || !(rec->have & PROC_READ_STATUS) ||
	    (st->have & (STATUS_HAVE_NSPID | STATUS_HAVE_PPID)) !=
		    (STATUS_HAVE_NSPID | STATUS_HAVE_PPID))
		return 0;
	if (tree->nmembers == tree->cap) {
		size_t cap = tree->cap ? tree->cap * 2 : 256;
		struct member *members = realloc(tree->members, cap * sizeof(*members));

		if (!members)
			return -ENOMEM;
		tree->members = members;
		tree->cap = cap;
	}
	tree->members[tree->nmembers++] = (struct member){
		.pid = rec->pid, .ppid = st->ppid, .ns = rec->ns[NS_TYPE_PID],
		.level = (int)st->nlevels - 1,
	};
	return 0;
}

static int cmp_member_pid(const void *a, const void *b)
{
	const struct member *x = a, *y = b;

	return (x->pid > y->pid) - (x->pid < y->pid);
}

static int cmp_space_ino(const void *a, const void *b)
{
	const struct space *x = a, *y = b;

	return (x->ino > y->ino) - (x->ino < y->ino);
}

static const struct member *find_member(const struct pidtree *tree, pid_t pid)
{
	struct member key = { .pid = pid };

	return bsearch(&key, tree->members, tree->nmembers, sizeof(key), cmp_member_pid);
}

static struct space *find_space(const struct pidtree *tree, ino_t ino)
{
	struct space key = { .ino = ino };

	return bsearch(&key, tree->spaces, tree->nspaces, sizeof(key), cmp_space_ino);
}

/* One space per namespace met, with the level all its members agree on. */
static int collect_spaces(struct pidtree *tree)
{
	size_t n = 0;

	tree->spaces = malloc((tree->nmembers ? tree->nmembers : 1) * sizeof(*tree->spaces));
	if (!tree->spaces)
		return -ENOMEM;
	for (size_t i = 0; i < tree->nmembers; i++)
		tree->spaces[i] = (struct space){ .ino = tree->members[i].ns,
						  .level = tree->members[i].level };
	qsort(tree->spaces, tree->nmembers, sizeof(*tree->spaces), cmp_space_ino);
	for (size_t i = 0; i < tree->nmembers; i++) {
		if (n && tree->spaces[n - 1].ino == tree->spaces[i].ino) {
			if (tree->spaces[n - 1].level != tree->spaces[i].level)
				tree->spaces[n - 1].level = -1;
			continue;
		}
		tree->spaces[n++] = tree->spaces[i];
	}
	tree->nspaces = n;
	return 0;
}

/* The one namespace of level 0, or 0 when there is none or more than one (a mixed copy). */
static ino_t find_root(const struct pidtree *tree)
{
	ino_t root = 0;

	for (size_t i = 0; i < tree->nspaces; i++) {
		if (tree->spaces[i].level != 0)
			continue;
		if (root)
			return 0;
		root = tree->spaces[i].ino;
	}
	return root;
}

static void testify(struct space *s, int state, ino_t parent)
{
	if (s->state == PARENT_UNKNOWN && state == PARENT_SETTLED) {
		s->state = PARENT_SETTLED;
		s->parent = parent;
	} else if (state == PARENT_DISPUTED || s->parent != parent) {
		s->state = PARENT_DISPUTED;
	}
}

/*
 * What member m says of its namespace's parent: a parent process one level
 * up names it; one as deep or deeper in another namespace cannot be its
 * parent, so its pid was reused while the scan ran, and m's word is in doubt.
 */
static void hear_member(struct pidtree *tree, const struct member *m)
{
	struct space *s = find_space(tree, m->ns);
	const struct member *p = m->ppid ? find_member(tree, m->ppid) : NULL;

	if (!s || s->level < 2 || !p)
		return;
	if (p->level == m->level - 1)
		testify(s, PARENT_SETTLED, p->ns);
	else if (p->level >= m->level && p->ns != m->ns)
		testify(s, PARENT_DISPUTED, 0);
}

int pidtree_settle(struct pidtree *tree)
{
	int rc;

	qsort(tree->members, tree->nmembers, sizeof(*tree->members), cmp_member_pid);
	rc = collect_spaces(tree);
	if (rc)
		return rc;
	tree->root = find_root(tree);
	for (size_t i = 0; i < tree->nspaces; i++) {
		struct space *s = &tree->spaces[i];

		if (s->level == 0 || (s->level == 1 && tree->root))
			testify(s, PARENT_SETTLED, s->level ? tree->root : 0);
	}
	for (size_t i = 0; i < tree->nmembers; i++)
		hear_member(tree, &tree->members[i]);
	tree->deepest_unsettled = -1;
	for (size_t i = 0; i < tree->nspaces; i++) {
		const struct space *s = &tree->spaces[i];

		if (s->level == 0 || s->state == PARENT_SETTLED)
			continue;
		tree->unsettled++;
		if (s->level < 0 || s->level > tree->deepest_unsettled)
			tree->deepest_unsettled = s->level < 0 ? INT_MAX : s->level;
	}
	return 0;
}

int pidtree_scan(struct pidtree *tree, struct procfs *pfs)
{
	struct procfs_scan *scan;
	struct proc_rec *rec;
	int rc = procfs_scan_new(pfs, PIDTREE_READ, &scan);

	if (rc)
		return rc;
	while ((rc = procfs_scan_next(scan, &rec)) == 0) {
		rc = pidtree_add(tree, rec);
		if (rc)
			break;
	}
	procfs_scan_free(scan);
	return rc < 0 ? rc : pidtree_settle(tree);
}

ino_t pidtree_root(const struct pidtree *tree)
{
	return tree->root;
}

int pidtree_level(const struct pidtree *tree, ino_t ns)
{
	const struct space *s = find_space(tree, ns);

	return s ? s->level : -1;
}

int pidtree_parent(const struct pidtree *tree, ino_t ns, ino_t *parent)
{
	const struct space *s = find_space(tree, ns);

	if (!s)
		return -ESRCH;
	if (s->level < 0 || s->state != PARENT_SETTLED)
		return -ENOENT;
	*parent = s->parent;
	return 0;
}

int pidtree_ancestor(const struct pidtree *tree, ino_t ns, int level, ino_t *ancestor)
{
	const struct space *s = find_space(tree, ns);

	if (!s || level < 0 || (s->level >= 0 && level > s->level))
		return -ESRCH;
	if (level == 0 && tree->root) {
		*ancestor = tree->root;	/* the one namespace of level 0, whatever lies between */
		return 0;
	}
	while (s->level != level) {
		if (s->level < 0 || s->state != PARENT_SETTLED)
			return -ENOENT;
		s = find_space(tree, s->parent);
		if (!s)
			return -ENOENT;
	}
	*ancestor = s->ino;
	return 0;
}

size_t pidtree_unsettled(const struct pidtree *tree)
{
	return tree->unsettled;
}

int pidtree_deepest_unsettled(const struct pidtree *tree)
{
	return tree->deepest_unsettled;
}
