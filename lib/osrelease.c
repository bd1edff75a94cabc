// SPDX-License-Identifier: LGPL-2.1-or-later
/* The name of a system from its os-release(5), read inside a root whose owner we do not trust. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "osrelease.h"
#include "procfs.h"
#include "rootfile.h"

/* Part of the text: a key, or a value still quoted as the file has it. */
struct span {
	const char *p;
	size_t len;
};

enum { KEY_PRETTY_NAME, KEY_NAME, KEY_VERSION_ID, KEY_COUNT };

static const char *const key_names[KEY_COUNT] = {
	[KEY_PRETTY_NAME]	= "PRETTY_NAME",
	[KEY_NAME]		= "NAME",
	[KEY_VERSION_ID]	= "VERSION_ID",
};

/* What ends an unquoted shell word early, or starts an expansion or a redirection there. */
static const char unquoted_special[] = "\"'\\$`;&|<>()";

/* What a backslash escapes inside double quotes; before anything else it stays. */
static const char dquote_escaped[] = "$\"\\`";

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_ctrl(char c)
{
	return (unsigned char)c < 0x20 || c == 0x7f;
}

static bool is_key_char(char c, bool first)
{
	return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (!first && c >= '0' && c <= '9');
}

/* One character of a value: stored when decoding (out set), only counted when checking. */
static void put(char *out, size_t *n, char c)
{
	if (out)
		out[*n] = c;
	(*n)++;
}

static int unquoted(const char **pos, const char *end, char *out, size_t *n)
{
	const char *p;

	for (p = *pos; p < end && !is_blank(*p); p++) {
		if (is_ctrl(*p) || memchr(unquoted_special, *p, sizeof(unquoted_special) - 1))
			return -EINVAL;
		/* a shell expands a tilde after the '=' and after each ':' of an assignment */
		if (*p == '~' && (p == *pos || p[-1] == ':'))
			return -EINVAL;
		put(out, n, *p);
	}
	*pos = p;
	return 0;
}

/* A quoted value: single quotes keep every byte, double quotes know four escapes. */
static int quoted(const char **pos, const char *end, char *out, size_t *n)
{
	const char quote = **pos;
	const char *p;

	for (p = *pos + 1; p < end && *p != quote; p++) {
		/* an expansion: we read the file, we do not run it */
		if (quote == '"' && (*p == '$' || *p == '`'))
			return -EINVAL;
		if (quote == '"' && *p == '\\') {
			if (p + 1 == end)
				return -EINVAL;	/* a line continuation */
			if (memchr(dquote_escaped, p[1], sizeof(dquote_escaped) - 1))
				p++;
		}
		if (is_ctrl(*p))
			return -EINVAL;
		put(out, n, *p);
	}
	/* still open at the end of the line: values of several lines are refused */
	if (p == end)
		return -EINVAL;
	*pos = p + 1;
	return 0;
}

/*
 * The value from p to the end of its line, as a shell would assign it.  With out NULL it is
 * only checked; otherwise out holds end - p bytes, as decoding never makes a value longer.
 */
static int parse_value(const char *p, const char *end, char *out, size_t *len)
{
	int rc;

	*len = 0;
	if (p < end && (*p == '\'' || *p == '"'))
		rc = quoted(&p, end, out, len);
	else
		rc = unquoted(&p, end, out, len);
	if (rc)
		return rc;
	while (p < end && is_blank(*p))
		p++;
	return p == end ? 0 : -EINVAL;
}

/*
 * A line without its newline: 0 when blank or a comment, 1 for an assignment with *key and
 * *value (still quoted) set, -EINVAL for anything else.
 */
static int parse_line(const char *p, const char *end, struct span *key, struct span *value)
{
	size_t len;
	int rc;

	while (p < end && is_blank(*p))
		p++;
	if (p == end || *p == '#')
		return 0;
	if (!is_key_char(*p, true))
		return -EINVAL;
	key->p = p;
	while (p < end && is_key_char(*p, false))
		p++;
	if (p == end || *p != '=')
		return -EINVAL;
	key->len = (size_t)(p - key->p);
	value->p = p + 1;
	value->len = (size_t)(end - value->p);
	rc = parse_value(value->p, end, NULL, &len);
	return rc ? rc : 1;
}

