// SPDX-License-Identifier: GPL-2.0-or-later
/* libFuzzer harness: the strict JSON scan of the runtimes' files. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "jsonscan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int cond)
{
	if (!cond)
		__builtin_trap();
}

/* Every string comes whole, without a NUL, at a place of bounded depth and sound frames. */
static int visit(void *ctx, const struct json_frame *path, size_t depth, const char *s,
		 size_t len)
{
	size_t *strings = ctx;

	check(depth <= JSONSCAN_DEPTH_MAX);
	check(!memchr(s, '\0', len));
	for (size_t i = 0; i < depth; i++) {
		check(memchr(path[i].key, '\0', sizeof(path[i].key)) != NULL);
		check(!path[i].array || path[i].index < path[i].next);
	}
	(*strings)++;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t strings = 0;
	int rc = json_scan((const char *)data, size, visit, &strings);

	check(rc == 0 || rc == -EINVAL || rc == -ENOMEM);
	/* every string has a quote of its own */
	check(strings <= size / 2);
	return 0;
}
