// SPDX-License-Identifier: LGPL-2.1-or-later
/* Which container runtime and container a process's cgroup names. */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "c.h"
#include "container.h"
#include "procfs.h"

/* A piece of the caller's buffer, not NUL-terminated; never a NULL pointer. */
struct span {
	const char *s;
	size_t len;
};

#define SPAN_EMPTY	((struct span){ "", 0 })
#define HEX_ID_LEN	64

static const char *const runtime_names[] = {
	[CONTAINER_DOCKER]	= "docker",
	[CONTAINER_CONTAINERD]	= "containerd",
	[CONTAINER_CRIO]	= "cri-o",
	[CONTAINER_PODMAN]	= "podman",
	[CONTAINER_NSPAWN]	= "systemd-nspawn",
	[CONTAINER_LXC]		= "lxc",
	[CONTAINER_LIBVIRT_LXC]	= "libvirt-lxc",
};

const char *container_runtime_name(enum container_runtime rt)
{
	if ((unsigned int)rt >= ARRAY_SIZE(runtime_names))
		return NULL;
	return runtime_names[rt];
}

static bool span_eq(struct span a, const char *lit)
{
	size_t n = strlen(lit);

	return a.len == n && memcmp(a.s, lit, n) == 0;
}

/* Cut prefix and suffix off *a when it has both and something between. */
static bool span_strip(struct span *a, const char *prefix, const char *suffix)
{
	size_t np = strlen(prefix), ns = strlen(suffix);

	if (a->len <= np + ns || memcmp(a->s, prefix, np) ||
	    memcmp(a->s + a->len - ns, suffix, ns))
		return false;
	a->s += np;
	a->len -= np + ns;
	return true;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Runtimes write ids in lower case only; anything else is not theirs. */
static bool is_lower_hex(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f');
}

static bool all_lower_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!is_lower_hex(s[i]))
			return false;
	}
	return true;
}

/* ---- /proc/PID/cgroup ---- */

/* "HIERARCHY-ID:CONTROLLERS:PATH"; the path itself may hold ':'. */
static bool split_cgroup_line(struct span line, struct span *id, struct span *ctl,
			      struct span *path)
{
	const char *end = line.s + line.len;
	const char *c1 = memchr(line.s, ':', line.len);
	const char *c2;

	if (!c1 || c1 == line.s)
		return false;
	c2 = memchr(c1 + 1, ':', (size_t)(end - c1 - 1));
	if (!c2)
		return false;
	*id = (struct span){ line.s, (size_t)(c1 - line.s) };
	for (size_t i = 0; i < id->len; i++) {
		if (!is_digit(id->s[i]))
			return false;
	}
	*ctl = (struct span){ c1 + 1, (size_t)(c2 - c1 - 1) };
	*path = (struct span){ c2 + 1, (size_t)(end - c2 - 1) };
	return true;
}

/* A v1 hierarchy may carry several controllers, comma-separated. */
static bool has_controller(struct span ctl, const char *name)
{
	while (ctl.len) {
		const char *comma = memchr(ctl.s, ',', ctl.len);
		size_t n = comma ? (size_t)(comma - ctl.s) : ctl.len;

		if (span_eq((struct span){ ctl.s, n }, name))
			return true;
		if (!comma)
			break;
		ctl.s += n + 1;
		ctl.len -= n + 1;
	}
	return false;
}

/* The first line of a hierarchy, and how many there were. */
struct cgroup_line {
	struct span path;
	unsigned int count;
};

static void note_line(struct cgroup_line *cl, struct span path)
{
	if (!cl->count++)
		cl->path = path;
}

static int give_path(const struct cgroup_line *cl, const char **path, size_t *pathlen)
{
	*path = cl->path.s;
	*pathlen = cl->path.len;
	return 0;
}

