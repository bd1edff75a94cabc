// SPDX-License-Identifier: GPL-2.0-or-later
/* Unit tests of the container names, read from host root trees made here. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ctnames.h"
#include "tap.h"
#include "tmptree.h"

#define ID_LEN	64

static void put(int dirfd, const char *path, const char *text)
{
	tree_put(dirfd, path, text, strlen(text));
}

static void put_link(int dirfd, const char *path, const char *target)
{
	tree_parents(dirfd, path);
	if (symlinkat(target, dirfd, path))
		bail_out("symlink in the tree failed");
}

static void put_dir(int dirfd, const char *path)
{
	char buf[4096];

	snprintf(buf, sizeof(buf), "%s/", path);
	tree_parents(dirfd, buf);
}

/* A 64-hex id that differs for each n. */
static void make_id(char *out, unsigned int n)
{
	snprintf(out, ID_LEN + 1, "%056x%08x", 0xc0ffeeu, n);
}

static struct container_ref ref_of(enum container_runtime rt, const char *id, const char *pod_uid)
{
	struct container_ref ref;

	memset(&ref, 0, sizeof(ref));
	ref.runtime = rt;
	snprintf(ref.id, sizeof(ref.id), "%s", id);
	snprintf(ref.pod_uid, sizeof(ref.pod_uid), "%s", pod_uid);
	return ref;
}

static struct container_ref docker_ref(unsigned int n)
{
	char id[ID_LEN + 1];

	make_id(id, n);
	return ref_of(CONTAINER_DOCKER, id, "");
}

static struct container_ref user_ref(struct container_ref ref, uid_t user)
{
	ref.in_user_service = true;
	ref.user = user;
	return ref;
}

static void docker_path(unsigned int n, const char *home, char *out, size_t size)
{
	char id[ID_LEN + 1];

	make_id(id, n);
	if (home)
		snprintf(out, size, "%s/.local/share/docker/containers/%s/config.v2.json", home,
			 id);
	else
		snprintf(out, size, "var/lib/docker/containers/%s/config.v2.json", id);
}

/* A file of user uid's, as the files of a user's own engine are. */
static void put_owned(int dirfd, const char *path, const char *text, uid_t uid)
{
	put(dirfd, path, text);
	if (fchownat(dirfd, path, uid, uid, AT_SYMLINK_NOFOLLOW))
		bail_out("chown in the tree failed");
}

/* config.v2.json of container n of the root's docker, or of user uid's below home. */
static void put_docker(int dirfd, const char *home, uid_t uid, unsigned int n, const char *json)
{
	char path[4096];

	docker_path(n, home, path, sizeof(path));
	put_owned(dirfd, path, json, uid);
}

