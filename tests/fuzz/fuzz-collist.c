// SPDX-License-Identifier: GPL-2.0-or-later
/* libFuzzer harness: an -o column list. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct colinfo tab[] = {
	{ "NS", 10, SCOLS_FL_RIGHT, "ns", SCOLS_JSON_NUMBER, NULL },
	{ "TYPE", 5, 0, "type", SCOLS_JSON_STRING, NULL },
	{ "PID", 5, SCOLS_FL_RIGHT, "pid", SCOLS_JSON_NUMBER, NULL },
	{ "COMMAND", 0, SCOLS_FL_TRUNC, "command", SCOLS_JSON_STRING, NULL },
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct collist list = { .count = 1, .ids = { 0 } };
	char *arg = strndup((const char *)data, size);
	const char *bad;
	size_t badlen;
	int rc;

	if (!arg)
		return 0;
	rc = collist_parse(&list, tab, sizeof(tab) / sizeof(tab[0]), arg, &bad, &badlen);
	if (rc == 0) {
		for (size_t i = 0; i < list.count; i++) {
			if (list.ids[i] < 0 || (size_t)list.ids[i] >= sizeof(tab) / sizeof(tab[0]))
				__builtin_trap();
		}
	} else if (rc == -22 && (bad < arg || bad + badlen > arg + strlen(arg))) {
		__builtin_trap();
	}
	free(arg);
	return 0;
}
