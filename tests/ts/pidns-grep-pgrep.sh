# SPDX-License-Identifier: GPL-2.0-or-later
# pidns-grep against pgrep(1) on the processes this test starts: for every
# option the two share, the same output and the same exit status.
. "$top_srcdir/tests/ts/lib.sh"

command -v pgrep >/dev/null || skip_all "pgrep(1) is not installed"

# same DESCRIPTION ARG...: pidns-grep and pgrep print the same and exit alike.
same() {
	desc=$1
	shift
	"$PIDNS_GREP" "$@" >"$TESTDIR/ours" 2>"$TESTDIR/ours.err"
	ours=$?
	pgrep "$@" >"$TESTDIR/theirs" 2>"$TESTDIR/theirs.err"
	theirs=$?
	is "$ours:$(cat "$TESTDIR/ours")" "$theirs:$(cat "$TESTDIR/theirs")" "$desc (pgrep $*)"
}

# Users other than root run the helper from here too.
chmod 755 "$TESTDIR"

start_named pgt-alpha 600000 x
A=$started
start_named pgt-beta 600000 'y z'
B=$started
START_WITH=setsid start_named pgt-session
S=$started
START_WITH="setpriv --reuid=65534 --regid=65534 --clear-groups" start_named pgt-nobody
N=$started
START_WITH="setpriv --euid=65534" start_named pgt-euid
E=$started
# A zombie: the helper never reaps the sleep it was started beside.
sh -c "sleep 0 & exec '$TESTDIR/pgt-alpha' zombie-parent" </dev/null >/dev/null 2>&1 &
ZP=$!
at_exit "kill -KILL $ZP 2>/dev/null"
for _ in $(seq 100); do
	Z=$(pgrep -P "$ZP" -r Z)
	[ -n "$Z" ] && break
	sleep 0.05
done

is "$(cat "/proc/$Z/stat" | cut -d' ' -f3)" Z "ground truth: a zombie to look at"
is "$(sed -n 's/^Uid:\t\([0-9]*\)\t\([0-9]*\).*/\1 \2/p' "/proc/$E/status")" "0 65534" \
	"ground truth: a process with real uid 0, effective uid 65534"

# What the processes are, so that agreeing on nothing cannot pass.
is "$("$PIDNS_GREP" -x pgt-alpha)" "$A
$ZP" "ground truth: the two pgt-alpha"
is "$("$PIDNS_GREP" -U nobody -P $$):$("$PIDNS_GREP" -U 0 -u nobody -P $$)" "$N:$E" \
	"ground truth: -U and -u tell the real from the effective user"
is "$("$PIDNS_GREP" -s "$S")" "$S" "ground truth: the new session has one process"
is "$("$PIDNS_GREP" -w -P "$ZP" | wc -l)" 1 "ground truth: a zombie has one thread left"
is "$("$PIDNS_GREP" -w -x pgt-beta | wc -l)" 2 "ground truth: the helper has two threads"

same "children" -P $$
same "children of two parents" -P "$$,$ZP"
same "a pattern" pgt-
same "an alternation" 'pgt-(alpha|beta)'
same "-l" -l pgt-
same "-a" -a pgt-
same "-a, a zombie" -a -P "$ZP"
same "-d" -d , pgt-
same "-d with -l" -d '; ' -l pgt-
same "-c" -c pgt-
same "-c, none" -c no-such-name
same "-x" -x pgt-alpha
same "-x, a prefix" -x pgt-alph
same "-i" -i PGT-BETA
same "-i -x" -i -x PGT-BETA
same "-f" -f 'pgt-beta 600000 y'
same "-f -x" -f -x "$TESTDIR/pgt-alpha 600000 x"
same "-f, a kernel thread" -f -a '^\[kthreadd\]$'
same "-f, a zombie" -f -a -P "$ZP" '^\[sleep\] <defunct>$'
same "-n" -n pgt-
same "-o" -o pgt-
same "-n -l" -n -l -P $$
same "-w" -w pgt-
same "-w -l" -w -l -P $$
same "-w -a" -w -a pgt-alpha
same "-g 0" -g 0 -P $$
same "-g" -g "$S"
same "-s" -s "$S"
same "-s 0" -s 0 -P $$
same "-u name" -u nobody -P $$
same "-u number" -u 65534 -P $$
same "-u two" -u 0,nobody -P $$
same "-U" -U nobody -P $$
same "-U and -u" -U 0 -u 65534 -P $$
same "-G" -G 65534 -P $$
same "-G name" -G "$(getent group 65534 | cut -d: -f1)" -P $$
same "-r" -r Z -a -P "$$,$ZP"
same "-r two states" -r S,Z -P "$$,$ZP"
same "-O, old ones" -O 1 -x kthreadd
same "-O, none this old" -O 100000 -P $$
same "-O 0" -O 0 -P $$
same "--cgroup" --cgroup "$(sed -n 's/^0:://p' /proc/$$/cgroup)" -P $$
same "--cgroup, another" --cgroup /no/such/cgroup -P $$
same "-t ?" -t '?' -P $$

