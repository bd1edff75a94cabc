# SPDX-License-Identifier: GPL-2.0-or-later
# Each command as nobody: what it may read, exactly, one warning line that
# names what it could not read and the capability that would let it, and the
# exit status of its man page.  Then a private procfs mounted hidepid=invisible
# and hidepid=noaccess, read through --procfs.  And nothing is setuid.
. "$top_srcdir/tests/ts/lib.sh"

command -v jq >/dev/null || skip_all "jq is not installed"
command -v setpriv >/dev/null || skip_all "setpriv(1) is not installed"
id -u nobody >/dev/null 2>&1 && getent group nogroup >/dev/null ||
	skip_all "no user nobody or group nogroup"
unshare --pid --fork --kill-child true 2>/dev/null ||
	skip_all "this machine does not let us create pid namespaces"
[ -x "$PIDNS_LS" ] && setpriv --reuid=nobody --regid=nogroup --clear-groups "$PIDNS_LS" -V \
	>/dev/null 2>&1 || skip_all "nobody may not run the build's commands here"
AS_NOBODY="setpriv --reuid=nobody --regid=nogroup --clear-groups"
DENIED='^pidns-[a-z]*: [0-9]+ processes could not be read; CAP_SYS_PTRACE would let you see them$'

# root's world, and a pid namespace whose processes are nobody's: its init
# (a sh) and a sleep.
start_world
sibling_start $AS_NOBODY sh -c 'sleep 600000 & wait'
N_NS=$S_NS
for _ in $(seq 100); do
	N_SLEEP=$(children_of "$S_INIT")
	[ "$(cat "/proc/$N_SLEEP/comm")" = sleep ] && break
	sleep 0.1
done
check "ground truth: nobody's namespace, its sh and sleep are nobody's" \
	test "$(stat -c %U "/proc/$S_INIT" "/proc/$N_SLEEP" | sort -u)" = nobody

# as_nobody COMMAND...: sets $out, $err, $rc.
as_nobody() { run_cmd $AS_NOBODY "$@"; }

# pidns-ls: partial, exit 0, one warning line.
as_nobody "$PIDNS_LS" -l -t pid -o NS,NPROCS,PID
is "$rc" 0 "nobody: pidns-ls exits 0"
check "nobody: pidns-ls warns once, naming CAP_SYS_PTRACE" \
	test "$(grep -cE "$DENIED" <<<"$err"):$(wc -l <<<"$err")" = 1:1
is "$(grep "^ *$N_NS " <<<"$out" | awk '{ print $2, $3 }')" "2 $S_INIT" \
	"nobody: pidns-ls: its namespace, both processes, its init first"
is "$(grep -cE "^ *($W_NS1|$W_NS2) " <<<"$out")" 0 "nobody: pidns-ls: not root's namespaces"
as_nobody "$PIDNS_LS" -J -l -t pid
is "$rc:$(jq ".namespaces[] | select(.ns == $N_NS) | .nprocs" <<<"$out")" 0:2 \
	"nobody: pidns-ls -J parses, the same count"
as_nobody "$PIDNS_LS" -l -n -o PID "$N_NS"
is "$rc:$(echo $out)" "0:$S_INIT $N_SLEEP" "nobody: pidns-ls <namespace>: both processes"
as_nobody "$PIDNS_LS" -l -n -o PID "$W_NS2"
is "$rc:$out" "1:" "nobody: pidns-ls <root's namespace>: not found, exit 1"
check "nobody: ... and says why" grep -qE "$DENIED" <<<"$err"

# pidns-grep: what matches among what it may read; a warning when it passed some over.
as_nobody "$PIDNS_GREP" --ns "$S_INIT"
is "$rc:$(echo $out)" "0:$S_INIT $N_SLEEP" "nobody: pidns-grep --ns: its two processes"
check "nobody: pidns-grep --ns warns once, naming CAP_SYS_PTRACE" \
	test "$(grep -cE "$DENIED" <<<"$err"):$(wc -l <<<"$err")" = 1:1
as_nobody "$PIDNS_GREP" -J --ns "$S_INIT" --inner --output PID,INNERPID,USER
is "$rc:$(jq -c '[.processes[] | [.pid, .innerpid, .user]]' <<<"$out")" \
	"0:[[$S_INIT,1,\"nobody\"],[$N_SLEEP,2,\"nobody\"]]" "nobody: pidns-grep -J --inner"
as_nobody "$PIDNS_GREP" -x sleep -P "$W_INIT2"
is "$rc:$out:$err" "0:$W_LEAF:" \
	"nobody: pidns-grep by name and parent reads stat only: root's sleep, no warning"
as_nobody "$PIDNS_GREP" --ns "$W_INIT2"
is "$rc:$out" "2:" "nobody: pidns-grep --ns <root's>: exit 2"
is "$err" "pidns-grep: --ns $W_INIT2: permission denied; CAP_SYS_PTRACE would let you read it" \
	"nobody: ... naming the capability"

