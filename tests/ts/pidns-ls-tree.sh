# SPDX-License-Identifier: GPL-2.0-or-later
# pidns-ls beyond the flat list, on a real 3-level world: --tree, the
# pid-namespace columns, -p, <namespace>, and an unprivileged run.
. "$top_srcdir/tests/ts/lib.sh"

command -v lsns >/dev/null || skip_all "lsns(8) is not installed"
unshare --pid --fork --kill-child true 2>/dev/null ||
	skip_all "this machine does not let us create pid namespaces"
start_world
self_ns=$(ns_of $$ pid)

# "parent child" for every edge of a tree in JSON that ends in the world's
# namespaces: other tests make and end namespaces of their own meanwhile.
relations() {
	jq -r --arg a "$W_NS1" --arg b "$W_NS2" \
		'def walk_ns: .ns as $p | (.children // [])[] | "\($p) \(.ns)", walk_ns;
		.namespaces[] | walk_ns | select(endswith(" " + $a) or endswith(" " + $b))' | sort
}
only_pid() { jq '.namespaces |= map(select(.type == "pid"))'; }

# lsns 2.38 also lists the owning user namespace at the top of --tree=parent;
# pidns-ls shows pid namespaces and their parents only.
is "$("$PIDNS_LS" -t pid --tree=parent -J | relations)" \
	"$(lsns -t pid --tree=parent -J | only_pid | relations)" "--tree=parent: lsns's tree of pid namespaces"
is "$("$PIDNS_LS" -t pid --tree=parent -J | relations)" "$self_ns $W_NS1
$W_NS1 $W_NS2" "--tree=parent: ours, the intermediate, the inner namespace"
is "$("$PIDNS_LS" -t pid --tree=owner -J | relations)" \
	"$(lsns -t pid --tree=owner -J | relations)" \
	"--tree=owner: lsns's tree, with the user namespace no pid is in"
is "$("$PIDNS_LS" -t pid -T -J | relations)" "$("$PIDNS_LS" -t pid --tree=owner -J | relations)" \
	"-T alone is the owner tree"
mine() { grep -x -e "$self_ns" -e "$W_NS1" -e "$W_NS2"; }
is "$("$PIDNS_LS" -t pid -Tparent -J | jq -r '.. | .ns? // empty' | mine | sort)" \
	"$("$PIDNS_LS" -t pid -l -r -n -o NS | mine | sort)" "--tree=parent: the same namespaces as the list"

# The pid-namespace columns against what the test built.
row() { "$PIDNS_LS" -t pid -l -r -n -o NS,LEVEL,INIT,VISIBLE,NCHILDREN | awk -v ns="$1" '$1 == ns'; }
is "$(row "$W_NS1")" "$W_NS1 1 $W_INIT1 3 1" \
	"intermediate: level 1, its init, 3 visible (init, inner init, leaf), 1 child"
is "$(row "$W_NS2")" "$W_NS2 2 $W_INIT2 2 0" "inner: level 2, its init, 2 visible, no child"
is "$(row "$self_ns" | cut -d' ' -f2)" "0" "our own namespace is level 0"
is "$("$PIDNS_LS" -t net -l -r -n -o LEVEL,INIT,NCHILDREN | tr -d ' \n')" "" \
	"the pid columns are empty for other types"
caps=$(awk '/^CapEff:/ { print $2 }' "/proc/$W_INIT2/status")
check "CAPS: the representative's effective set in libcap's words" test -n \
	"$("$PIDNS_LS" -t pid -l -r -n -o NS,CAPS | awk -v ns="$W_NS2" '$1 == ns { print $2 }')"
[ "$caps" = 000001ffffffffff ] && is \
	"$("$PIDNS_LS" -t pid -l -r -n -o NS,CAPS | awk -v ns="$W_NS2" '$1 == ns { print $2 }')" "=e" \
	"CAPS: a full set is =e"

# -p: the namespaces of one process, as lsns.
is "$("$PIDNS_LS" -p "$W_LEAF" -r)" "$(lsns -p "$W_LEAF" -t pid -r)" "-p: same as lsns -p -t pid"
is "$("$PIDNS_LS" -p "$W_LEAF" -t uts -t pid -r -n -o NS | sort)" \
	"$(printf '%s\n' "$W_NS2" "$(ns_of "$W_LEAF" uts)" | sort)" "-p with two types"

# <namespace>: its processes, nested by parent unless -l, as lsns.
is "$("$PIDNS_LS" "$W_NS2" -r)" "$(lsns "$W_NS2" -r)" "<namespace>: the same rows as lsns"
is "$("$PIDNS_LS" "$W_NS2" -l -r -n -o PID | tr '\n' ' ')" "$W_INIT2 $W_LEAF " \
	"<namespace> -l: the inner init and the leaf"

# Unprivileged: partial output, exit 0, and one line that says why.
if command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
	setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups --inh-caps=-all \
		"$PIDNS_LS" -t pid -r >"$TESTDIR/out" 2>"$TESTDIR/err"
	is "$?" 0 "as nobody: exit status 0"
	is "$(wc -l <"$TESTDIR/err")" 1 "as nobody: one line on stderr"
	check "as nobody: it names the count and CAP_SYS_PTRACE" grep -Eq \
		'^pidns-ls: [0-9]+ processes could not be read; CAP_SYS_PTRACE would let you see them$' \
		"$TESTDIR/err"
	check "as nobody: its own namespace is listed" grep -q "^$self_ns pid " "$TESTDIR/out"
else
	tap_result 0 "# SKIP setpriv or the user nobody is missing"
fi
done_testing
