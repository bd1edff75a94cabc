# SPDX-License-Identifier: GPL-2.0-or-later
# pidns-map on a real 3-level world, against the NSpid values of the processes
# we started, through the ioctls and through the /proc fallback.
. "$top_srcdir/tests/ts/lib.sh"

command -v unshare >/dev/null || skip_all "unshare(1) is not installed"
unshare --pid --fork --kill-child true 2>/dev/null ||
	skip_all "this machine does not let us create pid namespaces"
start_world "$HELPERS/threads"
sibling_start

root_ns=$(ns_of $$ pid)
W_THREAD=$(ls "/proc/$W_LEAF/task" | grep -vx "$W_LEAF")
nspid() { sed -n 's/^NSpid:[[:space:]]*//p' "/proc/$1/status" | tr -s '\t ' ' '; }

# What we built, as the kernel reports it.
is "$(nspid "$W_INIT1" | cut -d' ' -f2-)" "1" "ground truth: the intermediate init is 1 inside"
is "$(nspid "$W_INIT2" | cut -d' ' -f2-)" "2 1" "ground truth: the inner init is 2 and 1"
is "$(nspid "$W_LEAF" | cut -d' ' -f2-)" "3 2" "ground truth: the leaf is 3 and 2"
is "$(nspid "$W_THREAD" | cut -d' ' -f2-)" "4 3" "ground truth: its thread is 4 and 3"

# Every level of every task, with the namespace of each level.
ns_at=("$root_ns" "$W_NS1" "$W_NS2")
init_at=("$$" "$W_INIT1" "$W_INIT2")
for task in "$W_INIT1" "$W_INIT2" "$W_LEAF" "$W_THREAD"; do
	want= level=0
	for pid in $(nspid "$task"); do
		want="$want$level ${ns_at[$level]} $pid
"
		level=$((level + 1))
	done
	is "$("$PIDNS_MAP" -r -n -o LEVEL,NS,PID "$task")
" "$want" "pidns-map $task: every level with its namespace"
done
is "$("$PIDNS_MAP" -r -n -o LEVEL,PID,TGID "$W_THREAD" | tail -n1)" "2 3 2" \
	"a thread: PID is its own id, TGID its process's, inside too"
is "$("$PIDNS_MAP" -J "$W_LEAF" | jq -c '[.levels[] | keys_unsorted]')" \
	'[["level","ns","pid","tgid","pgid","sid","command"],["level","ns","pid","tgid","pgid","sid","command"],["level","ns","pid","tgid","pgid","sid","command"]]' \
	"-J: the documented shape"

# Both ways, at every level, with the namespace named three ways, by both paths.
for way in ioctl fallback; do
	[ $way = fallback ] && export PIDNS_MAP_NO_IOCTL=1
	bad=0 count=0
	for task in "$W_INIT1" "$W_INIT2" "$W_LEAF" "$W_THREAD"; do
		level=0
		for pid in $(nspid "$task"); do
			init=${init_at[$level]}
			for ref in "$init" "${ns_at[$level]}" "/proc/$init/ns/pid"; do
				got=$("$PIDNS_MAP" --ns "$ref" "$pid" 2>&1)
				back=$("$PIDNS_MAP" --from "/proc/$$/ns/pid" --to "$ref" "$task" 2>&1)
				count=$((count + 1))
				if [ "$got:$back" != "$task:$pid" ]; then
					bad=$((bad + 1))
					echo "# $way: --ns $ref $pid -> $got, want $task; back $back, want $pid"
				fi
			done
			level=$((level + 1))
		done
	done
	is "$bad" 0 "$way: $count translations of 4 tasks at every level, both ways"
	is "$("$PIDNS_MAP" --from "$W_INIT2" --to "$W_INIT1" 2 3 1)" "3
4
2" "$way: from the inner namespace to the intermediate one"

	run_cmd "$PIDNS_MAP" --from "$W_INIT1" --to "$W_INIT2" 1
	is "$rc:$err" "1:pidns-map: 1: not visible in pid namespace $W_NS2" \
		"$way: the intermediate init is not visible in the inner namespace"
	run_cmd "$PIDNS_MAP" --from "$W_INIT2" --to "$S_INIT" 2
	is "$rc:$err" "1:pidns-map: 2: not visible in pid namespace $S_NS" \
		"$way: nothing is visible in a sibling's namespace"
	run_cmd "$PIDNS_MAP" --ns "$W_INIT2" 2 99
	is "$rc:$out:$err" "1:$W_LEAF:pidns-map: 99: no such process in pid namespace $W_NS2" \
		"$way: a pid the namespace does not have, beside one it has"
done
unset PIDNS_MAP_NO_IOCTL

run_cmd "$PIDNS_MAP" 2147483647
is "$rc:$err" "1:pidns-map: 2147483647: no such process" "a pid that does not exist"
run_cmd "$PIDNS_MAP" x
is "$rc:$err" "2:pidns-map: invalid pid argument: 'x'" "a pid that is not a number"
run_cmd "$PIDNS_MAP" --ns abc 1
is "$rc:$err" "2:pidns-map: invalid --ns argument: 'abc' (a pid, an inode number or a path)" \
	"--ns that is not a namespace reference"
run_cmd "$PIDNS_MAP" --ns 2147483 1
is "$rc:$err" "2:pidns-map: --ns 2147483: no such process" "--ns of a pid that does not exist"
run_cmd "$PIDNS_MAP" --ns /proc/$$/ns/net 1
is "$rc:$err" "2:pidns-map: --ns /proc/$$/ns/net: not a pid namespace" "--ns of a net namespace"
run_cmd "$PIDNS_MAP" --to "$W_INIT1" 1
is "$rc:$err" "2:pidns-map: --to needs --from" "--to alone"
run_cmd "$PIDNS_MAP"
is "$rc" 2 "no pid: usage error"

mkfifo "$TESTDIR/fifo"
run_cmd timeout 10 "$PIDNS_MAP" --ns "$TESTDIR/fifo" 1
is "$rc:$err" "2:pidns-map: --ns $TESTDIR/fifo: not a namespace file" "--ns of a FIFO: an error, not a hang"

# A uid above INT_MAX is an ordinary uid.
if command -v setpriv >/dev/null; then
	setpriv --reuid=3000000000 --regid=3000000000 --clear-groups sleep 600000 &
	big=$!
	at_exit "{ kill -KILL $big; wait $big; } 2>/dev/null"
	for _ in $(seq 50); do grep -q '^Uid:.*3000000000' "/proc/$big/status" && break; sleep 0.1; done
	is "$("$PIDNS_MAP" -r -n -o LEVEL,PID "$big")" "0 $big" "a process of uid 3000000000 maps"
	is "$(PIDNS_MAP_NO_IOCTL=1 "$PIDNS_MAP" --ns "$big" "$big")" "$big" \
		"and is found the /proc way"
fi

world_stop
sibling_stop
check "the world is gone after the test" test ! -d "/proc/$W_LEAF"
done_testing
