// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests of the cgroup file parser and of container recognition. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "c.h"
#include "container.h"
#include "tap.h"

#define STR_LEN(s)	s, sizeof(s) - 1

#define ID_A	"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define ID_B	"fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210"
#define UID	"0f6d2d3a-6a2f-4b0e-9d1c-2f9a4c1b7e55"
#define UID_	"0f6d2d3a_6a2f_4b0e_9d1c_2f9a4c1b7e55"
#define UID_STATIC	"6b4ba2a1c8e1b6a6f0a6c2f8b6d0b0f0"	/* a static pod's, hashed */
#define KUBE_BURSTABLE	\
	"/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" UID_ ".slice"
#define KUBE_BESTEFFORT	\
	"/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod" UID_ ".slice"
#define KUBE_GUARANTEED	"/kubepods.slice/kubepods-pod" UID_ ".slice"
#define ROOTLESS	"/user.slice/user-1000.slice/user@1000.service/user.slice"

/* Short names, so that a row of the tables fits a line. */
enum {
	NONE	= CONTAINER_NONE,
	DOCKER	= CONTAINER_DOCKER,
	CTRD	= CONTAINER_CONTAINERD,
	CRIO	= CONTAINER_CRIO,
	PODMAN	= CONTAINER_PODMAN,
	NSPAWN	= CONTAINER_NSPAWN,
	LXC	= CONTAINER_LXC,
	LVLXC	= CONTAINER_LIBVIRT_LXC,
};

struct row {
	const char *what;
	const char *path;
	int runtime;		/* NONE: -ENOENT */
	const char *id;
	const char *pod;
};

/* Junk in ref first, so that a call that leaves it alone shows. */
static int recognise(const char *path, size_t len, struct container_ref *ref)
{
	memset(ref, 0x55, sizeof(*ref));
	return container_from_cgroup(path, len, ref);
}

static void check_ref(const char *what, const char *path, size_t len, int runtime,
		      const char *id, const char *pod)
{
	struct container_ref ref;
	int rc = recognise(path, len, &ref);

	if (runtime == NONE) {
		is_int(rc, -ENOENT, "%s: no container", what);
		ok(ref.runtime == CONTAINER_NONE && !ref.id[0] && !ref.pod_uid[0],
		   "%s: ref left empty", what);
		return;
	}
	is_int(rc, 0, "%s: found", what);
	is_str(container_runtime_name(ref.runtime), container_runtime_name(runtime),
	       "%s: runtime", what);
	is_str(ref.id, id, "%s: id", what);
	is_str(ref.pod_uid, pod ? pod : "", "%s: pod uid", what);
}

static void check_rows(const struct row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		check_ref(rows[i].what, rows[i].path, strlen(rows[i].path), rows[i].runtime,
			  rows[i].id, rows[i].pod);
}

static void test_runtime_names(void)
{
	is_str(container_runtime_name(CONTAINER_DOCKER), "docker", "name: docker");
	is_str(container_runtime_name(CONTAINER_CONTAINERD), "containerd", "name: containerd");
	is_str(container_runtime_name(CONTAINER_CRIO), "cri-o", "name: cri-o");
	is_str(container_runtime_name(CONTAINER_PODMAN), "podman", "name: podman");
	is_str(container_runtime_name(CONTAINER_NSPAWN), "systemd-nspawn", "name: nspawn");
	is_str(container_runtime_name(CONTAINER_LXC), "lxc", "name: lxc");
	is_str(container_runtime_name(CONTAINER_LIBVIRT_LXC), "libvirt-lxc", "name: libvirt-lxc");
	ok(container_runtime_name(CONTAINER_NONE) == NULL, "name: NONE has none");
	ok(container_runtime_name((enum container_runtime)99) == NULL, "name: out of the enum");
}

