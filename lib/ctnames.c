// SPDX-License-Identifier: LGPL-2.1-or-later
/* The names of containers, from the files their runtimes keep on the host. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctnames.h"
#include "jsonscan.h"
#include "rootfile.h"
#include "strmap.h"
#include "strutils.h"

/* Docker and podman refuse longer names; Kubernetes has its DNS limits. */
#define ENGINE_NAME_MAX		255
#define DNS_LABEL_MAX		63
#define DNS_SUBDOMAIN_MAX	253
#define HEX_ID_LEN		64
#define UID_KEY_MAX		(3 * sizeof(uid_t) + 1)

/* "NAMESPACE/POD", as kubectl names a pod. */
#define POD_NAME_MAX		(DNS_LABEL_MAX + 1 + DNS_SUBDOMAIN_MAX + 1)

/* Runtime, rootless flag, user, pod uid and id of a ref, the id last as it may hold ':'. */
#define ANSWER_KEY_MAX		(3 * 12 + CONTAINER_POD_UID_MAX + CONTAINER_ID_MAX)

struct ctnames {
	int rootfd;
	struct strmap answers;	/* answer key of a ref: its name and pod */
	struct strmap read;	/* paths of the files and directories read already */
	struct strmap homes;	/* decimal uid: the home, relative to the root */
	struct strmap names;	/* config.v2.json path, or containers.json path '\n' id: the name */
	struct strmap logs;	/* container id: name and pod from var/log/containers */
	struct strmap pods;	/* pod uid: its pod from var/log/pods */
};

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

static bool is_lower_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static bool is_lower_hex(char c)
{
	return (c >= 'a' && c <= 'f') || (c >= '0' && c <= '9');
}

static bool all_lower_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!is_lower_hex(s[i]))
			return false;
	}
	return true;
}

static bool hex_id(const char *s)
{
	return strlen(s) == HEX_ID_LEN && all_lower_hex(s, HEX_ID_LEN);
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

/*
 * A DNS-1123 label (lowercase letters, digits and '-', from and to a letter or digit) or,
 * with dots, a subdomain: such labels joined by '.'.
 */
static bool dns_name(const char *s, size_t max, bool dots)
{
	size_t len = strlen(s);

	if (!len || len > max || !is_lower_alnum(s[0]) || !is_lower_alnum(s[len - 1]))
		return false;
	for (size_t i = 1; i + 1 < len; i++) {
		if (is_lower_alnum(s[i]) || s[i] == '-')
			continue;
		if (!dots || s[i] != '.' || !is_lower_alnum(s[i - 1]) || !is_lower_alnum(s[i + 1]))
			return false;
	}
	return true;
}

/* A pod uid as container.h gives it: a UUID with dashes, or 32 hex digits. */
static bool pod_uid(const char *s)
{
	size_t len = strlen(s);

	if (len == 32)
		return all_lower_hex(s, len);
	if (len != 36)
		return false;
	for (size_t i = 0; i < len; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? s[i] != '-' : !is_lower_hex(s[i]))
			return false;
	}
	return true;
}

/* Cuts s in place at each sep; true when it made exactly n fields. */
static bool split(char *s, char sep, char **field, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		field[i] = s;
		s = strchr(s, sep);
		if (!s)
			return i + 1 == n;
		*s++ = '\0';
	}
	return false;
}

/* The text of path, or *buf NULL when it cannot be read: only a lack of memory is an error. */
static int read_text(struct ctnames *cn, const char *path, char **buf, size_t *len)
{
	int rc;

	*buf = NULL;
	if (cn->rootfd < 0)
		return 0;
	rc = rootfile_read(cn->rootfd, path, CTNAMES_FILE_MAX, buf, len);
	return rc == -ENOMEM ? rc : 0;
}

/* Scans the JSON of path with fn; -EINVAL when it is no strict JSON, 1 when it cannot be read. */
static int scan_json(struct ctnames *cn, const char *path, json_string_fn fn, void *ctx)
{
	size_t len;
	char *buf;
	int rc = read_text(cn, path, &buf, &len);

	if (rc || !buf)
		return rc ? rc : 1;
	rc = json_scan(buf, len, fn, ctx);
	free(buf);
	return rc;
}

