// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mkworld - build a world for the benchmarks: NPROCS processes spread over
 * NNS pid namespaces nested in chains of up to three (like the article's
 * host -> intermediate -> container), print what it made, and hold it until
 * stdin closes or a signal comes.  Every namespace dies with its init, and
 * every init dies with its parent (PR_SET_PDEATHSIG), so killing mkworld
 * tears down exactly what it made.
 *
 * Output, one line each: "ns INODE init HOSTPID level LEVEL", then
 * "sample NSINIT PID_INSIDE HOSTPID" for one member of the deepest namespace
 * of the first chain, then "ready".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <err.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHAIN_DEPTH	3

/*
 * fork() into a new pid namespace.  clone with no new stack goes on like
 * fork; unshare could not make a second namespace for the same process.
 */
static pid_t fork_newpid(void)
{
	return (pid_t)syscall(SYS_clone, CLONE_NEWPID | SIGCHLD, 0, 0, 0, 0);
}

static void __attribute__((noreturn)) wait_forever(void)
{
	for (;;)
		pause();
}

/*
 * As init of a new pid namespace: fork the members (the init is one of them)
 * and, down the chain, the init of the next namespace, which goes on here in
 * its turn; then tell mkworld on the report pipe, and reap.
 */
static void __attribute__((noreturn)) run_init(unsigned long members, int depth, int report)
{
	char ready = 'r';
	pid_t child;

	for (;;) {
		/* our parent is outside the namespace: die with it, whatever it is */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		prctl(PR_SET_NAME, "bench-init");
		for (unsigned long i = 1; i < members; i++) {
			child = fork();
			if (child < 0)
				_exit(1);
			if (child == 0) {
				prctl(PR_SET_PDEATHSIG, SIGKILL);
				prctl(PR_SET_NAME, "bench-member");
				wait_forever();
			}
		}
		if (depth == 1)
			break;
		child = fork_newpid();
		if (child < 0)
			_exit(1);
		if (child > 0)
			break;
		depth--;	/* the child: the next init */
	}
	if (write(report, &ready, 1) != 1)
		_exit(1);
	/* an init must reap, or zombies would stay in the counts */
	for (;;) {
		if (wait(NULL) < 0 && errno == ECHILD)
			wait_forever();
	}
}

static void print_ns(pid_t hostpid, int level)
{
	char path[64];
	struct stat st;

	snprintf(path, sizeof(path), "/proc/%d/ns/pid", hostpid);
	if (stat(path, &st))
		err(1, "%s", path);
	printf("ns %ju init %d level %d\n", (uintmax_t)st.st_ino, hostpid, level);
}

/* The first child of pid, from /proc/PID/task/PID/children. */
static pid_t first_child(pid_t pid, pid_t skip_below)
{
	char path[64];
	FILE *f;
	long child, found = 0;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/children", pid, pid);
	f = fopen(path, "r");
	if (!f)
		err(1, "%s", path);
	/* the init forks its members first and the next init last */
	while (fscanf(f, "%ld", &child) == 1) {
		if (child > skip_below)
			found = child;
	}
	fclose(f);
	return (pid_t)found;
}

int main(int argc, char **argv)
{
	unsigned long nprocs, nns, chains, per_ns, made = 0;
	int report[2];
	pid_t first = 0;

	if (argc != 3)
		errx(2, "usage: mkworld NPROCS NNS");
	nprocs = strtoul(argv[1], NULL, 10);
	nns = strtoul(argv[2], NULL, 10);
	if (!nns || nprocs < nns)
		errx(2, "need at least one namespace and one process for each");
	chains = (nns + CHAIN_DEPTH - 1) / CHAIN_DEPTH;
	per_ns = nprocs / nns;
	if (pipe(report))
		err(1, "pipe");

	for (unsigned long c = 0; c < chains; c++) {
		int depth = (int)(nns - c * CHAIN_DEPTH < CHAIN_DEPTH ?
				  nns - c * CHAIN_DEPTH : CHAIN_DEPTH);
		pid_t child;

		child = fork_newpid();
		if (child < 0)
			err(1, "clone");
		if (child == 0) {
			close(report[0]);
			run_init(per_ns, depth, report[1]);
		}
		if (!first)
			first = child;
		made += (unsigned long)depth;
	}
	close(report[1]);
	for (unsigned long i = 0; i < made; i++) {
		char c;

		if (read(report[0], &c, 1) != 1)
			errx(1, "a namespace did not come up");
	}

	/* Report the namespaces of the first chain and a member at its bottom. */
	{
		pid_t init = first, below;
		int level = 1;

		print_ns(init, level);
		while ((below = first_child(init, 0)) && level < CHAIN_DEPTH &&
		       made > 1) {
			char path[64];
			struct stat a, b;

			snprintf(path, sizeof(path), "/proc/%d/ns/pid", init);
			stat(path, &a);
			snprintf(path, sizeof(path), "/proc/%d/ns/pid", below);
			stat(path, &b);
			if (a.st_ino == b.st_ino)
				break;
			init = below;
			print_ns(init, ++level);
		}
		printf("sample %d 1 %d\n", init, init);
	}
	printf("ready\n");
	fflush(stdout);

	/* Hold the world until stdin closes; our death takes it all down. */
	while (getchar() != EOF)
		;
	return 0;
}
