// SPDX-License-Identifier: GPL-2.0-or-later
/* The tables of the commands: column lists (-o, +LIST, -H), setup, rows, output. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "c.h"
#include "nls.h"
#include "table.h"
#include "textout.h"
#include "xalloc.h"

void collist_set(struct collist *list, const int *ids, size_t n)
{
	list->count = n < COLLIST_MAX ? n : COLLIST_MAX;
	memcpy(list->ids, ids, list->count * sizeof(ids[0]));
}

bool collist_has(const struct collist *list, int id)
{
	for (size_t i = 0; i < list->count; i++) {
		if (list->ids[i] == id)
			return true;
	}
	return false;
}

static bool name_is(const char *name, const char *word, size_t len)
{
	return name && strlen(name) == len && strncasecmp(name, word, len) == 0;
}

bool colinfo_is(const struct colinfo *ci, const char *name, size_t len)
{
	return name_is(ci->name, name, len) || name_is(ci->alias, name, len);
}

static int colinfo_lookup(const struct colinfo *tab, size_t ntab, const char *name, size_t len)
{
	for (size_t i = 0; i < ntab; i++) {
		if (colinfo_is(&tab[i], name, len))
			return (int)i;
	}
	return -EINVAL;
}

int collist_parse(struct collist *list, const struct colinfo *tab, size_t ntab, const char *arg,
		  const char **bad, size_t *badlen)
{
	struct collist parsed = { 0 };
	const char *p = arg;

	if (*p == '+') {
		parsed = *list;
		p++;
	}
	for (;;) {
		size_t len = strcspn(p, ",");
		int id = colinfo_lookup(tab, ntab, p, len);

		if (id < 0) {
			*bad = p;
			*badlen = len;
			return -EINVAL;
		}
		if (parsed.count == COLLIST_MAX)
			return -E2BIG;
		parsed.ids[parsed.count++] = id;
		if (!p[len])
			break;
		p += len + 1;
	}
	*list = parsed;
	return 0;
}

static struct libscols_table *table_new(unsigned int modes, const char *name)
{
	struct libscols_table *tb = scols_new_table();

	if (!tb)
		return NULL;
	scols_table_enable_json(tb, !!(modes & COLTAB_JSON));
	scols_table_enable_raw(tb, !!(modes & COLTAB_RAW));
	scols_table_enable_noheadings(tb, !!(modes & COLTAB_NOHEADINGS));
	scols_table_enable_nowrap(tb, !!(modes & COLTAB_NOWRAP));
	if (scols_table_set_name(tb, name)) {
		scols_unref_table(tb);
		return NULL;
	}
	return tb;
}

int coltab_new(const struct colinfo *tab, const struct collist *cols, unsigned int modes,
	       const char *name, struct libscols_table **out)
{
	struct libscols_table *tb = table_new(modes, name);

	if (!tb)
		return -ENOMEM;
	for (size_t i = 0; i < cols->count; i++) {
		const struct colinfo *ci = &tab[cols->ids[i]];
		int flags = ci->flags;
		struct libscols_column *cl;

		if (modes & COLTAB_NOTRUNCATE)
			flags &= ~SCOLS_FL_TRUNC;
		cl = scols_table_new_column(tb, ci->name, ci->whint, flags);
		if (!cl) {
			scols_unref_table(tb);
			return -ENOMEM;
		}
		scols_column_set_json_type(cl, ci->json_type);
	}
	*out = tb;
	return 0;
}

static const char *json_type_name(int type)
{
	switch (type) {
	case SCOLS_JSON_NUMBER:
		return "<integer>";
	case SCOLS_JSON_BOOLEAN:
	case SCOLS_JSON_BOOLEAN_OPTIONAL:
		return "<boolean>";
	case SCOLS_JSON_ARRAY_STRING:
		return "<string array>";
	case SCOLS_JSON_ARRAY_NUMBER:
		return "<integer array>";
	default:
		return "<string>";
	}
}

int coltab_new_column_list(const struct colinfo *tab, size_t ntab, unsigned int modes,
			   struct libscols_table **out)
{
	static const struct colinfo list_cols[] = {
		{ "NAME", 0, SCOLS_FL_RIGHT, NULL, SCOLS_JSON_STRING, NULL },
		{ "TYPE", 0, 0, NULL, SCOLS_JSON_STRING, NULL },
		{ "DESCRIPTION", 0, 0, NULL, SCOLS_JSON_STRING, NULL },
	};
	static const int ids[] = { 0, 1, 2 };
	struct libscols_table *tb;
	struct collist cols;
	int rc;

	collist_set(&cols, ids, ARRAY_SIZE(ids));
	if (!(modes & COLTAB_JSON))
		modes |= COLTAB_NOHEADINGS;
	rc = coltab_new(list_cols, &cols, modes, "columns", &tb);
	if (rc)
		return rc;
	for (size_t i = 0; i < ntab; i++) {
		struct libscols_line *ln = scols_table_new_line(tb, NULL);

		if (!ln || scols_line_set_data(ln, 0, tab[i].name) ||
		    scols_line_set_data(ln, 1, json_type_name(tab[i].json_type)) ||
		    scols_line_set_data(ln, 2, _(tab[i].help))) {
			scols_unref_table(tb);
			return -ENOMEM;
		}
	}
	*out = tb;
	return 0;
}

void collist_parse_or_exit(struct collist *list, const struct colinfo *tab, size_t ntab,
			   const char *opt, const char *arg)
{
	const char *bad;
	size_t badlen;
	char *word;

	switch (collist_parse(list, tab, ntab, arg, &bad, &badlen)) {
	case 0:
		return;
	case -EINVAL:
		xasprintf(&word, "%.*s", (int)badlen, bad);
		bad_arg(opt, word, _("unknown column"));
	default:
		bad_arg(opt, arg, _("too many columns"));
	}
}

void put_table(struct libscols_table *tb)
{
	struct libscols_iter *itr;
	struct libscols_line *ln;
	size_t ncols = scols_table_get_ncols(tb);

	if (scols_table_is_json(tb)) {
		itr = scols_new_iter(SCOLS_ITER_FORWARD);
		if (!itr)
			err_oom();
		while (scols_table_next_line(tb, itr, &ln) == 0) {
			for (size_t i = 0; i < ncols; i++) {
				struct libscols_cell *ce = scols_line_get_cell(ln, i);
				const char *data = ce ? scols_cell_get_data(ce) : NULL;
				char *fixed = data ? utf8_repaired(data) : NULL;

				if (fixed && scols_cell_refer_data(ce, fixed))
					err_oom();
			}
		}
		scols_free_iter(itr);
	}
	scols_print_table(tb);
}

void usage_columns(FILE *out, const struct colinfo *tab, size_t ntab)
{
	fputs(_("\nAvailable output columns:\n"), out);
	for (size_t i = 0; i < ntab; i++)
		fprintf(out, " %11s  %s\n", tab[i].name, _(tab[i].help));
	fprintf(out, _("\nFor more details see %s(1).\n"), program_invocation_short_name);
}

struct libscols_line *table_add_line(struct libscols_table *tb, struct libscols_line *parent,
				     const struct collist *cols, table_cell_fn *cell, void *row)
{
	struct libscols_line *ln = scols_table_new_line(tb, parent);

	if (!ln)
		fatal_error(_("failed to allocate output line"));
	for (size_t i = 0; i < cols->count; i++) {
		char *data = cell(row, cols->ids[i], i);

		if (data && scols_line_refer_data(ln, i, data))
			fatal_error(_("failed to add output data"));
	}
	return ln;
}

void table_check_modes(unsigned int modes)
{
	if ((modes & COLTAB_JSON) && (modes & COLTAB_RAW))
		usage_error(_("mutually exclusive arguments: --json --raw"));
}

void list_columns_and_exit(const struct colinfo *tab, size_t ntab, unsigned int modes)
{
	struct libscols_table *tb;

	if (coltab_new_column_list(tab, ntab, modes, &tb))
		err_oom();
	scols_print_table(tb);
	scols_unref_table(tb);
	exit(EXIT_SUCCESS);
}