/* Calls each for every name in the directory path; one that cannot be listed has none. */
static int list_dir(struct ctnames *cn, const char *path,
		    int (*each)(struct ctnames *cn, const char *name))
{
	struct dirent *de;
	DIR *dir;
	int rc = 0, fd;

	if (cn->rootfd < 0)
		return 0;
	fd = rootfile_opendir(cn->rootfd, path);
	if (fd < 0)
		return fd == -ENOMEM ? fd : 0;
	dir = fdopendir(fd);
	if (!dir) {
		close(fd);
		return -ENOMEM;		/* fd is a directory: only its buffer can fail */
	}
	while (!rc && (de = readdir(dir)))
		rc = each(cn, de->d_name);
	closedir(dir);
	return rc;
}

/* Reads or lists path with load unless that was done: each is read at most once per cn. */
static int read_once(struct ctnames *cn, const char *path,
		     int (*load)(struct ctnames *cn, const char *path))
{
	int rc;

	if (strmap_find(&cn->read, path))
		return 0;
	rc = load(cn, path);
	/* on -ENOMEM it stays unread, so that a later lookup can try again */
	return rc ? rc : strmap_add(&cn->read, path, NULL, NULL, NULL);
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

	if (line[0] == '#' || !split(line, ':', field, 7) || str_to_u64(field[2], &uid) ||
	    uid != (uid_t)uid || field[5][0] != '/')
		return 0;
	uid_key((uid_t)uid, key);
	if (strmap_find(&cn->homes, key))
		return 0;
	for (home = field[5]; *home == '/'; home++)
		;
	return strmap_add(&cn->homes, key, home, NULL, NULL);
}

static int load_passwd(struct ctnames *cn, const char *path)
{
	char *buf, *line, *eol, *end;
	size_t len;
	int rc;

	rc = read_text(cn, path, &buf, &len);
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
	int rc = read_once(cn, "etc/passwd", load_passwd);

	uid_key(uid, key);
	*home = strmap_name(&cn->homes, key);
	return rc;
}

