# SPDX-License-Identifier: GPL-2.0-or-later
# Namespaces bound to a path: listed with no process (lsns 2.42 lists them,
# 2.38 does not), their NSFS column, and -P.
. "$top_srcdir/tests/ts/lib.sh"

unshare --pid --fork --kill-child true 2>/dev/null ||
	skip_all "this machine does not let us create pid namespaces"

# A pid namespace that outlives its only process, held by a bind mount.
bind=$TESTDIR/pidns
touch "$bind"
at_exit "umount '$bind' 2>/dev/null"
unshare --pid="$bind" --fork --kill-child true
ino=$(stat -L -c %i "$bind")
row() { "$PIDNS_LS" "$@" -r -n -o NS,TYPE,NPROCS,PID,NSFS | awk -v ns="$ino" '$1 == ns'; }
is "$(row -t pid)" "$ino pid 0  $bind" "a bound pid namespace: no process, its path in NSFS"
is "$(row -P)" "$ino pid 0  $bind" "-P lists it"
is "$("$PIDNS_LS" -P -r -n -o NPROCS | sort -u)" "0" "-P lists no namespace that has processes"
is "$("$PIDNS_LS" -t pid -J -o NS,NPROCS,PID,NSFS | jq -c --argjson ns "$ino" \
	'.namespaces[] | select(.ns == $ns)')" "{\"ns\":$ino,\"nprocs\":0,\"pid\":null,\"nsfs\":\"$bind\"}" \
	"-J: null for the pid it does not have"
umount "$bind"
is "$(row -t pid)" "" "unmounted, it is gone"

# A network namespace of ip-netns(8), with a process in it: NSFS as lsns shows it.
if command -v ip >/dev/null && command -v lsns >/dev/null; then
	name=pidns-test-$$
	ip netns add "$name" && at_exit "ip netns del '$name'"
	ip netns set "$name" 4242
	ip netns exec "$name" sleep 600000 &
	holder=$!
	at_exit "{ kill -KILL $holder; wait $holder; } 2>/dev/null"
	for _ in $(seq 50); do
		[ "$(ns_of "$holder" net)" != "$(ns_of $$ net)" ] && break
		sleep 0.1
	done
	net=$(ns_of "$holder" net)
	pick() { awk -v ns="$net" '$1 == ns'; }
	is "$("$PIDNS_LS" -t net -r -n -o NS,NPROCS,PID,NETNSID,NSFS | pick)" \
		"$(lsns -t net -r -n -o NS,NPROCS,PID,NETNSID,NSFS | pick)" "ip netns: the same row as lsns"
	is "$("$PIDNS_LS" -t net -r -n -o NS,NETNSID,NSFS | pick)" "$net 4242 /run/netns/$name" \
		"ip netns: NETNSID is the id we set, NSFS its path"
	is "$("$PIDNS_LS" -t net -J -o NS,NETNSID,NSFS | jq -c '.namespaces[]' | sort)" \
		"$(lsns -t net -J -o NS,NETNSID,NSFS | jq -c '.namespaces[]' | sort)" \
		"ip netns: -J as lsns, \"unassigned\" and the id as strings"
else
	tap_result 0 "# SKIP ip(8) or lsns is missing"
fi
done_testing
