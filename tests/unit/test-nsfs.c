// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests of the nsfs module: names, link text, inodes, arguments. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "nsfs.h"
#include "tap.h"

/* The inode a namespace argument names, as ns_arg_open() resolves it. */
static int arg_ino(int procfd, const char *arg, enum ns_type type, ino_t *ino)
{
	struct ns_handle ns;
	int rc = ns_arg_open(procfd, arg, type, &ns);

	if (!rc)
		*ino = ns.ino;
	ns_handle_close(&ns);
	return rc;
}

static void test_types(void)
{
	static const char *const names[] = {
		"mnt", "net", "ipc", "user", "pid", "uts", "cgroup", "time",
	};

	for (int t = 0; t < NS_TYPE_COUNT; t++) {
		is_str(ns_type_name(t), names[t], "type %d is named %s", t, names[t]);
		is_int(ns_type_from_name(names[t]), t, "name %s is type %d", names[t], t);
	}
	is_int(ns_type_from_name("pidx"), -EINVAL, "unknown type name");
	is_int(ns_type_from_name(""), -EINVAL, "empty type name");
	ok(ns_type_name(NS_TYPE_COUNT) == NULL, "no name past the last type");
}

static void test_link_parse(void)
{
	enum ns_type type;
	ino_t ino = 0;

#define LINK(s)	s, sizeof(s) - 1
	is_int(ns_link_parse(LINK("pid:[4026532257]"), &type, &ino), 0, "link: pid:[4026532257]");
	is_int(type, NS_TYPE_PID, "link: type pid");
	is_int(ino, 4026532257, "link: inode");
	is_int(ns_link_parse(LINK("cgroup:[1]"), &type, &ino), 0, "link: cgroup:[1]");
	is_int(type, NS_TYPE_CGROUP, "link: type cgroup");
	is_int(ns_link_parse(LINK("pid:[]"), &type, &ino), -EINVAL, "link: no number");
	is_int(ns_link_parse(LINK("pid:[12"), &type, &ino), -EINVAL, "link: no ']'");
	is_int(ns_link_parse(LINK("pid:[12x]"), &type, &ino), -EINVAL, "link: junk in number");
	is_int(ns_link_parse(LINK("pid:[0]"), &type, &ino), -EINVAL, "link: inode 0");
	is_int(ns_link_parse(LINK("foo:[12]"), &type, &ino), -EINVAL, "link: unknown type");
	is_int(ns_link_parse(LINK("pid[12]"), &type, &ino), -EINVAL, "link: no colon");
	is_int(ns_link_parse(LINK("pid:[99999999999999999999999]"), &type, &ino), -EINVAL,
	       "link: overflowing inode");
#undef LINK
}

static void test_inode_at(int rootfd)
{
	ino_t ino = 0;

	is_int(ns_inode_at(rootfd, "226/ns/pid", NS_TYPE_PID, &ino), 0, "inode_at: dangling link text");
	is_int(ino, 4026532257, "inode_at: inode from link text");
	is_int(ns_inode_at(rootfd, "226/ns/pid", NS_TYPE_NET, &ino), -EINVAL,
	       "inode_at: link of another type");
	is_int(ns_inode_at(rootfd, "400/ns/pid", NS_TYPE_PID, &ino), -EINVAL,
	       "inode_at: dangling link that names no namespace");
	is_int(ns_inode_at(rootfd, "401/ns/pid", NS_TYPE_PID, &ino), -ENOENT, "inode_at: no link");
}

static void test_live_inode(void)
{
	char text[64];
	enum ns_type type;
	ino_t want = 0, got = 0;
	ssize_t len = readlink("/proc/self/ns/pid", text, sizeof(text));

	ok(len > 0 && ns_link_parse(text, (size_t)len, &type, &want) == 0,
	   "live: /proc/self/ns/pid reads as a link");
	is_int(ns_inode_at(AT_FDCWD, "/proc/self/ns/pid", NS_TYPE_PID, &got), 0,
	       "live: inode of /proc/self/ns/pid");
	is_int(got, want, "live: stat and link text agree");
	is_int(arg_ino(AT_FDCWD, "/proc/self/ns/pid", NS_TYPE_PID, &got), 0,
	       "arg: an nsfs path");
	is_int(got, want, "arg: the path's inode");
	is_int(arg_ino(AT_FDCWD, "/proc/self/ns/net", NS_TYPE_PID, &got), -EMEDIUMTYPE,
	       "arg: an nsfs path of another type");
	is_int(arg_ino(AT_FDCWD, "/proc/self/status", NS_TYPE_PID, &got), -ENOTTY,
	       "arg: a path that is not a namespace");
}

static void test_arg_parse(int rootfd)
{
	ino_t ino = 0;
	char path[4200];

	is_int(arg_ino(rootfd, "226", NS_TYPE_PID, &ino), 0, "arg: a pid");
	is_int(ino, 4026532257, "arg: the pid's namespace");
	is_int(arg_ino(rootfd, "221", NS_TYPE_MNT, &ino), 0, "arg: a pid, mnt type");
	is_int(ino, 4026532244, "arg: the pid's mnt namespace");
	is_int(arg_ino(rootfd, "4026532245", NS_TYPE_PID, &ino), 0, "arg: an inode number");
	is_int(ino, 4026532245, "arg: the inode as given");
	is_int(arg_ino(rootfd, "999", NS_TYPE_PID, &ino), -ESRCH, "arg: no such pid");
	is_int(arg_ino(rootfd, "0", NS_TYPE_PID, &ino), -ESRCH, "arg: pid 0");
	is_int(arg_ino(rootfd, "abc", NS_TYPE_PID, &ino), -EINVAL, "arg: not a number");
	is_int(arg_ino(rootfd, "", NS_TYPE_PID, &ino), -EINVAL, "arg: empty");
	is_int(arg_ino(rootfd, "-5", NS_TYPE_PID, &ino), -EINVAL, "arg: negative");
	is_int(arg_ino(rootfd, "12 ", NS_TYPE_PID, &ino), -EINVAL, "arg: trailing space");
	is_int(arg_ino(rootfd, "99999999999", NS_TYPE_PID, &ino), -EINVAL,
	       "arg: above 32-bit inodes");

	snprintf(path, sizeof(path), "%s/procfs-article/83194/ns/pid", fixture_dir());
	is_int(arg_ino(rootfd, path, NS_TYPE_PID, &ino), 0, "arg: path to a fixture link");
	is_int(ino, 4026532257, "arg: the fixture link's inode");
	snprintf(path, sizeof(path), "%s/procfs-article/nothere", fixture_dir());
	is_int(arg_ino(rootfd, path, NS_TYPE_PID, &ino), -ENOENT, "arg: a missing path");
}

int main(void)
{
	char root[4200];
	int rootfd;

	snprintf(root, sizeof(root), "%s/procfs-article", fixture_dir());
	rootfd = open(root, O_RDONLY | O_DIRECTORY);
	if (rootfd < 0)
		bail_out("cannot open the fixture tree");

	test_types();
	test_link_parse();
	test_inode_at(rootfd);
	test_arg_parse(rootfd);
	test_live_inode();
	close(rootfd);
	return done_testing();
}
