# SPDX-License-Identifier: GPL-2.0-or-later
# valgrind memcheck on each command on the 3-level world: no error, no leak.
. "$top_srcdir/tests/ts/lib.sh"

command -v valgrind >/dev/null || skip_all "valgrind is not installed"
# valgrind cannot run what ASan instruments; the plain build of the suite runs this.
ldd "$PIDNS_LS" | grep -q libasan && skip_all "an ASan build"
unshare --pid --fork --kill-child true 2>/dev/null ||
	skip_all "this machine does not let us create pid namespaces"
start_world

# memcheck COMMAND...: no error, no leak, and no descriptor left open that
# the command opened (--track-fds lists each; the inherited ones say so).
memcheck() {
	valgrind -q --suppressions="$top_srcdir/tests/valgrind.supp" --leak-check=full --show-leak-kinds=definite,indirect,possible \
		--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
		--track-fds=yes --log-file="$TESTDIR/vg.log" "$@" >/dev/null 2>"$TESTDIR/vg.err"
	rc=$?
	fds=$(awk '/ Open (file descriptor|AF_)/ { open = 1; next }
		open { n += !/inherited from parent/; open = 0 } END { print n + 0 }' "$TESTDIR/vg.log")
	tap_result $((rc == 99 || rc > 128 || fds > 0)) "memcheck: ${*#$top_builddir/}"
	# valgrind does not know the nsfs ioctls and says so; only errors matter
	[ $rc -eq 99 ] || [ "$fds" -gt 0 ] && grep -v -e 'unhandled ioctl' -e 'spurious value errors' \
		-e README_MISSING "$TESTDIR/vg.log" | sed 's/^/# /' | head -n 40
}

memcheck "$PIDNS_LS" -t pid --output-all
memcheck "$PIDNS_LS" -t pid -t net -t user --tree=parent -J
memcheck "$PIDNS_LS" --tree=owner -r
memcheck "$PIDNS_LS" -l -u -o NS,TYPE,PATH,NPROCS,PID,PPID,COMMAND,UID,USER,NETNSID,NSFS -t net
memcheck "$PIDNS_LS" -p "$W_LEAF" -J
memcheck "$PIDNS_LS" "$W_NS2"
memcheck "$PIDNS_LS" --procfs "$FIXTURES/procfs-article" --tree=parent -o NS,PNS,LEVEL,NPROCS
memcheck "$PIDNS_GREP" -a --ns "$W_INIT1" --nested --inner .
memcheck "$PIDNS_GREP" -J --output PID,INNERPID,PPID,USER,UID,STATE,NS,LEVEL,COMM,COMMAND,CAPS \
	--ns "$W_INIT1" --nested
memcheck "$PIDNS_GREP" -w -l -d , .
memcheck "$PIDNS_GREP" -a -Q -n --ns "$W_LEAF" --nslist pid,net,mnt
memcheck "$PIDNS_GREP" -c -v -f sleep
memcheck "$PIDNS_GREP" --env PATH -p "$W_LEAF"
memcheck "$PIDNS_GREP" -J --output PID,CGROUP,RUNTIME,CONTAINER,NAME,POD .
memcheck "$PIDNS_MAP" "$W_LEAF"
memcheck "$PIDNS_MAP" -J "$W_LEAF" "$W_INIT2" "$W_INIT1"
memcheck "$PIDNS_MAP" -r -o PID,NS,COMMAND "$W_LEAF"
memcheck "$PIDNS_MAP" -o LEVEL,CGROUP,RUNTIME,CONTAINER,NAME,POD "$W_LEAF"
memcheck "$PIDNS_MAP" --ns "$W_INIT2" 2
memcheck "$PIDNS_MAP" --from "$W_INIT2" --to "$W_INIT1" 2
memcheck "$PIDNS_MAP" --from "$W_INIT1" --to "$W_INIT2" 3
PIDNS_MAP_NO_IOCTL=1 memcheck "$PIDNS_MAP" --from "$W_INIT2" --to "$W_INIT1" 2
PIDNS_MAP_NO_IOCTL=1 memcheck "$PIDNS_MAP" --from "$W_INIT1" --to "$W_INIT2" 3
memcheck "$PIDNS_MAP" --ns "$W_INIT2" 99
done_testing
