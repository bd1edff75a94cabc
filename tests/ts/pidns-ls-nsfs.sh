# SPDX-License-Identifier: GPL-2.0-or-later
# Namespaces bound to a path or held by an open fd: listed with no process
# (lsns 2.42 lists both, 2.38 neither), linked to their parent and owner
# through that path (2.38 could not), their NSFS column, and -P.
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
own_pid=$(ns_of $$ pid) own_user=$(ns_of $$ user)
is "$("$PIDNS_LS" -r -n -o NS,PNS,ONS | awk -v ns="$ino" '$1 == ns')" "$ino $own_pid $own_user" \
	"PNS and ONS of a bound namespace, through its path"
is "$("$PIDNS_LS" --tree=parent -J -o NS | jq --argjson own "$own_pid" --argjson ns "$ino" \
	'[.namespaces[] | select(.ns == $own) | .children[]? | select(.ns == $ns)] | length')" 1 \
	"--tree=parent: the bound namespace is a child of ours"
umount "$bind"
# The kernel gives a freed inode number to the next namespace made (other
# tests make thousands): gone means no row of that number without a process.
is "$(row -t pid | awk '$3 == 0')" "" "unmounted, it is gone"

# Namespaces of every type held only by fds of a process that is in none of
# them: a sleep in eight new namespaces, opened by the holder, then killed.
in_new_namespaces member --mount --net --uts --ipc --user --pid --cgroup --time
held_types="mnt net ipc user pid uts cgroup time"
for t in $held_types; do
	eval "held_$t=$(ns_of "$member" "$t")"
done
# holder_start COMMAND... [>FILE]: a holder that ends in a sleep; sets $holder.
holder_start() {
	"$@" </dev/null &
	holder=$!
	at_exit "{ kill -KILL $holder; wait $holder; } 2>/dev/null"
	wait_comm "$holder" sleep
}
holder_start bash -c 'n=3; for t in '"$held_types"'; do eval "exec $n</proc/$1/ns/$t"; n=$((n + 1)); done
	exec sleep 600000' _ "$member" >/dev/null 2>&1
kill -KILL "$ns_maker"; wait "$ns_maker" 2>/dev/null
for _ in $(seq 100); do [ -d "/proc/$member" ] || break; sleep 0.05; done

types_opt=$(printf -- '-t %s ' $held_types)
held_rows() {
	"$PIDNS_LS" $types_opt "$@" -r -n -o NS,TYPE,NPROCS,PID,PATH,UID,USER,PNS,ONS | sort
}
want=
for t in $held_types; do
	eval "ino=\$held_$t"
	case $t in
	pid) rel="$own_pid $held_user" ;;
	user) rel="$own_user $own_user" ;;
	*) rel="0 $held_user" ;;
	esac
	want="$want$ino $t 0   0 root $rel
"
done
held_of() { # the rows of our held namespaces in held_rows's output
	awk -v list="$(for t in $held_types; do eval "echo \$held_$t"; done)" \
		'BEGIN { n = split(list, l, "\n"); for (i = 1; i <= n; i++) want[l[i]] = 1 } $1 in want'
}
is "$(held_rows | held_of)" "" "without --fds, namespaces held only by an fd are not listed (as lsns 2.38)"
is "$(held_rows --fds | held_of)" "$(printf '%s' "$want" | sort)" \
	"--fds: each held namespace once, no process, its maker's uid, parent and owner (as lsns 2.42)"
is "$("$PIDNS_LS" --fds -P -t pid -r -n -o NS | grep -c -x "$held_pid")" 1 "--fds -P: the held pid namespace"
is "$("$PIDNS_LS" --fds -t pid -J -o NS,NPROCS | jq -c --argjson ns "$held_pid" \
	'.namespaces[] | select(.ns == $ns)')" "{\"ns\":$held_pid,\"nprocs\":0}" "--fds -J: a number and 0"
kill -KILL "$holder"; wait "$holder" 2>/dev/null
is "$(held_rows --fds | held_of | awk '$3 == 0')" "" "--fds: the holder gone, so are they"

