// SPDX-License-Identifier: GPL-2.0-or-later
/* libFuzzer harness: os-release text, as a container may write it. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "osrelease.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char tail[] = "\nPRETTY_NAME=fuzz\n";

/* A name is never empty, never only spaces, holds no control byte, and is no longer than text. */
static void check_name(const char *name, size_t size)
{
	size_t len, spaces = 0;

	if (!name)
		__builtin_trap();
	len = strlen(name);
	if (len == 0 || len > size)
		__builtin_trap();
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c < 0x20 || c == 0x7f)
			__builtin_trap();
		spaces += c == ' ';
	}
	if (spaces == len)
		__builtin_trap();
}

/* The text with one more line: a later PRETTY_NAME wins, and a bad line stays bad. */
static void check_last_wins(const uint8_t *data, size_t size, int rc)
{
	size_t len = size + sizeof(tail) - 1;
	char *buf = malloc(len);
	char *name = NULL;
	int rc2;

	if (!buf)
		return;
	memcpy(buf, data, size);
	memcpy(buf + size, tail, sizeof(tail) - 1);
	rc2 = osrelease_name_parse(buf, len, &name);
	free(buf);
	if (rc == -EINVAL && (rc2 != -EINVAL || name))
		__builtin_trap();
	if (rc != -EINVAL && (rc2 || !name || strcmp(name, "fuzz")))
		__builtin_trap();
	free(name);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* a copy of the exact size, so that ASan sees any read past the end */
	char *buf = malloc(size ? size : 1);
	char *name = NULL;
	int rc;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	rc = osrelease_name_parse(buf, size, &name);
	free(buf);
	if (rc == 0)
		check_name(name, size);
	else if (name || (rc != -ENOENT && rc != -EINVAL && rc != -EFBIG && rc != -ENOMEM))
		__builtin_trap();
	free(name);
	if (rc != -EFBIG && rc != -ENOMEM && size + sizeof(tail) - 1 <= OSRELEASE_MAX)
		check_last_wins(data, size, rc);
	return 0;
}
