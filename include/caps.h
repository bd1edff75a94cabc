/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Capabilities through libcap: what the caller may read, what a process holds. */
#ifndef PIDNS_CAPS_H
#define PIDNS_CAPS_H

#include <stdint.h>
#include <sys/capability.h>

/*
 * Reading the ns links and environment of another user's processes takes
 * CAP_SYS_PTRACE (ptrace access mode read, see proc(5)).
 */
#define CAPS_READ_OTHERS	CAP_SYS_PTRACE

/* Returns 1 when the calling process has cap in its effective set, 0 when not, <0 on error. */
int caps_self_has(cap_value_t cap);

/*
 * libcap's text form (cap_to_text(3)) of an effective set given as the
 * CapEff mask of /proc/PID/status, e.g. "cap_net_raw=e", or "=" for none.
 * *text is allocated; returns 0 or a negative errno.
 */
int caps_effective_text(uint64_t cap_eff, char **text);

#endif /* PIDNS_CAPS_H */
