// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests of the strict JSON scan that the runtimes' files go through. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "jsonscan.h"
#include "tap.h"

/* What a scan met: each string as PLACE=VALUE, PLACE its frames joined by '.'. */
struct seen {
	char text[2048];
	int fail_at;		/* the string at which the callback fails, 0: never */
	int strings;
};

static void put_place(struct seen *sn, const struct json_frame *path, size_t depth)
{
	size_t n = strlen(sn->text);

	for (size_t i = 0; i < depth; i++) {
		if (path[i].array)
			n += (size_t)snprintf(sn->text + n, sizeof(sn->text) - n, "[%zu]",
					      path[i].index);
		else
			n += (size_t)snprintf(sn->text + n, sizeof(sn->text) - n, ".%s",
					      path[i].key[0] ? path[i].key : "?");
	}
}

static int record(void *ctx, const struct json_frame *path, size_t depth, const char *s,
		  size_t len)
{
	struct seen *sn = ctx;
	size_t n;

	if (++sn->strings == sn->fail_at)
		return -ENOSPC;
	put_place(sn, path, depth);
	n = strlen(sn->text);
	snprintf(sn->text + n, sizeof(sn->text) - n, "=%.*s;", (int)len, s);
	return 0;
}

static void scan_is(const char *text, size_t len, int want_rc, const char *want,
		    const char *what)
{
	struct seen sn = { .fail_at = 0 };

	is_int(json_scan(text, len, record, &sn), want_rc, "%s: result", what);
	if (want)
		is_str(sn.text, want, "%s: strings and places", what);
}

#define SCAN_IS(lit, rc, want, what)	scan_is(lit, sizeof(lit) - 1, rc, want, what)

static void test_places(void)
{
	SCAN_IS("{\"Name\":\"/web\",\"Config\":{\"Env\":[\"A=1\",\"B=2\"]},\"n\":1e999}", 0,
		".Name=/web;.Config.Env[0]=A=1;.Config.Env[1]=B=2;",
		"nested objects and arrays");
	SCAN_IS("[{\"id\":\"a\",\"names\":[\"x\",\"y\"]},{\"id\":\"b\"},7,null,true,\"z\"]", 0,
		"[0].id=a;[0].names[0]=x;[0].names[1]=y;[1].id=b;[5]=z;",
		"array indexes count every kind of element");
	SCAN_IS("\"bare\"", 0, "=bare;", "a bare string, at no place");
	SCAN_IS("{\"a\":{\"k\":1},\"b\":{\"k\":2}}", 0, "",
		"the same key in two objects is no duplicate");
	SCAN_IS("{\"a\\u00e9\":\"\\u00e9\\n\"}", 0, ".a\xc3\xa9=\xc3\xa9\n;", "escapes decoded");
	SCAN_IS("{\"0123456789012345678901234567890123456789\":\"v\"}", 0, ".?=v;",
		"a key longer than a frame keeps: no key to match");
	SCAN_IS(" {\"k\" : [ ] } \n", 0, "", "blanks around the tokens");
}

static void test_refused(void)
{
	char deep[256];

	SCAN_IS("{\"Name\":\"/a\",\"Name\":\"/b\"}", -EINVAL, NULL, "a key twice");
	SCAN_IS("{\"x\":{\"k\":1,\"k\":2}}", -EINVAL, NULL, "a key twice, nested");
	SCAN_IS("[{\"k\":1},{\"j\":1,\"j\":2}]", -EINVAL, NULL, "a key twice in a later element");
	SCAN_IS("{\"a\\u0000\":1}", -EINVAL, NULL, "a NUL in a key");
	SCAN_IS("{\"a\":\"x\\u0000y\"}", -EINVAL, NULL, "a NUL in a string");
	SCAN_IS("{\"a\":\"\xff\"}", -EINVAL, NULL, "bytes that are not UTF-8");
	SCAN_IS("{\"a\":1} {}", -EINVAL, NULL, "two values");
	SCAN_IS("{\"a\":1} x", -EINVAL, NULL, "something after the value");
	SCAN_IS("{\"a\":1 /* c */}", -EINVAL, NULL, "a comment");
	SCAN_IS("{\"a\":1,}", -EINVAL, NULL, "a trailing comma");
	SCAN_IS("{'a':1}", -EINVAL, NULL, "single quotes");
	SCAN_IS("{\"a\":", -EINVAL, NULL, "cut short");
	SCAN_IS("", -EINVAL, NULL, "nothing");
	scan_is("{\"a\":\"b\"}\0", 10, -EINVAL, NULL, "a NUL after the value");

	memset(deep, '[', JSONSCAN_DEPTH_MAX);
	memset(deep + JSONSCAN_DEPTH_MAX, ']', JSONSCAN_DEPTH_MAX);
	scan_is(deep, 2 * JSONSCAN_DEPTH_MAX, 0, "", "JSONSCAN_DEPTH_MAX levels");
	memset(deep, '[', JSONSCAN_DEPTH_MAX + 1);
	memset(deep + JSONSCAN_DEPTH_MAX + 1, ']', JSONSCAN_DEPTH_MAX + 1);
	scan_is(deep, 2 * JSONSCAN_DEPTH_MAX + 2, -EINVAL, NULL, "one level more");
}

static void test_callback(void)
{
	static const char text[] = "[\"a\",\"b\",\"c\"]";
	struct seen sn = { .fail_at = 2 };

	is_int(json_scan(text, sizeof(text) - 1, record, &sn), -ENOSPC,
	       "callback: its error ends the scan");
	is_str(sn.text, "[0]=a;", "callback: nothing after it");
}

static void test_frames(void)
{
	struct json_frame obj = { .array = false, .key = "id" };
	struct json_frame arr = { .array = true, .index = 3 };

	ok(json_at_key(&obj, "id") && !json_at_key(&obj, "i") && !json_at_key(&arr, "id"),
	   "json_at_key: an object's member of that key only");
	ok(json_at_index(&arr, 3) && !json_at_index(&arr, 0) && !json_at_index(&obj, 0),
	   "json_at_index: an array's element of that index only");
	obj.key[0] = '\0';
	ok(!json_at_key(&obj, ""), "json_at_key: a key too long matches nothing, not even \"\"");
}

int main(void)
{
	test_places();
	test_refused();
	test_callback();
	test_frames();
	return done_testing();
}
