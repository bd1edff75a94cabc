# SPDX-License-Identifier: GPL-2.0-or-later
# tools/demo, the README's main job: it answers right and leaves nothing behind.
. "$top_srcdir/tests/ts/lib.sh"

unshare --pid --fork --kill-child true 2>/dev/null ||
	skip_all "this machine does not let us create pid namespaces"

PIDNS_BIN=$top_builddir bash "$top_srcdir/tools/demo" >"$TESTDIR/demo.all" 2>&1
is "$?" 0 "the demo exits 0"
drop_unreadable <"$TESTDIR/demo.all" >"$TESTDIR/demo"
leaf=$(sed -n "s/^a 'sleep 600000' which is pid \([0-9]*\) here and pid 2 inside.$/\1/p" \
	"$TESTDIR/demo")
check "the demo names the sleep's pids" test -n "$leaf"
is "$(grep -A1 -- '^\$ pidns-map --ns' "$TESTDIR/demo" | tail -n1)" "$leaf" \
	"pidns-map --ns finds the sleep from inside"
is "$(tail -n1 "$TESTDIR/demo")" "2" "pidns-map --from/--to finds it inside"
is "$(grep -A2 -- '^\$ pidns-grep' "$TESTDIR/demo" | tail -n2)" "1 sh -c sleep 600000 & wait
2 sleep 600000" "pidns-grep --inner lists the inner namespace with its own pids"
is "$(grep -A9 -- '^\$ pidns-ls -t pid -o NS,NPROCS,PID,OS' "$TESTDIR/demo" |
      awk -v pid="$(sed -n 's/.*inner one (init \([0-9]*\) here).*/\1/p' "$TESTDIR/demo")" \
	'$3 == pid { $1 = $2 = $3 = ""; sub(/^ +/, ""); print }')" "Ubuntu 22.04.3 LTS" \
	"pidns-ls OS: the inner namespace is Ubuntu, from its init's own root"
is "$(grep -c '^\$ ' "$TESTDIR/demo")" 6 "six commands shown"
check "the demo's world is gone" test ! -d "/proc/$leaf"
done_testing