static const struct row docker_rows[] = {
	{ "docker cgroupfs", "/docker/" ID_A, DOCKER, ID_A, NULL },
	{ "docker systemd", "/system.slice/docker-" ID_A ".scope", DOCKER, ID_A, NULL },
	{ "docker rootless", ROOTLESS "/docker-" ID_A ".scope", DOCKER, ID_A, NULL },
	{ "docker child cgroup", "/docker/" ID_A "/init.scope", DOCKER, ID_A, NULL },
	{ "docker in docker", "/docker/" ID_A "/docker/" ID_B, DOCKER, ID_B, NULL },
	{ "docker in docker, systemd outside",
	  "/system.slice/docker-" ID_A ".scope/docker/" ID_B, DOCKER, ID_B, NULL },
	{ "docker in docker, systemd both",
	  "/system.slice/docker-" ID_A ".scope/system.slice/docker-" ID_B ".scope",
	  DOCKER, ID_B, NULL },
	{ "docker seen through a cgroupns", "/../docker-" ID_B ".scope", DOCKER, ID_B, NULL },
	{ "docker, two levels up", "/../../system.slice/docker-" ID_A ".scope",
	  DOCKER, ID_A, NULL },
	{ "docker under a pod slice", KUBE_BURSTABLE "/docker-" ID_A ".scope", DOCKER, ID_A, NULL },
	{ "docker id of 63", "/docker/0123456789abcdef0123456789abcdef"
	  "0123456789abcdef0123456789abcde", NONE, NULL, NULL },
	{ "docker id of 65", "/docker/" ID_A "0", NONE, NULL, NULL },
	{ "docker id in upper case", "/docker/0123456789ABCDEF0123456789abcdef"
	  "0123456789abcdef0123456789abcdef", NONE, NULL, NULL },
	{ "docker id with a g", "/system.slice/docker-g123456789abcdef0123456789abcdef"
	  "0123456789abcdef0123456789abcdef.scope", NONE, NULL, NULL },
	{ "docker scope without .scope", "/system.slice/docker-" ID_A, NONE, NULL, NULL },
	{ "docker scope with more after", "/system.slice/docker-" ID_A ".scope.x",
	  NONE, NULL, NULL },
	{ "docker.service", "/system.slice/docker.service", NONE, NULL, NULL },
	{ "/docker alone", "/docker", NONE, NULL, NULL },
	{ "docker id hidden by a cgroupns", "/../" ID_A, NONE, NULL, NULL },
};

static const struct row containerd_rows[] = {
	{ "k8s cgroupfs burstable", "/kubepods/burstable/pod" UID "/" ID_A, CTRD, ID_A, UID },
	{ "k8s cgroupfs besteffort", "/kubepods/besteffort/pod" UID "/" ID_A, CTRD, ID_A, UID },
	{ "k8s cgroupfs guaranteed", "/kubepods/pod" UID "/" ID_A, CTRD, ID_A, UID },
	{ "k8s cgroupfs static pod", "/kubepods/pod" UID_STATIC "/" ID_B, CTRD, ID_B, UID_STATIC },
	{ "k8s systemd burstable", KUBE_BURSTABLE "/cri-containerd-" ID_A ".scope",
	  CTRD, ID_A, UID },
	{ "k8s systemd besteffort", KUBE_BESTEFFORT "/cri-containerd-" ID_A ".scope",
	  CTRD, ID_A, UID },
	{ "k8s systemd guaranteed", KUBE_GUARANTEED "/cri-containerd-" ID_B ".scope",
	  CTRD, ID_B, UID },
	{ "k8s systemd static pod", "/kubepods.slice/kubepods-pod" UID_STATIC ".slice/"
	  "cri-containerd-" ID_A ".scope", CTRD, ID_A, UID_STATIC },
	{ "kind node", "/kubelet.slice/kubelet-kubepods.slice/kubelet-kubepods-besteffort.slice/"
	  "kubelet-kubepods-besteffort-pod" UID_ ".slice/cri-containerd-" ID_A ".scope",
	  CTRD, ID_A, UID },
	{ "k8s systemd, pod uid with dashes", "/kubepods.slice/kubepods-pod" UID ".slice/"
	  "cri-containerd-" ID_A ".scope", CTRD, ID_A, NULL },
	{ "k8s cgroupfs, pod uid with underscores", "/kubepods/pod" UID_ "/" ID_A,
	  NONE, NULL, NULL },
	{ "k8s cgroupfs, pod uid not hex", "/kubepods/pod0f6d2d3a-6a2f-4b0e-9d1c-2f9a4c1b7eXX/"
	  ID_A, NONE, NULL, NULL },
	{ "k8s cgroupfs, pod uid short", "/kubepods/pod0f6d2d3a-6a2f-4b0e-9d1c-2f9a4c1b7e/" ID_A,
	  NONE, NULL, NULL },
	{ "k8s cgroupfs, pod cgroup itself", "/kubepods/burstable/pod" UID, NONE, NULL, NULL },
	{ "k8s systemd, pod slice itself", KUBE_BURSTABLE, NONE, NULL, NULL },
	{ "k8s cgroupfs, child of the container", "/kubepods/pod" UID "/" ID_A "/sub",
	  CTRD, ID_A, UID },
	{ "ctr default namespace", "/default/" ID_A, CTRD, ID_A, NULL },
	{ "ctr k8s.io namespace", "/k8s.io/" ID_A, CTRD, ID_A, NULL },
	{ "ctr, child cgroup", "/default/" ID_A "/init.scope", CTRD, ID_A, NULL },
	{ "nerdctl systemd", "/system.slice/nerdctl-" ID_A ".scope", CTRD, ID_A, NULL },
	{ "containerd in docker", "/docker/" ID_A "/default/" ID_B, CTRD, ID_B, NULL },
	{ "containerd in systemd docker",
	  "/system.slice/docker-" ID_A ".scope/k8s.io/" ID_B, CTRD, ID_B, NULL },
	{ "no namespace deeper down", "/user.slice/x/" ID_A, NONE, NULL, NULL },
	{ "a slice is no namespace", "/system.slice/" ID_A, NONE, NULL, NULL },
	{ "a service is no namespace", "/foo.service/" ID_A, NONE, NULL, NULL },
	{ "kubepods is no namespace", "/kubepods/" ID_A, NONE, NULL, NULL },
	{ "a bad namespace name", "/a..b/" ID_A, NONE, NULL, NULL },
	{ "a namespace with a space", "/a b/" ID_A, NONE, NULL, NULL },
	{ "a namespace through a cgroupns", "/../default/" ID_A, NONE, NULL, NULL },
	{ "a container is no namespace", "/lxc.payload.c1/" ID_A, LXC, "c1", NULL },
	{ "under a container's child", "/docker/" ID_A "/sub/x/" ID_B, DOCKER, ID_A, NULL },
	{ "a short id", "/default/0123456789abcdef", NONE, NULL, NULL },
	{ "containerd.service", "/system.slice/containerd.service", NONE, NULL, NULL },
};