# -v lists all the rest of the system: compare what it says of ours.
of_ours() { grep -x -e "$A" -e "$B" -e "$S" -e "$N" -e "$E"; }
is "$("$PIDNS_GREP" -v pgt-alpha | of_ours)" "$(pgrep -v pgt-alpha | of_ours)" \
	"-v, of our processes"
is "$("$PIDNS_GREP" -v -x pgt-beta | of_ours | wc -l)" 4 "-v: all of ours but one"

# -A leaves out our ancestors: this shell is a child of its parent, and ours.
"$PIDNS_GREP" -P "$PPID" >"$TESTDIR/all"
"$PIDNS_GREP" -A -P "$PPID" >"$TESTDIR/not-ancestors"
pgrep -A -P "$PPID" >"$TESTDIR/pgrep-not-ancestors"
check "without -A: this shell among its parent's children" grep -qx $$ "$TESTDIR/all"
check "-A: not this shell" test "$(grep -cx $$ "$TESTDIR/not-ancestors")" = 0
is "$(cat "$TESTDIR/not-ancestors")" "$(cat "$TESTDIR/pgrep-not-ancestors")" "-A, as pgrep"

# A pidfile, locked as a daemon holds it, and one that is not.
echo "$A" >"$TESTDIR/pid"
printf ' %s\n' "$B" >"$TESTDIR/pid-blank"
echo "12x" >"$TESTDIR/pid-bad"
same "-F" -F "$TESTDIR/pid"
same "-F, leading blanks" -F "$TESTDIR/pid-blank"
same "-F and a pattern" -F "$TESTDIR/pid" pgt-beta
same "-F, not a pid" -F "$TESTDIR/pid-bad"
same "-F, no such file" -F "$TESTDIR/none"
same "-L, not locked" -F "$TESTDIR/pid" -L
exec 9<"$TESTDIR/pid"
flock -x 9
same "-L, locked" -F "$TESTDIR/pid" -L
exec 9<&-
same "-L without -F" -L pgt-

# A terminal: script(1) gives the helper one.
if command -v script >/dev/null; then
	script -qfec "exec '$TESTDIR/pgt-alpha' tty" /dev/null </dev/null >/dev/null 2>&1 &
	T_SCRIPT=$!
	at_exit "kill -KILL $T_SCRIPT 2>/dev/null"
	for _ in $(seq 100); do
		T=$(pgrep -P "$T_SCRIPT")
		[ -n "$T" ] && [ "$(cat "/proc/$T/comm")" = pgt-alpha ] && break
		sleep 0.05
	done
	tty=$(readlink "/proc/$T/fd/0")
	same "-t" -t "${tty#/dev/}"
	same "-t, two" -t "${tty#/dev/},?" -P "$T_SCRIPT,$$"
	same "-t, no such terminal" -t pts/999999
	kill -KILL "$T" "$T_SCRIPT"
else
	echo "ok $((tap_count += 1)) # SKIP script(1) is not installed"
fi

# Errors, as pgrep has them.
same "no criteria" 
same "two patterns" a b
same "a bad regex" 'a('
same "a user that does not exist" -u no-such-user x
run_cmd "$PIDNS_GREP" -u no-such-user x
is "$err" "pidns-grep: invalid --euid argument: 'no-such-user' (no such user)" "the message of a user that does not exist"
run_cmd "$PIDNS_GREP" -G no-such-group x
is "$rc:$err" "2:pidns-grep: invalid --group argument: 'no-such-group' (no such group)" "a group that does not exist"
same "a long name without -f" pgt-alpha-longer-than-15
is "$(sed 's/pidns-grep/pgrep/g' "$TESTDIR/ours.err")" "$(cat "$TESTDIR/theirs.err")" \
	"a long name without -f: pgrep's hint"
same "a long name with |" 'pgt-alpha-longer|pgt-beta'

done_testing
