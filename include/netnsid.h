/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The id a network namespace has in the caller's one (ip-netns(8) "set"). */
#ifndef PIDNS_NETNSID_H
#define PIDNS_NETNSID_H

/* Returned in *nsid for a namespace that has no id in the caller's one. */
#define NETNSID_UNASSIGNED	(-1)

/*
 * Ask the kernel over rtnetlink (RTM_GETNSID) which id the caller's network
 * namespace gives to the network namespace of nsfd.  Returns 0 or a
 * negative errno.
 */
int netnsid_of(int nsfd, int *nsid);

#endif /* PIDNS_NETNSID_H */