static struct ctnames *names_of(int dirfd)
{
	int rootfd = openat(dirfd, ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
	struct ctnames *cn;

	if (rootfd < 0)
		bail_out("O_PATH open of a case root failed");
	if (ctnames_new(rootfd, &cn))
		bail_out("ctnames_new failed");
	/* the cache has its own fd: closing ours must not matter */
	close(rootfd);
	return cn;
}

/* One check of a lookup: rc 0, and the name and pod wanted (NULL for unknown). */
static void lookup_is(struct ctnames *cn, const struct container_ref *ref, const char *want_name,
		      const char *want_pod, const char *what)
{
	const char *name = "untouched", *pod = "untouched";
	int rc = ctnames_lookup(cn, ref, &name, &pod);
	int pass = rc == 0 && (name && want_name ? !strcmp(name, want_name) : name == want_name) &&
		   (pod && want_pod ? !strcmp(pod, want_pod) : pod == want_pod);

	tap_result(pass, "%s", what);
	if (!pass)
		printf("# rc %d, name '%s', pod '%s'; want name '%s', pod '%s'\n", rc,
		       name ? name : "(null)", pod ? pod : "(null)",
		       want_name ? want_name : "(null)", want_pod ? want_pod : "(null)");
}

/* A fresh cache per check, for trees whose answers are checked one by one. */
static void fresh_is(int dirfd, const struct container_ref *ref, const char *want_name,
		     const char *want_pod, const char *what)
{
	struct ctnames *cn = names_of(dirfd);

	lookup_is(cn, ref, want_name, want_pod, what);
	ctnames_free(cn);
}

static void docker_json_is(const char *json, const char *want, const char *what)
{
	static unsigned int n = 1000;
	struct container_ref ref = docker_ref(++n);
	char label[256];
	int d;

	snprintf(label, sizeof(label), "docker-json-%u", n);
	d = tree_subdir(label);
	put_docker(d, NULL, 0, n, json);
	snprintf(label, sizeof(label), "docker: %s", what);
	fresh_is(d, &ref, want, NULL, label);
	close(d);
}

static void test_docker(void)
{
	char target[4096], link[4200];
	struct container_ref ref = docker_ref(1);
	struct ctnames *cn;
	int d = tree_subdir("docker");

	put_docker(d, NULL, 0, 1, "{\"ID\": \"x\", \"Name\": \"/web\", \"State\": {\"Up\": true}}");
	put_docker(d, NULL, 0, 2, "{\"Name\": \"/rootful\"}");
	put_docker(d, "home/alice", 1000, 2, "{\"Name\": \"/rootless-web\"}");
	put_docker(d, "home/alice", 1000, 3, "{\"Name\": \"/only-rootless\"}");
	put_docker(d, "srv/bob", 1001, 4, "{\"Name\": \"/bobs\"}");
	put_docker(d, "first", 1002, 5, "{\"Name\": \"/first-home\"}");
	put_docker(d, "second", 1002, 5, "{\"Name\": \"/second-home\"}");
	put_docker(d, ".", 1003, 6, "{\"Name\": \"/r\"}");
	put_docker(d, "relhome", 1004, 7, "{\"Name\": \"/rel\"}");
	put_docker(d, "home/alice", 0, 8, "{\"Name\": \"/planted\"}");
	put_docker(d, NULL, 0, 9, "{\"Name\": \"/roots\"}");
	docker_path(9, NULL, target, sizeof(target));
	docker_path(9, "home/alice", link, sizeof(link));
	put_link(d, link, target);
	/* where an id of "../../../../srv" would lead */
	put(d, "srv/config.v2.json", "{\"Name\": \"/traversal\"}");
	put(d, "etc/passwd",
	    "root:x:0:0:root:/root:/bin/bash\n"
	    "alice:x:1000:1000:Alice,,,:/home/alice:/bin/bash\n"
	    "bob:x:1001:1001::///srv//bob/:/bin/sh\n"
	    "dup:x:1002:1002::/first:/bin/sh\n"
	    "dup2:x:1002:1002::/second:/bin/sh\n"
	    "slash:x:1003:1003::/:/bin/sh\n"
	    "rel:x:1004:1004::relhome:/bin/sh\n"
	    "long:x:1005:1005::/home/alice:/bin/sh:extra\n"
	    "short:x:1006:1006::/home/alice\n"
	    "+::::::\n"
	    "bad:x:10x7:1007::/home/alice:/bin/sh\n"
	    "big:x:4294967296:1::/home/alice:/bin/sh\n"
	    "# a comment:x:1008:1008::/home/alice:/bin/sh");

	cn = names_of(d);
	lookup_is(cn, &ref, "web", NULL, "docker: Name less its '/'");
	ref = docker_ref(2);
	lookup_is(cn, &ref, "rootful", NULL, "docker: the root's engine");
	ref = user_ref(docker_ref(2), 1000);
	lookup_is(cn, &ref, "rootless-web", NULL, "docker: rootless, the home from etc/passwd");
	ref = user_ref(docker_ref(3), 1000);
	lookup_is(cn, &ref, "only-rootless", NULL, "docker: a rootless-only container");
	ref = docker_ref(3);
	lookup_is(cn, &ref, NULL, NULL, "docker: the root's engine has not that one");
	ref = user_ref(docker_ref(4), 1001);
	lookup_is(cn, &ref, "bobs", NULL, "docker: a home of many slashes");
	ref = user_ref(docker_ref(5), 1002);
	lookup_is(cn, &ref, "first-home", NULL, "docker: the first line of a uid counts");
	ref = user_ref(docker_ref(6), 1003);
	lookup_is(cn, &ref, "r", NULL, "docker: a home of '/'");
	ref = user_ref(docker_ref(7), 1004);
	lookup_is(cn, &ref, NULL, NULL, "docker: a home that is not absolute");
	ref = user_ref(docker_ref(2), 1005);
	lookup_is(cn, &ref, NULL, NULL, "docker: a passwd line of 8 fields");
	ref = user_ref(docker_ref(2), 1006);
	lookup_is(cn, &ref, NULL, NULL, "docker: a passwd line of 6 fields");
	ref = user_ref(docker_ref(2), 1007);
	lookup_is(cn, &ref, NULL, NULL, "docker: a passwd uid that is no number");
	ref = user_ref(docker_ref(2), 0);
	lookup_is(cn, &ref, "rootful", NULL, "docker: root's engine in user@0.service is the system's");
	ref = user_ref(docker_ref(8), 1000);
	lookup_is(cn, &ref, NULL, NULL, "docker: a file in the home that is not the user's");
	ref = user_ref(docker_ref(9), 1000);
	lookup_is(cn, &ref, NULL, NULL, "docker: the user's symlink to root's file");
	ref = user_ref(docker_ref(2), 1008);
	lookup_is(cn, &ref, NULL, NULL, "docker: a comment is no passwd line");
	ref = user_ref(docker_ref(2), 4242);
	lookup_is(cn, &ref, NULL, NULL, "docker: a user etc/passwd does not know");
	ref = docker_ref(99);
	lookup_is(cn, &ref, NULL, NULL, "docker: an id without a config.v2.json");
	ref = ref_of(CONTAINER_DOCKER, "../../../../srv", "");
	lookup_is(cn, &ref, NULL, NULL, "docker: an id that is no 64-hex id");
	ctnames_free(cn);
	close(d);
}

static void test_docker_passwd_nul(void)
{
	static const char passwd[] = "a:x:1000:1000::/ho\0me/alice:/bin/sh\n"
				     "b:x:1001:1001::/home/alice:/bin/sh\n";
	struct container_ref ref = user_ref(docker_ref(2), 1000);
	int d = tree_subdir("passwd-nul");

	put_docker(d, "home/alice", 1001, 2, "{\"Name\": \"/alices\"}");
	put_docker(d, "ho", 1000, 2, "{\"Name\": \"/cut\"}");
	tree_put(d, "etc/passwd", passwd, sizeof(passwd) - 1);
	fresh_is(d, &ref, NULL, NULL, "docker: a passwd line with a NUL is no entry");
	ref = user_ref(docker_ref(2), 1001);
	fresh_is(d, &ref, "alices", NULL, "docker: the line after a NUL still counts");
	close(d);
}

static void test_docker_json(void)
{
	char json[600];
	char long_name[300];

	docker_json_is("{\"Name\": \"/web.1_a-b\"}", "web.1_a-b", "'.', '_' and '-' pass");
	docker_json_is("{\"Name\": \"/Web9\"}", "Web9", "upper case passes");
	docker_json_is("{\"Name\": \"/web\"", NULL, "malformed JSON");
	docker_json_is("", NULL, "an empty file");
	docker_json_is("{\"Name\": \"/first\", \"Name\": \"/second\"}", NULL, "a duplicate Name");
	docker_json_is("{\"Name\": \"/web\", \"x\": 1, \"x\": 2}", NULL, "a duplicate other key");
	docker_json_is("{\"Name\": 5}", NULL, "Name a number");
	docker_json_is("{\"Name\": [\"/web\"]}", NULL, "Name an array");
	docker_json_is("{\"Name\": null}", NULL, "Name null");
	docker_json_is("{\"ID\": \"x\"}", NULL, "no Name");
	docker_json_is("[{\"Name\": \"/web\"}]", NULL, "an array, not an object");
	docker_json_is("\"/web\"", NULL, "a bare string");
	docker_json_is("{\"name\": \"/web\"}", NULL, "the key in another case");
	docker_json_is("{\"Name\": \"web\"}", NULL, "a Name without its '/'");
	docker_json_is("{\"Name\": \"/\"}", NULL, "a Name of '/' alone");
	docker_json_is("{\"Name\": \"//web\"}", NULL, "a Name of two '/'");
	docker_json_is("{\"Name\": \"/we b\"}", NULL, "a space");
	docker_json_is("{\"Name\": \"/web\\n\"}", NULL, "a newline");
	docker_json_is("{\"Name\": \"/\\u001b[31mred\"}", NULL, "an escape sequence");
	docker_json_is("{\"Name\": \"/a\\u007f\"}", NULL, "DEL");
	docker_json_is("{\"Name\": \"/-web\"}", NULL, "a leading '-'");
	docker_json_is("{\"Name\": \"/.web\"}", NULL, "a leading '.'");
	docker_json_is("{\"Name\": \"/web/x\"}", NULL, "a '/' inside");
	docker_json_is("{\"Name\": \"/caf\\u00e9\"}", NULL, "a letter beyond ASCII");
	docker_json_is("{\"Name\": \"/web\", \"x\": \"\xff\"}", NULL, "bytes that are not UTF-8");
	docker_json_is("{\"Name\": \"/web\", \"x\": \"a\\u0000b\"}", NULL, "a \\u0000 elsewhere");
	docker_json_is("{\"Name\": \"/web\\u0000x\"}", NULL, "a \\u0000 in the Name");
	docker_json_is("{\"Name\": \"/web\"} {}", NULL, "two values");

	memset(long_name, 'n', 255);
	long_name[255] = '\0';
	snprintf(json, sizeof(json), "{\"Name\": \"/%s\"}", long_name);
	docker_json_is(json, long_name, "a name of 255 bytes");
	snprintf(json, sizeof(json), "{\"Name\": \"/%sn\"}", long_name);
	docker_json_is(json, NULL, "a name of 256 bytes");
}

/* A config.v2.json of size bytes, valid JSON padded with spaces: only the size is wrong. */
static void put_padded(int dirfd, unsigned int n, size_t size)
{
	static const char head[] = "{\"Name\": \"/big\"}";
	char path[4096], *buf = malloc(size);

	if (!buf)
		bail_out("out of memory");
	memset(buf, ' ', size);
	memcpy(buf, head, sizeof(head) - 1);
	docker_path(n, NULL, path, sizeof(path));
	tree_put(dirfd, path, buf, size);
	free(buf);
}

static void test_docker_files(void)
{
	char path[4096], outside[4300];
	struct container_ref ref;
	int d = tree_subdir("docker-files");

	put_padded(d, 1, CTNAMES_FILE_MAX);
	ref = docker_ref(1);
	fresh_is(d, &ref, "big", NULL, "files: a file of CTNAMES_FILE_MAX bytes");
	put_padded(d, 2, CTNAMES_FILE_MAX + 1);
	ref = docker_ref(2);
	fresh_is(d, &ref, NULL, NULL, "files: a file of CTNAMES_FILE_MAX + 1 bytes");

	docker_path(3, NULL, path, sizeof(path));
	tree_parents(d, path);
	if (mkfifoat(d, path, 0644))
		bail_out("mkfifo failed");
	ref = docker_ref(3);
	signal(SIGALRM, fifo_blocked);
	alarm(10);
	fresh_is(d, &ref, NULL, NULL, "files: a FIFO does not block and is no name");
	alarm(0);

	docker_path(4, NULL, path, sizeof(path));
	put_dir(d, path);
	ref = docker_ref(4);
	fresh_is(d, &ref, NULL, NULL, "files: a directory is no name");
	close(d);

	d = tree_subdir("docker-link-in");
	put_link(d, "var/lib/docker", "/data/docker");
	snprintf(path, sizeof(path), "data/docker/containers/%s/config.v2.json", docker_ref(5).id);
	put(d, path, "{\"Name\": \"/linked\"}");
	ref = docker_ref(5);
	fresh_is(d, &ref, "linked", NULL, "files: an absolute symlink resolves inside the root");
	close(d);

	/* the target is there on the real filesystem: reading it would be the bug */
	d = tree_subdir("outside");
	put_docker(d, NULL, 0, 6, "{\"Name\": \"/escaped\"}");
	close(d);
	d = tree_subdir("docker-link-out");
	snprintf(outside, sizeof(outside), "%s/outside/var/lib/docker", tree);
	put_link(d, "var/lib/docker", outside);
	ref = docker_ref(6);
	fresh_is(d, &ref, NULL, NULL, "files: an absolute symlink out of the root stays in it");
	close(d);

	d = tree_subdir("docker-dotdot");
	put_link(d, "var/lib/docker", "../../../../../../../../../../outside/var/lib/docker");
	fresh_is(d, &ref, NULL, NULL, "files: '..' stops at the root");
	close(d);
}

/* containers.json of podman: many shapes, one file. */
static const char podman_json[] =
	"[\n"
	" {\"id\": \"%1$s1\", \"names\": [\"pod-one\", \"alias\"], \"image\": \"x\"},\n"
	" {\"id\": \"%1$s2\", \"names\": []},\n"
	" {\"id\": \"%1$s3\", \"names\": [7]},\n"
	" {\"id\": \"%1$s4\", \"names\": [\"bad name\"]},\n"
	" {\"id\": \"%1$s5\", \"names\": [\"x\"]}, {\"id\": \"%1$s5\", \"names\": [\"y\"]},\n"
	" {\"id\": \"%1$s6\", \"names\": [\"same\"]}, {\"id\": \"%1$s6\", \"names\": [\"same\"]},\n"
	" {\"names\": [\"noid\"]}, 5, \"str\", null, [\"%1$s7\"],\n"
	" {\"id\": \"%1$s8\", \"names\": \"notarray\"},\n"
	" {\"id\": 9, \"names\": [\"numid\"]},\n"
	" {\"id\": \"%1$s9\", \"names\": [\"last\"]}\n"
	"]\n";

#define PODMAN_ID	"abcdef0123456789abcdef0123456789abcdef0123456789abcdef012345678"
#define PODMAN_ROOT	"var/lib/containers/storage/overlay-containers/containers.json"
#define PODMAN_USER	"home/carol/.local/share/containers/storage/overlay-containers/" \
			"containers.json"

static struct container_ref podman_ref(char n)
{
	char id[ID_LEN + 1];

