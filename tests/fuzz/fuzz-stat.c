// SPDX-License-Identifier: GPL-2.0-or-later
/* libFuzzer harness: /proc/PID/stat text. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "procparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct proc_stat st;

	if (procparse_stat((const char *)data, size, &st) == 0 &&
	    strlen(st.comm) > PROC_COMM_MAX)
		__builtin_trap();
	return 0;
}
