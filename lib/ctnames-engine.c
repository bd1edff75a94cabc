// SPDX-License-Identifier: LGPL-2.1-or-later
/* The names that Docker and podman keep, the root's engine's and each user's own. */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctnames-int.h"
#include "strutils.h"

/* Docker and podman refuse longer names. */
#define ENGINE_NAME_MAX		255
#define UID_KEY_MAX		(3 * sizeof(uid_t) + 1)

/* Where an engine keeps its state, for the root's engine and for a user's own. */
struct engine {
	const char *root_dir;
	const char *user_dir;
};

static const struct engine docker = { "var/lib/docker", ".local/share/docker" };
static const struct engine podman = { "var/lib/containers", ".local/share/containers" };

static bool is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool hex_id(const char *s)
{
	return strlen(s) == HEX_ID_LEN && ctn_lower_hex(s, HEX_ID_LEN);
}

/* Docker's and podman's rule for a name: [A-Za-z0-9][A-Za-z0-9_.-]*. */
static bool engine_name(const char *s, size_t len)
{
	if (!len || len > ENGINE_NAME_MAX || !is_alnum(s[0]))
		return false;
	for (size_t i = 1; i < len; i++) {
		if (!is_alnum(s[i]) && s[i] != '_' && s[i] != '.' && s[i] != '-')
			return false;
	}
	return true;
}

/* The key of a uid in homes: its decimal digits. */
static void uid_key(uid_t uid, char key[UID_KEY_MAX])
{
	snprintf(key, UID_KEY_MAX, "%u", (unsigned int)uid);
}

/* An etc/passwd line; the first line of a uid counts, and '#' starts a comment, as in glibc. */
static int passwd_line(struct ctnames *cn, char *line)
{
	char key[UID_KEY_MAX];
	char *field[7];
	const char *home;
	uint64_t uid;

	if (line[0] == '#' || !ctn_split(line, ':', field, 7) || str_to_u64(field[2], &uid) ||
	    uid != (uid_t)uid || field[5][0] != '/')
		return 0;
	uid_key((uid_t)uid, key);
	if (strmap_find(&cn->homes, key))
		return 0;
	for (home = field[5]; *home == '/'; home++)
		;
	return strmap_add(&cn->homes, key, home, NULL, NULL);
}

static int load_passwd(struct ctnames *cn, const char *path, uid_t owner)
{
	char *buf, *line, *eol, *end;
	size_t len;
	int rc;

	rc = ctn_read_text(cn, path, owner, &buf, &len);
	if (rc || !buf)
		return rc;
	end = buf + len;
	for (line = buf; !rc && line < end; line = eol + 1) {
		eol = memchr(line, '\n', (size_t)(end - line));
		if (!eol)
			eol = end;	/* the NUL rootfile_read() puts there */
		/* a NUL ends the line early: it has too few fields then, or a shorter shell */
		*eol = '\0';
		rc = passwd_line(cn, line);
	}
	free(buf);
	return rc;
}

/* The home of uid relative to the root, or NULL when etc/passwd has no absolute one. */
static int user_home(struct ctnames *cn, uid_t uid, const char **home)
{
	char key[UID_KEY_MAX];
	int rc = ctn_read_once(cn, "etc/passwd", CTN_ANY_OWNER, load_passwd);

	uid_key(uid, key);
	*home = strmap_name(&cn->homes, key);
	return rc;
}

/*
 * The path of rest below the engine's directory, the root's or, for a user's
 * own engine, the one in that user's home, whose files only that user's count;
 * *path NULL if unknown.  Root's engine under user@0.service is the system's.
 */
static int engine_path(struct ctnames *cn, const struct container_ref *ref,
		       const struct engine *eng, const char *rest, char **path, uid_t *owner)
{
	const char *home = "", *dir = eng->root_dir;
	int rc;

	*path = NULL;
	*owner = CTN_ANY_OWNER;
	if (ref->in_user_service && ref->user != 0) {
		rc = user_home(cn, ref->user, &home);
		if (rc || !home)
			return rc;
		dir = eng->user_dir;
		*owner = ref->user;
	}
	if (asprintf(path, "%s%s%s/%s", home, *home ? "/" : "", dir, rest) < 0) {
		*path = NULL;
		return -ENOMEM;
	}
	return 0;
}

/* A container of containers.json: a home has no newline, so path and id stay apart. */
static int podman_key(const char *path, const char *id, char **key)
{
	if (asprintf(key, "%s\n%s", path, id) < 0) {
		*key = NULL;
		return -ENOMEM;
	}
	return 0;
}

/* A string of a runtime's JSON that may be a name: "" when too long to be one. */
struct name_buf {
	char s[ENGINE_NAME_MAX + 2];	/* docker's leading '/', the name, the NUL */
	bool found;
};

static void name_take(struct name_buf *nb, const char *s, size_t len)
{
	nb->found = true;
	if (len >= sizeof(nb->s))
		len = 0;
	memcpy(nb->s, s, len);
	nb->s[len] = '\0';
}

