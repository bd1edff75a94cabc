/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * -Q/--filter: the rows a libsmartcols filter expression chooses, as lsns
 * does it.  The filter API came with libsmartcols 2.40; built against an
 * older one, the option says so and exits.
 */
#ifndef PIDNS_ROWFILTER_H
#define PIDNS_ROWFILTER_H

#include <stdbool.h>
#include <libsmartcols.h>

#include "table.h"

struct rowfilter;

/* Parse expr; one that does not parse, or cannot be here, is a usage error. */
struct rowfilter *rowfilter_new_or_exit(const char *expr);

#ifdef HAVE_SCOLS_FILTER
/*
 * Append to cols the columns the expression names that cols lacks, so their
 * cells are filled; they stay hidden.  Exits on an unknown column.
 */
void rowfilter_add_columns_or_exit(struct rowfilter *rf, struct collist *cols,
				   const struct colinfo *tab, size_t ntab);

/* Hide the columns it added to tb, made from cols, and bind its names to them. */
void rowfilter_bind_or_exit(struct rowfilter *rf, struct libscols_table *tb,
			    const struct collist *cols, const struct colinfo *tab);

/* Whether a filled line is chosen; exits when the filter cannot be applied. */
bool rowfilter_match_or_exit(struct rowfilter *rf, struct libscols_line *ln);

void rowfilter_free(struct rowfilter *rf);
#else
/* No filter can exist: these are never reached with one. */
static inline void rowfilter_add_columns_or_exit(struct rowfilter *rf, struct collist *cols,
						 const struct colinfo *tab, size_t ntab)
{
	(void)rf, (void)cols, (void)tab, (void)ntab;
}
static inline void rowfilter_bind_or_exit(struct rowfilter *rf, struct libscols_table *tb,
					  const struct collist *cols, const struct colinfo *tab)
{
	(void)rf, (void)tb, (void)cols, (void)tab;
}
static inline bool rowfilter_match_or_exit(struct rowfilter *rf, struct libscols_line *ln)
{
	(void)rf, (void)ln;
	return true;
}
static inline void rowfilter_free(struct rowfilter *rf)
{
	(void)rf;
}
#endif

#endif /* PIDNS_ROWFILTER_H */
