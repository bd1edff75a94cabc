// SPDX-License-Identifier: GPL-2.0-or-later
/* libFuzzer harness: /proc/PID/cgroup text, and cgroup paths. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "container.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int cond)
{
	if (!cond)
		__builtin_trap();
}

static int is_lower_hex_id(const char *id)
{
	size_t n = strlen(id);

	return n == 64 && strspn(id, "0123456789abcdef") == n;
}

/* A pod uid is a UUID or 32 hex digits, written with dashes. */
static int is_pod_uid(const char *uid)
{
	size_t n = strlen(uid);

	if (n == 32)
		return strspn(uid, "0123456789abcdef") == n;
	if (n != 36)
		return 0;
	for (size_t i = 0; i < n; i++) {
		int dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? uid[i] != '-' : !strchr("0123456789abcdef", uid[i]))
			return 0;
	}
	return 1;
}

static void check_ref(const char *path, size_t len, int rc, const struct container_ref *ref)
{
	enum container_runtime rt = ref->runtime;
	size_t idlen;

	check(rc == 0 || rc == -ENOENT || rc == -EINVAL);
	check((rc == -EINVAL) == (!len || path[0] != '/'));
	check(memchr(ref->id, '\0', sizeof(ref->id)) != NULL);
	check(memchr(ref->pod_uid, '\0', sizeof(ref->pod_uid)) != NULL);
	if (rc) {
		check(rt == CONTAINER_NONE && !ref->id[0] && !ref->pod_uid[0]);
		return;
	}
	check(rt != CONTAINER_NONE && container_runtime_name(rt) != NULL);
	idlen = strlen(ref->id);
	check(idlen > 0);
	for (size_t i = 0; i < idlen; i++) {
		unsigned char c = (unsigned char)ref->id[i];

		check(c >= 0x20 && c != 0x7f && c != '/');
	}
	if (rt == CONTAINER_DOCKER || rt == CONTAINER_CONTAINERD || rt == CONTAINER_CRIO ||
	    rt == CONTAINER_PODMAN)
		check(is_lower_hex_id(ref->id) && memmem(path, len, ref->id, 64));
	if (rt == CONTAINER_LXC)
		check(memmem(path, len, ref->id, idlen) != NULL);
	if (ref->pod_uid[0])
		check((rt == CONTAINER_CONTAINERD || rt == CONTAINER_CRIO) &&
		      is_pod_uid(ref->pod_uid));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct container_ref ref;
	const char *path = NULL;
	size_t pathlen = 0;
	int rc;

	rc = cgroup_path_parse(text, size, &path, &pathlen);
	check(rc == 0 || rc == -ENOENT);
	if (!rc) {
		check(path >= text && pathlen > 0 && pathlen <= size &&
		      (size_t)(path - text) <= size - pathlen);
		memset(&ref, 0x55, sizeof(ref));
		check_ref(path, pathlen, container_from_cgroup(path, pathlen, &ref), &ref);
	}
	/* the input itself as a path */
	memset(&ref, 0x55, sizeof(ref));
	check_ref(text, size, container_from_cgroup(text, size, &ref), &ref);
	return 0;
}