# pidns-map: its own at every level; root's is "not found" (1) with a reason.
as_nobody "$PIDNS_MAP" -r -n -o PID,NS "$N_SLEEP"
is "$rc:$out:$err" "0:$N_SLEEP $(ns_of $$ pid)
2 $N_NS:" "nobody: pidns-map of its sleep, both levels"
# Anyone may read root's NSpid, not its namespaces: every level's pid, with no NS.
as_nobody "$PIDNS_MAP" -r -n -o PID,NS "$N_SLEEP" "$W_LEAF"
is "$rc:$(echo $out)" "0:$N_SLEEP $(ns_of $$ pid) 2 $N_NS $W_LEAF 3 2" \
	"nobody: pidns-map <its> <root's>: its rows, and root's pids with NS empty, exit 0"
is "$err" "pidns-map: $W_LEAF: its pid namespaces may not be read; CAP_SYS_PTRACE would let you read them" \
	"nobody: ... one line on root's, naming the capability"
as_nobody "$PIDNS_MAP" --ns "$S_INIT" 2
is "$rc:$out:$err" "0:$N_SLEEP:" "nobody: pidns-map --ns <its> 2"
as_nobody "$PIDNS_MAP" --ns "$W_INIT2" 2
is "$rc:$out:$err" \
	"2::pidns-map: --ns $W_INIT2: permission denied; CAP_SYS_PTRACE would let you read it" \
	"nobody: pidns-map --ns <root's>: exit 2, naming the capability"

# A private procfs with hidepid, in a mount namespace of our own (gone with
# it), read as nobody through --procfs.  Root of the initial user namespace
# may mount a procfs of its pid namespace.
PROCDIR=$(mktemp -d "${TMPDIR:-/tmp}/pidns-proc.XXXXXX")
chmod 755 "$PROCDIR"
at_exit "rmdir '$PROCDIR'"
cat >"$TESTDIR/hidepid.sh" <<EOF
for mode in invisible noaccess; do
	mount -t proc -o hidepid=\$mode proc "$PROCDIR" || exit 1
	$AS_NOBODY "$PIDNS_LS" --procfs "$PROCDIR" -l -t pid -o NS,NPROCS,PID \
		>"$TESTDIR/\$mode.ls" 2>"$TESTDIR/\$mode.ls.err"
	echo \$? >>"$TESTDIR/\$mode.ls.err"
	$AS_NOBODY "$PIDNS_MAP" --procfs "$PROCDIR" -r -n -o PID "$N_SLEEP" "$W_LEAF" \
		>"$TESTDIR/\$mode.map" 2>"$TESTDIR/\$mode.map.err"
	echo \$? >>"$TESTDIR/\$mode.map.err"
	$AS_NOBODY "$PIDNS_MAP" --procfs "$PROCDIR" --ns "$S_INIT" 2 \
		>>"$TESTDIR/\$mode.map" 2>>"$TESTDIR/\$mode.map.err"
	umount "$PROCDIR" || exit 1
done
EOF
if unshare -m --propagation private bash "$TESTDIR/hidepid.sh"; then
	for mode in invisible noaccess; do
		is "$(grep "^ *$N_NS " "$TESTDIR/$mode.ls" | awk '{ print $2, $3 }')" "2 $S_INIT" \
			"hidepid=$mode: pidns-ls --procfs: nobody's namespace, both processes"
		is "$(grep -cE "^ *($W_NS1|$W_NS2) " "$TESTDIR/$mode.ls")" 0 \
			"hidepid=$mode: pidns-ls --procfs: not root's namespaces"
		is "$(echo $(cat "$TESTDIR/$mode.map"))" "$N_SLEEP 2 $N_SLEEP" \
			"hidepid=$mode: pidns-map --procfs: its sleep, by /proc and by --ns"
	done
	is "$(cat "$TESTDIR/invisible.ls.err")" 0 \
		"hidepid=invisible: pidns-ls: exit 0, no warning (nothing denied: hidden)"
	check "hidepid=noaccess: pidns-ls: exit 0, one warning naming CAP_SYS_PTRACE" \
		test "$(grep -cE "$DENIED" "$TESTDIR/noaccess.ls.err"):$(tail -n 1 "$TESTDIR/noaccess.ls.err")" = 1:0
	is "$(cat "$TESTDIR/invisible.map.err")" "pidns-map: $W_LEAF: no such process
1" "hidepid=invisible: pidns-map of root's sleep: no such process, exit 1"
	is "$(cat "$TESTDIR/noaccess.map.err")" \
		"pidns-map: $W_LEAF: permission denied; CAP_SYS_PTRACE would let you read it
1" "hidepid=noaccess: pidns-map of root's sleep: permission denied, exit 1"
else
	echo "ok $((tap_count += 1)) # SKIP cannot mount a procfs with hidepid in a mount namespace"
fi

# No command is setuid, and nothing in the build makes it so.
is "$(find "$top_builddir" -maxdepth 1 -name 'pidns-*' -perm /6000)" "" "no command is setuid or setgid"
is "$(grep -rlE 'chmod +[ugoa]*\+s|chmod +[2467][0-7]{3}|\bset(e|re|res)?[ug]id *\(' \
	"$top_srcdir/configure.ac" "$top_srcdir/Makefile.am" "$top_srcdir"/*/Makemodule.am \
	"$top_srcdir/cmds" "$top_srcdir/lib" "$top_srcdir/include")" "" \
	"no source asks for setuid or changes its ids"
done_testing
