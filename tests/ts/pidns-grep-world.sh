# SPDX-License-Identifier: GPL-2.0-or-later
# pidns-grep on a real 3-level world: --ns as pgrep has it where pgrep is
# right, the ground truth where it is not, and --nested and --inner against
# the NSpid values of the processes we started.
. "$top_srcdir/tests/ts/lib.sh"

command -v unshare >/dev/null || skip_all "unshare(1) is not installed"
unshare --pid --fork --kill-child true 2>/dev/null ||
	skip_all "this machine does not let us create pid namespaces"
# The leaf has a net namespace of its own, a second thread, and a name.
ln -s "$HELPERS/threads" "$TESTDIR/pgw-leaf"
start_world "unshare --net $TESTDIR/pgw-leaf"
sibling_start

W_THREAD=$(ls "/proc/$W_LEAF/task" | grep -vx "$W_LEAF")
nspid() { sed -n 's/^NSpid:[[:space:]]*//p' "/proc/$1/status" | tr -s '\t ' ' '; }
# The pid of task $1 at level $2 of its NSpid line.
pid_at() { nspid "$1" | cut -d' ' -f"$(($2 + 1))"; }

is "$(nspid "$W_LEAF" | cut -d' ' -f2-)" "3 2" "ground truth: the leaf is 3 and 2"
is "$(nspid "$W_THREAD" | cut -d' ' -f2-)" "4 3" "ground truth: its thread is 4 and 3"
check "ground truth: the leaf has a net namespace of its own" \
	test "$(ns_of "$W_LEAF" net)" != "$(ns_of "$W_INIT2" net)"

# --ns names a namespace three ways; pgrep knows pids only.
for ref in "$W_INIT2" "$W_NS2" "/proc/$W_INIT2/ns/pid"; do
	is "$("$PIDNS_GREP" --ns "$ref")" "$W_INIT2
$W_LEAF" "--ns $ref: the inner namespace's processes"
done
is "$("$PIDNS_GREP" -a --ns "$W_INIT2")" "$(pgrep -a --ns "$W_INIT2" --nslist pid)" \
	"--ns, as pgrep --nslist pid"
is "$("$PIDNS_GREP" -w -l --ns "$W_INIT1")" "$(pgrep -w -l --ns "$W_INIT1" --nslist pid)" \
	"--ns -w, as pgrep --nslist pid"
is "$("$PIDNS_GREP" --ns "$S_INIT" -l)" "$(pgrep --ns "$S_INIT" --nslist pid -l)" \
	"--ns of the sibling, as pgrep"
# (the world shares our network namespace: -P keeps other tests' processes out)
is "$("$PIDNS_GREP" --ns "$W_LEAF" --nslist net -P "$W_INIT2")" \
	"$(pgrep --ns "$W_LEAF" --nslist net -P "$W_INIT2")" "--nslist net, as pgrep"

# --inner: the pids inside, as the kernel gives them.
is "$("$PIDNS_GREP" -a --ns "$W_INIT2" --inner pgw-leaf)" "2 $TESTDIR/pgw-leaf" \
	"--inner -a: the leaf is 2 inside"
is "$("$PIDNS_GREP" --ns "$W_INIT2" --inner -w)" "$(pid_at "$W_INIT2" 2)
$(pid_at "$W_LEAF" 2)
$(pid_at "$W_THREAD" 2)" "--inner -w: every task's NSpid of the inner level"
is "$("$PIDNS_GREP" --ns "$W_INIT1" --inner -l)" "1 unshare" "--inner: the intermediate init"
is "$("$PIDNS_GREP" --ns "$W_INIT1" --nested --inner -w -d ' ')" \
	"$(pid_at "$W_INIT1" 1) $(pid_at "$W_INIT2" 1) $(pid_at "$W_LEAF" 1) $(pid_at "$W_THREAD" 1)" \
	"--nested --inner -w: every task below, by its NSpid of level 1"
is "$("$PIDNS_GREP" --ns "$W_INIT1" --nested)" "$W_INIT1
$W_INIT2
$W_LEAF" "--nested: the intermediate namespace and the inner one"
is "$("$PIDNS_GREP" --ns "$W_INIT2" --nested)" "$W_INIT2
$W_LEAF" "--nested: nothing below the innermost"
is "$("$PIDNS_GREP" --ns "$S_INIT" --nested -c)" 2 "--nested: not the world beside"
check "--nested from the top: the world and the sibling" \
	test "$("$PIDNS_GREP" --ns $$ --nested -P "$W_INIT2,$S_INIT")" = "$W_LEAF
$(children_of "$S_INIT")"
is "$("$PIDNS_GREP" --ns "$W_NS1" --nested --inner -n)" "$(pid_at "$W_LEAF" 1)" \
	"--nested --inner -n: the newest"

# Every listed type must match; pgrep keeps the last of --nslist.
is "$("$PIDNS_GREP" --ns "$W_INIT2" --nslist pid,net)" "$W_INIT2" \
	"--nslist pid,net: the leaf is in the pid namespace but not the net one"
