// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests of the os-release parser, and of reading os-release inside a root tree made here. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/filter.h>
#include <linux/seccomp.h>

#include "c.h"
#include "osrelease.h"
#include "tap.h"
#include "tmptree.h"

#define STR_LEN(s)	s, sizeof(s) - 1

/* A pointer the functions must leave alone when they fail. */
static char untouched[] = "untouched";

/* One check of rc and name together; on error *name must not have been written. */
static void result_is(int rc, char *name, int want_rc, const char *want, const char *what)
{
	int pass;

	if (want_rc)
		pass = rc == want_rc && name == untouched;
	else
		pass = rc == 0 && name != untouched && name && want && strcmp(name, want) == 0;
	tap_result(pass, "%s", what);
	if (!pass)
		printf("# got %d '%s', want %d '%s'\n", rc, name == untouched ? "(untouched)" :
		       name ? name : "(null)", want_rc, want ? want : "(untouched)");
	if (name != untouched)
		free(name);
}

/* The text is copied to a buffer of its exact size, so that ASan sees any read past len. */
static void parse_is(const char *text, size_t len, int want_rc, const char *want,
		     const char *what)
{
	char *buf = malloc(len ? len : 1);
	char *name = untouched;
	int rc;

	if (!buf)
		bail_out("out of memory");
	memcpy(buf, text, len);
	rc = osrelease_name_parse(buf, len, &name);
	free(buf);
	result_is(rc, name, want_rc, want, what);
}

#define PARSE(text, rc, want, what)	parse_is(STR_LEN(text), rc, want, "parse: " what)

static void test_quoting(void)
{
	PARSE("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n", 0,
	      "Debian GNU/Linux 12 (bookworm)", "double quotes");
	PARSE("PRETTY_NAME='Fedora Linux 39 (Container Image)'\n", 0,
	      "Fedora Linux 39 (Container Image)", "single quotes");
	PARSE("PRETTY_NAME=Arch\n", 0, "Arch", "unquoted");
	PARSE("PRETTY_NAME=a.b-c:d/e=f+g#h,i@j%k~l\n", 0, "a.b-c:d/e=f+g#h,i@j%k~l",
	      "unquoted punctuation a shell keeps");
	PARSE("PRETTY_NAME=\"a \\\"b\\\" \\\\ \\$ \\` c\"\n", 0, "a \"b\" \\ $ ` c",
	      "the four escapes of double quotes");
	PARSE("PRETTY_NAME=\"C:\\new\\'\"\n", 0, "C:\\new\\'",
	      "a backslash before another character stays, as in the shell");
	PARSE("PRETTY_NAME='a\\\"b $HOME `id` \\'\n", 0, "a\\\"b $HOME `id` \\",
	      "single quotes take everything literally");
	PARSE("PRETTY_NAME='it has \"double\" quotes'\n", 0, "it has \"double\" quotes",
	      "double quotes inside single ones");
	PARSE("PRETTY_NAME=\"it's\"\n", 0, "it's", "a single quote inside double ones");
	PARSE("PRETTY_NAME=\"X\"  \t \n", 0, "X", "blanks after a quoted value");
	PARSE("PRETTY_NAME=X \t\n", 0, "X", "blanks after an unquoted value");
	PARSE(" \tPRETTY_NAME=\"X\"\n", 0, "X", "blanks before the key");
	PARSE("PRETTY_NAME=\"  spaced  \"\n", 0, "  spaced  ", "inner spaces are kept");
	PARSE("PRETTY_NAME=\"Ubuntu 한국어 ☃\"\n", 0, "Ubuntu 한국어 ☃", "UTF-8 passes");
	PARSE("PRETTY_NAME=\"bad \xff\xfe utf8\"\n", 0, "bad \xff\xfe utf8",
	      "bytes that are not UTF-8 pass as they are");
	PARSE("PRETTY_NAME=\xc3\xa9t\xc3\xa9\n", 0, "\xc3\xa9t\xc3\xa9", "unquoted UTF-8");
	PARSE("NAME=X\nVERSION_ID=1.0~rc1\n", 0, "X 1.0~rc1",
	      "a tilde inside a word is not expanded");
}

