# SPDX-License-Identifier: GPL-2.0-or-later
# The three commands from where users stand on container hosts, around the
# 3-level world this test builds: an agent container reading the host's
# procfs at another path from a sibling pid namespace, a shell in a child pid
# namespace over the host's /proc, and copies of a procfs.  nsfs answers none
# of the parents outside the reader's subtree; the procfs's data must, or the
# cell must stay empty.
. "$top_srcdir/tests/ts/lib.sh"

command -v nsenter >/dev/null || skip_all "nsenter(1) is not installed"
unshare --pid --fork --kill-child true 2>/dev/null ||
	skip_all "this machine does not let us create pid namespaces"
start_world

root=$(ns_of $$ pid)
nspid() { sed -n 's/^NSpid:[[:space:]]*//p' "/proc/$1/status" | tr -s '\t ' ' '; }
leaf1=$(nspid "$W_LEAF" | cut -d' ' -f2) leaf2=$(nspid "$W_LEAF" | cut -d' ' -f3)
init2_1=$(nspid "$W_INIT2" | cut -d' ' -f2)
is "$leaf2" 2 "ground truth: the leaf is pid 2 in the inner namespace"

# An agent: its own pid namespace, a sibling of the world's, and the host's
# procfs bound at $hp in a mount namespace of its own, as -v /proc:/host/proc.
hp=$TESTDIR/hostproc
mkdir "$hp"
in_agent() {
	unshare --mount --propagation private -- sh -c \
		'mount --rbind /proc "$0" && exec unshare --pid --fork --kill-child --mount-proc -- "$@"' \
		"$hp" "$@"
}
# A shell in the intermediate namespace, over the host's /proc.
in_child() { nsenter -t "$W_INIT1" --pid -- "$@"; }

ls_cols=NS,PNS,LEVEL,INIT,NPROCS,VISIBLE,NCHILDREN
rows() {
	awk -v a="$W_NS1" -v b="$W_NS2" -v r="$root" '$1 == a || $1 == b || $1 == r' |
		sed 's/ *$//' | sort
}
# ROW1 ROW2: the rows of the world's namespaces, and of the root but its INIT,
# NPROCS and VISIBLE (the machine's own processes come and go).
want_rows() {
	printf '%s\n' "$root 0 0" "$1" "$2" | sort
}
root_cut() { awk -v r="$root" '$1 == r { print $1, $2, $3; next } { print }'; }

for where in agent child; do
	if [ $where = agent ]; then
		run() { in_agent "$@"; }
		procfs="--procfs $hp"
		# our own namespace (a sibling) and the world's: the world is whole
		ns1_row="$W_NS1 $root 1 $W_INIT1 1 3 1"
	else
		run() { in_child "$@"; }
		procfs=
		# the command itself runs in the intermediate namespace
		ns1_row="$W_NS1 $root 1 $W_INIT1 2 4 1"
	fi
	ns2_row="$W_NS2 $W_NS1 2 $W_INIT2 2 2 0"

	out=$(run "$PIDNS_LS" $procfs -t pid -l -r -n -o $ls_cols 2>"$TESTDIR/err")
	is "$(rows <<<"$out" | root_cut)" "$(want_rows "$ns1_row" "$ns2_row")" \
		"$where: pidns-ls PNS, LEVEL, INIT, NPROCS, VISIBLE, NCHILDREN of the world"
	is "$(drop_unreadable <"$TESTDIR/err")" "" "$where: pidns-ls says nothing more"
	tree=$(run "$PIDNS_LS" $procfs --tree=parent -J -o NS 2>/dev/null)
	is "$(jq -c --argjson r "$root" --argjson a "$W_NS1" \
		'.namespaces[] | select(.ns == $r) | .children[] | select(.ns == $a) |
		 [.ns, [.children[].ns]]' <<<"$tree")" "[$W_NS1,[$W_NS2]]" \
		"$where: --tree=parent nests the inner below the intermediate below the root"

	is "$(run "$PIDNS_MAP" $procfs -r -n -o LEVEL,NS,PID "$W_LEAF" 2>&1)" "0 $root $W_LEAF
