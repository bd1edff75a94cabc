// SPDX-License-Identifier: LGPL-2.1-or-later
/* The names and pods of Kubernetes' containers, from the kubelet's log directories. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "ctnames-int.h"

/* Kubernetes' DNS limits, and "NAMESPACE/POD" as kubectl names a pod. */
#define DNS_LABEL_MAX		63
#define DNS_SUBDOMAIN_MAX	253
#define POD_NAME_MAX		(DNS_LABEL_MAX + 1 + DNS_SUBDOMAIN_MAX + 1)

static bool is_lower_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
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
		return ctn_lower_hex(s, len);
	if (len != 36)
		return false;
	for (size_t i = 0; i < len; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? s[i] != '-' : !ctn_lower_hex(s + i, 1))
			return false;
	}
	return true;
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
	if (!ctn_split(buf, '_', field, 3))
		return 0;
	len = strlen(field[2]);
	if (len <= tail || strcmp(field[2] + len - (sizeof(suffix) - 1), suffix) ||
	    field[2][len - tail] != '-')
		return 0;
	field[2][len - tail] = '\0';
	id = field[2] + len - tail + 1;
	id[HEX_ID_LEN] = '\0';
	if (!ctn_lower_hex(id, HEX_ID_LEN) || !dns_name(field[0], DNS_SUBDOMAIN_MAX, true) ||
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
	if (!ctn_split(buf, '_', field, 3) || !dns_name(field[0], DNS_LABEL_MAX, false) ||
	    !dns_name(field[1], DNS_SUBDOMAIN_MAX, true) || !pod_uid(field[2]))
		return 0;
	pod_name(field[0], field[1], pod);
	return strmap_note(&cn->pods, field[2], pod, NULL);
}

static int list_container_logs(struct ctnames *cn, const char *path, uid_t owner)
{
	(void)owner;
	return ctn_list_dir(cn, path, container_log);
}

static int list_pod_logs(struct ctnames *cn, const char *path, uid_t owner)
{
	(void)owner;
	return ctn_list_dir(cn, path, pod_log);
}

/* The pod of var/log/pods for the uid, else the log link's, else the uid itself. */
int ctn_kube_names(struct ctnames *cn, const struct container_ref *ref, const char **name,
		      const char **pod)
{
	const struct strmap_entry *e;
	const char *by_uid;
	int rc = ctn_read_once(cn, "var/log/containers", CTN_ANY_OWNER, list_container_logs);

	if (rc)
		return rc;
	e = strmap_find(&cn->logs, ref->id);
	if (e) {
		*name = e->name;
		*pod = e->pod;
	}
	if (!ref->pod_uid[0])
		return 0;
	rc = ctn_read_once(cn, "var/log/pods", CTN_ANY_OWNER, list_pod_logs);
	if (rc)
		return rc;
	by_uid = strmap_name(&cn->pods, ref->pod_uid);
	if (by_uid)
		*pod = by_uid;
	else if (!*pod)
		*pod = ref->pod_uid;
	return 0;
}

