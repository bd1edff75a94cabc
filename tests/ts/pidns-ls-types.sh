# SPDX-License-Identifier: GPL-2.0-or-later
# pidns-ls against lsns on namespaces of every type made by unshare(1): a
# process in new mnt, net, uts, ipc, cgroup, time and pid namespaces, and one
# that also has a user namespace of its own, which owns its other seven.
. "$top_srcdir/tests/ts/lib.sh"

command -v lsns >/dev/null || skip_all "lsns(8) is not installed"
unshare --pid --fork --kill-child true 2>/dev/null ||
	skip_all "this machine does not let us create pid namespaces"

types="mnt net ipc user pid uts cgroup time"
every_type="--mount --net --uts --ipc --cgroup --time --pid"

in_new_namespaces A $every_type
in_new_namespaces B $every_type --user --map-root-user

# Ours: the namespaces of A and B that this shell is not in (those of the
# machine gain and lose processes as other tests run).
ours=$(for p in "$A" "$B"; do
	for t in $types; do
		[ "$(ns_of "$p" $t)" = "$(ns_of $$ $t)" ] || ns_of "$p" $t
	done
done | sort -u)
is "$(printf '%s\n' "$ours" | wc -l)" 15 "the test made 15 namespaces (A's user namespace is ours)"
mine() { awk -v list="$ours" 'BEGIN { n = split(list, l, "\n"); for (i = 1; i <= n; i++) m[l[i]] = 1 }
	$1 in m' | sort; }
mine_json() { jq -c --arg list "$ours" '($list | split("\n") | map(tonumber)) as $m
	| .namespaces[] | select(.ns as $n | $m | index($n))' | sort; }

cols=NS,TYPE,NPROCS,PID,PPID,UID,USER,COMMAND,PATH,PNS,ONS
for t in $types; do
	is "$("$PIDNS_LS" -t $t -l -r -n -o $cols | mine)" "$(lsns -t $t -l -r -n -o $cols | mine)" \
		"-t $t -l -o $cols: lsns's rows"
	is "$("$PIDNS_LS" -t $t -l -J -o $cols | mine_json)" "$(lsns -t $t -l -J -o $cols | mine_json)" \
		"-t $t -J: lsns's objects, keys and types"
	is "$("$PIDNS_LS" -t $t -r -n | mine)" "$(lsns -t $t -r -n | mine)" \
		"-t $t, default columns and process tree: lsns's rows"
done
all_types=$(printf -- '-t %s ' $types)
is "$("$PIDNS_LS" $all_types -l -r -n -o NS,TYPE,NPROCS,PID | mine)" \
	"$(lsns -l -r -n -o NS,TYPE,NPROCS,PID | mine)" "all eight types at once: lsns's rows"
is "$("$PIDNS_LS" -t net -l -r -n -o NS,NETNSID,NSFS | mine)" \
	"$(lsns -t net -l -r -n -o NS,NETNSID,NSFS | mine)" "NETNSID and NSFS of new net namespaces: lsns's"

# What the test built: B's user namespace owns B's other seven, and is a
# child of ours; A's namespaces belong to our user namespace.
own_user=$(ns_of $$ user)
owner_of() { "$PIDNS_LS" $all_types -l -r -n -o NS,ONS | awk -v ns="$1" '$1 == ns { print $2 }'; }
b_user=$(ns_of "$B" user)
for t in mnt net ipc pid uts cgroup time; do
	is "$(owner_of "$(ns_of "$B" $t)"):$(owner_of "$(ns_of "$A" $t)")" "$b_user:$own_user" \
		"ONS of $t: B's user namespace for B's, ours for A's"
done
is "$("$PIDNS_LS" -t user -l -r -n -o NS,PNS | awk -v ns="$b_user" '$1 == ns { print $2 }')" \
	"$own_user" "PNS of B's user namespace: ours"

# Trees: the edges that end in our namespaces, as lsns draws them.
edges() {
	jq -r 'def walk_ns: .ns as $p | (.children // [])[] | "\($p) \(.ns)", walk_ns;
		.namespaces[] | walk_ns' | mine_edge
}
mine_edge() { awk -v list="$ours" 'BEGIN { n = split(list, l, "\n"); for (i = 1; i <= n; i++) m[l[i]] = 1 }
	$2 in m' | sort; }
is "$("$PIDNS_LS" $all_types --tree=owner -J -o NS | edges)" \
	"$(lsns --tree=owner -J -o NS | edges)" "--tree=owner over all types: lsns's edges"
is "$("$PIDNS_LS" $all_types --tree=owner -J -o NS | edges | awk -v u="$b_user" '$1 == u' | wc -l)" 7 \
	"--tree=owner: B's seven namespaces below B's user namespace"
is "$("$PIDNS_LS" -t user --tree=parent -J -o NS | edges)" \
	"$(lsns -t user --tree=parent -J -o NS | edges)" "-t user --tree=parent: lsns's edges"

# -p and <namespace> on them.
is "$("$PIDNS_LS" -p "$B" $all_types -r -n -o NS,TYPE,PID | mine)" \
	"$(lsns -p "$B" -r -n -o NS,TYPE,PID | mine)" "-p of B, all types: lsns's rows"
net_a=$(ns_of "$A" net)
is "$("$PIDNS_LS" "$net_a" -r)" "$(lsns "$net_a" -r)" "<namespace> of a net namespace: lsns's rows"
is "$("$PIDNS_LS" "$b_user" -l -r -n -o PID | sort)" "$(printf '%s\n' "$(ps -o ppid= "$B")" "$B" | tr -d ' ' | sort)" \
	"<namespace> of B's user namespace: B and the unshare that made it"
done_testing
