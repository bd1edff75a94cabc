// SPDX-License-Identifier: GPL-2.0-or-later
/* libFuzzer harness: a line of mountinfo. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "mountinfo.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nsfs_mount m;

	if (mountinfo_parse_nsfs((const char *)data, size, &m) == 1) {
		if (!m.path || (unsigned int)m.type >= NS_TYPE_COUNT)
			__builtin_trap();
		free(m.path);
	}
	return 0;
}