static void test_comments_and_lines(void)
{
	PARSE("# PRETTY_NAME=\"wrong\"\nPRETTY_NAME=right\n", 0, "right", "a commented key");
	PARSE("PRETTY_NAME=right\n  # PRETTY_NAME=wrong\n", 0, "right", "an indented comment");
	PARSE("\n\n   \n\t\nPRETTY_NAME=x\n\n", 0, "x", "blank lines");
	PARSE("# \x01\x1b[31m \"unterminated '\n# \\\nPRETTY_NAME=x\n", 0, "x",
	      "control bytes and quotes in comments");
	PARSE("# only\n# comments\n", -ENOENT, NULL, "only comments");
	PARSE("ID=debian\nHOME_URL=\"https://www.debian.org/\"\n", -ENOENT, NULL,
	      "other keys only");
	PARSE("PRETTY_NAME_X=x\nXNAME=y\nname=z\nNAME_=w\n", -ENOENT, NULL,
	      "keys must match whole and in case");
	PARSE("_=a\nA1_b2=b\nPRETTY_NAME=ok\n", 0, "ok", "keys of underscores and digits");
}

static void test_duplicates(void)
{
	PARSE("PRETTY_NAME=first\nPRETTY_NAME=second\n", 0, "second", "the last assignment wins");
	PARSE("NAME=a\nVERSION_ID=1\nNAME=b\nVERSION_ID=2\n", 0, "b 2",
	      "the last NAME and VERSION_ID win");
	PARSE("PRETTY_NAME=\"Set\"\nNAME=n\nPRETTY_NAME=\"\"\n", 0, "n",
	      "a later empty PRETTY_NAME unsets it");
	PARSE("PRETTY_NAME=\"\"\nPRETTY_NAME=\"Set\"\n", 0, "Set", "a later PRETTY_NAME sets it");
}

static void test_no_pretty_name(void)
{
	PARSE("NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.19.0\n", 0, "Alpine Linux 3.19.0",
	      "NAME VERSION_ID");
	PARSE("VERSION_ID=3.19.0\nNAME=\"Alpine Linux\"\n", 0, "Alpine Linux 3.19.0",
	      "NAME VERSION_ID in either order");
	PARSE("NAME=\"Alpine Linux\"\n", 0, "Alpine Linux", "NAME alone");
	PARSE("NAME=Alpine\nVERSION_ID=\n", 0, "Alpine", "NAME with an empty VERSION_ID");
	PARSE("NAME=Alpine\nVERSION_ID=\"  \"\n", 0, "Alpine", "NAME with a VERSION_ID of spaces");
	PARSE("VERSION_ID=12\n", -ENOENT, NULL, "VERSION_ID alone");
	PARSE("", -ENOENT, NULL, "empty text");
	PARSE("\n", -ENOENT, NULL, "one newline");
}

static void test_empty_values(void)
{
	PARSE("PRETTY_NAME=\nNAME=n\n", 0, "n", "unquoted empty PRETTY_NAME counts as missing");
	PARSE("PRETTY_NAME=\"\"\nNAME=n\n", 0, "n", "\"\" counts as missing");
	PARSE("PRETTY_NAME=''\nNAME=n\n", 0, "n", "'' counts as missing");
	PARSE("PRETTY_NAME=\"   \"\nNAME=n\n", 0, "n", "spaces only count as missing");
	PARSE("PRETTY_NAME=\"\"\nNAME=\"\"\nVERSION_ID=1\n", -ENOENT, NULL,
	      "empty PRETTY_NAME and NAME");
	PARSE("PRETTY_NAME=", -ENOENT, NULL, "an empty value at the very end");
}

