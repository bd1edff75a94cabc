// SPDX-License-Identifier: GPL-2.0-or-later
/* User names by uid for the USER columns. */
#include <pwd.h>
#include <stdlib.h>

#include "usercache.h"
#include "xalloc.h"

const char *usercache_name(struct usercache *cache, uid_t uid)
{
	struct passwd *pw;

	if (cache->name && cache->uid == uid)
		return cache->name;
	free(cache->name);
	pw = getpwuid(uid);
	if (pw)
		cache->name = xstrdup(pw->pw_name);
	else
		xasprintf(&cache->name, "%u", (unsigned int)uid);
	cache->uid = uid;
	return cache->name;
}

void usercache_free(struct usercache *cache)
{
	free(cache->name);
	cache->name = NULL;
}
