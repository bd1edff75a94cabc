/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Small helpers every file may want. */
#ifndef PIDNS_C_H
#define PIDNS_C_H

#include <stddef.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* Decimal digits of an unsigned 64-bit value, without the terminating NUL. */
#define U64_DIGITS	20

#endif /* PIDNS_C_H */