static void test_bad_quoting(void)
{
	PARSE("PRETTY_NAME=\"open\n", -EINVAL, NULL, "an unclosed double quote");
	PARSE("PRETTY_NAME='open\n", -EINVAL, NULL, "an unclosed single quote");
	PARSE("PRETTY_NAME=\"two\nlines\"\n", -EINVAL, NULL, "a value of two lines");
	PARSE("PRETTY_NAME=\"a\"b\n", -EINVAL, NULL, "a word after the quotes");
	PARSE("PRETTY_NAME=\"a\"'b'\n", -EINVAL, NULL, "two quoted strings");
	PARSE("PRETTY_NAME='it'\\''s'\n", -EINVAL, NULL, "the shell's '\\'' idiom");
	PARSE("PRETTY_NAME=a\"b\"\n", -EINVAL, NULL, "a quote inside an unquoted value");
	PARSE("PRETTY_NAME=a'b'\n", -EINVAL, NULL, "a single quote inside an unquoted value");
	PARSE("PRETTY_NAME=Debian Linux\n", -EINVAL, NULL, "an unquoted space");
	PARSE("PRETTY_NAME=\"a\" # comment\n", -EINVAL, NULL, "a comment after a value");
	PARSE("PRETTY_NAME=\"a\\\nb\"\n", -EINVAL, NULL, "a backslash-newline");
	PARSE("PRETTY_NAME=\"a\\", -EINVAL, NULL, "a backslash at the very end");
	PARSE("PRETTY_NAME=\"$HOME\"\n", -EINVAL, NULL, "$ in double quotes");
	PARSE("PRETTY_NAME=\"`id`\"\n", -EINVAL, NULL, "` in double quotes");
	PARSE("PRETTY_NAME=$HOME\n", -EINVAL, NULL, "unquoted $");
	PARSE("PRETTY_NAME=`id`\n", -EINVAL, NULL, "unquoted `");
	PARSE("PRETTY_NAME=a\\ b\n", -EINVAL, NULL, "unquoted backslash");
	PARSE("PRETTY_NAME=a;b\n", -EINVAL, NULL, "unquoted ;");
	PARSE("PRETTY_NAME=a&\n", -EINVAL, NULL, "unquoted &");
	PARSE("PRETTY_NAME=a|b\n", -EINVAL, NULL, "unquoted |");
	PARSE("PRETTY_NAME=a>b\n", -EINVAL, NULL, "unquoted >");
	PARSE("PRETTY_NAME=<a\n", -EINVAL, NULL, "unquoted <");
	PARSE("PRETTY_NAME=(a)\n", -EINVAL, NULL, "unquoted parentheses");
	PARSE("PRETTY_NAME=~root\n", -EINVAL, NULL, "a tilde a shell would expand");
	PARSE("PRETTY_NAME=a:~/b\n", -EINVAL, NULL, "a tilde after ':'");
	PARSE("PRETTY_NAME =x\n", -EINVAL, NULL, "a space before '='");
	PARSE("PRETTY_NAME= x\n", -EINVAL, NULL, "a space after '='");
	PARSE("PRETTY NAME=x\n", -EINVAL, NULL, "a space in the key");
	PARSE("1NAME=x\n", -EINVAL, NULL, "a key starting with a digit");
	PARSE("=x\n", -EINVAL, NULL, "no key");
	PARSE("export PRETTY_NAME=x\n", -EINVAL, NULL, "export");
	PARSE("PRETTY_NAME\n", -EINVAL, NULL, "a key without '='");
	PARSE("just words\n", -EINVAL, NULL, "a line that is no assignment");
	PARSE("PRETTY_NAME=bad\"\nNAME=good\n", -EINVAL, NULL,
	      "a bad PRETTY_NAME does not fall back to NAME");
	PARSE("NAME=good\nVERSION_ID=\"1\n", -EINVAL, NULL, "a bad VERSION_ID");
	PARSE("PRETTY_NAME=good\nBUG_REPORT_URL=\"open\n", -EINVAL, NULL,
	      "a bad line of another key");
	PARSE("ID=\"x\nPRETTY_NAME=evil\n\"\n", -EINVAL, NULL,
	      "a quote a shell would carry over the next lines");
}