int cgroup_path_parse(const char *data, size_t len, const char **path, size_t *pathlen)
{
	struct cgroup_line v2 = { SPAN_EMPTY, 0 }, sd = { SPAN_EMPTY, 0 };
	const char *end = data + len;
	const char *eol;

	for (const char *p = data; p < end; p = eol + 1) {
		struct span id, ctl, val;

		eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			break;		/* cut short, perhaps mid-name */
		if (!split_cgroup_line((struct span){ p, (size_t)(eol - p) }, &id, &ctl, &val))
			continue;
		if (span_eq(id, "0") && !ctl.len)
			note_line(&v2, val);
		else if (has_controller(ctl, "name=systemd"))
			note_line(&sd, val);
	}
	/* the kernel writes a line per hierarchy: two mean a name held a newline */
	if (v2.count > 1)
		return -ENOENT;
	if (v2.path.len && !span_eq(v2.path, "/"))
		return give_path(&v2, path, pathlen);
	if (sd.count > 1)
		return -ENOENT;
	if (sd.path.len)
		return give_path(&sd, path, pathlen);
	if (v2.path.len)
		return give_path(&v2, path, pathlen);
	return -ENOENT;
}

/* ---- names ---- */

/* What we keep as a name: no control character (nor '/', nor NUL), and it fits. */
static bool copy_name(const char *s, size_t n, char *out)
{
	if (!n || n >= CONTAINER_ID_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7f || c == '/')
			return false;
	}
	memcpy(out, s, n);
	out[n] = '\0';
	return true;
}

