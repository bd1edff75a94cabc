/* SPDX-License-Identifier: GPL-2.0-or-later */
/* User names by uid, for the USER columns. */
#ifndef PIDNS_USERCACHE_H
#define PIDNS_USERCACHE_H

#include <sys/types.h>

/* User names by uid, remembering the last: the rows of a table mostly share one user. */
struct usercache {
	uid_t uid;
	char *name;
};

/* The name of uid, or the number when it has none; valid until the next call. */
const char *usercache_name(struct usercache *cache, uid_t uid);
void usercache_free(struct usercache *cache);

#endif /* PIDNS_USERCACHE_H */
