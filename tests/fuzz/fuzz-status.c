// SPDX-License-Identifier: GPL-2.0-or-later
/* libFuzzer harness: /proc/PID/status text. */
#include <stddef.h>
#include <stdint.h>

#include "procparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct proc_status st;

	if (procparse_status((const char *)data, size, &st) == 0 &&
	    st.nlevels > PROC_NS_LEVELS_MAX)
		__builtin_trap();
	return 0;
}
