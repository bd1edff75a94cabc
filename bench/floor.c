// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * floor [--status] [--procfs DIR] [TYPE...] - the least work that can count
 * the processes of each namespace of the types (default pid): readdir of the
 * procfs and one readlinkat of PID/ns/TYPE each; with --status, also a read
 * of PID/status, the least that can place namespaces off the caller's view.
 * The benchmarks measure pidns-ls and pidns-grep against it.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Read PID/status whole, as a parser would; 1 when it could be read. */
static int read_status(int procfd, const char *pid)
{
	char path[320], buf[4096];
	int fd, got = 0;

	snprintf(path, sizeof(path), "%s/status", pid);
	fd = openat(procfd, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	while (read(fd, buf, sizeof(buf)) > 0)
		got = 1;
	close(fd);
	return got;
}

int main(int argc, char **argv)
{
	static char *pid_only[] = { "pid", NULL };
	const char *root = "/proc";
	int status = 0, procfd;
	unsigned long readable = 0;
	char **types, path[320], link[64];
	struct dirent *d;
	DIR *dir;

	for (argv++, argc--; argc && !strncmp(*argv, "--", 2); argv++, argc--) {
		if (!strcmp(*argv, "--status")) {
			status = 1;
		} else if (!strcmp(*argv, "--procfs") && argc > 1) {
			root = *++argv;
			argc--;
		} else {
			fprintf(stderr, "usage: floor [--status] [--procfs DIR] [TYPE...]\n");
			return 2;
		}
	}
	types = argc ? argv : pid_only;
	procfd = open(root, O_RDONLY | O_DIRECTORY);
	dir = procfd < 0 ? NULL : fdopendir(dup(procfd));
	if (!dir)
		return 1;
	while ((d = readdir(dir))) {
		if (d->d_name[0] < '1' || d->d_name[0] > '9')
			continue;
		for (char **t = types; *t; t++) {
			snprintf(path, sizeof(path), "%s/ns/%s", d->d_name, *t);
			readable += readlinkat(procfd, path, link, sizeof(link)) > 0;
		}
		if (status)
			readable += read_status(procfd, d->d_name);
	}
	printf("%lu\n", readable);
	closedir(dir);
	return 0;
}