static void test_control_bytes(void)
{
	PARSE("PRETTY_NAME=\"a\tb\"\n", -EINVAL, NULL, "a tab in a value");
	PARSE("PRETTY_NAME=\"a\x7f\"\n", -EINVAL, NULL, "DEL in a value");
	PARSE("PRETTY_NAME=\"\x1b[31mred\"\n", -EINVAL, NULL, "an escape sequence");
	PARSE("PRETTY_NAME='\x01'\n", -EINVAL, NULL, "a control byte in single quotes");
	PARSE("PRETTY_NAME=a\x08\n", -EINVAL, NULL, "a control byte unquoted");
	PARSE("PRETTY_NAME=\"a\\\x01\"\n", -EINVAL, NULL, "a control byte after a backslash");
	PARSE("PRETTY_NAME=\"x\"\r\n", -EINVAL, NULL, "CRLF line ends");
	PARSE("PRETTY_NAME=\"x\"\t\n", 0, "x", "a tab after a value is a blank");
}

static void test_truncated_and_nul(void)
{
	static const char mid_nul[] = "NAME=a\0b\n";
	static const char comment_nul[] = "# c\0mment\nPRETTY_NAME=after\n";
	static const char line_nul[] = "PRETTY_NAME=x\n\0\n";
	static const char quoted_nul[] = "PRETTY_NAME=\"a\0b\"\n";
	static const char cut[] = "PRETTY_NAME=\"abc\"\n";

	PARSE("PRETTY_NAME=\"Debian\"", 0, "Debian", "no final newline, quoted");
	PARSE("PRETTY_NAME=Debian", 0, "Debian", "no final newline, unquoted");
	PARSE("PRETTY_NAME=\"Deb", -EINVAL, NULL, "cut inside the quotes");
	PARSE("PRETTY_NAME='Deb", -EINVAL, NULL, "cut inside single quotes");
	PARSE("PRETTY_NAME", -EINVAL, NULL, "cut before '='");
	PARSE("PRETTY_NAME=x\nNAM", -EINVAL, NULL, "cut in the next key");
	parse_is(cut, 16, -EINVAL, NULL, "parse: len ends before the closing quote");
	parse_is(cut, 17, 0, "abc", "parse: len ends before the newline");
	parse_is(STR_LEN(mid_nul), -EINVAL, NULL, "parse: a NUL in an unquoted value");
	parse_is(STR_LEN(quoted_nul), -EINVAL, NULL, "parse: a NUL in a quoted value");
	parse_is(STR_LEN(comment_nul), 0, "after",
		 "parse: a NUL in a comment does not end the text");
	parse_is(STR_LEN(line_nul), -EINVAL, NULL, "parse: a line that is a NUL");
}

/* "PRETTY_NAME=x\n" padded with a comment line to size bytes in all. */
static char *padded(size_t size)
{
	static const char head[] = "PRETTY_NAME=x\n#";
	char *buf = malloc(size);

	if (!buf || size < sizeof(head))
		bail_out("padded: out of memory");
	memset(buf, 'p', size);
	memcpy(buf, head, sizeof(head) - 1);
	buf[size - 1] = '\n';
	return buf;
}

