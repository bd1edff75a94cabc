// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer harness: ns link text ("pid:[4026532257]") and namespace
 * arguments.  Arguments with a '/' are paths that would open real files
 * (a device may act on open), so only pids and inode numbers are fuzzed,
 * against the fixture procfs when FUZZ_PROCFS names it.
 */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nsfs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int procfd = -2;
	enum ns_type type;
	ino_t ino;
	char *arg;

	if (procfd == -2) {
		const char *root = getenv("FUZZ_PROCFS");

		procfd = root ? open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
	}
	if (ns_link_parse((const char *)data, size, &type, &ino) == 0 &&
	    ((unsigned int)type >= NS_TYPE_COUNT || ino == 0))
		__builtin_trap();

	if (procfd < 0 || memchr(data, '/', size))
		return 0;
	arg = strndup((const char *)data, size);
	if (arg) {
		struct ns_handle ns;

		ns_arg_open(procfd, arg, NS_TYPE_PID, &ns);
		ns_handle_close(&ns);
		free(arg);
	}
	return 0;
}