static int hex_value(char c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Undo systemd's unit-name escaping: "\xHH" is a byte; letters, digits, ':',
 * '_' and '.' stand for themselves; '-' stands for '/', which no machine name
 * holds; systemd writes nothing else.  out has CONTAINER_ID_MAX bytes.
 */
static bool unit_unescape(struct span in, char *out)
{
	char buf[CONTAINER_ID_MAX];
	size_t n = 0;

	for (size_t i = 0; i < in.len; i++) {
		char c = in.s[i];

		if (c == '\\') {
			int hi, lo;

			if (in.len - i < 4 || in.s[i + 1] != 'x')
				return false;
			hi = hex_value(in.s[i + 2]);
			lo = hex_value(in.s[i + 3]);
			if (hi < 0 || lo < 0)
				return false;
			c = (char)(hi << 4 | lo);
			i += 3;
		} else if (!is_alnum(c) && c != ':' && c != '_' && c != '.') {
			return false;
		}
		if (n == sizeof(buf))
			return false;
		buf[n++] = c;
	}
	return copy_name(buf, n, out);
}

/* ---- the rules ---- */

/* Where the walk down a cgroup path is. */
struct walk {
	struct span gparent, parent;	/* the two components above; empty at the top */
	size_t depth;			/* of the component looked at; 0 is the top one */
	size_t match_depth;		/* depth + 1 of the innermost container so far; 0: none */
	bool below_root;		/* "/.." led in: the top is not the hierarchy's root */
	bool in_user_service;		/* a user@UID.service came on the way */
	uid_t user;
};

static bool take_hex_id(struct span id, enum container_runtime rt, struct container_ref *ref)
{
	if (id.len != HEX_ID_LEN || !all_lower_hex(id.s, id.len))
		return false;
	memcpy(ref->id, id.s, HEX_ID_LEN);
	ref->id[HEX_ID_LEN] = '\0';
	ref->runtime = rt;
	return true;
}

static bool take_name(struct span name, enum container_runtime rt, struct container_ref *ref)
{
	if (!copy_name(name.s, name.len, ref->id))
		return false;
	ref->runtime = rt;
	return true;
}

/*
 * A cgroup named PREFIX<64 hex>SUFFIX.  The monitors' scopes, crio-conmon-ID
 * and libpod-conmon-ID, hold no container and fit no row ("conmon-" is not hex).
 */
static const struct hex_rule {
	const char *prefix, *suffix;
	enum container_runtime runtime;
} hex_rules[] = {
	{ "docker-",		".scope",	CONTAINER_DOCKER },
	{ "cri-containerd-",	".scope",	CONTAINER_CONTAINERD },
	{ "nerdctl-",		".scope",	CONTAINER_CONTAINERD },
	{ "crio-",		".scope",	CONTAINER_CRIO },
	{ "crio-",		"",		CONTAINER_CRIO },	/* cgroupfs */
	{ "libpod-",		".scope",	CONTAINER_PODMAN },
	{ "libpod-",		"",		CONTAINER_PODMAN },	/* cgroupfs */
};

static bool match_hex_rules(struct span comp, struct container_ref *ref)
{
	for (size_t i = 0; i < ARRAY_SIZE(hex_rules); i++) {
		struct span id = comp;

		if (span_strip(&id, hex_rules[i].prefix, hex_rules[i].suffix) &&
		    take_hex_id(id, hex_rules[i].runtime, ref))
			return true;
	}
	return false;
}

/* libvirt names its machines DRIVER-ID-NAME; old libvirt, DRIVER-NAME. */
static bool take_libvirt_name(struct span s, struct container_ref *ref)
{
	size_t i = 0;

	while (i < s.len && is_digit(s.s[i]))
		i++;
	if (!i || i == s.len || s.s[i] != '-')
		return false;
	s.s += i + 1;
	s.len -= i + 1;
	return take_name(s, CONTAINER_LIBVIRT_LXC, ref);
}

/*
 * machined's scope of a machine: systemd-nspawn's, or libvirt's.  "lxc-" and
 * "qemu-" names are libvirt's (an nspawn machine could have one, but old
 * libvirt's lxc-NAME cannot be told from it: no match).  QEMU runs machines,
 * not containers.
 */
static bool decode_machine(struct span esc, struct container_ref *ref)
{
	char name[CONTAINER_ID_MAX];
	struct span s;

	if (!unit_unescape(esc, name))
		return false;
	s = (struct span){ name, strlen(name) };
	if (span_strip(&s, "lxc-", ""))
		return take_libvirt_name(s, ref);
	if (span_strip(&s, "qemu-", ""))
		return false;
	return take_name(s, CONTAINER_NSPAWN, ref);
}

static bool decode_nspawn(struct span esc, struct container_ref *ref)
{
	if (!unit_unescape(esc, ref->id))
		return false;
	ref->runtime = CONTAINER_NSPAWN;
	return true;
}

static bool decode_lxc(struct span name, struct container_ref *ref)
{
	return take_name(name, CONTAINER_LXC, ref);
}

/* A cgroup named PREFIX<name>SUFFIX.  lxc.monitor.NAME is LXC's monitor: no row. */
static const struct name_rule {
	const char *prefix, *suffix;
	bool (*decode)(struct span name, struct container_ref *ref);
} name_rules[] = {
	{ "lxc.payload.",	"",		decode_lxc },
	{ "machine-",		".scope",	decode_machine },
	{ "systemd-nspawn@",	".service",	decode_nspawn },
};

static bool match_name_rules(struct span comp, struct container_ref *ref)
{
	for (size_t i = 0; i < ARRAY_SIZE(name_rules); i++) {
		struct span name = comp;

		if (span_strip(&name, name_rules[i].prefix, name_rules[i].suffix) &&
		    name_rules[i].decode(name, ref))
			return true;
	}
	return false;
}

/* A cgroup named by the id or name alone, under a parent (and grandparent) of fixed names. */
static const struct under_rule {
	const char *gparent;		/* NULL: any */
	const char *parent;
	bool hex;			/* a 64-hex id; else a name */
	enum container_runtime runtime;
} under_rules[] = {
	{ "libvirt",	"lxc",		false,	CONTAINER_LIBVIRT_LXC },
	{ NULL,		"lxc",		false,	CONTAINER_LXC },
	{ NULL,		"lxc.payload",	false,	CONTAINER_LXC },
	{ NULL,		"docker",	true,	CONTAINER_DOCKER },
};

static bool match_under_rules(const struct walk *w, struct span comp, struct container_ref *ref)
{
	for (size_t i = 0; i < ARRAY_SIZE(under_rules); i++) {
		const struct under_rule *r = &under_rules[i];

		if (!span_eq(w->parent, r->parent))
			continue;
		if (r->gparent && !span_eq(w->gparent, r->gparent))
			continue;
		if (r->hex)
			return take_hex_id(comp, r->runtime, ref);
		return take_name(comp, r->runtime, ref);
	}
	return false;
}

/*
 * A pod uid: a UUID, its dashes written as sep, or 32 hex digits (the kubelet
 * hashes a static pod's manifest).  out gets it with dashes.
 */
static bool pod_uid_parse(struct span s, char sep, char *out)
{
	if (s.len == 32 && all_lower_hex(s.s, s.len)) {
		memcpy(out, s.s, s.len);
		out[s.len] = '\0';
		return true;
	}
	if (s.len != 36)
		return false;
	for (size_t i = 0; i < s.len; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? s.s[i] != sep : !is_lower_hex(s.s[i]))
			return false;
	}
	for (size_t i = 0; i < s.len; i++)
		out[i] = s.s[i] == sep ? '-' : s.s[i];
	out[s.len] = '\0';
	return true;
}

