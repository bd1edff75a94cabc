/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the commands share and the library must not do: start up, check
 * stdout at exit, and turn bad arguments into messages.
 */
#ifndef PIDNS_CMDUTIL_H
#define PIDNS_CMDUTIL_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "cmderr.h"
#include "nsfs.h"

/*
 * Set up locale and gettext, the exit statuses of cmderr.h, and a check of
 * stdout when the program exits.  A failed write exits with fatal_status:
 * for a command whose exit status 1 is an answer ("nothing found"), that
 * must be another one.
 */
void cmd_init(int usage_status, int fatal_status);

/* "prog from pidns-utils X.Y" on stdout, then exit(0). */
CMD_NORETURN void print_version(void);

/*
 * A number from the command line: the whole word, decimal, within [min, max].
 * Anything else is a usage error: "invalid <what> argument: '<str>'".
 */
uint64_t parse_num_arg(const char *str, const char *what, uint64_t min, uint64_t max);

/*
 * Whether CAP_SYS_PTRACE would let us read what we may not: we lack it.  A
 * process that has it may still be refused (another user namespace's, an
 * LSM's rule), and then the hint would mislead.
 */
bool may_gain_by_ptrace(void);

/* One line on stderr when processes we may not read were passed over. */
void warn_unreadable(unsigned long denied);

struct procfs;
struct ns_handle;

/*
 * The procfs to read and the host root whose runtime files name containers:
 * with --root DIR (root_dir), DIR/proc and DIR; with --procfs DIR alone, DIR
 * and no root, as whose files lie where is not known; else /proc and /.
 * *rootfd gets an O_PATH fd of the root, or -1.  At most one of the two may
 * be given.  What cannot be opened is a fatal error.
 */
struct procfs *host_open_or_exit(const char *procfs_dir, const char *root_dir, int *rootfd);

/* A fatal error reading the procfs, such as those for which procfs_err_fatal() holds. */
CMD_NORETURN void fatal_procfs(const struct procfs *pfs, int rc);

/* Why process pid has no namespace links, in words for a message. */
const char *why_no_ns_link(struct procfs *pfs, pid_t pid);

/*
 * Resolve the namespace argument of option opt (a pid, an inode number or an
 * nsfs path, see ns_arg_open()) to a namespace of the given type.  What is
 * wrong with the argument is a usage error, an inode number that no process
 * is in and no nsfs mount holds among them; running out of memory or
 * descriptors on the way, a fatal one.
 */
void ns_arg_open_or_exit(struct procfs *pfs, const char *opt, const char *arg,
			 enum ns_type type, struct ns_handle *ns);

#endif /* PIDNS_CMDUTIL_H */