static const struct row crio_rows[] = {
	{ "cri-o cgroupfs", "/kubepods/burstable/pod" UID "/crio-" ID_A, CRIO, ID_A, UID },
	{ "cri-o cgroupfs guaranteed", "/kubepods/pod" UID "/crio-" ID_A, CRIO, ID_A, UID },
	{ "cri-o systemd burstable", KUBE_BURSTABLE "/crio-" ID_A ".scope", CRIO, ID_A, UID },
	{ "cri-o systemd besteffort", KUBE_BESTEFFORT "/crio-" ID_B ".scope", CRIO, ID_B, UID },
	{ "cri-o systemd guaranteed", KUBE_GUARANTEED "/crio-" ID_A ".scope", CRIO, ID_A, UID },
	{ "cri-o, child of the container", KUBE_BURSTABLE "/crio-" ID_A ".scope/container",
	  CRIO, ID_A, UID },
	{ "cri-o outside a pod", "/system.slice/crio-" ID_A ".scope", CRIO, ID_A, NULL },
	{ "cri-o conmon systemd", KUBE_BURSTABLE "/crio-conmon-" ID_A ".scope", NONE, NULL, NULL },
	{ "cri-o conmon cgroupfs", "/kubepods/burstable/pod" UID "/crio-conmon-" ID_A,
	  NONE, NULL, NULL },
	{ "cri-o bad id", KUBE_BURSTABLE "/crio-" ID_A "x.scope", NONE, NULL, NULL },
};

