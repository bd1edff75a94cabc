# SPDX-License-Identifier: GPL-2.0-or-later
# Races: while tests/helpers/churn creates and reaps thousands of processes
# and pid namespaces a second, each command runs in a loop on the 3-level
# world.  Every run exits 0 and says nothing on stderr, every -J parses, the
# world's processes are counted once each (NPROCS, pidns-grep -c) and found
# (pidns-map of the world's sleep, which lives through it all).  lsns 2.38
# gives up when a process exits under it.
. "$top_srcdir/tests/ts/lib.sh"

command -v jq >/dev/null || skip_all "jq is not installed"
unshare --pid --fork --kill-child true 2>/dev/null ||
	skip_all "this machine does not let us create pid namespaces"
start_world
ROUNDS=${CHURN_ROUNDS:-30}

# The truth the world gives: NS1 holds its init; NS2 its sh and the sleep.
leaf_levels=$(awk '/^NSpid:/ { $1 = ""; print substr($0, 2) }' "/proc/$W_LEAF/status")
read -r _ leaf_mid leaf_inner <<<"$leaf_levels"
leaf_ns="$(ns_of $$ pid) $W_NS1 $W_NS2"
[ "$(wc -w <<<"$leaf_levels")" -eq 3 ] || skip_all "the tests do not run in the initial pid namespace"

# At most 5 minutes and 256 live children; we stop it when the loop is done.
"$HELPERS/churn" 300 256 >"$TESTDIR/churn.out" &
churner=$!
at_exit "{ kill $churner; wait $churner; } 2>/dev/null"

runs=0 failed=0
# run NAME TEST COMMAND...: one run; TEST (a shell snippet) reads $TESTDIR/out.
run() {
	local name=$1 test=$2
	shift 2
	"$@" >"$TESTDIR/out" 2>"$TESTDIR/err"
	local rc=$?
	runs=$((runs + 1))
	if [ $rc -ne 0 ] || [ -n "$(drop_unreadable <"$TESTDIR/err")" ] ||
	   ! eval "$test" >"$TESTDIR/why" 2>&1; then
		failed=$((failed + 1))
		echo "# $name: exit $rc"
		sed 's/^/#   /' "$TESTDIR/err" "$TESTDIR/why" | head -n 5
	fi
}
json() { jq -e "$1" "$TESTDIR/out" >/dev/null; }

for round in $(seq "$ROUNDS"); do
	kill -0 "$churner" 2>/dev/null || break
	run "pidns-ls -J" 'json "[.namespaces[].ns] | length == (unique | length)" &&
		json ".namespaces[] | select(.ns == $W_NS1) | .nprocs == 1" &&
		json ".namespaces[] | select(.ns == $W_NS2) | .nprocs == 2"' \
		"$PIDNS_LS" -J -l -o NS,TYPE,NPROCS,PID,PPID,USER,COMMAND
	run "pidns-ls --tree=parent -J" 'json "[.. | .ns? // empty] | length == (unique | length)"' \
		"$PIDNS_LS" --tree=parent -J -o NS,PNS,LEVEL,INIT,VISIBLE,NCHILDREN,NPROCS
	run "pidns-ls -t pid -t net" 'grep -q "^ *$(ns_of $$ net) " "$TESTDIR/out"' \
		"$PIDNS_LS" -t pid -t net -o NS,NPROCS,PID,COMMAND
	run "pidns-ls NS2" 'json "[.namespaces[].pid] | sort == ([$W_INIT2, $W_LEAF] | sort)"' \
		"$PIDNS_LS" -J -l "$W_NS2"
	run "pidns-grep -J --ns" 'json "[.processes[].pid] | sort == ([$W_INIT2, $W_LEAF] | sort)"' \
		"$PIDNS_GREP" -J --ns "$W_INIT2"
	run "pidns-grep -c --nested" 'test "$(cat "$TESTDIR/out")" = 3' \
		"$PIDNS_GREP" -c --ns "$W_INIT1" --nested
	run "pidns-grep -a" 'test "$(cut -d" " -f1 "$TESTDIR/out" | sort | uniq -d)" = ""' \
		"$PIDNS_GREP" -a -w .
	run "pidns-map -J" 'json "[.levels[] | .pid] == [$(tr " " , <<<"$leaf_levels")] and
		[.levels[] | .ns] == [$(tr " " , <<<"$leaf_ns")]"' \
		"$PIDNS_MAP" -J "$W_LEAF"
	run "pidns-map --ns" 'test "$(cat "$TESTDIR/out")" = "$W_LEAF"' \
		"$PIDNS_MAP" --ns "$W_INIT2" "$leaf_inner"
	PIDNS_MAP_NO_IOCTL=1 run "pidns-map --from --to, by /proc" \
		'test "$(cat "$TESTDIR/out")" = "$leaf_inner"' \
		"$PIDNS_MAP" --from "$W_INIT1" --to "$W_INIT2" "$leaf_mid"
done
kill "$churner" 2>/dev/null
wait "$churner"
made=$(cat "$TESTDIR/churn.out")
check "the churn ran through the loop ($made)" test "$round" -eq "$ROUNDS"
is "$failed" 0 "$runs runs of pidns-ls, pidns-grep and pidns-map under churn: $failed failed"
done_testing
