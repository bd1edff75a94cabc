// SPDX-License-Identifier: GPL-2.0-or-later
/* Text that reaches a terminal or a shell: escaped, or quoted, never raw. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "textout.h"

/*
 * The length of the character at s that a terminal may be given as it is,
 * or 0 for a byte to escape: a control character, a character the locale
 * cannot print, or a byte that starts no character in it.
 */
static size_t printable_len(const char *s, size_t len)
{
	unsigned char c = (unsigned char)*s;
	mbstate_t state = { 0 };
	wchar_t wc;
	size_t n;

	if (c < 0x80)
		return c >= 0x20 && c < 0x7f;
	n = mbrtowc(&wc, s, len, &state);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0 || !iswprint((wint_t)wc))
		return 0;
	return n;
}

static bool all_printable(const char *s, size_t len)
{
	for (size_t i = 0, n; i < len; i += n) {
		n = printable_len(s + i, len - i);
		if (!n)
			return false;
	}
	return true;
}

/*
 * Text for a terminal, as util-linux encodes it: what it may not see raw as
 * \xHH, and a backslash that a literal 'x' follows too, so that no text
 * passes for an escape.
 */
void put_escaped(FILE *out, const char *s, size_t len)
{
	for (size_t i = 0, n; i < len; i += n) {
		n = printable_len(s + i, len - i);
		if (!n || (s[i] == '\\' && i + 1 < len && s[i + 1] == 'x')) {
			fprintf(out, "\\x%02x", (unsigned char)s[i]);
			n = 1;
		} else {
			fwrite(s + i, 1, n, out);
		}
	}
}

/* The characters pgrep -Q leaves unquoted. */
static bool shell_safe(const char *s, size_t len)
{
	if (!len)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      (c && strchr("_@%+:,./-", c))))
			return false;
	}
	return true;
}

/*
 * One word for a shell: bare or in single quotes as pgrep -Q has it, or,
 * when it holds what a terminal may not see raw, in $'...' with \xHH.
 */
void put_shell_word(FILE *out, const char *s, size_t len)
{
	bool ansi = !all_printable(s, len);

	if (shell_safe(s, len)) {
		fwrite(s, 1, len, out);
		return;
	}
	fputs(ansi ? "$'" : "'", out);
	for (size_t i = 0, n; i < len; i += n) {
		n = ansi ? printable_len(s + i, len - i) : 1;
		if (!n) {
			fprintf(out, "\\x%02x", (unsigned char)s[i]);
			n = 1;
		} else if (s[i] == '\'') {
			fputs(ansi ? "\\'" : "'\\''", out);
		} else {
			if (ansi && s[i] == '\\')
				putc('\\', out);
			fwrite(s + i, 1, n, out);
		}
	}
	putc('\'', out);
}