static const struct row podman_rows[] = {
	{ "podman", "/machine.slice/libpod-" ID_A ".scope", PODMAN, ID_A, NULL },
	{ "podman rootless", ROOTLESS "/libpod-" ID_A ".scope", PODMAN, ID_A, NULL },
	{ "podman rootless, nested slice", "/user.slice/user-1000.slice/user@1000.service/"
	  "user.slice/user-libpod_pod_" ID_B ".slice/libpod-" ID_A ".scope", PODMAN, ID_A, NULL },
	{ "podman in a pod", "/machine.slice/machine-libpod_pod_" ID_B ".slice/libpod-" ID_A
	  ".scope", PODMAN, ID_A, NULL },
	{ "podman cgroupfs", "/libpod_parent/libpod-" ID_A, PODMAN, ID_A, NULL },
	{ "podman, the container's init cgroup", "/machine.slice/libpod-" ID_A ".scope/container",
	  PODMAN, ID_A, NULL },
	{ "podman conmon", "/machine.slice/libpod-conmon-" ID_A ".scope", NONE, NULL, NULL },
	{ "podman conmon rootless", ROOTLESS "/libpod-conmon-" ID_A ".scope", NONE, NULL, NULL },
	{ "podman conmon in docker", "/docker/" ID_A "/machine.slice/libpod-conmon-" ID_B ".scope",
	  DOCKER, ID_A, NULL },
	{ "podman in podman", "/machine.slice/libpod-" ID_A ".scope/container/machine.slice/"
	  "libpod-" ID_B ".scope", PODMAN, ID_B, NULL },
};

static const struct row nspawn_rows[] = {
	{ "nspawn machine", "/machine.slice/machine-ubuntu.scope", NSPAWN, "ubuntu", NULL },
	{ "nspawn escaped dash", "/machine.slice/machine-my\\x2dbox.scope",
	  NSPAWN, "my-box", NULL },
	{ "nspawn escape in upper case", "/machine.slice/machine-my\\x2Dbox.scope",
	  NSPAWN, "my-box", NULL },
	{ "nspawn payload", "/machine.slice/machine-my\\x2dbox.scope/payload",
	  NSPAWN, "my-box", NULL },
	{ "nspawn supervisor", "/machine.slice/machine-my\\x2dbox.scope/supervisor",
	  NSPAWN, "my-box", NULL },
	{ "nspawn, systemd inside", "/machine.slice/machine-deb.scope/payload/system.slice/"
	  "cron.service", NSPAWN, "deb", NULL },
	{ "nspawn service", "/machine.slice/systemd-nspawn@deb\\x2dtest.service",
	  NSPAWN, "deb-test", NULL },
	{ "nspawn service payload", "/machine.slice/systemd-nspawn@deb\\x2dtest.service/payload",
	  NSPAWN, "deb-test", NULL },
	{ "nspawn service of an lxc- name", "/machine.slice/systemd-nspawn@lxc\\x2d1\\x2dx.service",
	  NSPAWN, "lxc-1-x", NULL },
	{ "nspawn dots and colons", "/machine.slice/machine-a.b:c_d.scope", NSPAWN, "a.b:c_d",
	  NULL },
	{ "nspawn escaped space and UTF-8", "/machine.slice/machine-a\\x20\\xc3\\xa9.scope",
	  NSPAWN, "a \xc3\xa9", NULL },
	{ "docker in nspawn", "/machine.slice/machine-deb.scope/payload/docker/" ID_A,
	  DOCKER, ID_A, NULL },
	{ "nspawn through a cgroupns", "/../machine-deb.scope", NSPAWN, "deb", NULL },
	{ "escape cut at the end", "/machine.slice/machine-ab\\x2.scope", NONE, NULL, NULL },
	{ "escape without digits", "/machine.slice/machine-ab\\x.scope", NONE, NULL, NULL },
	{ "escape with a bad digit", "/machine.slice/machine-ab\\x2g.scope", NONE, NULL, NULL },
	{ "escape not \\x", "/machine.slice/machine-ab\\y41.scope", NONE, NULL, NULL },
	{ "a lone backslash", "/machine.slice/machine-ab\\.scope", NONE, NULL, NULL },
	{ "a raw dash is a '/'", "/machine.slice/machine-my-box.scope", NONE, NULL, NULL },
	{ "an escaped '/'", "/machine.slice/machine-a\\x2fb.scope", NONE, NULL, NULL },
	{ "an escaped NUL", "/machine.slice/machine-a\\x00b.scope", NONE, NULL, NULL },
	{ "an escaped newline", "/machine.slice/machine-a\\x0ab.scope", NONE, NULL, NULL },
	{ "an escaped DEL", "/machine.slice/machine-a\\x7f.scope", NONE, NULL, NULL },
	{ "a raw space", "/machine.slice/machine-a b.scope", NONE, NULL, NULL },
	{ "a raw byte above ASCII", "/machine.slice/machine-\xc3\xa9.scope", NONE, NULL, NULL },
	{ "an empty machine name", "/machine.slice/machine-.scope", NONE, NULL, NULL },
	{ "an empty instance", "/machine.slice/systemd-nspawn@.service", NONE, NULL, NULL },
	{ "a machine slice, not scope", "/machine.slice/machine-deb.slice", NONE, NULL, NULL },
	{ "a QEMU machine", "/machine.slice/machine-qemu\\x2d1\\x2dvm1.scope", NONE, NULL, NULL },
	{ "machine.slice itself", "/machine.slice", NONE, NULL, NULL },
};

