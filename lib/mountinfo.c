// SPDX-License-Identifier: LGPL-2.1-or-later
/* nsfs mounts from mountinfo. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "mountinfo.h"

/* The next space-separated field of [*p, end), or NULL when there is none. */
static const char *next_field(const char **p, const char *end, size_t *len)
{
	const char *start = *p, *stop;

	while (start < end && *start == ' ')
		start++;
	if (start == end)
		return NULL;
	stop = memchr(start, ' ', (size_t)(end - start));
	if (!stop)
		stop = end;
	*len = (size_t)(stop - start);
	*p = stop;
	return start;
}

/* Whether the four bytes at s are \ooo, the octal escape of one byte. */
static bool is_octal_escape(const char *s)
{
	return s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' &&
	       s[3] >= '0' && s[3] <= '7';
}

/* mountinfo writes space, tab, newline and backslash in paths as \ooo. */
static char *unescape_path(const char *s, size_t len)
{
	char *out = malloc(len + 1), *o = out;

	if (!out)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		if (i + 3 < len && is_octal_escape(s + i)) {
			*o++ = (char)((s[i + 1] - '0') << 6 | (s[i + 2] - '0') << 3 |
				      (s[i + 3] - '0'));
			i += 3;
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';
	return out;
}

int mountinfo_parse_nsfs(const char *line, size_t len, struct nsfs_mount *m)
{
	const char *end = line + len, *p = line, *root = NULL, *mnt = NULL, *f;
	size_t flen, root_len = 0, mnt_len = 0;
	int field = 0;

	/* id parent major:minor root mount-point options [optional...] - fstype ... */
	while ((f = next_field(&p, end, &flen))) {
		field++;
		if (field == 4) {
			root = f;
			root_len = flen;
		} else if (field == 5) {
			mnt = f;
			mnt_len = flen;
		} else if (field > 6 && flen == 1 && *f == '-') {
			break;
		}
	}
	if (!f || !mnt)
		return -EINVAL;
	f = next_field(&p, end, &flen);
	if (!f)
		return -EINVAL;
	if (flen != 4 || memcmp(f, "nsfs", 4) != 0)
		return 0;
	if (ns_link_parse(root, root_len, &m->type, &m->ino))
		return -EINVAL;
	m->path = unescape_path(mnt, mnt_len);
	return m->path ? 1 : -ENOMEM;
}

void nsfs_mounts_free(struct nsfs_mount *mounts, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(mounts[i].path);
	free(mounts);
}

int nsfs_mounts_read(struct procfs *pfs, struct nsfs_mount **mounts, size_t *count)
{
	struct nsfs_mount *list = NULL;
	const char *data, *end;
	size_t n = 0, cap = 0, len;
	int rc;

	*mounts = NULL;
	*count = 0;
	rc = procfs_read_path(pfs, "self/mountinfo", &data, &len);
	if (rc)
		return rc;
	for (end = data + len; data < end; ) {
		const char *eol = memchr(data, '\n', (size_t)(end - data));
		struct nsfs_mount m;

		if (!eol)
			eol = end;
		rc = mountinfo_parse_nsfs(data, (size_t)(eol - data), &m);
		if (rc == -ENOMEM)
			break;
		if (rc == 1) {
			if (n == cap) {
				struct nsfs_mount *more;

				cap = cap ? cap * 2 : 8;
				more = realloc(list, cap * sizeof(*list));
				if (!more) {
					free(m.path);
					rc = -ENOMEM;
					break;
				}
				list = more;
			}
			list[n++] = m;
		}
		rc = 0;
		data = eol + (eol < end);
	}
	if (rc) {
		nsfs_mounts_free(list, n);
		return rc;
	}
	*mounts = list;
	*count = n;
	return 0;
}
