// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests of -o column lists and the capability helpers. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "c.h"
#include "caps.h"
#include "table.h"
#include "tap.h"

static const struct colinfo tab[] = {
	{ "NS", 10, SCOLS_FL_RIGHT, "namespace", SCOLS_JSON_NUMBER, NULL },
	{ "TYPE", 5, 0, "type", SCOLS_JSON_STRING, NULL },
	{ "PID", 5, SCOLS_FL_RIGHT, "pid", SCOLS_JSON_NUMBER, NULL },
	{ "COMMAND", 0, SCOLS_FL_TRUNC, "command", SCOLS_JSON_STRING, NULL },
};

static void test_collist(void)
{
	static const int defaults[] = { 0, 1 };
	struct collist list;
	const char *bad = NULL;
	size_t badlen = 0;

	collist_set(&list, defaults, ARRAY_SIZE(defaults));
	is_int(collist_parse(&list, tab, ARRAY_SIZE(tab), "PID,COMMAND", &bad, &badlen), 0,
	       "-o: a list replaces");
	ok(list.count == 2 && list.ids[0] == 2 && list.ids[1] == 3, "-o: PID,COMMAND");

	collist_set(&list, defaults, ARRAY_SIZE(defaults));
	is_int(collist_parse(&list, tab, ARRAY_SIZE(tab), "+pid", &bad, &badlen), 0,
	       "-o: +LIST appends, names are case-insensitive");
	ok(list.count == 3 && list.ids[2] == 2, "-o: NS,TYPE,PID");
	ok(collist_has(&list, 2) && !collist_has(&list, 3), "collist_has: PID yes, COMMAND no");

	collist_set(&list, defaults, ARRAY_SIZE(defaults));
	is_int(collist_parse(&list, tab, ARRAY_SIZE(tab), "NS,FOO,PID", &bad, &badlen), -EINVAL,
	       "-o: an unknown name");
	ok(badlen == 3 && strncmp(bad, "FOO", 3) == 0, "-o: the unknown name is pointed at");
	is_int(list.count, 2, "-o: a failed parse leaves the list alone");

	is_int(collist_parse(&list, tab, ARRAY_SIZE(tab), "NS,,PID", &bad, &badlen), -EINVAL,
	       "-o: an empty name");
	is_int(collist_parse(&list, tab, ARRAY_SIZE(tab), "", &bad, &badlen), -EINVAL,
	       "-o: an empty list");
	is_int(collist_parse(&list, tab, ARRAY_SIZE(tab), "NSX", &bad, &badlen), -EINVAL,
	       "-o: a name with a known prefix");
}

static void test_too_many(void)
{
	char arg[COLLIST_MAX * 3 + 8] = "NS";
	struct collist list = { 0 };
	const char *bad;
	size_t badlen;

	for (int i = 0; i < COLLIST_MAX; i++)
		strcat(arg, ",NS");
	is_int(collist_parse(&list, tab, ARRAY_SIZE(tab), arg, &bad, &badlen), -E2BIG,
	       "-o: more than COLLIST_MAX columns");
}

static void test_tables(void)
{
	static const int ids[] = { 0, 3 };
	struct libscols_table *tb = NULL;
	struct collist list;

	collist_set(&list, ids, ARRAY_SIZE(ids));
	is_int(coltab_new(tab, &list, COLTAB_JSON | COLTAB_NOTRUNCATE, "things", &tb), 0,
	       "table: new");
	is_int(scols_table_get_ncols(tb), 2, "table: two columns");
	ok(scols_table_is_json(tb), "table: JSON mode");
	is_int(scols_column_get_flags(scols_table_get_column(tb, 1)) & SCOLS_FL_TRUNC, 0,
	       "table: --notruncate clears SCOLS_FL_TRUNC");
	scols_unref_table(tb);

	is_int(coltab_new_column_list(tab, ARRAY_SIZE(tab), 0, &tb), 0, "-H: table");
	is_int(scols_table_get_nlines(tb), ARRAY_SIZE(tab), "-H: one line per column");
	ok(scols_table_is_noheadings(tb), "-H: no headings in text mode");
	scols_unref_table(tb);
}

static void test_caps(void)
{
	char *text = NULL;

	is_int(caps_effective_text(0, &text), 0, "caps: empty set");
	is_str(text, "=", "caps: empty set as libcap writes it");
	free(text);
	is_int(caps_effective_text(1ULL << CAP_NET_RAW | 1ULL << CAP_KILL, &text), 0, "caps: two");
	is_str(text, "cap_kill,cap_net_raw=e", "caps: two effective capabilities");
	free(text);
	ok(caps_self_has(CAP_SYS_PTRACE) >= 0, "caps: the caller's CAP_SYS_PTRACE is known");
}

int main(void)
{
	test_collist();
	test_too_many();
	test_tables();
	test_caps();
	return done_testing();
}