static void remember(struct span *last, const struct span *key, const struct span *value)
{
	for (size_t i = 0; i < KEY_COUNT; i++) {
		if (key->len == strlen(key_names[i]) && !memcmp(key->p, key_names[i], key->len)) {
			last[i] = *value;
			return;
		}
	}
}

/* The decoded value; *out stays NULL when the key is missing, empty or only spaces. */
static int value_dup(const struct span *v, char **out)
{
	size_t len, i;
	char *s;

	*out = NULL;
	if (!v->p)
		return 0;
	s = malloc(v->len + 1);
	if (!s)
		return -ENOMEM;
	parse_value(v->p, v->p + v->len, s, &len);	/* checked when its line was read */
	s[len] = '\0';
	for (i = 0; i < len && s[i] == ' '; i++)
		;
	if (i == len)
		free(s);
	else
		*out = s;
	return 0;
}

static int join(const char *a, const char *b, char **out)
{
	size_t alen = strlen(a), blen = strlen(b);
	char *s = malloc(alen + 1 + blen + 1);

	if (!s)
		return -ENOMEM;
	memcpy(s, a, alen);
	s[alen] = ' ';
	memcpy(s + alen + 1, b, blen + 1);
	*out = s;
	return 0;
}

/* PRETTY_NAME; else NAME, with VERSION_ID after a space when there is one. */
static int compose(const struct span *last, char **name)
{
	char *pretty, *base, *version;
	int rc;

	rc = value_dup(&last[KEY_PRETTY_NAME], &pretty);
	if (rc)
		return rc;
	if (pretty) {
		*name = pretty;
		return 0;
	}
	rc = value_dup(&last[KEY_NAME], &base);
	if (rc)
		return rc;
	if (!base)
		return -ENOENT;
	rc = value_dup(&last[KEY_VERSION_ID], &version);
	if (rc) {
		free(base);
		return rc;
	}
	if (!version) {
		*name = base;
		return 0;
	}
	rc = join(base, version, name);
	free(base);
	free(version);
	return rc;
}

int osrelease_name_parse(const char *buf, size_t len, char **name)
{
	struct span last[KEY_COUNT] = { { NULL, 0 } };
	size_t off = 0;

	if (len > OSRELEASE_MAX)
		return -EFBIG;
	while (off < len) {
		const char *line = buf + off;
		const char *eol = memchr(line, '\n', len - off);
		struct span key, value;
		int rc;

		if (!eol)
			eol = buf + len;	/* a last line without its newline still counts */
		rc = parse_line(line, eol, &key, &value);
		if (rc < 0)
			return rc;
		if (rc)
			remember(last, &key, &value);
		off = (size_t)(eol - buf) + 1;
	}
	return compose(last, name);
}

int osrelease_name_at(int rootfd, char **name)
{
	char *buf;
	size_t len;
	int rc = rootfile_read(rootfd, "etc/os-release", ROOTFILE_ANY_OWNER, OSRELEASE_MAX, &buf,
			       &len);

	/* only a file that is not there falls back (os-release(5)); a bad one is the answer */
	if (rc == -ENOENT)
		rc = rootfile_read(rootfd, "usr/lib/os-release", ROOTFILE_ANY_OWNER, OSRELEASE_MAX,
				   &buf, &len);
	if (rc)
		return rc;
	rc = osrelease_name_parse(buf, len, name);
	free(buf);
	return rc;
}

int osrelease_name_of(struct procfs *pfs, pid_t pid, char **name)
{
	int rc, fd = procfs_open_root(pfs, pid);

	if (fd < 0)
		return fd;
	rc = osrelease_name_at(fd, name);
	close(fd);
	return rc;
}
