// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * churn - create and reap short-lived processes and pid namespaces, as fast
 * as it can, for the race tests: churn SECONDS MAXLIVE.  At most MAXLIVE
 * children live at once; one in four makes a pid namespace with an init
 * that lives a moment.  It stops after SECONDS, or at SIGTERM, reaps all,
 * and prints "<processes> processes, <namespaces> pid namespaces".
 */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stop;

static void on_term(int sig)
{
	(void)sig;
	stop = 1;
}

/* A child: exits at once, lives a moment, or makes a pid namespace whose init does. */
static void child(unsigned long n)
{
	pid_t init;

	if (n % 4 == 0) {
		if (unshare(CLONE_NEWPID))
			_exit(1);
		init = fork();
		if (init == 0) {
			usleep(2000);
			_exit(0);
		}
		if (init > 0)
			waitpid(init, NULL, 0);
		_exit(init > 0 ? 0 : 1);
	}
	if (n % 4 == 1)
		usleep(1000);
	_exit(0);
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_term };
	unsigned long made = 0, namespaces = 0, live = 0, maxlive;
	time_t end;

	if (argc != 3) {
		fprintf(stderr, "usage: churn SECONDS MAXLIVE\n");
		return 2;
	}
	end = time(NULL) + atol(argv[1]);
	maxlive = strtoul(argv[2], NULL, 10);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);

	while (!stop && time(NULL) < end) {
		pid_t pid;

		/* reap what has ended; wait for one when as many live as allowed */
		while (live && waitpid(-1, NULL, live >= maxlive ? 0 : WNOHANG) > 0)
			live--;
		pid = fork();
		if (pid == 0)
			child(made);
		if (pid < 0) {
			if (errno != EAGAIN)
				break;
			continue;
		}
		namespaces += made % 4 == 0;
		made++;
		live++;
	}
	while (waitpid(-1, NULL, 0) > 0 || errno == EINTR)
		;
	printf("%lu processes, %lu pid namespaces\n", made + namespaces, namespaces);
	return 0;
}
