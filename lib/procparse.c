// SPDX-License-Identifier: LGPL-2.1-or-later
/* Parsers of the text the kernel writes in /proc/PID/{status,stat,cmdline}. */
#include <errno.h>
#include <limits.h>
#include <string.h>

#include "c.h"
#include "procparse.h"
#include "strutils.h"

static void skip_blanks(const char **p, const char *end)
{
	while (*p < end && (**p == ' ' || **p == '\t'))
		(*p)++;
}

static int parse_pid(const char **p, const char *end, pid_t *out)
{
	uint64_t val;
	int rc = buf_to_u64(p, end, &val);

	if (rc)
		return rc;
	if (val > INT_MAX)
		return -ERANGE;
	*out = (pid_t)val;
	return 0;
}

static int parse_hex_u64(const char **p, const char *end, uint64_t *out)
{
	uint64_t val = 0;
	const char *s = *p;

	for (; s < end; s++) {
		unsigned int digit;

		if (*s >= '0' && *s <= '9')
			digit = (unsigned int)(*s - '0');
		else if (*s >= 'a' && *s <= 'f')
			digit = (unsigned int)(*s - 'a' + 10);
		else if (*s >= 'A' && *s <= 'F')
			digit = (unsigned int)(*s - 'A' + 10);
		else
			break;
		if (val >> 60)
			return -ERANGE;
		val = val << 4 | digit;
	}
	if (s == *p)
		return -EINVAL;
	*p = s;
	*out = val;
	return 0;
}

/* Parse up to max whitespace-separated numbers; returns how many, or <0. */
static int parse_pid_list(const char *p, const char *end, pid_t *vals, size_t max)
{
	size_t n = 0;

	for (skip_blanks(&p, end); p < end; skip_blanks(&p, end)) {
		int rc;

		if (n == max)
			return -EINVAL;
		rc = parse_pid(&p, end, &vals[n]);
		if (rc)
			return rc;
		n++;
	}
	return (int)n;
}

/* Uid: and Gid: lines: four ids, each up to 2^32 - 1. */
static int parse_id_line(const char *p, const char *end, unsigned int *ids)
{
	for (size_t i = 0; i < ID_COUNT; i++) {
		uint64_t val;
		int rc;

		skip_blanks(&p, end);
		rc = buf_to_u64(&p, end, &val);
		if (rc)
			return rc;
		if (val > UINT32_MAX)
			return -ERANGE;
		ids[i] = (unsigned int)val;
	}
	skip_blanks(&p, end);
	return p == end ? 0 : -EINVAL;
}

static int parse_ns_line(const char *p, const char *end, struct proc_status *st, pid_t *vals,
			 unsigned int bit)
{
	const unsigned int ns_bits = STATUS_HAVE_NSTGID | STATUS_HAVE_NSPID |
				     STATUS_HAVE_NSPGID | STATUS_HAVE_NSSID;
	int n = parse_pid_list(p, end, vals, PROC_NS_LEVELS_MAX);

	if (n < 0)
		return n;
	if (n == 0)
		return -EINVAL;
	if ((st->have & ns_bits) && st->nlevels != (unsigned int)n)
		return -EINVAL;
	st->nlevels = (unsigned int)n;
	st->have |= bit;
	return 0;
}

static int parse_status_line(const char *key, size_t keylen, const char *p, const char *end,
			     struct proc_status *st)
{
	int rc;

#define KEY_IS(k)	(keylen == sizeof(k) - 1 && memcmp(key, k, keylen) == 0)
	if (KEY_IS("Uid")) {
		rc = parse_id_line(p, end, st->uid);
		if (!rc)
			st->have |= STATUS_HAVE_UID;
		return rc;
	}
	if (KEY_IS("Gid")) {
		rc = parse_id_line(p, end, st->gid);
		if (!rc)
			st->have |= STATUS_HAVE_GID;
		return rc;
	}
	if (KEY_IS("PPid")) {
		skip_blanks(&p, end);
		rc = parse_pid(&p, end, &st->ppid);
		skip_blanks(&p, end);
		if (!rc && p != end)
			rc = -EINVAL;
		if (!rc)
			st->have |= STATUS_HAVE_PPID;
		return rc;
	}
	if (KEY_IS("CapEff")) {
		skip_blanks(&p, end);
		rc = parse_hex_u64(&p, end, &st->cap_eff);
		if (!rc)
			st->have |= STATUS_HAVE_CAPEFF;
		return rc;
	}
	if (KEY_IS("NStgid"))
		return parse_ns_line(p, end, st, st->nstgid, STATUS_HAVE_NSTGID);
	if (KEY_IS("NSpid"))
		return parse_ns_line(p, end, st, st->nspid, STATUS_HAVE_NSPID);
	if (KEY_IS("NSpgid"))
		return parse_ns_line(p, end, st, st->nspgid, STATUS_HAVE_NSPGID);
	if (KEY_IS("NSsid"))
		return parse_ns_line(p, end, st, st->nssid, STATUS_HAVE_NSSID);
#undef KEY_IS
	return 0;
}

