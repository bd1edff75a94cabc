// SPDX-License-Identifier: LGPL-2.1-or-later
/* Network namespace ids over rtnetlink (RTM_GETNSID). */
#include <errno.h>
#include <linux/net_namespace.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "netnsid.h"

struct nsid_request {
	struct nlmsghdr nh;
	struct rtgenmsg g;
	char pad[3];			/* rtgenmsg is 1 byte; attributes are 4-aligned */
	struct rtattr fd_attr;
	uint32_t fd;
};

static int nsid_from_reply(const char *buf, ssize_t len, int *nsid)
{
	const struct nlmsghdr *nh = (const struct nlmsghdr *)buf;
	const struct rtattr *rta;
	int rtlen;

	if (len < (ssize_t)sizeof(*nh) || !NLMSG_OK(nh, (unsigned int)len))
		return -EBADMSG;
	if (nh->nlmsg_type == NLMSG_ERROR) {
		const struct nlmsgerr *e = NLMSG_DATA(nh);

		return nh->nlmsg_len >= NLMSG_LENGTH(sizeof(*e)) && e->error ? e->error : -EBADMSG;
	}
	if (nh->nlmsg_type != RTM_NEWNSID)
		return -EBADMSG;
	rta = (const struct rtattr *)((const char *)NLMSG_DATA(nh) +
				      NLMSG_ALIGN(sizeof(struct rtgenmsg)));
	rtlen = (int)nh->nlmsg_len - (int)NLMSG_LENGTH(NLMSG_ALIGN(sizeof(struct rtgenmsg)));
	for (; RTA_OK(rta, rtlen); rta = RTA_NEXT(rta, rtlen)) {
		if (rta->rta_type == NETNSA_NSID && RTA_PAYLOAD(rta) >= sizeof(int32_t)) {
			int32_t id;

			memcpy(&id, RTA_DATA(rta), sizeof(id));
			*nsid = id;
			return 0;
		}
	}
	return -EBADMSG;
}

int netnsid_of(int nsfd, int *nsid)
{
	struct nsid_request req = {
		.nh = {
			.nlmsg_len = sizeof(req),
			.nlmsg_type = RTM_GETNSID,
			.nlmsg_flags = NLM_F_REQUEST,
			.nlmsg_seq = 1,
		},
		.g = { .rtgen_family = AF_UNSPEC },
		.fd_attr = { .rta_len = RTA_LENGTH(sizeof(uint32_t)), .rta_type = NETNSA_FD },
		.fd = (uint32_t)nsfd,
	};
	char buf[512];
	ssize_t len;
	int sock, rc;

	sock = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (sock < 0)
		return -errno;
	if (send(sock, &req, sizeof(req), 0) < 0) {
		rc = -errno;
	} else {
		len = recv(sock, buf, sizeof(buf), 0);
		rc = len < 0 ? -errno : nsid_from_reply(buf, len, nsid);
	}
	close(sock);
	return rc;
}
