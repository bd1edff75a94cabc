/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The tables of the commands, on libsmartcols.  Every command has a column
 * table: one row per column holds all there is to know about it, and -o,
 * -H, --help and the table setup all read from it.
 */
#ifndef PIDNS_TABLE_H
#define PIDNS_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <libsmartcols.h>

#include "cmderr.h"

struct colinfo {
	const char *name;
	double whint;		/* width hint: columns, or a fraction of the terminal */
	int flags;		/* SCOLS_FL_* */
	const char *help;	/* N_() text, translated when shown */
	int json_type;		/* SCOLS_JSON_* */
	const char *alias;	/* an old name that -o and -Q still accept, or NULL */
};

/* Whether name (any case) is the name or the alias of column ci. */
bool colinfo_is(const struct colinfo *ci, const char *name, size_t len);

/* The columns a table shows, as indexes into a colinfo array. */
#define COLLIST_MAX	128

struct collist {
	size_t count;
	int ids[COLLIST_MAX];
};

/* Replace the list with ids[0..n). */
void collist_set(struct collist *list, const int *ids, size_t n);

/* Whether the list shows column id. */
bool collist_has(const struct collist *list, int id);

/*
 * Apply an -o argument: "A,B" replaces the list, "+A,B" appends to it.
 * Names match case-insensitively, as in util-linux.  On -EINVAL *bad and
 * *badlen point at the unknown name inside arg; -E2BIG when too many.
 */
int collist_parse(struct collist *list, const struct colinfo *tab, size_t ntab, const char *arg,
		  const char **bad, size_t *badlen);

/* Output modes of a table. */
enum {
	COLTAB_JSON		= 1 << 0,
	COLTAB_RAW		= 1 << 1,
	COLTAB_NOHEADINGS	= 1 << 2,
	COLTAB_NOTRUNCATE	= 1 << 3,
	COLTAB_NOWRAP		= 1 << 4,
};

/*
 * A table with the listed columns in the given modes; name is the JSON key
 * of the array of rows.  Returns 0 or -ENOMEM.
 */
int coltab_new(const struct colinfo *tab, const struct collist *cols, unsigned int modes,
	       const char *name, struct libscols_table **out);

/*
 * The table -H prints: every column's name, JSON type and translated help,
 * under the JSON key "columns".  Returns 0 or -ENOMEM.
 */
int coltab_new_column_list(const struct colinfo *tab, size_t ntab, unsigned int modes,
			   struct libscols_table **out);

/*
 * The cell of a row in column col (an index into the command's colinfo), the
 * index-th of the table: allocated for the table to own, or NULL for none.
 */
typedef char *table_cell_fn(void *row, int col, size_t index);

/* Add a line below parent (NULL: at the top), a cell for each column of cols. */
struct libscols_line *table_add_line(struct libscols_table *tb, struct libscols_line *parent,
				     const struct collist *cols, table_cell_fn *cell, void *row);

/* Apply the argument of option opt to list; an unknown column is a usage error. */
void collist_parse_or_exit(struct collist *list, const struct colinfo *tab, size_t ntab,
			   const char *opt, const char *arg);

/* --json with --raw is a usage error. */
void table_check_modes(unsigned int modes);

/* -H: print the columns of tab in the table modes (COLTAB_*), then exit with 0. */
CMD_NORETURN void list_columns_and_exit(const struct colinfo *tab, size_t ntab,
					unsigned int modes);

/* The end of usage(): the columns of tab with their help, and the man page to read. */
void usage_columns(FILE *out, const struct colinfo *tab, size_t ntab);

/*
 * Print a table; in JSON, what is no valid UTF-8 in the cells (a process
 * names itself as it likes) becomes U+FFFD, so that every parser reads it.
 */
void put_table(struct libscols_table *tb);

#endif /* PIDNS_TABLE_H */
