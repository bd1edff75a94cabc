/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the commands share and the library must not do: die on allocation
 * failure, report bad arguments, check stdout at exit.
 */
#ifndef PIDNS_CMDUTIL_H
#define PIDNS_CMDUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "nsfs.h"

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *str);
int xasprintf(char **strp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Set up locale and gettext, and check stdout when the program exits.  A
 * failed allocation or write exits with fatal_status: for a command whose
 * exit status 1 is an answer ("nothing found"), that must be another one.
 */
void cmd_init(int fatal_status);

/* "Try 'prog --help' for more information." on stderr, then exit(status). */
void __attribute__((noreturn)) errtryhelp(int status);

/* "prog from pidns-utils X.Y" on stdout, then exit(0). */
void __attribute__((noreturn)) print_version(void);

/* "invalid <opt> argument: '<arg>' (<why>)" on stderr, then exit(status). */
void __attribute__((noreturn)) bad_arg_exit(int status, const char *opt, const char *arg,
					    const char *why);

/*
 * A number from the command line: the whole word, decimal, within [min, max].
 * Anything else exits with status after "invalid <what> argument: '<str>'".
 */
uint64_t parse_num_or_exit(const char *str, const char *what, uint64_t min, uint64_t max,
			   int status);

/* One line on stderr when processes we may not read were passed over, with the capability. */
void warn_unreadable(unsigned long denied);

struct procfs;
struct ns_handle;
struct colinfo;
struct collist;
struct libscols_table;

/* procfs_open(dir), or exit with status after a message naming --procfs and dir. */
struct procfs *procfs_open_or_exit(const char *dir, int status);

/* Exit with status, naming what failed, after an error for which procfs_err_fatal() holds. */
void __attribute__((noreturn)) fatal_procfs_error(const struct procfs *pfs, int rc, int status);

/* Apply the argument of option opt to list, or exit with status naming the unknown column. */
void collist_parse_or_exit(struct collist *list, const struct colinfo *tab, size_t ntab,
			   const char *opt, const char *arg, int status);

/*
 * Print a table; in JSON, what is no valid UTF-8 in the cells (a process
 * names itself as it likes) becomes U+FFFD, so that every parser reads it.
 */
void put_table(struct libscols_table *tb);

/* The end of usage(): the columns of tab with their help, and the man page to read. */
void usage_columns(FILE *out, const struct colinfo *tab, size_t ntab);

/*
 * After the options of a table command: --json with --raw exits with
 * status, and -H (list_columns) prints the columns of tab in the table
 * modes (COLTAB_*) and exits with 0.
 */
void check_table_options(const struct colinfo *tab, size_t ntab, unsigned int modes,
			 bool list_columns, int status);

/*
 * Resolve the namespace argument of option opt (a pid, an inode number or an
 * nsfs path, see ns_arg_open()) to a namespace of the given type, or exit
 * with status after a message that says what is wrong with it.
 */
void ns_arg_open_or_exit(struct procfs *pfs, const char *opt, const char *arg,
			 enum ns_type type, int status, struct ns_handle *ns);

/* User names by uid, remembering the last: the rows of a table mostly share one user. */
struct usercache {
	uid_t uid;
	char *name;
};

/* The name of uid, or the number when it has none; valid until the next call. */
const char *usercache_name(struct usercache *cache, uid_t uid);
void usercache_free(struct usercache *cache);

#endif /* PIDNS_CMDUTIL_H */
