/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Strict number parsing for command-line words and kernel text. */
#ifndef PIDNS_STRUTILS_H
#define PIDNS_STRUTILS_H

#include <stdint.h>

/*
 * Parse the decimal digits at *pos (not past end) and advance *pos past them.
 * Returns 0, -EINVAL when no digit is there, -ERANGE when the value overflows.
 */
int buf_to_u64(const char **pos, const char *end, uint64_t *out);

/* The whole string must be a decimal number: no sign, no space, no suffix. */
int str_to_u64(const char *str, uint64_t *out);

#endif /* PIDNS_STRUTILS_H */