static const struct row lxc_rows[] = {
	{ "lxc payload", "/lxc.payload.c1", LXC, "c1", NULL },
	{ "lxc payload dir", "/lxc.payload/c1", LXC, "c1", NULL },
	{ "lxc old", "/lxc/c1", LXC, "c1", NULL },
	{ "lxc nested", "/lxc.payload.outer/lxc.payload.inner", LXC, "inner", NULL },
	{ "lxc nested old", "/lxc/outer/lxc/inner", LXC, "inner", NULL },
	{ "lxc nested three deep", "/lxc.payload.a/lxc.payload.b/lxc.payload.c", LXC, "c", NULL },
	{ "lxc, systemd inside", "/lxc.payload.c1/init.scope", LXC, "c1", NULL },
	{ "lxc name with dots and dashes", "/lxc.payload.my-ct.v2", LXC, "my-ct.v2", NULL },
	{ "lxc names are not escaped", "/lxc.payload.a\\x2db", LXC, "a\\x2db", NULL },
	{ "lxc name with a space", "/lxc.payload.a b", LXC, "a b", NULL },
	{ "lxc monitor", "/lxc.monitor.c1", NONE, NULL, NULL },
	{ "lxc monitor of a nested one", "/lxc.payload.c1/lxc.monitor.c2", LXC, "c1", NULL },
	{ "lxc empty name", "/lxc.payload.", NONE, NULL, NULL },
	{ "lxc name with a tab", "/lxc.payload.a\tb", NONE, NULL, NULL },
	{ "lxc name with a CR", "/lxc.payload.c1\r", NONE, NULL, NULL },
	{ "lxc dir alone", "/lxc", NONE, NULL, NULL },
	{ "lxc through a cgroupns", "/../lxc.payload.c2", LXC, "c2", NULL },
	{ "docker in lxc", "/lxc.payload.c1/docker/" ID_A, DOCKER, ID_A, NULL },
};

static const struct row libvirt_rows[] = {
	{ "libvirt-lxc", "/machine.slice/machine-lxc\\x2d4242\\x2dweb.scope", LVLXC, "web", NULL },
	{ "libvirt-lxc name with a dash", "/machine.slice/machine-lxc\\x2d1\\x2dmy\\x2dct.scope",
	  LVLXC, "my-ct", NULL },
	{ "libvirt-lxc child", "/machine.slice/machine-lxc\\x2d7\\x2dweb.scope/libvirt",
	  LVLXC, "web", NULL },
	{ "libvirt-lxc cgroupfs", "/libvirt/lxc/web", LVLXC, "web", NULL },
	{ "libvirt-lxc old name", "/machine.slice/machine-lxc\\x2dweb.scope", NONE, NULL, NULL },
	{ "libvirt-lxc empty name", "/machine.slice/machine-lxc\\x2d12\\x2d.scope",
	  NONE, NULL, NULL },
	{ "libvirt-lxc no id", "/machine.slice/machine-lxc\\x2d\\x2dweb.scope", NONE, NULL, NULL },
	{ "libvirt qemu cgroupfs", "/libvirt/qemu/vm1", NONE, NULL, NULL },
};

static const struct row other_rows[] = {
	{ "a session", "/user.slice/user-1000.slice/session-2.scope", NONE, NULL, NULL },
	{ "init.scope", "/init.scope", NONE, NULL, NULL },
	{ "the root", "/", NONE, NULL, NULL },
	{ "cgroupns root's parent", "/..", NONE, NULL, NULL },
	{ "two levels up only", "/../..", NONE, NULL, NULL },
	{ "a service", "/system.slice/sshd.service", NONE, NULL, NULL },
	{ "an empty component", "/docker//" ID_A, NONE, NULL, NULL },
	{ "a trailing slash", "/docker/" ID_A "/", NONE, NULL, NULL },
	{ "a '.' component", "/docker/./" ID_A, NONE, NULL, NULL },
	{ "'..' after a name", "/docker/" ID_A "/../" ID_B, NONE, NULL, NULL },
	{ "'..' at the end", "/docker/" ID_A "/..", NONE, NULL, NULL },
	{ "a CR after the id", "/docker/" ID_A "\r", NONE, NULL, NULL },
	{ "bytes above ASCII", "/\xff\xfe/\x80", NONE, NULL, NULL },
};