is "$("$PIDNS_GREP" --ns "$W_LEAF" --nslist net,pid)" "$W_LEAF" "--nslist net,pid: the leaf"
is "$("$PIDNS_GREP" --ns "$W_LEAF" --nslist pid,net,mnt,uts,ipc,user,cgroup,time -w -c)" 2 \
	"--nslist of every type: the leaf's two threads"

# Table output, against what the kernel says.
want=
for task in "$W_INIT1" "$W_INIT2" "$W_LEAF"; do
	level=$(($(nspid "$task" | wc -w) - 1))
	want="$want$task $(pid_at "$task" 1) $level $(ns_of "$task" pid)
"
done
is "$("$PIDNS_GREP" --ns "$W_INIT1" --nested --raw --noheadings \
	--output PID,INNERPID,LEVEL,NS)
" "$want" "--output PID,INNERPID,LEVEL,NS"
is "$("$PIDNS_GREP" --ns "$W_INIT2" -J --output PID,INNERPID,PPID,COMM pgw | jq -c .)" \
	"{\"processes\":[{\"pid\":$W_LEAF,\"innerpid\":2,\"ppid\":$W_INIT2,\"comm\":\"pgw-leaf\"}]}" \
	"-J: numbers and strings under \"processes\""
run_cmd "$PIDNS_GREP" -J --ns "$W_INIT2" pgw \
	--output PID,INNERPID,PPID,USER,UID,STATE,NS,LEVEL,COMM,COMMAND,CAPS
is "$(printf '%s\n' "$out" | jq -c '.processes[0] | [keys_unsorted, (map(type) | unique)]')" \
	'[["pid","innerpid","ppid","user","uid","state","ns","level","comm","command","caps"],["number","string"]]' \
	"-J: every column"
is "$(printf '%s\n' "$out" | jq -r '.processes[0] | "\(.user) \(.state) \(.level) \(.command)"')" \
	"root S 2 $TESTDIR/pgw-leaf" "-J: user, state, level, command"
is "$("$PIDNS_GREP" --raw --noheadings --output INNERPID -p "$W_LEAF")" 2 \
	"INNERPID without --ns: the pid in its own namespace"

# References that name nothing, or nothing we may read.
run_cmd "$PIDNS_GREP" --ns abc
is "$rc:$out:$err" \
	"2::pidns-grep: invalid --ns argument: 'abc' (a pid, an inode number or a path)" \
	"--ns abc: an error, not another option"
run_cmd "$PIDNS_GREP" --ns 2147483
is "$rc:$err" "2:pidns-grep: --ns 2147483: no such process" "--ns of a pid that does not exist"
run_cmd "$PIDNS_GREP" --ns "/proc/$W_INIT2/ns/net"
is "$rc:$err" "2:pidns-grep: --ns /proc/$W_INIT2/ns/net: not a pid namespace" \
	"--ns of a net namespace file"
run_cmd "$PIDNS_GREP" --ns "/proc/$W_INIT2/ns/pid" --nslist pid,net
is "$rc:$err" "2:pidns-grep: --ns /proc/$W_INIT2/ns/pid: not a net namespace" \
	"--ns of one namespace file with two types"
run_cmd "$PIDNS_GREP" --ns "$W_NS2" --nslist pid,net
is "$rc:$err" \
	"2:pidns-grep: --ns $W_NS2: an inode number names one namespace; give --nslist one type" \
	"--ns of an inode number with two types"
run_cmd "$PIDNS_GREP" --ns "$W_INIT2" --nslist pid,foo
is "$rc:$err" "2:pidns-grep: invalid --nslist argument: 'foo' (unknown namespace type)" "--nslist of an unknown type"
if [ -r /proc/1/ns/pid ] && stat -L /proc/1/ns/pid >/dev/null 2>&1; then
	echo "ok $((tap_count += 1)) # SKIP /proc/1/ns/pid is readable here"
	echo "ok $((tap_count += 1)) # SKIP /proc/1/ns/pid is readable here"
else
	# We have CAP_SYS_PTRACE: something else keeps us out, so the message names no capability.
	run_cmd "$PIDNS_GREP" --ns 1
	is "$rc:$out:$err" "2::pidns-grep: --ns 1: permission denied" \
		"--ns of a process whose link we may not read: an error (pgrep lists pid 1)"
	check "a process whose link we may not read does not match" \
		test "$("$PIDNS_GREP" --ns $$ -p 1 -c)" = 0
fi

run_cmd "$PIDNS_GREP" --inner -l
is "$rc:$err" "2:pidns-grep: --inner needs --ns" "--inner without --ns"
run_cmd "$PIDNS_GREP" --nested x
is "$rc:$err" "2:pidns-grep: --nested needs --ns" "--nested without --ns"
run_cmd "$PIDNS_GREP" --ns "$W_INIT2" --nslist net --inner
is "$rc:$err" "2:pidns-grep: --inner needs pid in --nslist" "--inner without pid in --nslist"
run_cmd "$PIDNS_GREP" --ns "$W_INIT2" --inner -v
is "$rc:$err" "2:pidns-grep: mutually exclusive arguments: --inverse --inner" "--inner with -v"

world_stop
sibling_stop
check "the world is gone after the test" test ! -d "/proc/$W_LEAF"
done_testing
