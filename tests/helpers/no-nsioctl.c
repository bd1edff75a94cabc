// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * no-nsioctl COMMAND [ARG...] - run COMMAND as on a kernel older than the
 * nsfs relation ioctls (Linux 4.9): a seccomp filter fails NS_GET_PARENT and
 * NS_GET_USERNS with ENOTTY, as such a kernel does.
 */
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "nsfs-ioctl.h"

/* The low 32 bits of the request argument, where the ioctl number is. */
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define REQUEST_LOW	(offsetof(struct seccomp_data, args[1]) + 4)
#else
#define REQUEST_LOW	offsetof(struct seccomp_data, args[1])
#endif

int main(int argc, char **argv)
{
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_ioctl, 0, 4),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, REQUEST_LOW),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NS_GET_PARENT, 1, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NS_GET_USERNS, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOTTY),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = sizeof(code) / sizeof(code[0]), .filter = code };

	if (argc < 2) {
		fprintf(stderr, "usage: %s COMMAND [ARG...]\n", argv[0]);
		return 2;
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog)) {
		perror("no-nsioctl: seccomp");
		return 2;
	}
	execvp(argv[1], argv + 1);
	perror("no-nsioctl: exec");
	return 127;
}
