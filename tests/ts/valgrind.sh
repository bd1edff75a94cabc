# SPDX-License-Identifier: GPL-2.0-or-later
# valgrind memcheck on each command on the 3-level world: no error, no leak.
. "$top_srcdir/tests/ts/lib.sh"

command -v valgrind >/dev/null || skip_all "valgrind is not installed"
# valgrind cannot run what ASan instruments; the plain build of the suite runs this.
ldd "$PIDNS_LS" | grep -q libasan && skip_all "an ASan build"
unshare --pid --fork --kill-child true 2>/dev/null ||
	skip_all "this machine does not let us create pid namespaces"
start_world

memcheck() {
	valgrind -q --suppressions="$top_srcdir/tests/valgrind.supp" --leak-check=full --show-leak-kinds=definite,indirect,possible \
		--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
		--log-file="$TESTDIR/vg.log" "$@" >/dev/null 2>"$TESTDIR/vg.err"
	rc=$?
	tap_result $((rc == 99 || rc > 128)) "memcheck: ${*#$top_builddir/}"
	# valgrind does not know the nsfs ioctls and says so; only errors matter
	[ $rc -eq 99 ] && grep -v -e 'unhandled ioctl' -e 'spurious value errors' \
		-e README_MISSING "$TESTDIR/vg.log" | sed 's/^/# /' | head -n 40
}

memcheck "$PIDNS_LS" -t pid --output-all
memcheck "$PIDNS_LS" -t pid -t net -t user --tree=parent -J
memcheck "$PIDNS_LS" --tree=owner
memcheck "$PIDNS_LS" "$W_NS2"
memcheck "$PIDNS_MAP" "$W_LEAF"
memcheck "$PIDNS_MAP" --ns "$W_INIT2" 2
PIDNS_MAP_NO_IOCTL=1 memcheck "$PIDNS_MAP" --from "$W_INIT2" --to "$W_INIT1" 2
memcheck "$PIDNS_MAP" --ns "$W_INIT2" 99
done_testing
