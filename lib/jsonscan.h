/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The strings of a JSON text from a runtime, read strictly with yajl and handed over with their place. */
#ifndef PIDNS_JSONSCAN_H
#define PIDNS_JSONSCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Deeper texts are refused: no runtime writes one, and each level costs a frame. */
#define JSONSCAN_DEPTH_MAX	32
/* The longest key a frame keeps for json_at_key(); a longer one is kept as unknown. */
#define JSONSCAN_KEY_MAX	32

/* One level of the place of a value: an element of an array, or a member of an object. */
struct json_frame {
	bool array;
	size_t index;			/* array: of the element being read */
	size_t next;			/* array: elements begun so far */
	char key[JSONSCAN_KEY_MAX];	/* object: of the member being read, "" when longer */
	uint64_t *seen;			/* object: a set of its keys' hashes, for duplicates */
	size_t nseen, seencap;		/* seencap a power of two */
};

/*
 * Called for each string value, with the frames of its place (path[0] the
 * outermost, depth of them) and its bytes (s, len; a string with a NUL is
 * never passed).  Returns 0 to go on, or a negative errno that ends the scan.
 */
typedef int (*json_string_fn)(void *ctx, const struct json_frame *path, size_t depth,
			      const char *s, size_t len);

/*
 * Read text[0..len) as one JSON value, as strictly as RFC 8259 asks and
 * more: yajl's default checks (valid UTF-8, no comments, nothing after the
 * value), and besides no key twice in one object, no NUL in a string or a
 * key, at most JSONSCAN_DEPTH_MAX levels.  Every string is passed to fn as
 * it is met, so a caller keeps what it finds until the whole text is known
 * good.  Returns 0, -EINVAL (not such a text), -ENOMEM, or what fn returned.
 */
int json_scan(const char *text, size_t len, json_string_fn fn, void *ctx);

/* Whether frame f is the member key of an object. */
bool json_at_key(const struct json_frame *f, const char *key);

/* Whether frame f is element index of an array. */
bool json_at_index(const struct json_frame *f, size_t index);

#endif /* PIDNS_JSONSCAN_H */
