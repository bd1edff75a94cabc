/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A map from strings to a name and a pod, for what the runtimes' files say. */
#ifndef PIDNS_STRMAP_H
#define PIDNS_STRMAP_H

#include <stddef.h>

/* A key with up to two strings; key, name and pod are one allocation, owned by the map. */
struct strmap_entry {
	char *key;
	const char *name;
	const char *pod;
};

/* Open addressing with linear probing: thousands of lookups stay O(1).  Zeroed is empty. */
struct strmap {
	struct strmap_entry *slot;
	size_t size;		/* a power of two, or 0 */
	size_t used;
};

/* The entry of key, or NULL. */
struct strmap_entry *strmap_find(const struct strmap *m, const char *key);

/* The name of key's entry, or NULL when there is none or it has none. */
const char *strmap_name(const struct strmap *m, const char *key);

/*
 * Add key, which is not in the map yet, with copies of name and pod (either
 * may be NULL); *out, when not NULL, gets the entry.  Returns 0 or -ENOMEM.
 */
int strmap_add(struct strmap *m, const char *key, const char *name, const char *pod,
	       struct strmap_entry **out);

/*
 * What one more place says of key: added when new; when it disagrees with
 * what was said before, the entry knows neither name nor pod, for a guess
 * between the two would be no answer.  Returns 0 or -ENOMEM.
 */
int strmap_note(struct strmap *m, const char *key, const char *name, const char *pod);

void strmap_free(struct strmap *m);

#endif /* PIDNS_STRMAP_H */
