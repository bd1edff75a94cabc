// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * threads - a process with a second thread, for the tests that map thread
 * ids.  Both threads wait until the process is killed.
 */
#include <pthread.h>
#include <unistd.h>

static void *wait_forever(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

int main(void)
{
	pthread_t thread;

	if (pthread_create(&thread, NULL, wait_forever, NULL))
		return 1;
	wait_forever(NULL);
}
