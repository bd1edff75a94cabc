// SPDX-License-Identifier: GPL-2.0-or-later
/* -Q/--filter over a table's rows, with the libsmartcols filter API. */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "c.h"
#include "nls.h"
#include "rowfilter.h"
#include "xalloc.h"

#ifdef HAVE_SCOLS_FILTER

struct rowfilter {
	struct libscols_filter *filter;
	size_t nshown;		/* the columns before those the filter added */
};

struct rowfilter *rowfilter_new_or_exit(const char *expr)
{
	struct rowfilter *rf = xcalloc(1, sizeof(*rf));

	rf->filter = scols_new_filter(NULL);
	if (!rf->filter)
		err_oom();
	if (scols_filter_parse_string(rf->filter, expr))
		bad_arg("--filter", expr, scols_filter_get_errmsg(rf->filter));
	return rf;
}

/* The index in cols of the column called name (any case), or -1. */
static int column_index(const struct collist *cols, const struct colinfo *tab, const char *name)
{
	for (size_t i = 0; i < cols->count; i++) {
		if (colinfo_is(&tab[cols->ids[i]], name, strlen(name)))
			return (int)i;
	}
	return -1;
}

/* Call fn for each name the expression holds. */
static void for_each_holder(struct rowfilter *rf,
			    void (*fn)(struct rowfilter *rf, struct libscols_iter *itr,
				       const char *name, void *data),
			    void *data)
{
	struct libscols_iter *itr = scols_new_iter(SCOLS_ITER_FORWARD);
	const char *name = NULL;

	if (!itr)
		err_oom();
	while (scols_filter_next_holder(rf->filter, itr, &name, 0) == 0)
		fn(rf, itr, name, data);
	scols_free_iter(itr);
}

struct add_ctx {
	struct collist *cols;
	const struct colinfo *tab;
	size_t ntab;
};

static void add_holder(struct rowfilter *rf, struct libscols_iter *itr, const char *name,
		       void *data)
{
	struct add_ctx *ctx = data;
	char *arg;

	(void)rf, (void)itr;
	if (column_index(ctx->cols, ctx->tab, name) >= 0)
		return;
	xasprintf(&arg, "+%s", name);
	collist_parse_or_exit(ctx->cols, ctx->tab, ctx->ntab, "--filter", arg);
	free(arg);
}

void rowfilter_add_columns_or_exit(struct rowfilter *rf, struct collist *cols,
				   const struct colinfo *tab, size_t ntab)
{
	struct add_ctx ctx = { .cols = cols, .tab = tab, .ntab = ntab };

	rf->nshown = cols->count;
	for_each_holder(rf, add_holder, &ctx);
}

struct bind_ctx {
	struct libscols_table *tb;
	const struct collist *cols;
	const struct colinfo *tab;
};

static void bind_holder(struct rowfilter *rf, struct libscols_iter *itr, const char *name,
			void *data)
{
	struct bind_ctx *ctx = data;
	int i = column_index(ctx->cols, ctx->tab, name);

	if (i < 0 || scols_filter_assign_column(rf->filter, itr, name,
						scols_table_get_column(ctx->tb, (size_t)i)))
		fatal_error(_("failed to initialize filter"));
}

void rowfilter_bind_or_exit(struct rowfilter *rf, struct libscols_table *tb,
			    const struct collist *cols, const struct colinfo *tab)
{
	struct bind_ctx ctx = { .tb = tb, .cols = cols, .tab = tab };

	for (size_t i = rf->nshown; i < cols->count; i++) {
		struct libscols_column *cl = scols_table_get_column(tb, i);

		scols_column_set_flags(cl, scols_column_get_flags(cl) | SCOLS_FL_HIDDEN);
	}
	for_each_holder(rf, bind_holder, &ctx);
}

bool rowfilter_match_or_exit(struct rowfilter *rf, struct libscols_line *ln)
{
	int matched = 0;

	if (scols_line_apply_filter(ln, rf->filter, &matched))
		fatal_error(_("failed to apply filter"));
	return matched;
}

void rowfilter_free(struct rowfilter *rf)
{
	if (!rf)
		return;
	scols_unref_filter(rf->filter);
	free(rf);
}

#else /* !HAVE_SCOLS_FILTER */

struct rowfilter *rowfilter_new_or_exit(const char *expr)
{
	usage_error(_("--filter '%s': not supported, %s was built without the libsmartcols "
		      "2.40 filter API"), expr, program_invocation_short_name);
}

#endif
