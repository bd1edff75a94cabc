// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * rooted DIR: take DIR as the root and wait to be killed, a process whose
 * /proc/PID/root is DIR though DIR holds no program to run.  Under
 * unshare --pid --fork --mount it is the init of a container's namespaces.
 */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: rooted DIR\n");
		return 2;
	}
	if (chroot(argv[1]) || chdir("/")) {
		perror(argv[1]);
		return 1;
	}
	for (;;)
		pause();
}