static void test_bad_paths(void)
{
	static const char nul_end[] = "/docker/" ID_A "\0";
	static const char nul_mid[] = "/x\0y/docker/" ID_A;
	struct container_ref ref;

	is_int(recognise("", 0, &ref), -EINVAL, "path: empty is not absolute");
	ok(ref.runtime == CONTAINER_NONE && !ref.id[0], "path: empty leaves ref empty");
	is_int(recognise(STR_LEN("docker/" ID_A), &ref), -EINVAL, "path: relative");
	ok(ref.runtime == CONTAINER_NONE && !ref.id[0] && !ref.pod_uid[0],
	   "path: relative leaves ref empty");
	is_int(recognise(STR_LEN("../docker/" ID_A), &ref), -EINVAL, "path: relative '..'");
	is_int(recognise(STR_LEN(nul_end), &ref), -ENOENT, "path: a NUL after the id");
	is_int(recognise(STR_LEN(nul_mid), &ref), -ENOENT, "path: a NUL in a component");
	/* the length, not a NUL, ends the path */
	is_int(recognise("/docker/" ID_A "/junk", 8 + 64, &ref), 0, "path: len ends it");
	is_str(ref.id, ID_A, "path: len ends it, id");
	is_int(recognise("/docker/" ID_A, 8 + 63, &ref), -ENOENT, "path: len cuts the id");
}

/* A name of n bytes, under prefix. */
static char *long_name_path(const char *prefix, const char *unit, size_t n, const char *suffix)
{
	size_t plen = strlen(prefix), ulen = strlen(unit), slen = strlen(suffix);
	char *p = malloc(plen + n * ulen + slen + 1);
	size_t len = plen;

	if (!p)
		bail_out("out of memory");
	memcpy(p, prefix, plen);
	for (size_t i = 0; i < n; i++, len += ulen)
		memcpy(p + len, unit, ulen);
	memcpy(p + len, suffix, slen + 1);
	return p;
}

static void test_long_names(void)
{
	char *path;
	char want[CONTAINER_ID_MAX * 2];

	memset(want, 'x', sizeof(want));
	want[CONTAINER_ID_MAX - 1] = '\0';
	path = long_name_path("/lxc.payload.", "x", CONTAINER_ID_MAX - 1, "");
	check_ref("lxc name of 255", path, strlen(path), LXC, want, NULL);
	free(path);
	path = long_name_path("/lxc.payload.", "x", CONTAINER_ID_MAX, "");
	check_ref("lxc name of 256", path, strlen(path), NONE, NULL, NULL);
	free(path);
	path = long_name_path("/machine.slice/machine-", "x", CONTAINER_ID_MAX - 1, ".scope");
	check_ref("machine name of 255", path, strlen(path), NSPAWN, want, NULL);
	free(path);
	path = long_name_path("/machine.slice/machine-", "x", CONTAINER_ID_MAX, ".scope");
	check_ref("machine name of 256", path, strlen(path), NONE, NULL, NULL);
	free(path);

	/* 100 escapes of 4 bytes: 400 written, 100 kept */
	memset(want, '-', 100);
	want[100] = '\0';
	path = long_name_path("/machine.slice/machine-", "\\x2d", 100, ".scope");
	check_ref("machine name escaped to 100", path, strlen(path), NSPAWN, want, NULL);
	free(path);
	path = long_name_path("/machine.slice/machine-", "\\x2d", CONTAINER_ID_MAX, ".scope");
	check_ref("machine name escaped to 256", path, strlen(path), NONE, NULL, NULL);
	free(path);
}