/* The cgroupfs driver's pod<uid>. */
static bool pod_dir(struct span comp, char *out)
{
	return span_strip(&comp, "pod", "") && pod_uid_parse(comp, '-', out);
}

/* The systemd driver's PARENT-pod<uid_with_underscores>.slice: '-' nests slices. */
static bool pod_slice(struct span comp, char *out)
{
	const char *dash;

	if (!span_strip(&comp, "", ".slice"))
		return false;
	dash = memrchr(comp.s, '-', comp.len);
	if (!dash)
		return false;
	comp.len -= (size_t)(dash + 1 - comp.s);
	comp.s = dash + 1;
	return span_strip(&comp, "pod", "") && pod_uid_parse(comp, '_', out);
}

/* Kubernetes through CRI on cgroupfs: .../pod<uid>/<64 hex>. */
static bool match_pod(const struct walk *w, struct span comp, struct container_ref *ref)
{
	char uid[CONTAINER_POD_UID_MAX];

	return pod_dir(w->parent, uid) && take_hex_id(comp, CONTAINER_CONTAINERD, ref);
}

/* Names under which a 64-hex id is another runtime's, or nobody's. */
static const char *const not_namespaces[] = {
	"docker", "kubepods", "libvirt", "lxc", "machine",
};

/* containerd's identifiers: letters and digits in runs joined by single '.', '_' or '-'. */
static bool containerd_namespace(struct span ns)
{
	bool after_sep = true;

	if (ns.len > 76)
		return false;
	for (size_t i = 0; i < ns.len; i++) {
		char c = ns.s[i];

		if (is_alnum(c))
			after_sep = false;
		else if ((c == '.' || c == '_' || c == '-') && !after_sep)
			after_sep = true;
		else
			return false;
	}
	for (size_t i = 0; i < ARRAY_SIZE(not_namespaces); i++) {
		if (span_eq(ns, not_namespaces[i]))
			return false;
	}
	/* systemd's units are no namespaces */
	return !after_sep && !span_strip(&ns, "", ".slice") && !span_strip(&ns, "", ".scope") &&
	       !span_strip(&ns, "", ".service");
}

/*
 * Plain containerd (ctr, nerdctl on cgroupfs): /NAMESPACE/<64 hex>.  So loose a
 * rule holds only at the root of the hierarchy or right under a container (one
 * that runs containerd inside), and only where no other rule fits.
 */
static bool match_containerd_ns(const struct walk *w, struct span comp, struct container_ref *ref)
{
	bool at_root = w->depth == 1 ? !w->below_root :
		       w->depth >= 2 && w->match_depth == w->depth - 1;

	/* a container's own cgroup is no namespace */
	if (!at_root || w->match_depth == w->depth)
		return false;
	return containerd_namespace(w->parent) && take_hex_id(comp, CONTAINER_CONTAINERD, ref);
}

