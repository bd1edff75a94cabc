// SPDX-License-Identifier: GPL-2.0-or-later
/* Text that reaches a terminal or a shell: escaped, or quoted, never raw. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "textout.h"
#include "xalloc.h"

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

/*
 * The length of the valid UTF-8 character at s, or 0: no overlong form, no
 * surrogate, nothing past U+10FFFF (RFC 3629).
 */
static size_t utf8_len(const unsigned char *s)
{
	uint32_t cp;
	size_t n;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;	/* the NUL at the end too */
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return n;
}

char *utf8_repaired(const char *s)
{
	static const char replacement[] = "\xef\xbf\xbd";	/* U+FFFD */
	const unsigned char *p = (const unsigned char *)s;
	size_t bad = 0, n, len;
	char *out, *o;

	for (size_t i = 0; p[i]; i += n ? n : 1)
		bad += !(n = utf8_len(p + i));
	if (!bad)
		return NULL;
	len = strlen(s);
	o = out = xmalloc(len + bad * (sizeof(replacement) - 2) + 1);
	for (size_t i = 0; i < len; i += n ? n : 1) {
		n = utf8_len(p + i);
		if (n) {
			memcpy(o, s + i, n);
			o += n;
		} else {
			memcpy(o, replacement, sizeof(replacement) - 1);
			o += sizeof(replacement) - 1;
		}
	}
	*o = '\0';
	return out;
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
