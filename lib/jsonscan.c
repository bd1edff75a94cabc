// SPDX-License-Identifier: LGPL-2.1-or-later
/* The strings of a JSON text from a runtime, read strictly with yajl and handed over with their place. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_parse.h>

#include "jsonscan.h"

struct scan {
	json_string_fn fn;
	void *ctx;
	struct json_frame frames[JSONSCAN_DEPTH_MAX];
	size_t depth;		/* frames open */
	int err;		/* why a callback stopped yajl */
};

/* A callback's answer to yajl: go on (1), or stop with err kept for json_scan(). */
static int stop(struct scan *sc, int err)
{
	sc->err = err;
	return 0;
}

/* A value begins: in an array, it is the next element. */
static void value_begins(struct scan *sc)
{
	struct json_frame *f;

	if (!sc->depth)
		return;
	f = &sc->frames[sc->depth - 1];
	if (f->array)
		f->index = f->next++;
}

static int on_scalar(void *ctx)
{
	value_begins(ctx);
	return 1;
}

static int on_null(void *ctx)
{
	return on_scalar(ctx);
}

static int on_boolean(void *ctx, int value)
{
	(void)value;
	return on_scalar(ctx);
}

/* As text, so that no number is refused for being too large for a double. */
static int on_number(void *ctx, const char *text, size_t len)
{
	(void)text;
	(void)len;
	return on_scalar(ctx);
}

static int on_string(void *ctx, const unsigned char *s, size_t len)
{
	struct scan *sc = ctx;
	int rc;

	value_begins(sc);
	if (memchr(s, '\0', len))
		return stop(sc, -EINVAL);
	rc = sc->fn(sc->ctx, sc->frames, sc->depth, (const char *)s, len);
	return rc ? stop(sc, rc) : 1;
}

/*
 * FNV-1a, never 0 (an empty slot): a collision makes two keys look the same,
 * and the text is refused, never misread.
 */
static uint64_t key_hash(const unsigned char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < len; i++)
		h = (h ^ s[i]) * 0x100000001b3ULL;
	return h ? h : 1;
}

/* An object's keys go in a set of their hashes, kept at most half full. */
#define KEYS_FIRST	16

/* A new object: an empty set, of the first size again after one that grew. */
static int keys_reset(struct json_frame *f)
{
	if (f->seencap > KEYS_FIRST) {
		free(f->seen);
		f->seen = NULL;
		f->seencap = 0;
	}
	if (!f->seen) {
		f->seen = calloc(KEYS_FIRST, sizeof(*f->seen));
		if (!f->seen)
			return -ENOMEM;
		f->seencap = KEYS_FIRST;
	} else {
		memset(f->seen, 0, f->seencap * sizeof(*f->seen));
	}
	f->nseen = 0;
	return 0;
}

/* The slot of h in the set: where it is, or the empty one where it would go. */
static uint64_t *keys_slot(uint64_t *set, size_t cap, uint64_t h)
{
	size_t i = (size_t)h & (cap - 1);

	while (set[i] && set[i] != h)
		i = (i + 1) & (cap - 1);
	return &set[i];
}

static int keys_grow(struct json_frame *f)
{
	size_t cap = 2 * f->seencap;
	uint64_t *set = calloc(cap, sizeof(*set));

	if (!set)
		return -ENOMEM;
	for (size_t i = 0; i < f->seencap; i++) {
		if (f->seen[i])
			*keys_slot(set, cap, f->seen[i]) = f->seen[i];
	}
	free(f->seen);
	f->seen = set;
	f->seencap = cap;
	return 0;
}

/* -EINVAL when the object has the key already. */
static int note_key(struct json_frame *f, uint64_t h)
{
	uint64_t *slot;

	if (2 * (f->nseen + 1) > f->seencap && keys_grow(f))
		return -ENOMEM;
	slot = keys_slot(f->seen, f->seencap, h);
	if (*slot)
		return -EINVAL;
	*slot = h;
	f->nseen++;
	return 0;
}

static int open_frame(struct scan *sc, bool array)
{
	struct json_frame *f;

	value_begins(sc);
	if (sc->depth == JSONSCAN_DEPTH_MAX)
		return stop(sc, -EINVAL);
	f = &sc->frames[sc->depth++];
	f->array = array;
	f->index = f->next = 0;
	f->key[0] = '\0';
	return !array && keys_reset(f) ? stop(sc, -ENOMEM) : 1;
}

static int on_start_map(void *ctx)
{
	return open_frame(ctx, false);
}

static int on_start_array(void *ctx)
{
	return open_frame(ctx, true);
}

static int on_end(void *ctx)
{
	struct scan *sc = ctx;

	sc->depth--;
	return 1;
}

static int on_map_key(void *ctx, const unsigned char *key, size_t len)
{
	struct scan *sc = ctx;
	struct json_frame *f = &sc->frames[sc->depth - 1];
	int rc;

	if (memchr(key, '\0', len))
		return stop(sc, -EINVAL);
	rc = note_key(f, key_hash(key, len));
	if (rc)
		return stop(sc, rc);
	if (len < sizeof(f->key)) {
		memcpy(f->key, key, len);
		f->key[len] = '\0';
	} else {
		f->key[0] = '\0';
	}
	return 1;
}

static const yajl_callbacks callbacks = {
	.yajl_null = on_null,
	.yajl_boolean = on_boolean,
	.yajl_number = on_number,
	.yajl_string = on_string,
	.yajl_start_map = on_start_map,
	.yajl_map_key = on_map_key,
	.yajl_end_map = on_end,
	.yajl_start_array = on_start_array,
	.yajl_end_array = on_end,
};

int json_scan(const char *text, size_t len, json_string_fn fn, void *ctx)
{
	struct scan sc = { .fn = fn, .ctx = ctx };
	yajl_handle h = yajl_alloc(&callbacks, NULL, &sc);
	yajl_status st;

	if (!h)
		return -ENOMEM;
	/* yajl's defaults are the strict ones: UTF-8 checked, no comments, one value */
	st = yajl_parse(h, (const unsigned char *)text, len);
	if (st == yajl_status_ok)
		st = yajl_complete_parse(h);
	yajl_free(h);
	for (size_t i = 0; i < JSONSCAN_DEPTH_MAX; i++)
		free(sc.frames[i].seen);
	if (st == yajl_status_ok)
		return 0;
	return st == yajl_status_client_canceled ? sc.err : -EINVAL;
}

bool json_at_key(const struct json_frame *f, const char *key)
{
	return !f->array && f->key[0] && strcmp(f->key, key) == 0;
}

bool json_at_index(const struct json_frame *f, size_t index)
{
	return f->array && f->index == index;
}