1 $W_NS1 $leaf1
2 $W_NS2 2" "$where: pidns-map of the leaf: every level's namespace and pid"
	is "$(run "$PIDNS_MAP" $procfs --ns "$W_NS1" "$leaf1" 2>&1)" "$W_LEAF" \
		"$where: --ns of the intermediate namespace, for a process a level below"
	is "$(run "$PIDNS_MAP" $procfs --ns "$root" "$W_LEAF" 2>&1)" "$W_LEAF" \
		"$where: --ns of the procfs's own namespace, for a process two levels below"
	is "$(run "$PIDNS_MAP" $procfs --from "$W_NS2" --to "$root" 2 2>&1)" "$W_LEAF" \
		"$where: --from the inner --to the procfs's own namespace"
	is "$(run "$PIDNS_MAP" $procfs --from "$root" --to "$W_NS2" "$W_LEAF" 2>&1)" 2 \
		"$where: --from the procfs's own --to the inner"
	is "$(run "$PIDNS_MAP" $procfs --from "$W_NS1" --to "$W_NS2" "$leaf1" 2>&1)" 2 \
		"$where: --from the intermediate --to the inner"
	# Namespaces other tests make and end meanwhile may be left unplaced, and
	# then the pid could be in one of them: "does not tell" is right too.
	run_cmd run "$PIDNS_MAP" $procfs --from "$W_NS2" --to "$W_NS1" 99999
	check "$where: a pid the inner namespace does not have: no answer, exit 1" \
		grep -qxE "1::pidns-map: 99999: (no such process in pid namespace $W_NS2|.* does not tell .*)" \
		<<<"$rc:$out:$err"
	is "$(run "$PIDNS_GREP" $procfs --ns "$W_INIT1" --nested --inner -d' ' . 2>&1 |
	      drop_unreadable)" "$(printf '%s\n' 1 "$init2_1" "$leaf1" | tr '\n' ' ' | sed 's/ $//')" \
		"$where: pidns-grep --ns --nested --inner: the pids inside the intermediate"
	is "$(run "$PIDNS_GREP" $procfs --ns "$W_NS2" -d' ' . 2>&1 | drop_unreadable)" \
		"$W_INIT2 $W_LEAF" "$where: pidns-grep --ns of an inode: its processes, by the procfs's pids"
done

# A copy of the world's part of the procfs, made as the fixture is: ns links
# as dangling text.  Its pids, levels and parents are all in the copy.
copy() { # DEST PID...: status and stat of each, and their ns/pid links
	local dest=$1 pid

	shift
	mkdir -p "$dest.src"
	: >"$dest.links"
	for pid in "$@"; do
		mkdir "$dest.src/$pid"
		cat "/proc/$pid/status" >"$dest.src/$pid/status"
		cat "/proc/$pid/stat" >"$dest.src/$pid/stat"
		echo "$pid/ns/pid $(readlink "/proc/$pid/ns/pid")" >>"$dest.links"
	done
	sh "$top_srcdir/tests/fixtures/mktree.sh" "$dest.src" "$dest" "$dest.links"
}
copy "$TESTDIR/copy" $$ "$W_OUTER" "$W_INIT1" "$W_INIT2" "$W_LEAF"
c=$TESTDIR/copy
run_cmd "$PIDNS_LS" --procfs "$c" -t pid -l -r -n -o $ls_cols
is "$(rows <<<"$out")" "$(printf '%s\n' "$root 0 0  2 5 1" "$W_NS1 $root 1 $W_INIT1 1 3 1" \
	"$W_NS2 $W_NS1 2 $W_INIT2 2 2 0" | sort)" "copy: the world's rows, parents from its data"
is "$rc:$err" "0:" "copy: exit 0, no warning"
is "$("$PIDNS_LS" --procfs "$c" -l -r -n -o NS,ONS | awk '{ print $2 }' | sort -u)" "" \
	"copy: ONS, which only nsfs can tell, is empty"
