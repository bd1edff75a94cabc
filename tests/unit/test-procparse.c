// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests of the status, stat and cmdline parsers. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "procparse.h"
#include "tap.h"

#define STR_LEN(s)	s, sizeof(s) - 1

static void test_status_article(void)
{
	static const char text[] =
		"Name:\tsleep\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t83194\nPPid:\t83190\n"
		"Uid:\t1000\t1001\t1002\t1003\nGid:\t100\t101\t102\t103\n"
		"NStgid:\t83194\t3116\t3059\nNSpid:\t83194\t3116\t3059\n"
		"NSpgid:\t83190\t3112\t3055\nNSsid:\t83000\t3000\t1\n"
		"CapInh:\t0000000000000000\nCapEff:\t000001ffffffffff\n";
	struct proc_status st;

	is_int(procparse_status(STR_LEN(text), &st), 0, "status: the article's sleep parses");
	is_int(st.nlevels, 3, "status: three levels");
	is_int(st.nspid[0], 83194, "status: NSpid level 0");
	is_int(st.nspid[2], 3059, "status: NSpid level 2");
	is_int(st.nstgid[1], 3116, "status: NStgid level 1");
	is_int(st.nspgid[2], 3055, "status: NSpgid level 2");
	is_int(st.nssid[2], 1, "status: NSsid level 2");
	is_int(st.uid[ID_REAL], 1000, "status: real uid");
	is_int(st.uid[ID_EFFECTIVE], 1001, "status: effective uid");
	is_int(st.gid[ID_FS], 103, "status: fs gid");
	ok(st.cap_eff == 0x1ffffffffffULL, "status: CapEff in hex");
	is_int(st.ppid, 83190, "status: PPid");
	is_int(st.have, STATUS_HAVE_UID | STATUS_HAVE_GID | STATUS_HAVE_CAPEFF | STATUS_HAVE_PPID |
	       STATUS_HAVE_NSTGID | STATUS_HAVE_NSPID | STATUS_HAVE_NSPGID | STATUS_HAVE_NSSID,
	       "status: every field group seen");
}

/* An NSpid: line of n values 1..n, as the kernel writes it. */
static size_t ns_line(char *buf, size_t size, const char *key, unsigned int n)
{
	size_t len = (size_t)snprintf(buf, size, "%s:", key);

	for (unsigned int i = 1; i <= n; i++)
		len += (size_t)snprintf(buf + len, size - len, "\t%u", i);
	len += (size_t)snprintf(buf + len, size - len, "\n");
	return len;
}

static void test_status_levels(void)
{
	char buf[1024];
	struct proc_status st;
	size_t len;

	len = ns_line(buf, sizeof(buf), "NSpid", 1);
	is_int(procparse_status(buf, len, &st), 0, "status: NSpid of 1 value");
	is_int(st.nlevels, 1, "status: 1 level");

	len = ns_line(buf, sizeof(buf), "NSpid", PROC_NS_LEVELS_MAX);
	is_int(procparse_status(buf, len, &st), 0, "status: NSpid of 33 values (deepest nesting)");
	is_int(st.nlevels, 33, "status: 33 levels");
	is_int(st.nspid[32], 33, "status: the innermost of 33 values");

	len = ns_line(buf, sizeof(buf), "NSpid", PROC_NS_LEVELS_MAX + 1);
	is_int(procparse_status(buf, len, &st), -EINVAL, "status: 34 values are rejected");

	len = ns_line(buf, sizeof(buf), "NStgid", 3);
	len += ns_line(buf + len, sizeof(buf) - len, "NSpid", 2);
	is_int(procparse_status(buf, len, &st), -EINVAL, "status: NS lines that disagree");
}