static void test_sizes(void)
{
	char *buf = padded(OSRELEASE_MAX);
	char *big = malloc(OSRELEASE_MAX);
	char *name = untouched;
	size_t n;
	int rc;

	parse_is(buf, OSRELEASE_MAX, 0, "x", "parse: OSRELEASE_MAX bytes");
	free(buf);
	buf = padded(OSRELEASE_MAX + 1);
	parse_is(buf, OSRELEASE_MAX + 1, -EFBIG, NULL, "parse: OSRELEASE_MAX + 1 bytes");
	free(buf);

	if (!big)
		bail_out("out of memory");
	n = (size_t)snprintf(big, OSRELEASE_MAX, "PRETTY_NAME=\"");
	memset(big + n, 'v', OSRELEASE_MAX - n - 2);
	big[OSRELEASE_MAX - 2] = '"';
	big[OSRELEASE_MAX - 1] = '\n';
	rc = osrelease_name_parse(big, OSRELEASE_MAX, &name);
	ok(rc == 0 && name != untouched && strlen(name) == OSRELEASE_MAX - n - 2,
	   "parse: a value of nearly OSRELEASE_MAX bytes");
	if (name != untouched)
		free(name);
	free(big);
}

/* The host's own name, which no case may ever give. */
static const char *host_name;

/* A new root of the case, with empty etc/ and usr/lib/ unless told otherwise; a dir fd. */
static int new_root(const char *name, int dirs)
{
	int fd = tree_subdir(name);

	if (dirs && (mkdirat(fd, "etc", 0755) || mkdirat(fd, "usr", 0755) ||
		     mkdirat(fd, "usr/lib", 0755)))
		bail_out("mkdir of etc or usr/lib failed");
	return fd;
}

#define PUT(dirfd, path, text)	tree_put(dirfd, path, STR_LEN(text))

static void put_link(int dirfd, const char *path, const char *target)
{
	if (symlinkat(target, dirfd, path))
		bail_out("symlink in the tree failed");
}

