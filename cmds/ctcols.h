/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The container of a process, as the three commands show it (the columns
 * CGROUP, RUNTIME, CONTAINER, NAME and POD) and as --container finds it.
 */
#ifndef PIDNS_CTCOLS_H
#define PIDNS_CTCOLS_H

#include <stdbool.h>
#include <sys/types.h>

#include "container.h"
#include "ctnames.h"
#include "ctset.h"
#include "nls.h"
#include "table.h"

/* The columns' order within a command's column table, from its first. */
enum { CTCOL_CGROUP, CTCOL_RUNTIME, CTCOL_CONTAINER, CTCOL_NAME, CTCOL_POD, CTCOL_COUNT };

/* Their rows in a command's colinfo table, the first at index first. */
#define CTCOL_INFOS(first)							\
	[(first) + CTCOL_CGROUP]    = { "CGROUP", 0, SCOLS_FL_TRUNC,		\
		N_("cgroup (v2, else name=systemd) of the process"),		\
		SCOLS_JSON_STRING, NULL },					\
	[(first) + CTCOL_RUNTIME]   = { "RUNTIME", 0, 0,			\
		N_("container runtime its cgroup names"), SCOLS_JSON_STRING, NULL }, \
	[(first) + CTCOL_CONTAINER] = { "CONTAINER", 0, SCOLS_FL_TRUNC,		\
		N_("container id, or machine or LXC name"), SCOLS_JSON_STRING, NULL }, \
	[(first) + CTCOL_NAME]      = { "NAME", 0, 0,				\
		N_("container name, from the runtime's files"),		\
		SCOLS_JSON_STRING, NULL },					\
	[(first) + CTCOL_POD]       = { "POD", 0, 0,				\
		N_("Kubernetes pod: namespace/name, else its uid"),		\
		SCOLS_JSON_STRING, NULL }

/* --container and --container-like arguments exit with this when they name no single one. */
#define CTCOLS_EXIT_NOT_ONE	2

/* What the cells read, and the answer for the last process asked. */
struct ctcols {
	struct procfs *pfs;
	struct ctnames *names;
	pid_t pid;		/* of the answer kept; 0: none */
	int rc;
	char *cgroup;
	struct container_ref ref;
};

/*
 * Open the procfs and the host root of --procfs and --root, as
 * host_open_or_exit() does, and set cc up to read them.  Returns the procfs,
 * which the caller closes after ctcols_free().
 */
struct procfs *ctcols_open_or_exit(struct ctcols *cc, const char *procfs_dir,
				   const char *root_dir);
void ctcols_free(struct ctcols *cc);

/* Whether the cgroup file of process pid can be read. */
bool ctcols_readable(struct ctcols *cc, pid_t pid);

/* The cell of column col (CTCOL_*) for process pid: allocated, or NULL when empty. */
char *ctcols_cell(struct ctcols *cc, pid_t pid, int col);

/*
 * The container that arg names among those of the procfs's processes, or an
 * error naming opt: unknown, or ambiguous (its candidates listed), each exits
 * CTCOLS_EXIT_NOT_ONE.  *set is filled; the entry returned points into it.
 */
const struct ct_entry *ctcols_find_or_exit(struct ctcols *cc, const char *opt, const char *arg,
					   struct ct_set *set);

#endif /* PIDNS_CTCOLS_H */
