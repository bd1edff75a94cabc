/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* gettext glue: _() translates now, N_() marks a string for later. */
#ifndef PIDNS_NLS_H
#define PIDNS_NLS_H

#ifdef ENABLE_NLS
# include <libintl.h>
# define _(s)	gettext(s)
#else
# define _(s)	(s)
# define textdomain(d)
# define bindtextdomain(d, dir)
#endif
#define N_(s)	(s)

#endif /* PIDNS_NLS_H */