/* Read the name in the root at dirfd through an O_PATH fd, as of /proc/PID/root. */
static int name_in(int dirfd, char **name)
{
	int rootfd = openat(dirfd, ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
	int rc;

	if (rootfd < 0)
		bail_out("O_PATH open of a case root failed");
	rc = osrelease_name_at(rootfd, name);
	close(rootfd);
	return rc;
}

/* Checks the answer, and that the host's own name never comes out of a tree. */
static void at_is(int dirfd, int want_rc, const char *want, const char *what)
{
	char *name = untouched;
	int rc = name_in(dirfd, &name);
	char label[256];

	if (name != untouched && host_name && strcmp(name, host_name) == 0) {
		tap_result(0, "at: %s: the host's name leaked out: '%s'", what, name);
		free(name);
		close(dirfd);
		return;
	}
	snprintf(label, sizeof(label), "at: %s", what);
	result_is(rc, name, want_rc, want, label);
	close(dirfd);
}

static void find_host_name(void)
{
	int rootfd = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
	char *name = untouched;
	int rc = osrelease_name_at(rootfd, &name);

	close(rootfd);
	/* the escape checks need a host name to look for, and one no tree uses */
	if (rc == 0)
		host_name = name;
	ok(rc == 0 || rc == -ENOENT, "at: the host's own root answers (%s)",
	   rc == 0 ? name : "it has no os-release");
	if (host_name)
		ok(strncmp(host_name, "Tree ", 5), "at: the host's name is none of the tree's");
}

/* Without openat2 nothing is opened, however plain the tree. */
static void test_at_without_openat2(void)
{
	int d = new_root("plain-without-openat2", 1);

	PUT(d, "etc/os-release", "PRETTY_NAME=\"Tree Plain\"\n");
	at_is(d, -ENOSYS, NULL, "without openat2, -ENOSYS");
	printf("ok %u - at: the trees # SKIP no openat2 here (Linux before 5.6, or valgrind)\n",
	       ++tap_count);
}

static void test_at_files(void)
{
	int d;

	d = new_root("regular", 1);
	PUT(d, "etc/os-release", "PRETTY_NAME=\"Tree Regular\"\n");
	PUT(d, "usr/lib/os-release", "PRETTY_NAME=\"Tree Not This One\"\n");
	at_is(d, 0, "Tree Regular", "etc/os-release comes first");

	d = new_root("usr-lib-only", 1);
	PUT(d, "usr/lib/os-release", "PRETTY_NAME=\"Tree Usr Lib\"\n");
	at_is(d, 0, "Tree Usr Lib", "only usr/lib/os-release");

	d = new_root("no-etc-dir", 0);
	if (mkdirat(d, "usr", 0755) || mkdirat(d, "usr/lib", 0755))
		bail_out("mkdir failed");
	PUT(d, "usr/lib/os-release", "PRETTY_NAME=\"Tree No Etc\"\n");
	at_is(d, 0, "Tree No Etc", "no etc/ at all falls back");

	d = new_root("none", 1);
	at_is(d, -ENOENT, NULL, "no os-release at all");

	d = new_root("empty-root", 0);
	at_is(d, -ENOENT, NULL, "an empty root");

	d = new_root("no-pretty", 1);
	PUT(d, "etc/os-release", "NAME=\"Tree Alpine\"\nID=alpine\nVERSION_ID=3.19.0\n");
	at_is(d, 0, "Tree Alpine 3.19.0", "no PRETTY_NAME: NAME VERSION_ID");

	d = new_root("no-names", 1);
	PUT(d, "etc/os-release", "ID=x\n");
	PUT(d, "usr/lib/os-release", "PRETTY_NAME=\"Tree Not A Fallback\"\n");
	at_is(d, -ENOENT, NULL, "a file without names does not fall back");

	d = new_root("odd", 1);
	PUT(d, "etc/os-release",
	    "# odd\n  PRETTY_NAME=\"Tree \\\"Odd\\\" \\\\ \\$ \xff\xfe '\"\t\n");
	at_is(d, 0, "Tree \"Odd\" \\ $ \xff\xfe '", "odd quoting and bytes");

	d = new_root("bad-etc", 1);
	PUT(d, "etc/os-release", "PRETTY_NAME=\"Tree Bad\n");
	PUT(d, "usr/lib/os-release", "PRETTY_NAME=\"Tree Not A Fallback\"\n");
	at_is(d, -EINVAL, NULL, "a bad etc/os-release does not fall back");

	d = new_root("etc-file", 0);
	PUT(d, "etc", "not a directory\n");
	at_is(d, -ENOTDIR, NULL, "etc a regular file");
}

static void test_at_links(void)
{
	int d;

	d = new_root("relative", 1);
	put_link(d, "etc/os-release", "../usr/lib/os-release");
	PUT(d, "usr/lib/os-release", "PRETTY_NAME=\"Tree Relative\"\n");
	at_is(d, 0, "Tree Relative", "a relative symlink ../usr/lib/os-release");

	/* the host has its own /usr/lib/os-release: reading it here would be the bug */
	d = new_root("absolute", 1);
	put_link(d, "etc/os-release", "/usr/lib/os-release");
	PUT(d, "usr/lib/os-release", "PRETTY_NAME=\"Tree Absolute\"\n");
	at_is(d, 0, "Tree Absolute", "an absolute symlink /usr/lib/os-release stays in the root");

	d = new_root("absolute-dangling", 1);
	put_link(d, "etc/os-release", "/usr/lib/os-release");
	at_is(d, -ENOENT, NULL, "an absolute symlink to nothing in the root");

	d = new_root("escape-self", 1);
	put_link(d, "etc/os-release", "../../../../../../../../etc/os-release");
	at_is(d, -ELOOP, NULL, "../../../../etc/os-release stops at the root: it is itself");

	d = new_root("escape-usr", 1);
	put_link(d, "etc/os-release", "../../../../../../../../usr/lib/os-release");
	PUT(d, "usr/lib/os-release", "PRETTY_NAME=\"Tree Escape\"\n");
	at_is(d, 0, "Tree Escape", "../../../../usr/lib/os-release lands in the root's usr");

	d = new_root("escape-nothing", 1);
	put_link(d, "etc/os-release", "../../../../../../../../usr/lib/os-release");
	at_is(d, -ENOENT, NULL, "../../../../usr/lib/os-release finds nothing in the root");

	d = new_root("escape-dir", 0);
	put_link(d, "etc", "../../../../../../../../etc");
	at_is(d, -ELOOP, NULL, "etc a symlink to ../../../../etc");

	d = new_root("escape-usr-dir", 0);
	put_link(d, "usr", "../../../../../../../../usr");
	at_is(d, -ELOOP, NULL, "usr a symlink to ../../../../usr");

	d = new_root("root-link", 0);
	put_link(d, "etc", "/");
	PUT(d, "os-release", "PRETTY_NAME=\"Tree Root Link\"\n");
	at_is(d, 0, "Tree Root Link", "etc a symlink to / is the root itself");
}

static void test_at_kinds(void)
{
	char *buf;
	int d;

	d = new_root("fifo", 1);
	if (mkfifoat(d, "etc/os-release", 0644))
		bail_out("mkfifo failed");
	PUT(d, "usr/lib/os-release", "PRETTY_NAME=\"Tree Not A Fallback\"\n");
	signal(SIGALRM, fifo_blocked);
	alarm(10);
	at_is(d, -EINVAL, NULL, "a FIFO does not block and is refused");
	alarm(0);

	d = new_root("fifo-link", 1);
	if (mkfifoat(d, "usr/lib/os-release", 0644))
		bail_out("mkfifo failed");
	put_link(d, "etc/os-release", "/usr/lib/os-release");
	alarm(10);
	at_is(d, -EINVAL, NULL, "a symlink to a FIFO");
	alarm(0);

	d = new_root("directory", 1);
	if (mkdirat(d, "etc/os-release", 0755))
		bail_out("mkdir failed");
	PUT(d, "usr/lib/os-release", "PRETTY_NAME=\"Tree Not A Fallback\"\n");
	at_is(d, -EINVAL, NULL, "a directory is refused");

	d = new_root("huge", 1);
	buf = padded(1024 * 1024);
	tree_put(d, "etc/os-release", buf, 1024 * 1024);
	free(buf);
	at_is(d, -EFBIG, NULL, "a 1 MiB file, valid in its first line");

	d = new_root("max", 1);
	buf = padded(OSRELEASE_MAX);
	tree_put(d, "etc/os-release", buf, OSRELEASE_MAX);
	free(buf);
	at_is(d, 0, "x", "a file of OSRELEASE_MAX bytes");

	d = new_root("max-plus-one", 1);
	buf = padded(OSRELEASE_MAX + 1);
	tree_put(d, "etc/os-release", buf, OSRELEASE_MAX + 1);
	free(buf);
	at_is(d, -EFBIG, NULL, "a file of OSRELEASE_MAX + 1 bytes");

	/* no driver has char major 60 (local use): opening it would say ENXIO, not EINVAL */
	d = new_root("device", 1);
	if (mknodat(d, "etc/os-release", S_IFCHR | 0644, makedev(60, 0))) {
		printf("ok %u - at: a device node is never opened # SKIP mknod: %s\n", ++tap_count,
		       strerror(errno));
		close(d);
	} else {
		at_is(d, -EINVAL, NULL, "a device node is never opened");
	}
}

static void test_at_not_a_dir(void)
{
	int fd = open("/dev/null", O_PATH | O_CLOEXEC);
	char *name = untouched;
	int rc = osrelease_name_at(fd, &name);

	result_is(rc, name, -ENOTDIR, NULL, "at: a root fd that is no directory");
	close(fd);
}

/* A child's answer: exit status -rc, or CHILD_SKIP when the child could not set itself up. */
#define CHILD_SKIP	255

enum child_setup { CHILD_NO_OPENAT2, CHILD_PROC };

#ifdef SYS_openat2
/* openat2 fails with ENOSYS, as on a kernel before 5.6; a test filter, so no arch check. */
static int forbid_openat2(void)
{
	struct sock_filter filter[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_openat2, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = ARRAY_SIZE(filter), .filter = filter };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return -1;
	return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog);
}
#endif

