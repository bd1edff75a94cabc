// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * floor [TYPE...] - the least work that can count the processes of each
 * namespace of the types (default pid): readdir of /proc and one readlinkat
 * of PID/ns/TYPE each.  The benchmarks measure pidns-ls and pidns-grep
 * against it.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static char *pid_only[] = { "pid", NULL };
	char **types = argc > 1 ? argv + 1 : pid_only;
	int procfd = open("/proc", O_RDONLY | O_DIRECTORY);
	DIR *dir = fdopendir(dup(procfd));
	unsigned long readable = 0;
	struct dirent *d;
	char path[320], link[64];

	if (procfd < 0 || !dir)
		return 1;
	while ((d = readdir(dir))) {
		if (d->d_name[0] < '1' || d->d_name[0] > '9')
			continue;
		for (char **t = types; *t; t++) {
			snprintf(path, sizeof(path), "%s/ns/%s", d->d_name, *t);
			readable += readlinkat(procfd, path, link, sizeof(link)) > 0;
		}
	}
	printf("%lu\n", readable);
	closedir(dir);
	return 0;
}
