# SPDX-License-Identifier: GPL-2.0-or-later
# Few file descriptors: with ulimit -n 16, and even 8, each command answers
# as without a limit over a scan of every process here plus 300 of ours (a
# descriptor kept a process would run out at once); with 4 it fails with
# its fatal status and says why, never with a wrong answer.
. "$top_srcdir/tests/ts/lib.sh"

unshare --pid --fork --kill-child true 2>/dev/null ||
	skip_all "this machine does not let us create pid namespaces"
start_world
# 300 sleeps in a pid namespace beside the world's, with their sh as init.
sibling_start sh -c 'for i in $(seq 300); do sleep 600000 & done; wait'
for _ in $(seq 100); do
	[ "$(wc -w <"/proc/$S_INIT/task/$S_INIT/children")" = 300 ] && break
	sleep 0.1
done
is "$(wc -w <"/proc/$S_INIT/task/$S_INIT/children")" 300 "ground truth: 300 sleeps in a namespace"

# COMMAND|ARGUMENTS|FATAL STATUS
cases() {
	cat <<EOF
ls|-l -t pid -n -o NS,NPROCS,PID|1
ls|-l -n -o NS,TYPE,NPROCS,PID,PPID,USER,COMMAND,PNS,ONS,LEVEL,INIT,VISIBLE,NCHILDREN,NSFS,NETNSID -t pid -t net -t user -t mnt|1
ls|--tree=parent -n -o NS,NPROCS|1
ls|-n -o PID $S_NS|1
ls|-p $W_LEAF -n|1
ls|--fds -l -n -o NS,NPROCS -t pid -t net|1
grep|-c --ns $S_INIT|3
grep|-w -c --ns $S_INIT|3
grep|-c --ns $W_INIT1 --nested|3
grep|--raw --ns $S_INIT --inner --output PID,INNERPID,USER,COMMAND,CAPS|3
grep|-a -x sleep -P $S_INIT|3
map|-J $W_LEAF $W_INIT2 $W_INIT1|3
map|--ns $S_INIT $(seq -s ' ' 2 301)|3
map|--from $S_INIT --to $$ $(seq -s ' ' 2 301)|3
EOF
}

# limited N COMMAND...: COMMAND with at most N descriptors, none inherited
# but 0, 1 and 2 (make -j passes its jobserver's on).  LeakSanitizer, in an
# ASan build, spins at exit when it cannot open /proc/self/task: leaks are
# looked for in the other runs; and no run may hang the suite.
limited() {
	local fd n=$1
	shift
	for fd in $(ls "/proc/$BASHPID/fd"); do
		[ "$fd" -gt 2 ] && eval "exec $fd>&-"
	done
	export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
	ulimit -n "$n" && exec timeout -s KILL 60 "$@"
}
# What is ours in an output, blanks squeezed: other tests' processes come
# and go, and a long command line of theirs widens a column.  Ours: a line
# with our namespaces, a bare number, or one that starts with a pid of ours.
# Their namespaces also decide whether a branch of ours is drawn as the last
# one (`-) or not (|-, and | below it): of a tree only the depth is compared.
tr ' ' '\n' <"/proc/$S_INIT/task/$S_INIT/children" >"$TESTDIR/ours"
ours() {
	awk -v ns="$S_NS|$W_NS1|$W_NS2" 'NR == FNR { mine[$1]; next }
		!($0 ~ ns || /^ *[0-9]+$/ || $1 in mine) { next }
		match($0, /^[ |`]*[|`]-/) { $0 = "depth " RLENGTH / 2 ": " substr($0, RLENGTH + 1) }
		1' "$TESTDIR/ours" "$1" | tr -s ' ' | sort
}

while IFS='|' read -r cmd args fatal; do
	cmd=$top_builddir/pidns-$cmd
	"$cmd" $args >"$TESTDIR/want" 2>"$TESTDIR/want.err"
	want_rc=$?
	[ -n "$(ours "$TESTDIR/want")" ] || empty="$empty ${cmd##*/} $args;"
	for limit in 16 8; do
		(limited $limit "$cmd" $args) >"$TESTDIR/got" 2>"$TESTDIR/got.err"
		# how many processes root may not read moves as other tests run
		is "$?:$(drop_unreadable <"$TESTDIR/got.err")" \
			"$want_rc:$(drop_unreadable <"$TESTDIR/want.err")" \
			"ulimit -n $limit: ${cmd##*/} ${args:0:60}: status and stderr"
		is "$(ours "$TESTDIR/got")" "$(ours "$TESTDIR/want")" \
			"ulimit -n $limit: ${cmd##*/} ${args:0:60}: the same answer"
	done
	(limited 4 "$cmd" $args) >"$TESTDIR/got" 2>"$TESTDIR/got.err"
	is "$?:$(grep -c 'Too many open files$' "$TESTDIR/got.err"):$(drop_unreadable <"$TESTDIR/got.err" | wc -l)" \
		"$fatal:1:1" "ulimit -n 4: ${cmd##*/} ${args:0:60}: fatal, one line saying why"
done < <(cases)
is "$("$PIDNS_GREP" -c --ns "$S_INIT")" 301 "ground truth: pidns-grep counts the sh and the 300"
is "${empty:-}" "" "each answer compared has lines of ours"
done_testing