/* The path of rest below the engine's directory, the root's or the user's; NULL if unknown. */
static int engine_path(struct ctnames *cn, const struct container_ref *ref,
		       const struct engine *eng, const char *rest, char **path)
{
	const char *home = "", *dir = eng->root_dir;
	int rc;

	*path = NULL;
	if (ref->in_user_service) {
		rc = user_home(cn, ref->user, &home);
		if (rc || !home)
			return rc;
		dir = eng->user_dir;
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
static int load_config(struct ctnames *cn, const char *path)
{
	struct name_buf name = { .found = false };
	int rc = scan_json(cn, path, pick_config, &name);

	if (rc)
		return rc == -ENOMEM ? rc : 0;
	if (name.found && name.s[0] == '/' && engine_name(name.s + 1, strlen(name.s + 1)))
		return strmap_note(&cn->names, path, name.s + 1, NULL);
	return 0;
}

/* A container of containers.json, as far as it has been read. */
struct podman_ctr {
	struct name_buf id, name;
};

struct podman_pick {
	struct podman_ctr *ctrs;
	size_t count;
};

/* The container of element index, the next one or the last met. */
static struct podman_ctr *podman_ctr(struct podman_pick *p, size_t index)
{
	struct podman_ctr *ctrs;

	if (index < p->count)
		return &p->ctrs[index];
	ctrs = realloc(p->ctrs, (index + 1) * sizeof(*ctrs));
	if (!ctrs)
		return NULL;
	memset(ctrs + p->count, 0, (index + 1 - p->count) * sizeof(*ctrs));
	p->ctrs = ctrs;
	p->count = index + 1;
	return &ctrs[index];
}

/* [{"id": "ID", "names": ["NAME", ...], ...}, ...]: an element's id, and its first name. */
static int pick_podman(void *ctx, const struct json_frame *path, size_t depth, const char *s,
		       size_t len)
{
	struct podman_ctr *c;
	bool id, name;

	if (depth < 2 || !path[0].array)
		return 0;
	id = depth == 2 && json_at_key(&path[1], "id");
	name = depth == 3 && json_at_key(&path[1], "names") && json_at_index(&path[2], 0);
	if (!id && !name)
		return 0;
	c = podman_ctr(ctx, path[0].index);
	if (!c)
		return -ENOMEM;
	name_take(id ? &c->id : &c->name, s, len);
	return 0;
}

/* containers.json, whose names count only once the whole file is known good. */
static int load_podman(struct ctnames *cn, const char *path)
{
	struct podman_pick pick = { 0 };
	int rc = scan_json(cn, path, pick_podman, &pick);

	for (size_t i = 0; !rc && i < pick.count; i++) {
		const struct podman_ctr *c = &pick.ctrs[i];
		char *key;

		if (!c->id.found || !c->id.s[0])
			continue;
		rc = podman_key(path, c->id.s, &key);
		if (!rc)
			rc = strmap_note(&cn->names, key, engine_name(c->name.s, strlen(c->name.s)) ?
				  c->name.s : NULL, NULL);
		free(key);
	}
	free(pick.ctrs);
	return rc == -ENOMEM ? rc : 0;
}

static void pod_name(const char *ns, const char *pod, char out[POD_NAME_MAX])
{
	snprintf(out, POD_NAME_MAX, "%s/%s", ns, pod);
}

/* var/log/containers/POD_NAMESPACE_CONTAINER-ID.log, as the kubelet links them. */
static int container_log(struct ctnames *cn, const char *entry)
{
	static const char suffix[] = ".log";
	const size_t tail = 1 + HEX_ID_LEN + sizeof(suffix) - 1;	/* "-ID.log" */
	char buf[256], pod[POD_NAME_MAX];
	char *field[3], *id;
	size_t len;

	if (strlen(entry) >= sizeof(buf))
		return 0;
	strcpy(buf, entry);
	if (!split(buf, '_', field, 3))
		return 0;
	len = strlen(field[2]);
	if (len <= tail || strcmp(field[2] + len - (sizeof(suffix) - 1), suffix) ||
	    field[2][len - tail] != '-')
		return 0;
	field[2][len - tail] = '\0';
	id = field[2] + len - tail + 1;
	id[HEX_ID_LEN] = '\0';
	if (!all_lower_hex(id, HEX_ID_LEN) || !dns_name(field[0], DNS_SUBDOMAIN_MAX, true) ||
	    !dns_name(field[1], DNS_LABEL_MAX, false) || !dns_name(field[2], DNS_LABEL_MAX, false))
		return 0;
	pod_name(field[1], field[0], pod);
	return strmap_note(&cn->logs, id, field[2], pod);
}

/* var/log/pods/NAMESPACE_POD_UID, the kubelet's directory of a pod's logs. */
static int pod_log(struct ctnames *cn, const char *entry)
{
	char buf[256], pod[POD_NAME_MAX];
	char *field[3];

	if (strlen(entry) >= sizeof(buf))
		return 0;
	strcpy(buf, entry);
	if (!split(buf, '_', field, 3) || !dns_name(field[0], DNS_LABEL_MAX, false) ||
	    !dns_name(field[1], DNS_SUBDOMAIN_MAX, true) || !pod_uid(field[2]))
		return 0;
	pod_name(field[0], field[1], pod);
	return strmap_note(&cn->pods, field[2], pod, NULL);
}

static int list_container_logs(struct ctnames *cn, const char *path)
{
	return list_dir(cn, path, container_log);
}

static int list_pod_logs(struct ctnames *cn, const char *path)
{
	return list_dir(cn, path, pod_log);
}

static int docker_names(struct ctnames *cn, const struct container_ref *ref, const char **name)
{
	char rest[sizeof("containers//config.v2.json") + CONTAINER_ID_MAX];
	char *path;
	int rc;

	/* the id is part of a path: only the ids docker makes */
	if (!hex_id(ref->id))
		return 0;
	snprintf(rest, sizeof(rest), "containers/%s/config.v2.json", ref->id);
	rc = engine_path(cn, ref, &docker, rest, &path);
	if (rc || !path)
		return rc;
	rc = read_once(cn, path, load_config);
	if (!rc)
		*name = strmap_name(&cn->names, path);
	free(path);
	return rc;
}

static int podman_names(struct ctnames *cn, const struct container_ref *ref, const char **name)
{
	char *path, *key = NULL;
	int rc;

	rc = engine_path(cn, ref, &podman, "storage/overlay-containers/containers.json", &path);
	if (rc || !path)
		return rc;
	rc = read_once(cn, path, load_podman);
	if (!rc)
		rc = podman_key(path, ref->id, &key);
	if (!rc)
		*name = strmap_name(&cn->names, key);
	free(path);
	free(key);
	return rc;
}

/* The pod of var/log/pods for the uid, else the log link's, else the uid itself. */
static int kube_names(struct ctnames *cn, const struct container_ref *ref, const char **name,
		      const char **pod)
{
	const struct strmap_entry *e;
	const char *by_uid;
	int rc = read_once(cn, "var/log/containers", list_container_logs);

	if (rc)
		return rc;
	e = strmap_find(&cn->logs, ref->id);
	if (e) {
		*name = e->name;
		*pod = e->pod;
	}
	if (!ref->pod_uid[0])
		return 0;
	rc = read_once(cn, "var/log/pods", list_pod_logs);
	if (rc)
		return rc;
	by_uid = strmap_name(&cn->pods, ref->pod_uid);
	if (by_uid)
		*pod = by_uid;
	else if (!*pod)
		*pod = ref->pod_uid;
	return 0;
}

/* The answer of the host's files, pointing into cn's maps or into ref. */
static int find_names(struct ctnames *cn, const struct container_ref *ref, const char **name,
		      const char **pod)
{
	switch (ref->runtime) {
	case CONTAINER_DOCKER:
		return docker_names(cn, ref, name);
	case CONTAINER_PODMAN:
		return podman_names(cn, ref, name);
	case CONTAINER_CONTAINERD:
	case CONTAINER_CRIO:
		return kube_names(cn, ref, name, pod);
	case CONTAINER_NSPAWN:
	case CONTAINER_LXC:
	case CONTAINER_LIBVIRT_LXC:
		*name = ref->id;
		return 0;
	default:
		return 0;
	}
}

int ctnames_new(int rootfd, struct ctnames **cn)
{
	struct ctnames *c = calloc(1, sizeof(*c));

	if (!c)
		return -ENOMEM;
	c->rootfd = -1;
	if (rootfd >= 0) {
		c->rootfd = fcntl(rootfd, F_DUPFD_CLOEXEC, 0);
		if (c->rootfd < 0) {
			int rc = -errno;

			free(c);
			return rc;
		}
	}
	*cn = c;
	return 0;
}

void ctnames_free(struct ctnames *cn)
{
	if (!cn)
		return;
	if (cn->rootfd >= 0)
		close(cn->rootfd);
	strmap_free(&cn->answers);
	strmap_free(&cn->read);
	strmap_free(&cn->homes);
	strmap_free(&cn->names);
	strmap_free(&cn->logs);
	strmap_free(&cn->pods);
	free(cn);
}

int ctnames_lookup(struct ctnames *cn, const struct container_ref *ref, const char **name,
		   const char **pod)
{
	char key[ANSWER_KEY_MAX];
	const char *n = NULL, *p = NULL;
	struct strmap_entry *e;
	int rc;

	*name = NULL;
	*pod = NULL;
	snprintf(key, sizeof(key), "%d:%d:%u:%s:%s", (int)ref->runtime, ref->in_user_service,
		 (unsigned int)ref->user, ref->pod_uid, ref->id);
	e = strmap_find(&cn->answers, key);
	if (!e) {
		rc = find_names(cn, ref, &n, &p);
		if (!rc)
			rc = strmap_add(&cn->answers, key, n, p, &e);
		if (rc)
			return rc;
	}
	*name = e->name;
	*pod = e->pod;
	return 0;
}