static int pick_config(void *ctx, const struct json_frame *path, size_t depth, const char *s,
		       size_t len)
{
	if (depth == 1 && json_at_key(&path[0], "Name"))
		name_take(ctx, s, len);
	return 0;
}

/* config.v2.json: {"Name": "/NAME", ...}. */
static int load_config(struct ctnames *cn, const char *path, uid_t owner)
{
	struct name_buf name = { .found = false };
	int rc = ctn_scan_json(cn, path, owner, pick_config, &name);

	if (rc)
		return rc == -ENOMEM ? rc : 0;
	if (name.found && name.s[0] == '/' && engine_name(name.s + 1, strlen(name.s + 1)))
		return strmap_note(&cn->names, path, name.s + 1, NULL);
	return 0;
}

/* A container of containers.json: its id and first name, once that element is read whole. */
struct podman_ctr {
	char id[HEX_ID_LEN + 1];
	char *name;		/* NULL: none a name may be */
};

/*
 * What containers.json says so far: the element being read, and those before
 * it that have an id podman makes; no other costs memory, however long the file.
 */
struct podman_pick {
	size_t index;		/* of the element being read */
	struct name_buf id, name;
	struct podman_ctr *ctrs;
	size_t count;
};

/* The element read is whole: kept, when it has an id. */
static int podman_flush(struct podman_pick *p)
{
	struct podman_ctr *ctrs, *c;
	bool named = p->name.found && engine_name(p->name.s, strlen(p->name.s));

	if (p->id.found && hex_id(p->id.s)) {
		ctrs = realloc(p->ctrs, (p->count + 1) * sizeof(*ctrs));
		if (!ctrs)
			return -ENOMEM;
		p->ctrs = ctrs;
		c = &ctrs[p->count];
		memcpy(c->id, p->id.s, sizeof(c->id));
		c->name = named ? strdup(p->name.s) : NULL;
		if (named && !c->name)
			return -ENOMEM;
		p->count++;
	}
	p->id.found = p->name.found = false;
	return 0;
}

/* [{"id": "ID", "names": ["NAME", ...], ...}, ...]: an element's id, and its first name. */
static int pick_podman(void *ctx, const struct json_frame *path, size_t depth, const char *s,
		       size_t len)
{
	struct podman_pick *p = ctx;
	bool id, name;
	int rc;

	if (depth < 2 || !path[0].array)
		return 0;
	id = depth == 2 && json_at_key(&path[1], "id");
	name = depth == 3 && json_at_key(&path[1], "names") && json_at_index(&path[2], 0);
	if (!id && !name)
		return 0;
	if (path[0].index != p->index) {
		rc = podman_flush(p);
		if (rc)
			return rc;
		p->index = path[0].index;
	}
	name_take(id ? &p->id : &p->name, s, len);
	return 0;
}

/* containers.json, whose names count only once the whole file is known good. */
static int load_podman(struct ctnames *cn, const char *path, uid_t owner)
{
	struct podman_pick pick = { .index = 0 };
	int rc = ctn_scan_json(cn, path, owner, pick_podman, &pick);

	if (!rc)
		rc = podman_flush(&pick);
	for (size_t i = 0; !rc && i < pick.count; i++) {
		char *key;

		rc = podman_key(path, pick.ctrs[i].id, &key);
		if (!rc)
			rc = strmap_note(&cn->names, key, pick.ctrs[i].name, NULL);
		free(key);
	}
	for (size_t i = 0; i < pick.count; i++)
		free(pick.ctrs[i].name);
	free(pick.ctrs);
	return rc == -ENOMEM ? rc : 0;
}

int ctn_docker_name(struct ctnames *cn, const struct container_ref *ref, const char **name)
{
	char rest[sizeof("containers//config.v2.json") + CONTAINER_ID_MAX];
	char *path;
	uid_t owner;
	int rc;

	/* the id is part of a path: only the ids docker makes */
	if (!hex_id(ref->id))
		return 0;
	snprintf(rest, sizeof(rest), "containers/%s/config.v2.json", ref->id);
	rc = engine_path(cn, ref, &docker, rest, &path, &owner);
	if (rc || !path)
		return rc;
	rc = ctn_read_once(cn, path, owner, load_config);
	if (!rc)
		*name = strmap_name(&cn->names, path);
	free(path);
	return rc;
}

int ctn_podman_name(struct ctnames *cn, const struct container_ref *ref, const char **name)
{
	char *path, *key = NULL;
	uid_t owner;
	int rc;

	rc = engine_path(cn, ref, &podman, "storage/overlay-containers/containers.json", &path,
			 &owner);
	if (rc || !path)
		return rc;
	rc = ctn_read_once(cn, path, owner, load_podman);
	if (!rc)
		rc = podman_key(path, ref->id, &key);
	if (!rc)
		*name = strmap_name(&cn->names, key);
	free(path);
	free(key);
	return rc;
}