	snprintf(id, sizeof(id), "%s%c", PODMAN_ID, n);
	return ref_of(CONTAINER_PODMAN, id, "");
}

static void test_podman(void)
{
	static const struct {
		char n;
		const char *name;
		const char *what;
	} cases[] = {
		{ '1', "pod-one", "podman: names[0]" },
		{ '2', NULL, "podman: names empty" },
		{ '3', NULL, "podman: names[0] a number" },
		{ '4', NULL, "podman: names[0] with a space" },
		{ '5', NULL, "podman: one id of two names is unknown" },
		{ '6', "same", "podman: one id twice with one name" },
		{ '7', NULL, "podman: an id only in an array" },
		{ '8', NULL, "podman: names a string" },
		{ '9', "last", "podman: the last container, after odd elements" },
		{ 'a', NULL, "podman: an id not in the file" },
	};
	char json[2048];
	struct container_ref ref;
	struct ctnames *cn;
	int d = tree_subdir("podman");

	snprintf(json, sizeof(json), podman_json, PODMAN_ID);
	put(d, PODMAN_ROOT, json);
	put_owned(d, PODMAN_USER, "[{\"id\": \"" PODMAN_ID "1\", \"names\": [\"carols\"]}]", 2000);
	put(d, "etc/passwd", "carol:x:2000:2000::/home/carol:/bin/sh\n");
	cn = names_of(d);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ref = podman_ref(cases[i].n);
		lookup_is(cn, &ref, cases[i].name, NULL, cases[i].what);
	}
	ref = user_ref(podman_ref('1'), 2000);
	lookup_is(cn, &ref, "carols", NULL, "podman: rootless");
	ref = user_ref(podman_ref('9'), 2000);
	lookup_is(cn, &ref, NULL, NULL, "podman: rootless has its own file");
	ref = user_ref(podman_ref('1'), 2001);
	lookup_is(cn, &ref, NULL, NULL, "podman: rootless of a user without a passwd line");
	ctnames_free(cn);
	close(d);