static void test_long_paths(void)
{
	char *path;

	/* 1 MiB of components above the container */
	path = long_name_path("", "/x", 512 * 1024, "/docker/" ID_A);
	check_ref("1 MiB path", path, strlen(path), DOCKER, ID_A, NULL);
	free(path);
	/* 1 MiB in one component */
	path = long_name_path("/", "x", 1024 * 1024, "");
	check_ref("1 MiB component", path, strlen(path), NONE, NULL, NULL);
	free(path);
	/* docker in docker, 2000 deep: the innermost is ID_B */
	path = long_name_path("", "/docker/" ID_A, 2000, "/docker/" ID_B "/x");
	check_ref("docker 2000 deep", path, strlen(path), DOCKER, ID_B, NULL);
	free(path);
	path = long_name_path("", "/lxc.payload.c", 5000, "/lxc.payload.last");
	check_ref("lxc 5000 deep", path, strlen(path), LXC, "last", NULL);
	free(path);
}

/* cgroup_path_parse gives want, or -ENOENT when want is NULL. */
static void check_file(const char *what, const char *data, size_t len, const char *want)
{
	const char *path = NULL;
	size_t n = 0;
	int rc = cgroup_path_parse(data, len, &path, &n);

	if (!want) {
		is_int(rc, -ENOENT, "%s: no path", what);
		return;
	}
	is_int(rc, 0, "%s: a path", what);
	ok(rc == 0 && path >= data && path + n <= data + len, "%s: path within the data", what);
	ok(rc == 0 && n == strlen(want) && memcmp(path, want, n) == 0, "%s: path is %s", what,
	   want);
}

#define CHECK_FILE(what, text, want)	check_file(what, STR_LEN(text), want)

static void test_cgroup_file(void)
{
	CHECK_FILE("v2 only", "0::/system.slice/docker-" ID_A ".scope\n",
		   "/system.slice/docker-" ID_A ".scope");
	CHECK_FILE("hybrid, v2 has the path", "12:cpuset:/\n1:name=systemd:/init.scope\n"
		   "0::/system.slice/sshd.service\n", "/system.slice/sshd.service");
	CHECK_FILE("hybrid, v2 is /", "12:memory:/docker/" ID_A "\n1:name=systemd:/docker/" ID_A
		   "\n0::/\n", "/docker/" ID_A);
	CHECK_FILE("hybrid, v2 line first", "0::/\n1:name=systemd:/lxc/c1\n", "/lxc/c1");
	CHECK_FILE("v1 only", "11:memory:/docker/" ID_B "\n2:cpu,cpuacct:/docker/" ID_B "\n"
		   "1:name=systemd:/docker/" ID_A "\n", "/docker/" ID_A);
	CHECK_FILE("name=systemd among controllers", "3:cpu,name=systemd:/p\n", "/p");
	CHECK_FILE("name=systemd2 is another", "1:name=systemd2:/p\n", NULL);
	CHECK_FILE("v2 is / and no name=systemd", "0::/\n", "/");
	CHECK_FILE("v2 empty, name=systemd", "0::\n1:name=systemd:/a\n", "/a");
	CHECK_FILE("v2 empty alone", "0::\n", NULL);
	CHECK_FILE("name=systemd empty", "1:name=systemd:\n", NULL);
	CHECK_FILE("neither", "12:cpuset:/x\n11:memory:/y\n", NULL);
	CHECK_FILE("empty file", "", NULL);
	CHECK_FILE("a path with ':' and ' '", "0::/a:b c\n", "/a:b c");
	CHECK_FILE("no final newline", "0::/docker/" ID_A, NULL);
	CHECK_FILE("v2 line cut, name=systemd whole", "1:name=systemd:/a\n0::/doc", "/a");
	CHECK_FILE("a bare 0::", "0::", NULL);
	CHECK_FILE("CRLF keeps the CR", "0::/x\r\n", "/x\r");
	CHECK_FILE("garbage lines", "garbage\n:::\n0:/x\nx::/y\n:0::/q\n0::/z\n", "/z");
	CHECK_FILE("00 is not hierarchy 0", "00::/z\n", NULL);
	CHECK_FILE("10 is not hierarchy 0", "10::/z\n", NULL);
	CHECK_FILE("v2 with controllers is not v2", "0:cpu:/z\n", NULL);
	CHECK_FILE("blank lines", "\n\n0::/z\n\n", "/z");
	CHECK_FILE("two v2 lines", "0::/a\n0::/docker/" ID_A "\n", NULL);
	CHECK_FILE("forged v2 line in a name", "1:name=systemd:/a\n0::/docker/" ID_A "\n0::/\n",
		   NULL);
	CHECK_FILE("two name=systemd lines", "1:name=systemd:/a\n1:name=systemd:/b\n0::/\n", NULL);
	CHECK_FILE("two name=systemd lines, v2 decides", "1:name=systemd:/a\n"
		   "1:name=systemd:/b\n0::/c\n", "/c");
}

