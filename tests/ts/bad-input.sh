# SPDX-License-Identifier: GPL-2.0-or-later
# Every option of every command with a bad value: one line on stderr naming
# the option and the value, and the exit status of the man page's EXIT STATUS
# (pidns-ls 1; pidns-grep 2 usage, 1 none; pidns-map 2 usage, 1 not found,
# 3 fatal).  Then output that cannot be written: /dev/full, a closed pipe.
. "$top_srcdir/tests/ts/lib.sh"

U64=18446744073709551616		# 2^64
NOPID=$(cat /proc/sys/kernel/pid_max)	# pids stay below it: no process has it
NET=/proc/$$/ns/net
NOTNS=4194305			# above any pid: an inode number, of no namespace
mkdir "$TESTDIR/empty"
many=NS
for _ in $(seq 128); do
	many=$many,NS
done

# COMMAND|STATUS|ARGUMENTS (shell words)|the message, after "COMMAND: "
cases() {
	cat <<EOF
ls|1|-o FOO|invalid --output argument: 'FOO' (unknown column)
ls|1|-o ''|invalid --output argument: '' (unknown column)
ls|1|-o NS,,PID|invalid --output argument: '' (unknown column)
ls|1|-o $many|invalid --output argument: '$many' (too many columns)
ls|1|-p abc|invalid --task argument: 'abc'
ls|1|-p -1|invalid --task argument: '-1'
ls|1|-p 0|invalid --task argument: '0'
ls|1|-p $U64|invalid --task argument: '$U64'
ls|1|-p 2147483648|invalid --task argument: '2147483648'
ls|1|-p ''|invalid --task argument: ''
ls|1|-p $NOPID|-p $NOPID: no such process
ls|1|-t foo|invalid --type argument: 'foo' (unknown namespace type)
ls|1|-t ''|invalid --type argument: '' (unknown namespace type)
ls|1|-t PID|invalid --type argument: 'PID' (unknown namespace type)
ls|1|--tree=foo|invalid --tree argument: 'foo' (unknown tree type)
ls|1|--tree=|invalid --tree argument: '' (unknown tree type)
ls|1|--procfs $TESTDIR/missing|cannot open $TESTDIR/missing: No such file or directory
ls|1|--procfs /etc|--procfs /etc: not a procfs (no process directory in it)
ls|1|--procfs $TESTDIR/empty|--procfs $TESTDIR/empty: not a procfs (no process directory in it)
ls|1|--procfs /etc/passwd|cannot open /etc/passwd: Not a directory
ls|1|--procfs ''|cannot open : No such file or directory
ls|1|abc|invalid namespace argument: 'abc'
ls|1|''|invalid namespace argument: ''
ls|1|$U64|invalid namespace argument: '$U64'
ls|1|$NET|invalid namespace argument: '$NET'
ls|1|$NOTNS|not found namespace: $NOTNS
ls|1|-T owner|invalid namespace argument: 'owner'; a tree of that relation is --tree=owner or -Towner
ls|1|--tree parent|invalid namespace argument: 'parent'; a tree of that relation is --tree=parent or -Tparent
ls|1|0|not found namespace: 0
grep|2|-g abc|invalid --pgroup argument: 'abc'
grep|2|-g -1|invalid --pgroup argument: '-1'
grep|2|-g $U64|invalid --pgroup argument: '$U64'
grep|2|-g ''|invalid --pgroup argument: ''
grep|2|-G no-such-group|invalid --group argument: 'no-such-group' (no such group)
grep|2|-G -1|invalid --group argument: '-1' (no such group)
grep|2|-G 4294967296|invalid --group argument: '4294967296'
grep|2|-G ''|invalid --group argument: '' (no such group)
grep|2|-O abc|invalid --older argument: 'abc'
grep|2|-O -1|invalid --older argument: '-1'
grep|2|-O $U64|invalid --older argument: '$U64'
grep|2|-O ''|invalid --older argument: ''
grep|2|-p abc|invalid --pid argument: 'abc'
grep|2|-p 1,-1|invalid --pid argument: '-1'
grep|2|-p $U64|invalid --pid argument: '$U64'
grep|2|-p 2147483648|invalid --pid argument: '2147483648'
grep|2|-p ''|invalid --pid argument: ''
grep|1|-p $NOPID|
grep|2|-P abc|invalid --parent argument: 'abc'
grep|2|-P $U64|invalid --parent argument: '$U64'
grep|2|-s abc|invalid --session argument: 'abc'
grep|2|-s -5|invalid --session argument: '-5'
grep|2|-u no-such-user|invalid --euid argument: 'no-such-user' (no such user)
grep|2|-u $U64|invalid --euid argument: '$U64'
grep|2|-u ''|invalid --euid argument: '' (no such user)
grep|2|-U no-such-user|invalid --uid argument: 'no-such-user' (no such user)
grep|2|-U 4294967296|invalid --uid argument: '4294967296'
grep|1|-t no-such-tty|
grep|1|-F $TESTDIR/missing|cannot open pidfile $TESTDIR/missing: No such file or directory
grep|1|-F /dev/null|pidfile /dev/null holds no pid
grep|1|-F ''|cannot open pidfile : No such file or directory
grep|2|--ns abc|invalid --ns argument: 'abc' (a pid, an inode number or a path)
grep|2|--ns -1|invalid --ns argument: '-1' (a pid, an inode number or a path)
grep|2|--ns ''|invalid --ns argument: '' (a pid, an inode number or a path)
grep|2|--ns $U64|invalid --ns argument: '$U64' (a pid, an inode number or a path)
grep|2|--ns 4294967296|invalid --ns argument: '4294967296' (a pid, an inode number or a path)
grep|2|--ns 0|--ns 0: no such process
grep|2|--ns $NOPID|--ns $NOPID: no such process
grep|2|--ns /etc/passwd|--ns /etc/passwd: not a namespace file
grep|2|--ns $TESTDIR/missing|--ns $TESTDIR/missing: No such file or directory
grep|2|--ns $NET|--ns $NET: not a pid namespace
grep|2|--ns $$ --nslist foo|invalid --nslist argument: 'foo' (unknown namespace type)
grep|2|--ns $$ --nslist ''|invalid --nslist argument: '' (unknown namespace type)
grep|2|--ns $$ --nslist pid,|invalid --nslist argument: '' (unknown namespace type)
grep|2|--output FOO x|invalid --output argument: 'FOO' (unknown column)
grep|2|--output '' x|invalid --output argument: '' (unknown column)
grep|2|'a('|invalid pattern argument: 'a(' (Unmatched ( or \\()
map|2|abc|invalid pid argument: 'abc'
map|2|-- -1|invalid pid argument: '-1'
map|2|0|invalid pid argument: '0'
map|2|$U64|invalid pid argument: '$U64'
map|2|2147483648|invalid pid argument: '2147483648'
map|2|''|invalid pid argument: ''
map|2|$$ abc|invalid pid argument: 'abc'
map|1|$NOPID|$NOPID: no such process
map|2|--ns abc 1|invalid --ns argument: 'abc' (a pid, an inode number or a path)
map|2|--ns '' 1|invalid --ns argument: '' (a pid, an inode number or a path)
map|2|--ns -1 1|invalid --ns argument: '-1' (a pid, an inode number or a path)
map|2|--ns $U64 1|invalid --ns argument: '$U64' (a pid, an inode number or a path)
map|2|--ns 0 1|--ns 0: no such process
map|2|--ns $NOPID 1|--ns $NOPID: no such process
map|2|--ns /etc/passwd 1|--ns /etc/passwd: not a namespace file
map|2|--ns $NET 1|--ns $NET: not a pid namespace
map|2|--ns $$ abc|invalid pid argument: 'abc'
map|2|--ns $$ $$ abc|invalid pid argument: 'abc'
map|2|--ns $NOTNS 1|no such pid namespace: $NOTNS
map|2|--from $$ --to $NOTNS 1|no such pid namespace: $NOTNS
grep|2|--ns $NOTNS sleep|no such pid namespace: $NOTNS
grep|2|--ns $NOTNS --nslist net sleep|no such net namespace: $NOTNS
map|2|--from 1 --from 1 1|--from given more than once
map|2|--ns 1 --from 1 1|--ns and --from name the same thing: give one
map|2|--from $$ --to $$ --to $$ 1|--to given more than once
map|2|--from abc --to $$ 1|invalid --from argument: 'abc' (a pid, an inode number or a path)
map|2|--from $$ --to abc 1|invalid --to argument: 'abc' (a pid, an inode number or a path)
map|2|--from $$ --to $NET 1|--to $NET: not a pid namespace
map|2|--from $$ --to $NOPID 1|--to $NOPID: no such process
map|2|--to $$ 1|--to needs --from
map|2|--ns $$ --to $$ 1|--ns prints pids as seen here; use --from with --to
map|2|-o FOO 1|invalid --output argument: 'FOO' (unknown column)
map|2|-o '' 1|invalid --output argument: '' (unknown column)
map|3|--procfs $TESTDIR/missing 1|cannot open $TESTDIR/missing: No such file or directory
map|3|--procfs /etc 1|--procfs /etc: not a procfs (no process directory in it)
map|3|--procfs $TESTDIR/empty 1|--procfs $TESTDIR/empty: not a procfs (no process directory in it)
EOF
	# -Q works when libsmartcols 2.40 or later was built with
	if "$PIDNS_LS" -Q 'NS > 0' 2>&1 >/dev/null | grep -q 'not supported'; then
		echo "ls|1|-Q 'BOGUS == 1'|--filter 'BOGUS == 1': not supported," \
			"pidns-ls was built without the libsmartcols 2.40 filter API"
	else
		echo "ls|1|-Q 'BOGUS == 1'|invalid --filter argument: 'BOGUS' (unknown column)"
	fi
}

while IFS='|' read -r cmd want args msg; do
	eval "set -- $args"
	run_cmd "$top_builddir/pidns-$cmd" "$@"
	is "$rc:$out:$err" "$want::${msg:+pidns-$cmd: $msg}" "pidns-$cmd $args"
done < <(cases)

# Output that cannot be written: a full disk reports it, a closed pipe does
# not (the reader chose to stop, as with | head), and nothing half-written.
start_named r7-out
outputs() {
	cat <<EOF
ls|
ls|-J
ls|--tree=parent
ls|-H
ls|--help
grep|-a .
grep|-c r7-out
grep|-J r7-out
map|$started
map|-J $started
map|--ns $started 1
map|--help
EOF
}

# A pipe with no reader: open the FIFO read-write (no open blocks), add a
# writer, close the reader.
mkfifo "$TESTDIR/fifo"
exec {pipe_r}<>"$TESTDIR/fifo" {pipe_w}>"$TESTDIR/fifo" {pipe_r}<&-
at_exit "exec {pipe_w}>&-"

while IFS='|' read -r cmd args; do
	eval "set -- $args"
	cmd=$top_builddir/pidns-$cmd
	"$cmd" "$@" >/dev/full 2>"$TESTDIR/err"
	full=$?
	is "$((full != 0)):$(drop_unreadable <"$TESTDIR/err")" \
		"1:${cmd##*/}: write error: No space left on device" "${cmd##*/} $args >/dev/full"
	"$cmd" "$@" >&$pipe_w 2>"$TESTDIR/err"
	is "$?:$(drop_unreadable <"$TESTDIR/err")" "141:" \
		"${cmd##*/} $args to a closed pipe: killed by SIGPIPE"
	(trap '' PIPE; exec "$cmd" "$@") >&$pipe_w 2>"$TESTDIR/err"
	is "$?:$(drop_unreadable <"$TESTDIR/err")" "0:" \
		"${cmd##*/} $args to a closed pipe, SIGPIPE ignored: EPIPE is quiet, status 0"
done < <(outputs)
check "a failed write exits with the fatal status: pidns-map 3" \
	test "$("$PIDNS_MAP" "$started" >/dev/full 2>/dev/null; echo $?)" = 3
check "a failed write exits with the fatal status: pidns-grep 3" \
	test "$("$PIDNS_GREP" r7-out >/dev/full 2>/dev/null; echo $?)" = 3

done_testing
