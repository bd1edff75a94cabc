// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * floor - the least work that can count the processes of each pid namespace:
 * readdir of /proc and one readlinkat of PID/ns/pid each.  The benchmarks
 * measure pidns-ls and pidns-grep against it.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void)
{
	int procfd = open("/proc", O_RDONLY | O_DIRECTORY);
	DIR *dir = fdopendir(dup(procfd));
	unsigned long readable = 0;
	struct dirent *d;
	char path[64], link[64];

	if (procfd < 0 || !dir)
		return 1;
	while ((d = readdir(dir))) {
		if (d->d_name[0] < '1' || d->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "%s/ns/pid", d->d_name);
		readable += readlinkat(procfd, path, link, sizeof(link)) > 0;
	}
	printf("%lu\n", readable);
	closedir(dir);
	return 0;
}
