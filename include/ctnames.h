/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The names of containers, from the files their runtimes keep on the host. */
#ifndef PIDNS_CTNAMES_H
#define PIDNS_CTNAMES_H

#include "container.h"

/* Bigger runtime files are not read (a name is then unknown, never a guess). */
#define CTNAMES_FILE_MAX	(16 * 1024 * 1024)

/* What the files below one host root say, read when first asked and kept. */
struct ctnames;

/*
 * rootfd is the host's root directory (an O_PATH fd will do), which the
 * cache dups; -1 for none: then only the names a cgroup path holds are known.
 * Returns 0, -ENOMEM, or the negative errno of that dup (-EBADF, -EMFILE).
 */
int ctnames_new(int rootfd, struct ctnames **cn);
void ctnames_free(struct ctnames *cn);

/*
 * The name of a container and, for Kubernetes', its pod, as the host's files say:
 *   docker          var/lib/docker/containers/ID/config.v2.json "Name", less its '/';
 *                   for a rootless engine (ref->in_user_service), the user's
 *                   ~/.local/share/docker/containers/ID/config.v2.json, the home from etc/passwd
 *   podman          "names"[0] of ID in var/lib/containers/storage/overlay-containers/
 *                   containers.json, or rootless, ~/.local/share/containers/storage/
 *                   overlay-containers/containers.json
 *   containerd,     the name CONTAINER and pod NAMESPACE/POD of the kubelet's
 *   cri-o           var/log/containers/POD_NAMESPACE_CONTAINER-ID.log; the pod of
 *                   ref->pod_uid from var/log/pods/NAMESPACE_POD_UID; else the pod uid
 *   systemd-nspawn, the name in the cgroup path (ref->id)
 *   lxc, libvirt-lxc
 * Every path resolves inside the root (openat2 RESOLVE_IN_ROOT), only regular
 * files and directories are read, and the JSON is parsed strictly (see
 * json_scan(): a key twice in one object refuses the file).  A name must be
 * one the runtime allows (Docker's and podman's [A-Za-z0-9][A-Za-z0-9_.-]*,
 * Kubernetes' DNS labels and subdomains); a file that is missing, too big,
 * not JSON, of another shape, or a name of another form, leaves it unknown.
 *
 * *name and *pod are NULL when unknown, else point into cn until ctnames_free().
 * Each file is read at most once per cn, and so is a container's answer.
 * Returns 0, or -ENOMEM (nothing else: what cannot be read is unknown).
 */
int ctnames_lookup(struct ctnames *cn, const struct container_ref *ref, const char **name,
		   const char **pod);

#endif /* PIDNS_CTNAMES_H */
