// SPDX-License-Identifier: LGPL-2.1-or-later
/* Strict decimal parsing: no locale, no sign, no silent truncation. */
#include <errno.h>
#include <string.h>

#include "strutils.h"

int buf_to_u64(const char **pos, const char *end, uint64_t *out)
{
	const char *p = *pos;
	uint64_t val = 0;

	if (p >= end || *p < '0' || *p > '9')
		return -EINVAL;
	for (; p < end && *p >= '0' && *p <= '9'; p++) {
		unsigned int digit = (unsigned int)(*p - '0');

		if (val > (UINT64_MAX - digit) / 10)
			return -ERANGE;
		val = val * 10 + digit;
	}
	*pos = p;
	*out = val;
	return 0;
}

int str_to_u64(const char *str, uint64_t *out)
{
	const char *end = str + strlen(str);
	const char *p = str;
	int rc = buf_to_u64(&p, end, out);

	if (rc)
		return rc;
	return p == end ? 0 : -EINVAL;
}
