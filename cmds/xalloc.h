/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Allocation for the commands: a failure ends the command through
 * err_oom().  The library returns -ENOMEM instead.
 */
#ifndef PIDNS_XALLOC_H
#define PIDNS_XALLOC_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmderr.h"

static inline void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		err_oom();
	return p;
}

static inline void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (!p)
		err_oom();
	return p;
}

static inline void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p)
		err_oom();
	return p;
}

static inline char *xstrdup(const char *str)
{
	char *p = strdup(str);

	if (!p)
		err_oom();
	return p;
}

static inline CMD_PRINTF(2, 3) int xasprintf(char **strp, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vasprintf(strp, fmt, ap);
	va_end(ap);
	if (rc < 0)
		err_oom();
	return rc;
}

#endif /* PIDNS_XALLOC_H */
