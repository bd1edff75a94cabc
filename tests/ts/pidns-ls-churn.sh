# SPDX-License-Identifier: GPL-2.0-or-later
# Processes that come and go during a scan never abort the listing (lsns 2.38
# exits 1 when one vanishes under it).
. "$top_srcdir/tests/ts/lib.sh"

# Short-lived processes, a few thousand, while pidns-ls scans again and again.
churn() { for _ in $(seq 3000); do /bin/true & done; wait; }
churn &
churner=$!
at_exit "{ kill $churner; wait $churner; } 2>/dev/null"

runs=0 failed=0
while kill -0 "$churner" 2>/dev/null && [ "$runs" -lt 200 ]; do
	for t in pid net; do
		"$PIDNS_LS" -t $t -o NS,NPROCS,PID,PPID,USER,COMMAND >"$TESTDIR/out" 2>"$TESTDIR/err"
		rc=$?
		runs=$((runs + 1))
		if [ $rc -ne 0 ] || [ -s "$TESTDIR/err" ] || ! grep -q "^ *$(ns_of $$ $t) " "$TESTDIR/out"; then
			failed=$((failed + 1))
			sed 's/^/# /' "$TESTDIR/err"
		fi
	done
done
wait "$churner"
check "the churn ran while we listed ($runs listings)" test "$runs" -ge 2
is "$failed" 0 "$runs listings under churn: each exit 0, quiet, with our namespace"
done_testing
