// SPDX-License-Identifier: LGPL-2.1-or-later
/* The names of containers, from the files their runtimes keep on the host: the cache, and reading. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctnames-int.h"
#include "rootfile.h"

/* Runtime, rootless flag, user, pod uid and id of a ref, the id last as it may hold ':'. */
#define ANSWER_KEY_MAX		(3 * 12 + CONTAINER_POD_UID_MAX + CONTAINER_ID_MAX)

static bool is_lower_hex(char c)
{
	return (c >= 'a' && c <= 'f') || (c >= '0' && c <= '9');
}

bool ctn_lower_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!is_lower_hex(s[i]))
			return false;
	}
	return true;
}

bool ctn_split(char *s, char sep, char **field, size_t n)
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

int ctn_read_text(struct ctnames *cn, const char *path, uid_t owner, char **buf, size_t *len)
{
	int rc;

	*buf = NULL;
	if (cn->rootfd < 0)
		return 0;
	rc = rootfile_read(cn->rootfd, path, owner, CTNAMES_FILE_MAX, buf, len);
	return rc == -ENOMEM ? rc : 0;
}

int ctn_scan_json(struct ctnames *cn, const char *path, uid_t owner, json_string_fn fn,
		  void *ctx)
{
	size_t len;
	char *buf;
	int rc = ctn_read_text(cn, path, owner, &buf, &len);

	if (rc || !buf)
		return rc ? rc : 1;
	rc = json_scan(buf, len, fn, ctx);
	free(buf);
	return rc;
}

int ctn_list_dir(struct ctnames *cn, const char *path,
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

int ctn_read_once(struct ctnames *cn, const char *path, uid_t owner,
		  int (*load)(struct ctnames *cn, const char *path, uid_t owner))
{
	int rc;

	if (strmap_find(&cn->read, path))
		return 0;
	rc = load(cn, path, owner);
	/* on -ENOMEM it stays unread, so that a later lookup can try again */
	return rc ? rc : strmap_add(&cn->read, path, NULL, NULL, NULL);
}

/* The answer of the host's files, pointing into cn's maps or into ref. */
static int find_names(struct ctnames *cn, const struct container_ref *ref, const char **name,
		      const char **pod)
{
	switch (ref->runtime) {
	case CONTAINER_DOCKER:
		return ctn_docker_name(cn, ref, name);
	case CONTAINER_PODMAN:
		return ctn_podman_name(cn, ref, name);
	case CONTAINER_CONTAINERD:
	case CONTAINER_CRIO:
		return ctn_kube_names(cn, ref, name, pod);
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