/* A procfs at proc/ of the case root, seen only by this child's mount namespace. */
static int mount_proc(const char *root)
{
	char path[4200];

	snprintf(path, sizeof(path), "%s/%s/proc", tree, root);
	if (unshare(CLONE_NEWNS) || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL))
		return -1;
	return mount("proc", path, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
}

static int in_child(const char *root, enum child_setup setup, char *why, size_t whysize)
{
	pid_t pid;
	int status;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		bail_out("fork failed");
	if (pid == 0) {
		char path[4200];
		char *name = NULL;
		int rootfd, rc;

		rc = -1;
#ifdef SYS_openat2
		if (setup == CHILD_NO_OPENAT2)
			rc = forbid_openat2();
#endif
		if (setup == CHILD_PROC)
			rc = mount_proc(root);
		/* opened after the mount: an fd from before sees the parent's mounts */
		snprintf(path, sizeof(path), "%s/%s", tree, root);
		rootfd = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
		if (rootfd < 0 || rc)
			_exit(CHILD_SKIP);
		rc = osrelease_name_at(rootfd, &name);
		_exit(rc > 0 || rc < -254 ? 254 : -rc);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		bail_out("the child died");
	if (WEXITSTATUS(status) == CHILD_SKIP) {
		snprintf(why, whysize, "%s", setup == CHILD_PROC ?
			 "cannot mount a procfs (no CAP_SYS_ADMIN)" :
			 "cannot install a seccomp filter");
		return 1;
	}
	return -WEXITSTATUS(status);
}

static void child_is(const char *root, enum child_setup setup, int want_rc, const char *what)
{
	char why[128];
	int rc = in_child(root, setup, why, sizeof(why));

	if (rc == 1) {
		printf("ok %u - at: %s # SKIP %s\n", ++tap_count, what, why);
		return;
	}
	is_int(rc, want_rc, "at: %s", what);
}

static void test_at_children(void)
{
	int d;

	d = new_root("no-openat2", 1);
	PUT(d, "etc/os-release", "PRETTY_NAME=\"Tree No Openat2\"\n");
	close(d);
	child_is("no-openat2", CHILD_NO_OPENAT2, -ENOSYS, "no openat2 gives -ENOSYS");

	/* with a procfs inside, /proc/self/root is a magic link back out to the host's / */
	d = new_root("magic", 1);
	if (mkdirat(d, "proc", 0755))
		bail_out("mkdir failed");
	put_link(d, "etc/os-release", "/proc/self/root/etc/os-release");
	close(d);
	child_is("magic", CHILD_PROC, -ELOOP, "a magic link /proc/self/root/... is refused");

	/* kallsyms says size 0 and holds megabytes: the bound holds on what is read */
	d = new_root("size-zero", 1);
	if (mkdirat(d, "proc", 0755))
		bail_out("mkdir failed");
	put_link(d, "etc/os-release", "/proc/kallsyms");
	close(d);
	child_is("size-zero", CHILD_PROC, -EFBIG, "a file that reads longer than its st_size");
}

int main(void)
{
	int fds;

	test_quoting();
	test_comments_and_lines();
	test_duplicates();
	test_no_pretty_name();
	test_empty_values();
	test_bad_quoting();
	test_control_bytes();
	test_truncated_and_nul();
	test_sizes();

	make_tree("test-osrelease");
	if (!have_openat2()) {
		test_at_without_openat2();
		return done_testing();
	}
	fds = count_fds();
	find_host_name();
	test_at_files();
	test_at_links();
	test_at_kinds();
	test_at_not_a_dir();
	test_at_children();
	is_int(count_fds(), fds, "at: no descriptor left open");
	free((char *)host_name);
	return done_testing();
}
