# SPDX-License-Identifier: GPL-2.0-or-later
# pidns-ls on a real 3-level pid namespace world, against lsns and the pids we started.
. "$top_srcdir/tests/ts/lib.sh"

command -v unshare >/dev/null || skip_all "unshare(1) is not installed"
command -v lsns >/dev/null || skip_all "lsns(8) is not installed"
unshare --pid --fork --kill-child true 2>/dev/null ||
	skip_all "this machine does not let us create pid namespaces"
start_world

cols=NS,TYPE,NPROCS,PID,USER,COMMAND
ours=$("$PIDNS_LS" -t pid -l -r -o $cols)
theirs=$(lsns -t pid -l -r -o $cols)
row_of() { printf '%s\n' "$1" | awk -v ns="$2" '$1 == ns'; }

is "$(row_of "$ours" "$W_NS1")" "$(row_of "$theirs" "$W_NS1")" \
	"intermediate namespace: same row as lsns"
is "$(row_of "$ours" "$W_NS2")" "$(row_of "$theirs" "$W_NS2")" \
	"inner namespace: same row as lsns"
is "$(printf '%s\n' "$ours" | head -n1)" "$(printf '%s\n' "$theirs" | head -n1)" \
	"same header as lsns"

# Our own namespace counts every process on the machine, us and lsns included,
# so its NPROCS differs between two runs; the rest of its row must not.
self_ns=$(ns_of $$ pid)
no_nprocs() { row_of "$1" "$self_ns" | awk '{ $3 = ""; print }'; }
is "$(no_nprocs "$ours")" "$(no_nprocs "$theirs")" "own namespace: same row as lsns but NPROCS"

# The ground truth of the world we built.
min() { printf '%s\n' "$@" | sort -n | head -n1; }
is "$(row_of "$ours" "$W_NS1" | cut -d' ' -f3,4)" "1 $W_INIT1" \
	"intermediate namespace: its init alone (the others are one level down)"
is "$(row_of "$ours" "$W_NS2" | cut -d' ' -f3,4)" "2 $(min "$W_INIT2" "$W_LEAF")" \
	"inner namespace: 2 processes, the lowest pid represents"
is "$(row_of "$ours" "$W_NS2" | cut -d' ' -f2)" "pid" "inner namespace: TYPE pid"

# Pretty output: the same rows once columns are squeezed.
squeeze() { awk -v a="$W_NS1" -v b="$W_NS2" '$1 == a || $1 == b { $1 = $1; print }'; }
is "$("$PIDNS_LS" -t pid -l -o $cols | squeeze)" "$(lsns -t pid -l -o $cols | squeeze)" \
	"pretty output: same rows as lsns"

# JSON: the same objects as lsns for the world, the same keys and types for ours.
json_ours=$("$PIDNS_LS" -t pid -l -J -o $cols)
json_theirs=$(lsns -t pid -l -J -o $cols)
check "-J parses with jq" jq -e . <<EOF
$json_ours
EOF
pick() { printf '%s\n' "$1" | jq -S --argjson ns "$2" '.namespaces[] | select(.ns == $ns)'; }
is "$(pick "$json_ours" "$W_NS1")" "$(pick "$json_theirs" "$W_NS1")" \
	"-J: intermediate namespace object equals lsns's"
is "$(pick "$json_ours" "$W_NS2")" "$(pick "$json_theirs" "$W_NS2")" \
	"-J: inner namespace object equals lsns's"
types() { pick "$1" "$self_ns" | jq -c 'to_entries | map([.key, (.value | type)])'; }
is "$(types "$json_ours")" "$(types "$json_theirs")" "-J: same keys and JSON types as lsns"
is "$(printf '%s\n' "$json_ours" | jq -c '.namespaces | map(.ns) | . == sort')" "true" \
	"-J: rows sorted by NS"

# Without -l, lsns nests a namespace below the one whose representative is
# its representative's parent: the inner init is the child of the intermediate one.
tree_ours=$("$PIDNS_LS" -t pid -J)
is "$(printf '%s\n' "$tree_ours" | jq -c --argjson ns "$W_NS1" \
	'.namespaces[] | select(.ns == $ns) | .children | map(.ns)')" "[$W_NS2]" \
	"-J without -l: the inner namespace nests in the intermediate one"
is "$(pick "$tree_ours" "$W_NS1")" "$(pick "$(lsns -t pid -J)" "$W_NS1")" \
	"-J without -l: the same tree as lsns"
is "$("$PIDNS_LS" -t pid -r | squeeze)" "$(lsns -t pid -r | squeeze)" \
	"-r without -l: the same tree rows as lsns"

# Columns beyond the defaults, compared with lsns where it has them.
more=NS,PATH,PPID,UID,PNS,ONS
is "$(row_of "$("$PIDNS_LS" -t pid -r -o $more)" "$W_NS2")" \
	"$(row_of "$(lsns -t pid -r -o $more)" "$W_NS2")" \
	"PATH, PPID, UID, PNS, ONS: same as lsns"
is "$(row_of "$("$PIDNS_LS" -t pid -r -o NS,PNS)" "$W_NS2")" "$W_NS2 $W_NS1" \
	"PNS of the inner namespace is the intermediate one"

# The processes of one namespace, with a pid-namespace column too (it crashed
# once, for want of the namespace's group): its two members, each a row.
is "$("$PIDNS_LS" -n -r -o PID,NPROCS,NS,VISIBLE "$W_NS2" | sort -n)" \
	"$(printf '%s 2 %s 2\n' "$W_INIT2" "$W_NS2" "$W_LEAF" "$W_NS2" | sort -n)" \
	"<namespace>: a row for each member, with NPROCS and VISIBLE"

# PNS and ONS of a <namespace> are the namespace's, on each of its rows, as lsns fills them.
own_user=$(ns_of $$ user)
is "$("$PIDNS_LS" -n -r -o PID,PNS,ONS "$W_NS2" | sort -n)" \
	"$(printf '%s %s %s\n' "$W_INIT2" "$W_NS1" "$own_user" "$W_LEAF" "$W_NS1" "$own_user" | sort -n)" \
	"<namespace>: PNS and ONS of the namespace on each of its processes"
is "$("$PIDNS_LS" -n -r -o PID,PNS,ONS "$W_NS2" | sort -n)" \
	"$(lsns -n -r -o PID,PNS,ONS "$W_NS2" | sort -n)" "<namespace>: PNS and ONS as lsns"
is "$("$PIDNS_LS" -n -r -o PID,NCHILDREN,VISIBLE,LEVEL,INIT "$W_NS1")" "$W_INIT1 1 3 1 $W_INIT1" \
	"<namespace>: the pid-namespace columns of the namespace, from all of them"

# Every type lsns knows, side by side, for the namespaces of our processes (other
# tests make and end their own meanwhile; NPROCS moves as processes come and go).
for t in mnt net ipc user uts cgroup time; do
	ours_t=$(for p in $$ "$W_INIT1" "$W_INIT2" "$W_LEAF"; do ns_of "$p" $t; done | sort -u)
	pick_t() { grep -F -f <(printf '%s \n' $ours_t) | sort; }
	is "$("$PIDNS_LS" -t $t -n -r -o NS,TYPE,PID,USER | pick_t)" \
		"$(lsns -t $t -n -r -o NS,TYPE,PID,USER | pick_t)" "-t $t: same namespaces as lsns"
done

world_stop
check "the world is gone after the test" test ! -d "/proc/$W_LEAF"
done_testing