# A network namespace held only by a socket made in it by a process that then
# went back to ours (lsns 2.41 finds it through pidfd_getfd; 2.38 does not).
holder_start "$HELPERS/socket-netns" sleep 600000 >"$TESTDIR/socket-netns" 2>&1
sock_net=$(cat "$TESTDIR/socket-netns")
is "$(readlink "/proc/$holder/fd/3" | cut -d: -f1):$(ns_of "$holder" net)" "socket:$(ns_of $$ net)" \
	"ground truth: the holder has a socket and is in our network namespace"
sock_row() {
	"$PIDNS_LS" -t net "$@" -r -n -o NS,TYPE,NPROCS,PID,PATH,UID,USER,PNS,ONS |
		awk -v ns="$sock_net" '$1 == ns'
}
is "$(sock_row)" "" "without --fds, a namespace held by a socket is not listed"
is "$(sock_row --fds)" "$sock_net net 0   0 root 0 $own_user" \
	"--fds: the namespace of a socket, no process, its maker's uid and owner (as lsns 2.41)"
is "$("$PIDNS_LS" --fds -P -t net -r -n -o NS | grep -c -x "$sock_net")" 1 "--fds -P: the socket's namespace"
is "$("$PIDNS_LS" --fds -t net -t user --tree=owner -J -o NS | jq --argjson own "$own_user" \
	--argjson ns "$sock_net" '[.. | select(.ns? == $own) | .children[]? | select(.ns == $ns)] | length')" \
	1 "--fds --tree=owner: under our user namespace"
kill -KILL "$holder"; wait "$holder" 2>/dev/null
is "$(sock_row --fds | awk '$3 == 0')" "" "--fds: the socket closed, its namespace is gone"

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
	# ours and the test's: others come and go as the tests beside it run
	pickj() { jq -c --argjson a "$net" --argjson b "$(ns_of $$ net)" \
		'.namespaces[] | select(.ns == $a or .ns == $b)'; }
	is "$("$PIDNS_LS" -t net -J -o NS,NETNSID,NSFS | pickj)" \
		"$(lsns -t net -J -o NS,NETNSID,NSFS | pickj)" \
		"ip netns: -J as lsns, \"unassigned\" and the id as strings"

	# One with no process, bound twice (and once more on top of itself), with
	# an id: lsns 2.42 asks its id through the nsfs file, and puts its paths a
	# line each in a table, comma-separated with -r or -W, "\n"-separated in JSON.
	bare=pidns-test-bare-$$ again=$TESTDIR/again
	ip netns add "$bare" && at_exit "ip netns del '$bare'"
	ip netns set "$bare" 77
	touch "$again"
	mount --bind "/run/netns/$bare" "$again" && mount --bind "/run/netns/$bare" "$again"
	at_exit "umount '$again'; umount '$again'"
	bare_ns=$(stat -L -c %i "/run/netns/$bare")
	pick() { awk -v ns="$bare_ns" '$1 == ns'; }
	is "$("$PIDNS_LS" -t net -r -n -o NS,NPROCS,NETNSID,NSFS | pick)" \
		"$bare_ns 0 77 /run/netns/$bare,$again" \
		"no process: NETNSID through the nsfs file; -r: NSFS paths once each, comma-separated"
	is "$("$PIDNS_LS" -t net -W -n -o NS,NSFS | pick | tr -s ' ')" "$bare_ns /run/netns/$bare,$again" \
		"-W: NSFS on one line, comma-separated"
	is "$("$PIDNS_LS" -t net -l -n -o NS,NSFS,NPROCS | grep -A1 "^$bare_ns " | tr -s ' ')" \
		"$bare_ns /run/netns/$bare 0
 $again " "a table: NSFS a path per line, the row's other cells empty on the second"
	is "$("$PIDNS_LS" -t net -J -o NS,NETNSID,NSFS | jq -c --argjson ns "$bare_ns" \
		'.namespaces[] | select(.ns == $ns) | [.netnsid, .nsfs]')" \
		"[\"77\",\"/run/netns/$bare\\n$again\"]" "-J: the id as a string, the paths a line each"
	is "$("$PIDNS_LS" -t net -J -W -o NS,NSFS | jq -c --argjson ns "$bare_ns" \
		'.namespaces[] | select(.ns == $ns) | .nsfs')" "\"/run/netns/$bare,$again\"" \
		"-J -W: the paths comma-separated"
else
	tap_result 0 "# SKIP ip(8) or lsns is missing"
fi
done_testing