static void test_status_malformed(void)
{
	static const char truncated[] = "Name:\tsleep\nUid:\t0\t0\t0\t0\nNStgid:\t83194\t31";
	static const char no_ns[] = "Name:\tkthreadd\nUid:\t0\t0\t0\t0\n";
	static const char huge[] = "NSpid:\t99999999999999999999999\n";
	static const char big_pid[] = "NSpid:\t2147483648\n";
	static const char junk[] = "NSpid:\t12x\n";
	static const char short_uid[] = "Uid:\t0\t0\n";
	static const char big_uid[] = "Uid:\t4294967294\t0\t0\t0\n";
	static const char huge_uid[] = "Uid:\t4294967296\t0\t0\t0\n";
	static const char long_uid[] = "Uid:\t0\t0\t0\t0\t0\n";
	static const char empty_ns[] = "NSpid:\t\n";
	static const char bad_ppid[] = "PPid:\t12 13\n";
	static const char zero_ppid[] = "PPid:\t0\n";
	struct proc_status st;

	is_int(procparse_status(STR_LEN(truncated), &st), 0, "status: truncated file parses");
	ok((st.have & STATUS_HAVE_NSTGID) && !(st.have & STATUS_HAVE_NSPID),
	   "status: truncated file has NStgid, lacks NSpid");
	is_int(st.nstgid[1], 31, "status: the cut value is what was there");

	is_int(procparse_status(STR_LEN(no_ns), &st), 0, "status: no NS lines (old kernel)");
	is_int(st.nlevels, 0, "status: no levels without NS lines");
	is_int(procparse_status(STR_LEN(huge), &st), -ERANGE, "status: overflowing value");
	is_int(procparse_status(STR_LEN(big_pid), &st), -ERANGE, "status: pid above INT_MAX");
	is_int(procparse_status(STR_LEN(junk), &st), -EINVAL, "status: junk after a value");
	is_int(procparse_status(STR_LEN(short_uid), &st), -EINVAL, "status: Uid of 2 values");
	is_int(procparse_status(STR_LEN(long_uid), &st), -EINVAL, "status: Uid of 5 values");
	is_int(procparse_status(STR_LEN(big_uid), &st), 0, "status: a uid above INT_MAX");
	ok(st.uid[ID_REAL] == 4294967294u, "status: uid 4294967294 kept");
	is_int(procparse_status(STR_LEN(huge_uid), &st), -ERANGE, "status: a uid above 32 bits");
	is_int(procparse_status(STR_LEN(bad_ppid), &st), -EINVAL, "status: PPid of 2 values");
	is_int(procparse_status(STR_LEN(zero_ppid), &st), 0, "status: PPid 0, a parent out of view");
	ok((st.have & STATUS_HAVE_PPID) && st.ppid == 0, "status: PPid 0 is kept");
	is_int(procparse_status(STR_LEN(empty_ns), &st), -EINVAL, "status: empty NSpid line");
	is_int(procparse_status("", 0, &st), 0, "status: empty file");
	is_int(st.have, 0, "status: empty file has nothing");
}

#define STAT_TAIL " 0 0 0 0 0 0 0 0 20 0 1 0 123456 0\n"

static void test_stat(void)
{
	static const char plain[] = "3059 (sleep) S 3058 3055 1 34816 3055 4194304" STAT_TAIL;
	static const char tricky[] = "42 (a) b (c) R 1 42 42 0 -1 4194560" STAT_TAIL;
	static const char spaces[] = "7 ( x ) Z 0 0 0 0 -1 0" STAT_TAIL;
	static const char neg_tty[] = "7 (abc) S 1 1 1 -5 -1 0" STAT_TAIL;
	static const char no_close[] = "7 (abc S 1 1 1 0";
	static const char cut[] = "7 (abc) S 1 1 1 0 -1 0 0 0";
	static const char bad_ppid[] = "7 (abc) S x 1 1 0" STAT_TAIL;
	static const char long_comm[] =
		"9 (kworker/u8:3-events_unbound-with-a-very-long-workqueue-name-here-and-more) I 2 0 0 0"
		" -1 0" STAT_TAIL;
	struct proc_stat st;

	is_int(procparse_stat(STR_LEN(plain), &st), 0, "stat: plain line");
	is_str(st.comm, "sleep", "stat: comm");
	is_int(st.state, 'S', "stat: state");
	is_int(st.ppid, 3058, "stat: ppid");
	is_int(st.pgrp, 3055, "stat: pgrp");
	is_int(st.session, 1, "stat: session");
	is_int(st.tty_nr, 34816, "stat: tty_nr");
	is_int(st.starttime, 123456, "stat: starttime");

	is_int(procparse_stat(STR_LEN(tricky), &st), 0, "stat: comm 'a) b (c'");
	is_str(st.comm, "a) b (c", "stat: comm runs to the last ')'");
	is_int(st.state, 'R', "stat: state after a tricky comm");
	is_int(st.ppid, 1, "stat: ppid after a tricky comm");

	is_int(procparse_stat(STR_LEN(spaces), &st), 0, "stat: comm with spaces");
	is_str(st.comm, " x ", "stat: spaces kept");

	is_int(procparse_stat(STR_LEN(long_comm), &st), 0, "stat: long kernel thread name");
	is_int(strlen(st.comm), PROC_COMM_MAX, "stat: long name cut at PROC_COMM_MAX");

	is_int(procparse_stat(STR_LEN(neg_tty), &st), 0, "stat: a negative tty_nr");
	is_int(st.tty_nr, -5, "stat: tty_nr -5");
	is_int(st.starttime, 123456, "stat: fields after a negative tty_nr");
	is_int(procparse_stat(STR_LEN(no_close), &st), -EINVAL, "stat: no ')'");
	is_int(procparse_stat(STR_LEN(cut), &st), -EINVAL, "stat: truncated before starttime");
	is_int(procparse_stat(STR_LEN(bad_ppid), &st), -EINVAL, "stat: non-numeric ppid");
	is_int(procparse_stat("", 0, &st), -EINVAL, "stat: empty file");
}