	d = tree_subdir("podman-dupkey");
	put(d, PODMAN_ROOT, "[{\"id\": \"" PODMAN_ID "1\", \"names\": [\"one\"]},"
	    " {\"id\": \"" PODMAN_ID "2\", \"names\": [\"two\"], \"names\": [\"dup\"]}]");
	ref = podman_ref('1');
	fresh_is(d, &ref, NULL, NULL, "podman: a duplicate key anywhere spoils the file");
	close(d);

	d = tree_subdir("podman-object");
	put(d, PODMAN_ROOT, "{\"id\": \"" PODMAN_ID "1\", \"names\": [\"one\"]}");
	fresh_is(d, &ref, NULL, NULL, "podman: an object, not an array");
	close(d);
}

#define K1	"1111111111111111111111111111111111111111111111111111111111111111"
#define K2	"2222222222222222222222222222222222222222222222222222222222222222"
#define K3	"3333333333333333333333333333333333333333333333333333333333333333"
#define K4	"4444444444444444444444444444444444444444444444444444444444444444"
#define K5	"5555555555555555555555555555555555555555555555555555555555555555"
#define K6	"6666666666666666666666666666666666666666666666666666666666666666"
#define K7	"7777777777777777777777777777777777777777777777777777777777777777"
#define U2	"0b3c1f5e-2a9d-4c1e-9a5b-7d2e3f4a5b6c"
#define U4	"4d4d4d4d-4d4d-4d4d-4d4d-4d4d4d4d4d4d"
#define U5	"55555555555555555555555555555555"
#define U6	"66666666-6666-6666-6666-666666666666"
#define NS63	"n23456789012345678901234567890123456789012345678901234567890123"
#define BAD	"badbadbadbadbadbadbadbadbadbadbadbadbadbadbadbadbadbadbadbad"

