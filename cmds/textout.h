/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Names and command lines come from processes nobody trusts: what a terminal
 * may not see raw (control characters, what the locale cannot print) goes
 * out escaped, as util-linux escapes it.
 */
#ifndef PIDNS_TEXTOUT_H
#define PIDNS_TEXTOUT_H

#include <stddef.h>
#include <stdio.h>

/* s as \xHH where it may not go raw; a backslash before a literal 'x' too. */
void put_escaped(FILE *out, const char *s, size_t len);

/*
 * JSON is UTF-8: a copy of s with each byte that starts no valid UTF-8
 * character turned into U+FFFD, or NULL when s is valid as it is.
 */
char *utf8_repaired(const char *s);

/* s as one shell word: bare, '...' as pgrep -Q, or $'...' with \xHH. */
void put_shell_word(FILE *out, const char *s, size_t len);

#endif /* PIDNS_TEXTOUT_H */
