# SPDX-License-Identifier: GPL-2.0-or-later
# The bash completions, run by bash-completion as a shell would run them:
# options, column lists, namespace types, and the inodes of namespaces made here.
. "$top_srcdir/tests/ts/lib.sh"

[ -f "$bash_completion" ] || skip_all "no $bash_completion (Debian: bash-completion)"
unshare --pid --fork --kill-child true 2>/dev/null ||
	skip_all "this machine does not let us create pid namespaces"

long_options() { help_options "$top_builddir/$1" | grep -- '^--' | sort; }
columns() { "$top_builddir/$1" -H | awk '{ print $1 }' | sort; }

# A pid and a net namespace of our own, with a sleep in them.
unshare --pid --net --fork --kill-child -- sleep 600000 </dev/null >/dev/null 2>&1 &
ns_unshare=$!
at_exit "{ kill -KILL $ns_unshare; wait $ns_unshare; } 2>/dev/null"
for _ in $(seq 100); do
	ns_sleep=$(children_of "$ns_unshare")
	[ -n "$ns_sleep" ] && break
	sleep 0.05
done
[ -n "$ns_sleep" ] || { echo "Bail out! the namespaces did not come up"; exit 1; }
pid_ns=$(ns_of "$ns_sleep" pid)
net_ns=$(ns_of "$ns_sleep" net)

# has LINES WORD: LINES holds WORD as a whole line; lacks: it does not.
has() { grep -qx -- "$2" <<<"$1"; }
lacks() { ! has "$@"; }

for c in pidns-ls pidns-map pidns-grep; do
	is "$(comp "$c" --)" "$(long_options "$c")" "$c: -- offers every long option of --help"
	is "$(comp "$c" --js)" "--json" "$c: --js completes to --json"
done

is "$(comp pidns-ls -o '')" "$(columns pidns-ls | sed 's/$/,/')" "pidns-ls -o: every column"
is "$(comp pidns-ls -o NS,TY)" "NS,TYPE," "pidns-ls -o NS,TY: TYPE after the comma"
is "$(comp pidns-ls --output NS,TYPE,NP)" "NS,TYPE,NPROCS," "pidns-ls --output NS,TYPE,NP: NPROCS"
is "$(comp pidns-ls -t '')" "$("$top_builddir/pidns-ls" --help |
	sed -n 's/.*--type.*(\(.*\))$/\1/p' | tr -d ' ' | tr , '\n' | sort)" \
	"pidns-ls -t: the namespace types of --help"
is "$(comp pidns-ls --type p)" "pid" "pidns-ls --type p: pid"
is "$(comp pidns-ls -T '')" "owner
parent
process" "pidns-ls -T: the tree relations"
out=$(comp pidns-ls '')
check "pidns-ls NAMESPACE: our pid namespace" has "$out" "$pid_ns"
check "pidns-ls NAMESPACE: our net namespace" has "$out" "$net_ns"
is "$(comp pidns-ls "${pid_ns%???}" | grep -cvx "${pid_ns%???}...")" 0 \
	"pidns-ls NAMESPACE: only inodes that start with what is typed"

is "$(comp pidns-map -o LEVEL,P)" "LEVEL,PGID,
LEVEL,PID,
LEVEL,POD," "pidns-map -o LEVEL,P: PGID, PID and POD after the comma"
is "$(comp pidns-map --output '')" "$(columns pidns-map | sed 's/$/,/')" \
	"pidns-map --output: every column"
for opt in --ns --from --to; do
	out=$(comp pidns-map "$opt" '')
	check "pidns-map $opt: our pid namespace" has "$out" "$pid_ns"
	check "pidns-map $opt: our sleep's pid" has "$out" "$ns_sleep"
	check "pidns-map $opt: not our net namespace" lacks "$out" "$net_ns"
done

is "$(comp pidns-grep --output PID,INN)" "PID,INNERPID," "pidns-grep --output PID,INN: INNERPID"
is "$(comp pidns-grep --output '')" "$(columns pidns-grep | sed 's/$/,/')" \
	"pidns-grep --output: every column"
is "$(comp pidns-grep --nslist pid,u)" "pid,user
pid,uts" "pidns-grep --nslist pid,u: user and uts after the comma"
out=$(comp pidns-grep --ns '')
check "pidns-grep --ns: our pid namespace" has "$out" "$pid_ns"
check "pidns-grep --ns: not our net namespace" lacks "$out" "$net_ns"
check "pidns-grep PATTERN: names of processes" has "$(comp pidns-grep slee)" sleep
done_testing
