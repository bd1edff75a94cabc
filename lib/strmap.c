// SPDX-License-Identifier: LGPL-2.1-or-later
/* A map from strings to a name and a pod, for what the runtimes' files say. */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"

static size_t hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;	/* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)h;
}

/* The slot of key, or the empty slot where it would go; the map has a free slot. */
static struct strmap_entry *probe(const struct strmap *m, const char *key)
{
	size_t i = hash(key) & (m->size - 1);

	while (m->slot[i].key && strcmp(m->slot[i].key, key))
		i = (i + 1) & (m->size - 1);
	return &m->slot[i];
}

struct strmap_entry *strmap_find(const struct strmap *m, const char *key)
{
	struct strmap_entry *e;

	if (!m->size)
		return NULL;
	e = probe(m, key);
	return e->key ? e : NULL;
}

const char *strmap_name(const struct strmap *m, const char *key)
{
	const struct strmap_entry *e = strmap_find(m, key);

	return e ? e->name : NULL;
}

static int grow(struct strmap *m)
{
	struct strmap bigger = { .size = m->size ? 2 * m->size : 64, .used = m->used };

	bigger.slot = calloc(bigger.size, sizeof(*bigger.slot));
	if (!bigger.slot)
		return -ENOMEM;
	for (size_t i = 0; i < m->size; i++) {
		if (m->slot[i].key)
			*probe(&bigger, m->slot[i].key) = m->slot[i];
	}
	free(m->slot);
	*m = bigger;
	return 0;
}

/* Copies s, or NULL, to the end of a block; returns where the copy is. */
static const char *append(char **end, const char *s)
{
	char *at = *end;
	size_t len;

	if (!s)
		return NULL;
	len = strlen(s) + 1;
	memcpy(at, s, len);
	*end += len;
	return at;
}

int strmap_add(struct strmap *m, const char *key, const char *name, const char *pod,
	       struct strmap_entry **out)
{
	size_t len = strlen(key) + 1 + (name ? strlen(name) + 1 : 0) + (pod ? strlen(pod) + 1 : 0);
	struct strmap_entry *e;
	char *end;

	if (2 * (m->used + 1) > m->size && grow(m))
		return -ENOMEM;
	e = probe(m, key);
	e->key = malloc(len);
	if (!e->key)
		return -ENOMEM;
	end = e->key;
	append(&end, key);
	e->name = append(&end, name);
	e->pod = append(&end, pod);
	m->used++;
	if (out)
		*out = e;
	return 0;
}

void strmap_free(struct strmap *m)
{
	for (size_t i = 0; i < m->size; i++)
		free(m->slot[i].key);
	free(m->slot);
}

static bool same(const char *a, const char *b)
{
	return a && b ? !strcmp(a, b) : a == b;
}

int strmap_note(struct strmap *m, const char *key, const char *name, const char *pod)
{
	struct strmap_entry *e = strmap_find(m, key);

	if (!e)
		return strmap_add(m, key, name, pod, NULL);
	if (!same(e->name, name) || !same(e->pod, pod))
		e->name = e->pod = NULL;
	return 0;
}
