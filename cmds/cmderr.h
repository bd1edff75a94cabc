/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * How a command ends when it cannot go on.  Each command states its usage
 * and fatal exit statuses once, in cmd_init(); the helpers below are named
 * by the kind of failure and exit with the status of that kind.
 */
#ifndef PIDNS_CMDERR_H
#define PIDNS_CMDERR_H

/* The exit statuses of pgrep, which pidns-grep and pidns-map share. */
enum {
	PGREP_EXIT_FOUND = 0,	/* a match, or an answer for every pid */
	PGREP_EXIT_NONE = 1,	/* no match, or a pid without an answer */
	PGREP_EXIT_USAGE = 2,
	PGREP_EXIT_FATAL = 3,
};

/* Set by cmd_init() before anything can fail. */
void cmd_set_exit_statuses(int usage_status, int fatal_status);
int cmd_fatal_status(void);

#define CMD_PRINTF(f, a)	__attribute__((format(printf, f, a)))
#define CMD_NORETURN		__attribute__((noreturn))

/* A bad command line: the message on stderr, then the usage status. */
CMD_NORETURN CMD_PRINTF(1, 2) void usage_error(const char *fmt, ...);

/* "invalid <opt> argument: '<arg>' (<why>)", then the usage status. */
CMD_NORETURN void bad_arg(const char *opt, const char *arg, const char *why);

/* "Try 'prog --help' for more information." on stderr, then the usage status. */
CMD_NORETURN void errtryhelp(void);

/* The same, then status: for the few errors that pgrep ends with another status. */
CMD_NORETURN void errtryhelp_status(int status);

/* What stops the command that no argument caused: the message, then the fatal status. */
CMD_NORETURN CMD_PRINTF(1, 2) void fatal_error(const char *fmt, ...);

/* The same, with the text of the negative errno rc after it; -ENOMEM is err_oom(). */
CMD_NORETURN CMD_PRINTF(2, 3) void fatal_errno(int rc, const char *fmt, ...);

/* "cannot allocate memory", then the fatal status. */
CMD_NORETURN void err_oom(void);

#endif /* PIDNS_CMDERR_H */
