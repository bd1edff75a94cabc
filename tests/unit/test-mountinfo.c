// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests of the nsfs lines of mountinfo. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "mountinfo.h"
#include "tap.h"

#define LINE(s)	s, sizeof(s) - 1

int main(void)
{
	struct nsfs_mount m;

	is_int(mountinfo_parse_nsfs(LINE("87 27 0:4 pid:[4026532597] /tmp/nsb/pidns rw - nsfs nsfs rw"),
				    &m), 1, "an nsfs mount of a pid namespace");
	is_int(m.type, NS_TYPE_PID, "its type");
	is_int(m.ino, 4026532597, "its inode");
	is_str(m.path, "/tmp/nsb/pidns", "its mount point");
	free(m.path);

	is_int(mountinfo_parse_nsfs(LINE("99 27 0:4 net:[4026532177] /run/netns/a\\040b\\134c rw,nosuid"
					 " shared:5 master:1 - nsfs nsfs rw"), &m), 1,
	       "optional fields, an escaped mount point");
	is_str(m.path, "/run/netns/a b\\c", "\\040 and \\134 unescaped");
	free(m.path);

	is_int(mountinfo_parse_nsfs(LINE("22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw"),
				    &m), 0, "another file system");
	is_int(mountinfo_parse_nsfs(LINE("22 1 8:1 / /nsfs rw - ext4 nsfs rw"), &m), 0,
	       "nsfs as a source name is not nsfs");
	is_int(mountinfo_parse_nsfs(LINE("87 27 0:4 pid:[x] /a rw - nsfs nsfs rw"), &m), -EINVAL,
	       "an nsfs root that names no namespace");
	is_int(mountinfo_parse_nsfs(LINE("87 27 0:4 pid:[1] /a rw nsfs nsfs rw"), &m), -EINVAL,
	       "no separator");
	is_int(mountinfo_parse_nsfs(LINE("87 27 0:4 pid:[1] /a rw -"), &m), -EINVAL,
	       "no file system type");
	is_int(mountinfo_parse_nsfs(LINE("87"), &m), -EINVAL, "a cut line");
	is_int(mountinfo_parse_nsfs("", 0, &m), -EINVAL, "an empty line");
	is_int(mountinfo_parse_nsfs(LINE("87 27 0:4 pid:[1] /a\\04 rw - nsfs nsfs rw"), &m), 1,
	       "a cut escape at the end of a path");
	is_str(m.path, "/a\\04", "is kept as it is");
	free(m.path);
	return done_testing();
}