int procparse_status(const char *buf, size_t len, struct proc_status *st)
{
	const char *end = buf + len;

	memset(st, 0, sizeof(*st));
	while (buf < end) {
		const char *eol = memchr(buf, '\n', (size_t)(end - buf));
		const char *colon;
		int rc;

		if (!eol)
			eol = end;	/* a truncated last line still counts */
		colon = memchr(buf, ':', (size_t)(eol - buf));
		if (colon) {
			rc = parse_status_line(buf, (size_t)(colon - buf), colon + 1, eol, st);
			if (rc)
				return rc;
		}
		if (eol == end)
			break;
		buf = eol + 1;
	}
	return 0;
}

/* Skip one space-separated field of stat; -EINVAL when the line ends first. */
static int skip_field(const char **p, const char *end)
{
	if (*p >= end || **p != ' ')
		return -EINVAL;
	(*p)++;
	while (*p < end && **p != ' ' && **p != '\n')
		(*p)++;
	return 0;
}

static int next_pid_field(const char **p, const char *end, pid_t *out)
{
	if (*p >= end || **p != ' ')
		return -EINVAL;
	(*p)++;
	return parse_pid(p, end, out);
}

/* Field numbers as in proc(5): 3 is state, 22 is starttime. */
#define STAT_FIELD_TTY_NR	7
#define STAT_FIELD_STARTTIME	22

int procparse_stat(const char *buf, size_t len, struct proc_stat *st)
{
	const char *end = buf + len;
	const char *open = memchr(buf, '(', len);
	const char *close = NULL;
	const char *p;
	pid_t tty;
	size_t n;
	int field, rc;

	memset(st, 0, sizeof(*st));
	if (!open)
		return -EINVAL;
	for (p = end; p > open; p--) {
		if (p[-1] == ')') {
			close = p - 1;
			break;
		}
	}
	if (!close)
		return -EINVAL;

	n = (size_t)(close - open - 1);
	if (n > PROC_COMM_MAX)
		n = PROC_COMM_MAX;
	memcpy(st->comm, open + 1, n);
	st->comm[n] = '\0';

	p = close + 1;
	if (end - p < 2 || p[0] != ' ')
		return -EINVAL;
	st->state = p[1];
	p += 2;
	rc = next_pid_field(&p, end, &st->ppid);
	if (!rc)
		rc = next_pid_field(&p, end, &st->pgrp);
	if (!rc)
		rc = next_pid_field(&p, end, &st->session);
	if (rc)
		return rc;
	/* tty_nr is a signed int: pts minors of 2^19 and up make it negative */
	if (p + 1 < end && p[0] == ' ' && p[1] == '-') {
		p += 2;
		rc = parse_pid(&p, end, &tty);
		tty = -tty;
	} else {
		rc = next_pid_field(&p, end, &tty);
	}
	if (rc)
		return rc;
	st->tty_nr = tty;

	for (field = STAT_FIELD_TTY_NR + 1; field < STAT_FIELD_STARTTIME; field++) {
		rc = skip_field(&p, end);
		if (rc)
			return rc;
	}
	if (p >= end || *p != ' ')
		return -EINVAL;
	p++;
	return buf_to_u64(&p, end, &st->starttime);
}

size_t procparse_cmdline(char *buf, size_t len)
{
	if (len && buf[len - 1] == '\0')
		len--;
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '\0')
			buf[i] = ' ';
	}
	return len;
}

/*
 * The rest of the first entry that starts with key and then term, in a
 * buffer of entries each ended by sep (the last one may lack it).
 */
static int find_entry(const char *buf, size_t len, char sep, const char *key, size_t keylen,
		      char term, const char **rest, size_t *restlen)
{
	const char *end = buf + len;

	while (buf < end) {
		const char *eol = memchr(buf, sep, (size_t)(end - buf));
		size_t n;

		if (!eol)
			eol = end;
		n = (size_t)(eol - buf);
		if (n > keylen && memcmp(buf, key, keylen) == 0 && buf[keylen] == term) {
			*rest = buf + keylen + 1;
			*restlen = n - keylen - 1;
			return 0;
		}
		buf = eol + 1;
	}
	return -ENOENT;
}

int procparse_cgroup2(const char *buf, size_t len, const char **path, size_t *pathlen)
{
	/* hierarchy 0, no controllers: "0::" */
	return find_entry(buf, len, '\n', "0:", 2, ':', path, pathlen);
}

int procparse_environ(const char *buf, size_t len, const char *name, size_t namelen,
		      const char **value, size_t *valuelen)
{
	return find_entry(buf, len, '\0', name, namelen, '=', value, valuelen);
}