static bool match_component(const struct walk *w, struct span comp, struct container_ref *ref)
{
	bool found = match_hex_rules(comp, ref) || match_name_rules(comp, ref) ||
		     match_under_rules(w, comp, ref) || match_pod(w, comp, ref) ||
		     match_containerd_ns(w, comp, ref);

	/* the pod's cgroup holds its containers' */
	if (found && (ref->runtime == CONTAINER_CONTAINERD || ref->runtime == CONTAINER_CRIO) &&
	    !pod_dir(w->parent, ref->pod_uid))
		pod_slice(w->parent, ref->pod_uid);
	return found;
}

/* *p is at a '/'; the component after it, which may be empty. */
static struct span next_component(const char **p, const char *end)
{
	const char *s = *p + 1;
	const char *slash = memchr(s, '/', (size_t)(end - s));

	if (!slash)
		slash = end;
	*p = slash;
	return (struct span){ s, (size_t)(slash - s) };
}

/* systemd's user@UID.service, where a user's own (rootless) engine runs its containers. */
static void note_user_service(struct walk *w, struct span comp)
{
	uint64_t uid = 0;

	if (!span_strip(&comp, "user@", ".service") || comp.len > 10)
		return;
	for (size_t i = 0; i < comp.len; i++) {
		if (!is_digit(comp.s[i]))
			return;
		uid = uid * 10 + (uint64_t)(comp.s[i] - '0');
	}
	if (uid >= (uid_t)-1)
		return;
	w->in_user_service = true;
	w->user = (uid_t)uid;
}

static int no_container(struct container_ref *ref, int rc)
{
	memset(ref, 0, sizeof(*ref));
	return rc;
}

int container_from_cgroup(const char *path, size_t len, struct container_ref *ref)
{
	struct walk w = { .gparent = SPAN_EMPTY, .parent = SPAN_EMPTY };
	const char *p = path, *end = path + len;

	memset(ref, 0, sizeof(*ref));
	if (!len || path[0] != '/')
		return -EINVAL;
	/* mkdir(2) makes no name with a NUL: this is no cgroup path */
	if (len == 1 || memchr(path, '\0', len))
		return -ENOENT;
	while (p < end) {
		struct span comp = next_component(&p, end);
		struct container_ref cand;

		if (!w.depth && span_eq(comp, "..")) {
			w.below_root = true;
			continue;
		}
		/* the kernel writes none of these */
		if (!comp.len || span_eq(comp, ".") || span_eq(comp, ".."))
			return no_container(ref, -ENOENT);
		memset(&cand, 0, sizeof(cand));
		note_user_service(&w, comp);
		if (match_component(&w, comp, &cand)) {
			cand.in_user_service = w.in_user_service;
			cand.user = w.user;
			*ref = cand;
			w.match_depth = w.depth + 1;
		}
		w.gparent = w.parent;
		w.parent = comp;
		w.depth++;
	}
	return ref->runtime == CONTAINER_NONE ? -ENOENT : 0;
}

bool container_same(const struct container_ref *a, const struct container_ref *b)
{
	return a->runtime == b->runtime && a->in_user_service == b->in_user_service &&
	       a->user == b->user && strcmp(a->id, b->id) == 0;
}

int container_of_process(struct procfs *pfs, pid_t pid, char **cgroup,
			 struct container_ref *ref)
{
	const char *path;
	size_t len, pathlen;
	char *data;
	int rc = procfs_read_file(pfs, pid, "cgroup", &data, &len);

	if (rc)
		return rc;
	rc = cgroup_path_parse(data, len, &path, &pathlen);
	if (!rc) {
		container_from_cgroup(path, pathlen, ref);
		if (cgroup) {
			*cgroup = strndup(path, pathlen);
			if (!*cgroup)
				rc = -ENOMEM;
		}
	}
	free(data);
	return rc;
}