is "$("$PIDNS_MAP" --procfs "$c" -r -n -o LEVEL,NS,PID "$W_LEAF")" "0 $root $W_LEAF
1 $W_NS1 $leaf1
2 $W_NS2 2" "copy: pidns-map of the leaf at every level"
is "$("$PIDNS_MAP" --procfs "$c" --ns "$W_NS1" "$leaf1")" "$W_LEAF" "copy: pidns-map --ns"
run_cmd "$PIDNS_MAP" --procfs "$c" --from "$W_NS2" --to "$W_NS1" 99999
is "$rc:$out:$err" "1::pidns-map: 99999: no such process in pid namespace $W_NS2" \
	"copy: a pid the inner namespace does not have"

# Without the inner init, no member of the inner namespace has its parent
# process one level up: its parent is not known, and is not guessed.
copy "$TESTDIR/partial" $$ "$W_OUTER" "$W_INIT1" "$W_LEAF"
p=$TESTDIR/partial
run_cmd "$PIDNS_LS" --procfs "$p" -t pid -l -r -n -o NS,PNS,LEVEL,VISIBLE,NCHILDREN
is "$(rows <<<"$out")" "$(printf '%s\n' "$root 0 0" "$W_NS1 $root 1" "$W_NS2  2 1 0" | sort)" \
	"partial copy: the inner's PNS is empty, and the counts above level 2 too"
is "$rc:$err" "0:pidns-ls: 1 pid namespaces have a parent that $p does not tell" \
	"partial copy: one line says how many parents are not told"
is "$("$PIDNS_MAP" --procfs "$p" -r -n -o LEVEL,NS,PID "$W_LEAF")" "0 $root $W_LEAF
1  $leaf1
2 $W_NS2 2" "partial copy: pidns-map leaves the levels it cannot tell empty"
run_cmd "$PIDNS_MAP" --procfs "$p" --ns "$W_NS1" "$leaf1"
is "$rc:$err" \
	"1:pidns-map: $leaf1: $p does not tell where it lies, for want of the parents of some pid namespaces" \
	"partial copy: pidns-map --ns says the procfs does not tell, not that there is no process"

# The article's copy: its ns links are text only, and 83194's levels are all in it.
is "$("$PIDNS_MAP" --procfs "$FIXTURES/procfs-article" -r -n -o LEVEL,NS,PID 83194)" \
	"0 4026531836 83194
1 4026532245 3116
2 4026532257 3059" "the article's copy: pidns-map of its sleep at every level"

# A zombie has lost its namespace links, all but its pid namespace's.
sh -c 'true & exec sleep 600000' </dev/null >/dev/null 2>&1 &
zparent=$!
at_exit "{ kill -KILL $zparent; wait $zparent; } 2>/dev/null"
for _ in $(seq 50); do
	zombie=$(children_of "$zparent")
	[ -n "$zombie" ] && grep -q '^State:.Z' "/proc/$zombie/status" 2>/dev/null && break
	sleep 0.1
done
is "$(sed -n 's/^State:\t\(.\).*/\1/p' "/proc/$zombie/status")" Z "ground truth: a zombie"
run_cmd "$PIDNS_LS" -p "$zombie" -t net
is "$rc:$out:$err" "1::pidns-ls: -p $zombie: has no net namespace (a zombie)" \
	"pidns-ls -p ZOMBIE -t net: says the zombie has none"
run_cmd "$PIDNS_GREP" --ns "$zombie" --nslist net
is "$rc:$out:$err" "2::pidns-grep: --ns $zombie: has no net namespace (a zombie)" \
	"pidns-grep --ns ZOMBIE --nslist net: the same, not \"no such process\""
is "$("$PIDNS_LS" -p "$zombie" -t pid -n -o NS 2>/dev/null)" "$root" \
	"pidns-ls -p ZOMBIE -t pid: its pid namespace is still there"

world_stop
done_testing