/* Entries of var/log/containers that are no container's; each has a name, its id BAD + 4. */
static const char *const bad_logs[] = {
	"Web_default_nginx-" BAD "0001.log",		/* upper case pod */
	"web_default_Nginx-" BAD "0002.log",		/* upper case container */
	"web_nginx-" BAD "0003.log",			/* one '_' too few */
	"web_default_extra_nginx-" BAD "0004.log",	/* one '_' too many */
	"web_default_nginx-" BAD "0005.txt",		/* not .log */
	"web_default_nginx" BAD "0006.log",		/* no '-' before the id */
	"web_default_-" BAD "0007.log",			/* no container */
	"-web_default_nginx-" BAD "0008.log",		/* a pod from '-' */
	"web_de.fault_nginx-" BAD "0009.log",		/* a '.' in the namespace */
	"web_" NS63 "4_nginx-" BAD "000a.log",		/* a namespace of 64 */
	"web._default_nginx-" BAD "000b.log",		/* a pod ending in '.' */
	"we..b_default_nginx-" BAD "000c.log",		/* two '.' */
	"web_default_nginx-" BAD "000D.log",		/* an id in upper case */
	"_default_nginx-" BAD "000e.log",		/* no pod */
	"web__nginx-" BAD "000f.log",			/* no namespace */
	"web_default_ngi nx-" BAD "0010.log",		/* a space */
	"web_default_nginx-" BAD "0011.log.1",		/* rotated */
	"web_default_nginx-" BAD "012.log",		/* an id of 63 */
	"web_default_nginx-" BAD "00013.log",		/* an id of 65 */
	"web.-x_default_nginx-" BAD "0014.log",		/* a label from '-' */
	"p1_default_c-" BAD "0015.log",			/* an id of two pods */
	"p2_default_c-" BAD "0015.log",
};