static void test_cmdline(void)
{
	char args[] = "sleep\0" "600000\0";
	char kthread[] = "";
	char inner[] = "sh\0-c\0\0echo\0";
	char empty_tail[] = "x\0\0\0\0";
	char big[2 * 1024 * 1024];
	size_t len;

	len = procparse_cmdline(args, sizeof(args) - 1);
	is_int(len, 12, "cmdline: trailing NUL dropped");
	ok(memcmp(args, "sleep 600000", 12) == 0, "cmdline: NUL between arguments is a space");

	is_int(procparse_cmdline(kthread, 0), 0, "cmdline: kernel thread is empty");

	len = procparse_cmdline(inner, sizeof(inner) - 1);
	ok(len == 11 && memcmp(inner, "sh -c  echo", 11) == 0, "cmdline: empty argument kept");

	len = procparse_cmdline(empty_tail, sizeof(empty_tail) - 1);
	ok(len == 4 && memcmp(empty_tail, "x   ", 4) == 0,
	   "cmdline: empty last arguments stay spaces, as lsns and ps show them");

	memset(big, 'a', sizeof(big));
	for (size_t i = 100; i < sizeof(big); i += 100)
		big[i] = '\0';
	big[sizeof(big) - 1] = '\0';
	len = procparse_cmdline(big, sizeof(big));
	is_int(len, sizeof(big) - 1, "cmdline: 2 MiB command line");
	ok(memchr(big, '\0', len) == NULL, "cmdline: no NUL left in 2 MiB");
}

static void test_cgroup2(void)
{
	static const char hybrid[] = "12:cpuset:/\n1:name=systemd:/init.scope\n0::/a/b c\n";
	static const char v1[] = "1:name=systemd:/init.scope\n";
	const char *path;
	size_t n;

	is_int(procparse_cgroup2(STR_LEN("0::/\n"), &path, &n), 0, "cgroup: v2 only");
	ok(n == 1 && *path == '/', "cgroup: the root path");
	is_int(procparse_cgroup2(STR_LEN(hybrid), &path, &n), 0, "cgroup: hybrid, v2 line last");
	ok(n == 6 && memcmp(path, "/a/b c", n) == 0, "cgroup: a path with a space");
	is_int(procparse_cgroup2(STR_LEN("0::/x"), &path, &n), 0, "cgroup: no final newline");
	ok(n == 2 && memcmp(path, "/x", n) == 0, "cgroup: path up to the end");
	is_int(procparse_cgroup2(STR_LEN(v1), &path, &n), -ENOENT, "cgroup: v1 only");
	is_int(procparse_cgroup2(STR_LEN("10::/x\n"), &path, &n), -ENOENT,
	       "cgroup: hierarchy 10 is not 0");
	is_int(procparse_cgroup2("", 0, &path, &n), -ENOENT, "cgroup: empty file");
}

static void test_environ(void)
{
	static const char env[] = "PATH=/bin\0FOOBAR=1\0FOO=\0X=a=b\0";
	const char *val;
	size_t n;

	is_int(procparse_environ(STR_LEN(env), STR_LEN("FOO"), &val, &n), 0,
	       "environ: FOO is there");
	is_int(n, 0, "environ: with an empty value, not FOOBAR's");
	is_int(procparse_environ(STR_LEN(env), STR_LEN("X"), &val, &n), 0, "environ: X");
	ok(n == 3 && memcmp(val, "a=b", 3) == 0, "environ: the value runs to the NUL");
	is_int(procparse_environ(STR_LEN(env), STR_LEN("FO"), &val, &n), -ENOENT,
	       "environ: no prefixes");
	is_int(procparse_environ(STR_LEN(env), STR_LEN("PATH=/bin"), &val, &n), -ENOENT,
	       "environ: a name with '=' matches nothing");
	is_int(procparse_environ(STR_LEN("A=1"), STR_LEN("A"), &val, &n), 0,
	       "environ: no final NUL");
	is_int(procparse_environ("", 0, STR_LEN("A"), &val, &n), -ENOENT,
	       "environ: empty (a kernel thread)");
}

int main(void)
{
	test_status_article();
	test_status_levels();
	test_status_malformed();
	test_stat();
	test_cmdline();
	test_cgroup2();
	test_environ();
	return done_testing();
}
