// SPDX-License-Identifier: LGPL-2.1-or-later
/* Capabilities through libcap. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "caps.h"

int caps_self_has(cap_value_t cap)
{
	cap_flag_value_t val = CAP_CLEAR;
	cap_t caps = cap_get_proc();
	int rc;

	if (!caps)
		return -errno;
	rc = cap_get_flag(caps, cap, CAP_EFFECTIVE, &val) ? -errno : val == CAP_SET;
	cap_free(caps);
	return rc;
}

int caps_effective_text(uint64_t cap_eff, char **text)
{
	cap_t caps = cap_init();
	char *str;
	int rc = 0;

	if (!caps)
		return -errno;
	for (cap_value_t cap = 0; cap < 64 && !rc; cap++) {
		/* Bits this libcap does not know have no name to print; pass them over. */
		if ((cap_eff >> cap & 1) && cap_valid(cap) &&
		    cap_set_flag(caps, CAP_EFFECTIVE, 1, &cap, CAP_SET))
			rc = -errno;
	}
	if (!rc) {
		str = cap_to_text(caps, NULL);
		if (!str) {
			rc = -errno;
		} else {
			*text = strdup(str);
			rc = *text ? 0 : -ENOMEM;
			cap_free(str);
		}
	}
	cap_free(caps);
	return rc;
}
