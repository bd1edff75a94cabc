/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Container identity: the runtime and container that a process's cgroup names. */
#ifndef PIDNS_CONTAINER_H
#define PIDNS_CONTAINER_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

enum container_runtime {
	CONTAINER_NONE,
	CONTAINER_DOCKER,
	CONTAINER_CONTAINERD,
	CONTAINER_CRIO,
	CONTAINER_PODMAN,
	CONTAINER_NSPAWN,
	CONTAINER_LXC,
	CONTAINER_LIBVIRT_LXC,
};

/*
 * "docker", "containerd", "cri-o", "podman", "systemd-nspawn", "lxc",
 * "libvirt-lxc"; NULL for CONTAINER_NONE and for values out of the enum.
 */
const char *container_runtime_name(enum container_runtime rt);

/*
 * The cgroup path of a process from the text of /proc/PID/cgroup (data, len;
 * not necessarily NUL-terminated): the cgroup v2 line "0::PATH"; where that
 * line is absent, empty or "/" (cgroup v1 and hybrid hosts), the path of the
 * "ID:name=systemd:PATH" line; where neither is there, "/" from the v2 line.
 * The kernel ends every line with a newline: a last line without one may have
 * been cut short, and is ignored.  Two lines of one hierarchy mean a cgroup
 * name held a newline and either line may be forged: that file gives no path.
 * Returns 0 with *path and *pathlen pointing into data, or -ENOENT.
 */
int cgroup_path_parse(const char *data, size_t len, const char **path, size_t *pathlen);

/* The longest id or name we keep, with its NUL; a longer one is no match. */
#define CONTAINER_ID_MAX	256
#define CONTAINER_POD_UID_MAX	40

struct container_ref {
	enum container_runtime runtime;
	char id[CONTAINER_ID_MAX];	/* full 64-hex id, or the machine / LXC name, unescaped */
	char pod_uid[CONTAINER_POD_UID_MAX];	/* Kubernetes pod uid with '-', or "" */
	bool in_user_service;	/* below systemd's user@UID.service: a user's own engine's */
	uid_t user;		/* that UID, else 0 */
};

/*
 * Recognise the container in a cgroup path (path, len), as the cgroupfs and
 * systemd drivers of docker, containerd (CRI, ctr, nerdctl), CRI-O, podman,
 * systemd-nspawn, LXC and libvirt-lxc name it.  A path seen through a cgroup
 * namespace may begin with "/.." components; cgroups below a container's are
 * still that container's; a container nested in a container repeats a
 * pattern, and the innermost is reported.  A container below a user@UID.service
 * (a rootless engine's) has in_user_service and user set.  The monitors (conmon, lxc.monitor)
 * and libvirt's QEMU machines are no container.  Returns 0 (ref filled),
 * -ENOENT (no pattern fits: ref->runtime is CONTAINER_NONE, id and pod_uid
 * empty), or -EINVAL (likewise) for a path that is not absolute.
 */
int container_from_cgroup(const char *path, size_t len, struct container_ref *ref);

/*
 * Whether a and b are the same container: runtime and id, and the same
 * user's engine (a user may name a cgroup of theirs as root's container).
 */
bool container_same(const struct container_ref *a, const struct container_ref *b);

struct procfs;

/*
 * The cgroup path of process pid as the reader sees it (relative to the
 * reader's cgroup namespace) and the container it names.  *cgroup, when not
 * NULL, gets the path allocated.  Returns 0 (ref->runtime CONTAINER_NONE when
 * no container fits), -ENOENT (the file gives no path), -ENOMEM, or the errors
 * of procfs_read_file(); *cgroup is left alone on error.
 */
int container_of_process(struct procfs *pfs, pid_t pid, char **cgroup,
			 struct container_ref *ref);

#endif /* PIDNS_CONTAINER_H */