static void test_cgroup_file_bytes(void)
{
	static const char nul_path[] = "0::/a\0b\n";
	static const char nul_before[] = "x\0y\n0::/z\n";
	const char *path;
	struct container_ref ref;
	size_t n, len;
	char *big;

	check_file("NUL in an earlier line", STR_LEN(nul_before), "/z");
	is_int(cgroup_path_parse(STR_LEN(nul_path), &path, &n), 0, "NUL in the path: a path");
	is_int(n, 4, "NUL in the path: its length");
	is_int(recognise(path, n, &ref), -ENOENT, "NUL in the path: no container");

	/* a CRLF file's path ends in CR: no container, not a cut id */
	is_int(cgroup_path_parse(STR_LEN("0::/docker/" ID_A "\r\n"), &path, &n), 0, "CRLF: path");
	is_int(recognise(path, n, &ref), -ENOENT, "CRLF: no container");

	/* 4 MiB of one garbage line before the real one */
	len = 4 << 20;
	big = malloc(len + 100);
	if (!big)
		bail_out("out of memory");
	memset(big, 'g', len);
	big[len - 1] = '\n';
	len += (size_t)sprintf(big + len, "0::/docker/%s\n", ID_A);
	is_int(cgroup_path_parse(big, len, &path, &n), 0, "4 MiB garbage line: a path");
	is_int(recognise(path, n, &ref), 0, "4 MiB garbage line: a container");
	is_str(ref.id, ID_A, "4 MiB garbage line: its id");
	/* and the same with no newline anywhere */
	memset(big, '0', len);
	big[1] = big[2] = ':';
	big[3] = '/';
	is_int(cgroup_path_parse(big, len, &path, &n), -ENOENT, "4 MiB line with no newline");
	free(big);
}

/* A rootless engine's container: the uid of the user@UID.service above it. */
static void check_user(const char *what, const char *path, bool in_user, uid_t user)
{
	struct container_ref ref;

	is_int(recognise(path, strlen(path), &ref), 0, "%s: found", what);
	ok(ref.in_user_service == in_user, "%s: user service %s", what, in_user ? "seen" : "none");
	is_int((int)ref.user, (int)user, "%s: its uid", what);
}

static void test_user_services(void)
{
	check_user("podman rootless", ROOTLESS "/libpod-" ID_A ".scope", true, 1000);
	check_user("docker rootless", ROOTLESS "/docker-" ID_A ".scope", true, 1000);
	check_user("rootless, user 0", "/user.slice/user-0.slice/user@0.service/libpod-" ID_A
		   ".scope", true, 0);
	check_user("rootful podman", "/machine.slice/libpod-" ID_A ".scope", false, 0);
	check_user("uid too large", "/user.slice/user@4294967295.service/libpod-" ID_A ".scope",
		   false, 0);
	check_user("not a number", "/user.slice/user@10x0.service/libpod-" ID_A ".scope",
		   false, 0);
	check_user("user@.service", "/user.slice/user@.service/libpod-" ID_A ".scope", false, 0);
	check_user("user service below the container",
		   "/machine.slice/libpod-" ID_A ".scope/user@1000.service", false, 0);
}

int main(void)
{
	test_runtime_names();
	check_rows(docker_rows, ARRAY_SIZE(docker_rows));
	check_rows(containerd_rows, ARRAY_SIZE(containerd_rows));
	check_rows(crio_rows, ARRAY_SIZE(crio_rows));
	check_rows(podman_rows, ARRAY_SIZE(podman_rows));
	check_rows(nspawn_rows, ARRAY_SIZE(nspawn_rows));
	check_rows(lxc_rows, ARRAY_SIZE(lxc_rows));
	check_rows(libvirt_rows, ARRAY_SIZE(libvirt_rows));
	check_rows(other_rows, ARRAY_SIZE(other_rows));
	test_bad_paths();
	test_long_names();
	test_long_paths();
	test_cgroup_file();
	test_cgroup_file_bytes();
	test_user_services();
	return done_testing();
}
