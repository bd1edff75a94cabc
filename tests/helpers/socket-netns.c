// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * socket-netns COMMAND [ARG...] - run COMMAND holding, as fd 3, a socket
 * made in a new network namespace that nothing else holds: COMMAND itself
 * is back in ours.  Prints that namespace's inode first.
 */
#include <fcntl.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int ours = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	struct stat st;
	int sk;

	if (argc < 2 || ours < 0 || unshare(CLONE_NEWNET) || stat("/proc/self/ns/net", &st)) {
		perror("socket-netns");
		return 125;
	}
	sk = socket(AF_INET, SOCK_DGRAM, 0);
	if (sk < 0 || setns(ours, CLONE_NEWNET) || dup2(sk, 3) != 3) {
		perror("socket-netns");
		return 125;
	}
	close(sk);
	printf("%ju\n", (uintmax_t)st.st_ino);
	fflush(stdout);
	execvp(argv[1], argv + 1);
	perror(argv[1]);
	return 127;
}