/* The ids of those entries, and the last 64 of the id of 65: each must stay unknown. */
static const char *const bad_ids[] = {
	BAD "0001", BAD "0002", BAD "0003", BAD "0004", BAD "0005", BAD "0006", BAD "0007",
	BAD "0008", BAD "0009", BAD "000a", BAD "000b", BAD "000c", BAD "000D", BAD "000e",
	BAD "000f", BAD "0010", BAD "0011", BAD "012", BAD "00013", BAD "0014", BAD "0015",
	&(BAD "00013")[1],
};

/* Directories of var/log/pods that are no pod's; each has a uid wanted unknown. */
static const struct {
	const char *entry;
	const char *uid;
} bad_pods[] = {
	{ "ns_pod_AAAAAAAA-aaaa-aaaa-aaaa-aaaaaaaaaaaa", "AAAAAAAA-aaaa-aaaa-aaaa-aaaaaaaaaaaa" },
	{ "NS_pod_aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaab", "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaab" },
	{ "ns_pod_aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaac", "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaac" },
	{ "ns_pod_aaaaaaaa_aaaa_aaaa_aaaa_aaaaaaaaaaad", "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaad" },
	{ "ns_pod_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaae", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaae" },
	{ "ns_pod_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaA", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaA" },
	{ "ns_x_pod_aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaf", "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaf" },
	{ "ns_aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaab0", "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaab0" },
	{ "ns_pod_aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaab1x", "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaab1" },
	{ "ns_pod_aaaaaaaaaaaa-aaaa-aaaa-aaaa-aaaaaab2", "aaaaaaaaaaaa-aaaa-aaaa-aaaa-aaaaaab2" },
};

static void put_kube(int d)
{
	put_link(d, "var/log/containers/web-7d4b9-x2z_default_nginx-" K1 ".log",
		 "/var/log/pods/default_web-7d4b9-x2z_x/nginx/0.log");
	put(d, "var/log/containers/coredns-5d78c9869d-abcde_kube-system_coredns-" K2 ".log", "");
	put(d, "var/log/containers/a.b-c.d_ns1_side-car-" K3 ".log", "");
	put(d, "var/log/containers/logpod_ns2_app-" K4 ".log", "");
	put(d, "var/log/containers/p_" NS63 "_c-" K7 ".log", "");
	put_dir(d, "var/log/pods/kube-system_coredns-5d78c9869d-abcde_" U2);
	put_dir(d, "var/log/pods/ns2_dirpod_" U4);
	put_dir(d, "var/log/pods/ns3_static-pod_" U5);
	for (size_t i = 0; i < sizeof(bad_logs) / sizeof(bad_logs[0]); i++) {
		char path[512];

		snprintf(path, sizeof(path), "var/log/containers/%s", bad_logs[i]);
		put(d, path, "");
	}
	for (size_t i = 0; i < sizeof(bad_pods) / sizeof(bad_pods[0]); i++) {
		char path[512];

		snprintf(path, sizeof(path), "var/log/pods/%s", bad_pods[i].entry);
		put_dir(d, path);
	}
}

static void test_kube(void)
{
	struct container_ref ref;
	struct ctnames *cn;
	const char *name, *pod;
	char what[160];
	int d = tree_subdir("kube");

	put_kube(d);
	cn = names_of(d);
	ref = ref_of(CONTAINER_CONTAINERD, K1, "");
	lookup_is(cn, &ref, "nginx", "default/web-7d4b9-x2z", "kube: a container log link");
	ref = ref_of(CONTAINER_CRIO, K2, U2);
	lookup_is(cn, &ref, "coredns", "kube-system/coredns-5d78c9869d-abcde",
		  "kube: cri-o, with the pod of var/log/pods");
	ref = ref_of(CONTAINER_CONTAINERD, K3, "");
	lookup_is(cn, &ref, "side-car", "ns1/a.b-c.d", "kube: a pod of dots, a container of '-'");
	ref = ref_of(CONTAINER_CONTAINERD, K4, U4);
	lookup_is(cn, &ref, "app", "ns2/dirpod", "kube: var/log/pods before the log link's pod");
	ref = ref_of(CONTAINER_CONTAINERD, K5, U5);
	lookup_is(cn, &ref, NULL, "ns3/static-pod", "kube: a pod uid of 32 hex digits");
	ref = ref_of(CONTAINER_CONTAINERD, K6, U6);
	lookup_is(cn, &ref, NULL, U6, "kube: else the pod uid");
	ref = ref_of(CONTAINER_CONTAINERD, K7, "");
	lookup_is(cn, &ref, "c", NS63 "/p", "kube: a namespace of 63");
	ref = ref_of(CONTAINER_CONTAINERD, K6, "");
	lookup_is(cn, &ref, NULL, NULL, "kube: no log link, no pod uid");

	ref = ref_of(CONTAINER_CONTAINERD, K6, U6);
	if (ctnames_lookup(cn, &ref, &name, &pod))
		bail_out("lookup failed");
	memset(ref.pod_uid, 'x', sizeof(ref.pod_uid) - 1);
	ok(pod && !strcmp(pod, U6), "kube: the pod uid is cn's own copy");

	for (size_t i = 0; i < sizeof(bad_ids) / sizeof(bad_ids[0]); i++) {
		snprintf(what, sizeof(what), "kube: an entry of another shape, id %s", bad_ids[i]);
		ref = ref_of(CONTAINER_CONTAINERD, bad_ids[i], "");
		lookup_is(cn, &ref, NULL, NULL, what);
	}
	for (size_t i = 0; i < sizeof(bad_pods) / sizeof(bad_pods[0]); i++) {
		snprintf(what, sizeof(what), "kube: no pod directory: %s", bad_pods[i].entry);
		ref = ref_of(CONTAINER_CONTAINERD, K6, bad_pods[i].uid);
		lookup_is(cn, &ref, NULL, bad_pods[i].uid, what);
	}
	ctnames_free(cn);
	close(d);
}

/* Hundreds of containers: each answer is its own, however the tables grow. */
static void test_many(void)
{
	enum { MANY = 600 };
	struct ctnames *cn;
	int d = tree_subdir("many"), wrong = 0;
	char path[512], want[32];

	for (unsigned int i = 0; i < MANY; i++) {
		char id[ID_LEN + 1];

		make_id(id, i);
		snprintf(path, sizeof(path), "var/log/containers/pod-%u_ns_c%u-%s.log", i, i, id);
		put(d, path, "");
	}
	cn = names_of(d);
	for (int round = 0; round < 2; round++) {
		for (unsigned int i = 0; i < MANY + 10; i++) {
			char id[ID_LEN + 1];
			struct container_ref ref;
			const char *name, *pod;

			make_id(id, i);
			ref = ref_of(CONTAINER_CONTAINERD, id, "");
			snprintf(want, sizeof(want), "c%u", i);
			if (ctnames_lookup(cn, &ref, &name, &pod) ||
			    (i < MANY ? !name || strcmp(name, want) : name != NULL))
				wrong++;
		}
	}
	is_int(wrong, 0, "many: %d containers, looked up twice", MANY);
	ctnames_free(cn);
	close(d);
}

static void test_by_path(void)
{
	static const enum container_runtime rts[] = {
		CONTAINER_NSPAWN, CONTAINER_LXC, CONTAINER_LIBVIRT_LXC,
	};
	struct container_ref ref;
	struct ctnames *cn;
	const char *name, *pod;
	int d = tree_subdir("by-path");

	put_kube(d);
	put_docker(d, NULL, 0, 1, "{\"Name\": \"/web\"}");
	cn = names_of(d);
	for (size_t i = 0; i < sizeof(rts) / sizeof(rts[0]); i++) {
		char what[64];

		ref = ref_of(rts[i], "my-machine_1", "");
		snprintf(what, sizeof(what), "path: %s, the name in ref",
			 container_runtime_name(rts[i]));
		lookup_is(cn, &ref, "my-machine_1", NULL, what);
	}
	ref = ref_of(CONTAINER_NSPAWN, "outlives", "");
	if (ctnames_lookup(cn, &ref, &name, &pod))
		bail_out("lookup failed");
	memset(ref.id, 'x', 10);
	ok(name && !strcmp(name, "outlives"), "path: the name is cn's own copy");
	ref = ref_of(CONTAINER_NONE, "", "");
	lookup_is(cn, &ref, NULL, NULL, "path: no container");
	ref = docker_ref(1);
	ref.runtime = CONTAINER_NONE;
	lookup_is(cn, &ref, NULL, NULL, "path: no container, whatever the id");
	ref.runtime = (enum container_runtime)99;
	lookup_is(cn, &ref, NULL, NULL, "path: a runtime out of the enum");
	ctnames_free(cn);

	if (ctnames_new(-1, &cn))
		bail_out("ctnames_new(-1) failed");
	ref = ref_of(CONTAINER_LXC, "box", "");
	lookup_is(cn, &ref, "box", NULL, "no root: lxc, the name in ref");
	ref = ref_of(CONTAINER_CONTAINERD, K2, U2);
	lookup_is(cn, &ref, NULL, U2, "no root: kubernetes, the pod uid");
	ref = ref_of(CONTAINER_CRIO, K1, "");
	lookup_is(cn, &ref, NULL, NULL, "no root: kubernetes without a pod uid");
	ref = docker_ref(1);
	lookup_is(cn, &ref, NULL, NULL, "no root: docker");
	ref = user_ref(podman_ref('1'), 1000);
	lookup_is(cn, &ref, NULL, NULL, "no root: rootless podman");
	ctnames_free(cn);
	close(d);
}

/* What a second lookup says: the same, as pointer, after the file changed under it. */
static void test_cache(void)
{
	struct container_ref ref = docker_ref(1), late = docker_ref(2);
	const char *name1, *name2, *pod;
	struct ctnames *cn;
	int d = tree_subdir("cache");

	put_docker(d, NULL, 0, 1, "{\"Name\": \"/before\"}");
	put(d, PODMAN_ROOT, "[{\"id\": \"" PODMAN_ID "1\", \"names\": [\"p1\"]}]");
	put(d, "var/log/containers/pod_ns_c1-" K1 ".log", "");
	put(d, "etc/passwd", "a:x:1000:1000::/home/a:/bin/sh\n");
	put_docker(d, "home/a", 1000, 3, "{\"Name\": \"/a3\"}");
	put_docker(d, "home/b", 1001, 3, "{\"Name\": \"/b3\"}");
	cn = names_of(d);

	if (ctnames_lookup(cn, &ref, &name1, &pod))
		bail_out("lookup failed");
	put_docker(d, NULL, 0, 1, "{\"Name\": \"/after\"}");
	if (ctnames_lookup(cn, &ref, &name2, &pod))
		bail_out("lookup failed");
	ok(name1 && name1 == name2, "cache: the same pointer on a second lookup");
	is_str(name2, "before", "cache: a changed config.v2.json is not read again");
	fresh_is(d, &ref, "after", NULL, "cache: a new cn reads it again");

	lookup_is(cn, &late, NULL, NULL, "cache: a missing config.v2.json");
	put_docker(d, NULL, 0, 2, "{\"Name\": \"/late\"}");
	lookup_is(cn, &late, NULL, NULL, "cache: the unknown answer is kept");
	fresh_is(d, &late, "late", NULL, "cache: a new cn finds it");

	ref = podman_ref('1');
	lookup_is(cn, &ref, "p1", NULL, "cache: podman, first");
	put(d, PODMAN_ROOT, "[{\"id\": \"" PODMAN_ID "1\", \"names\": [\"p1\"]},"
	    " {\"id\": \"" PODMAN_ID "2\", \"names\": [\"p2\"]}]");
	ref = podman_ref('2');
	lookup_is(cn, &ref, NULL, NULL, "cache: containers.json is read once");
	fresh_is(d, &ref, "p2", NULL, "cache: a new cn reads the new containers.json");

	ref = ref_of(CONTAINER_CONTAINERD, K1, "");
	lookup_is(cn, &ref, "c1", "ns/pod", "cache: kubernetes, first");
	put(d, "var/log/containers/pod_ns_c2-" K2 ".log", "");
	ref = ref_of(CONTAINER_CONTAINERD, K2, "");
	lookup_is(cn, &ref, NULL, NULL, "cache: var/log/containers is listed once");
	fresh_is(d, &ref, "c2", "ns/pod", "cache: a new cn lists it again");

	ref = user_ref(docker_ref(3), 1000);
	lookup_is(cn, &ref, "a3", NULL, "cache: rootless, first");
	put(d, "etc/passwd", "a:x:1000:1000::/home/a:/bin/sh\nb:x:1001:1001::/home/b:/bin/sh\n");
	ref = user_ref(docker_ref(3), 1001);
	lookup_is(cn, &ref, NULL, NULL, "cache: etc/passwd is read once");
	fresh_is(d, &ref, "b3", NULL, "cache: a new cn reads the new etc/passwd");
	ctnames_free(cn);
	close(d);
}

static void test_new(void)
{
	struct ctnames *cn = NULL;

	is_int(ctnames_new(1 << 20, &cn), -EBADF, "new: a root fd that is not open");
	ctnames_free(NULL);
	ok(1, "new: ctnames_free(NULL) does nothing");
}

int main(void)
{
	int fds = count_fds();

	make_tree("test-ctnames");
	test_new();
	test_by_path();
	if (!have_openat2()) {
		printf("ok %u - the trees # SKIP no openat2 here (Linux before 5.6, or valgrind)\n",
		       ++tap_count);
		return done_testing();
	}
	test_docker();
	test_docker_passwd_nul();
	test_docker_json();
	test_docker_files();
	test_podman();
	test_kube();
	test_many();
	test_cache();
	is_int(count_fds(), fds, "no descriptor left open");
	return done_testing();
}
