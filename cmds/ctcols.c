// SPDX-License-Identifier: GPL-2.0-or-later
/* The container of a process, as the commands show it and as --container finds it. */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmdutil.h"
#include "ctcols.h"
#include "procfs.h"
#include "textout.h"
#include "xalloc.h"

struct procfs *ctcols_open_or_exit(struct ctcols *cc, const char *procfs_dir,
				   const char *root_dir)
{
	int rootfd, rc;

	memset(cc, 0, sizeof(*cc));
	cc->rc = -ESRCH;	/* the answer kept is of pid 0: none */
	cc->pfs = host_open_or_exit(procfs_dir, root_dir, &rootfd);
	rc = ctnames_new(rootfd, &cc->names);
	if (rootfd >= 0)
		close(rootfd);
	if (rc == -ENOMEM)
		err_oom();
	if (rc)
		fatal_errno(rc, _("cannot keep the host's root open"));
	return cc->pfs;
}

void ctcols_free(struct ctcols *cc)
{
	free(cc->cgroup);
	ctnames_free(cc->names);
}

/* A row asks for several cells of one process: its cgroup file is read once. */
static void read_process(struct ctcols *cc, pid_t pid)
{
	if (cc->pid == pid)
		return;
	free(cc->cgroup);
	cc->cgroup = NULL;
	cc->pid = pid;
	cc->rc = container_of_process(cc->pfs, pid, &cc->cgroup, &cc->ref);
	if (cc->rc == -ENOMEM)
		err_oom();
	if (procfs_err_fatal(cc->rc))
		fatal_procfs(cc->pfs, cc->rc);
}

bool ctcols_readable(struct ctcols *cc, pid_t pid)
{
	read_process(cc, pid);
	return cc->rc != -ESRCH && cc->rc != -EACCES && cc->rc != -EPERM;
}

static char *name_cell(struct ctcols *cc, int col)
{
	const char *name, *pod;

	if (ctnames_lookup(cc->names, &cc->ref, &name, &pod))
		err_oom();
	name = col == CTCOL_NAME ? name : pod;
	return name ? xstrdup(name) : NULL;
}

char *ctcols_cell(struct ctcols *cc, pid_t pid, int col)
{
	read_process(cc, pid);
	if (cc->rc)
		return NULL;
	if (col == CTCOL_CGROUP)
		return xstrdup(cc->cgroup);
	if (cc->ref.runtime == CONTAINER_NONE)
		return NULL;
	switch (col) {
	case CTCOL_RUNTIME:
		return xstrdup(container_runtime_name(cc->ref.runtime));
	case CTCOL_CONTAINER:
		return xstrdup(cc->ref.id);
	default:
		return name_cell(cc, col);
	}
}

static void put_word(const char *word)
{
	fputc(' ', stderr);
	put_escaped(stderr, word, strlen(word));
}

/* One candidate of an ambiguous argument, on a line of its own: replicas differ by pod. */
static void put_candidate(struct ctcols *cc, const struct ct_entry *e)
{
	char user[sizeof("user@") + 3 * sizeof(uid_t)];
	const char *name, *pod;

	if (ctnames_lookup(cc->names, &e->ref, &name, &pod))
		err_oom();
	fprintf(stderr, "  %s", container_runtime_name(e->ref.runtime));
	put_word(e->ref.id);
	if (name)
		put_word(name);
	if (pod)
		put_word(pod);
	/* systemd's name of the user's manager, whose engine it is */
	if (e->ref.in_user_service) {
		snprintf(user, sizeof(user), "user@%u", (unsigned int)e->ref.user);
		put_word(user);
	}
	fputc('\n', stderr);
}

const struct ct_entry *ctcols_find_or_exit(struct ctcols *cc, const char *opt, const char *arg,
					   struct ct_set *set)
{
	size_t *found, n;
	int rc = ct_set_collect(set, cc->pfs, NULL);

	if (rc == -ENOMEM)
		err_oom();
	if (rc)
		fatal_procfs(cc->pfs, rc);
	if (ct_set_find(set, cc->names, arg, &found, &n))
		err_oom();
	if (n == 1) {
		const struct ct_entry *e = &set->items[found[0]];

		free(found);
		return e;
	}
	if (!n)
		errx(CTCOLS_EXIT_NOT_ONE, _("%s %s: no such container"), opt, arg);
	warnx(_("%s %s: ambiguous, it names %zu containers:"), opt, arg, n);
	for (size_t i = 0; i < n; i++)
		put_candidate(cc, &set->items[found[i]]);
	exit(CTCOLS_EXIT_NOT_ONE);
}
