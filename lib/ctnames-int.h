/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* What the parts of ctnames share: the cache, and reading each of the root's files once. */
#ifndef PIDNS_CTNAMES_INT_H
#define PIDNS_CTNAMES_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "ctnames.h"
#include "jsonscan.h"
#include "rootfile.h"
#include "strmap.h"

#define HEX_ID_LEN	64

/* The owner of a file that anyone may own: the engines' own, below the root's var/. */
#define CTN_ANY_OWNER	ROOTFILE_ANY_OWNER

struct ctnames {
	int rootfd;
	struct strmap answers;	/* answer key of a ref: its name and pod */
	struct strmap read;	/* paths of the files and directories read already */
	struct strmap homes;	/* decimal uid: the home, relative to the root */
	struct strmap names;	/* config.v2.json path, or containers.json path '\n' id: the name */
	struct strmap logs;	/* container id: name and pod from var/log/containers */
	struct strmap pods;	/* pod uid: its pod from var/log/pods */
};

bool ctn_lower_hex(const char *s, size_t n);

/* Cut s in place at each sep; true when it made exactly n fields. */
bool ctn_split(char *s, char sep, char **field, size_t n);

/*
 * Scan the JSON of path with fn (see json_scan()), a file that owner owns
 * unless owner is CTN_ANY_OWNER.  Returns 0, 1 when it cannot be read, or
 * what json_scan() returns (-EINVAL: no strict JSON).
 */
int ctn_scan_json(struct ctnames *cn, const char *path, uid_t owner, json_string_fn fn,
		  void *ctx);

/* The text of path, or *buf NULL when it cannot be read: only a lack of memory is an error. */
int ctn_read_text(struct ctnames *cn, const char *path, uid_t owner, char **buf, size_t *len);

/* Call each for every name in the directory path; one that cannot be listed has none. */
int ctn_list_dir(struct ctnames *cn, const char *path,
		 int (*each)(struct ctnames *cn, const char *name));

/*
 * Read or list path with load unless that was done: each is read at most
 * once per cn.  Returns what load returns (0, or -ENOMEM).
 */
int ctn_read_once(struct ctnames *cn, const char *path, uid_t owner,
		  int (*load)(struct ctnames *cn, const char *path, uid_t owner));

/* The names of ctnames_lookup(), by runtime: Docker's, podman's, and the kubelet's. */
int ctn_docker_name(struct ctnames *cn, const struct container_ref *ref, const char **name);
int ctn_podman_name(struct ctnames *cn, const struct container_ref *ref, const char **name);
int ctn_kube_names(struct ctnames *cn, const struct container_ref *ref, const char **name,
		   const char **pod);

#endif /* PIDNS_CTNAMES_INT_H */
