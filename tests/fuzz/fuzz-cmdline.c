// SPDX-License-Identifier: GPL-2.0-or-later
/* libFuzzer harness: /proc/PID/cmdline bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "procparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size ? size : 1);
	size_t len;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	len = procparse_cmdline(buf, size);
	/* one line: no NUL left, and at most one byte shorter */
	if (len > size || len + 1 < size || memchr(buf, '\0', len))
		__builtin_trap();
	free(buf);
	return 0;
}
