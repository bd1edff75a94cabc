# SPDX-License-Identifier: GPL-2.0-or-later
# pidns-grep: help, errors and exit codes, and the options pgrep 4.0.2 lacks
# (-p, -q, --env), against the processes this test starts.
. "$top_srcdir/tests/ts/lib.sh"

run_cmd "$PIDNS_GREP" --help
is "$rc:$(printf '%s\n' "$out" | sed -n 2p)" "0:Usage:" "--help: exit status 0, util-linux layout"
for opt in --delimiter --list-name --list-full --shell-quote --count --quiet --inverse \
	--lightweight --full --ignore-case --exact --pgroup --group --newest --oldest --older \
	--pid --parent --session --terminal --euid --uid --pidfile --logpidfile --runstates \
	--ignore-ancestors --cgroup --env --ns --nslist --nested --inner --json --output --raw \
	--noheadings --list-columns --help --version; do
	case $out in *" $opt"*) r=0 ;; *) r=1 ;; esac
	tap_result $r "--help lists $opt"
done
is "$(printf '%s\n' "$out" | tail -n1)" "For more details see pidns-grep(1)." \
	"--help: ends with the man page"
run_cmd "$PIDNS_GREP" -V
is "$rc:$out" "0:pidns-grep from pidns-utils $(sed -n 's/^AC_INIT(\[pidns-utils\], \[\([^]]*\)\].*/\1/p' "$top_srcdir/configure.ac")" \
	"-V: util-linux style"
run_cmd "$PIDNS_GREP" -H
is "$(printf '%s\n' "$out" | awk '{ print $1 }' | tr '\n' ' ')" \
	"PID INNERPID PPID USER UID STATE NS LEVEL COMM COMMAND CAPS OS CGROUP RUNTIME CONTAINER NAME POD " "-H: every column, in order"
is "$("$PIDNS_GREP" -H -J | jq -r '.columns[1] | "\(.name) \(.type)"')" "INNERPID <integer>" \
	"-H -J: the column list as JSON"

# Usage errors: one line, exit status 2.
PATH=$top_builddir:$PATH run_cmd pidns-grep --bogus
is "$rc:$err" "2:pidns-grep: unrecognized option '--bogus'
Try 'pidns-grep --help' for more information." "an unknown option"
run_cmd "$PIDNS_GREP"
is "$rc:$err" "2:pidns-grep: no matching criteria specified
Try 'pidns-grep --help' for more information." "no criteria"
run_cmd "$PIDNS_GREP" -v -w -l -A
is "$rc" 2 "options that select nothing are no criteria"
run_cmd "$PIDNS_GREP" a b
is "$rc:$err" "2:pidns-grep: only one pattern can be provided
Try 'pidns-grep --help' for more information." "two patterns"
run_cmd "$PIDNS_GREP" 'a('
is "$rc:$err" "2:pidns-grep: invalid pattern argument: 'a(' (Unmatched ( or \\()" "a bad regex"
run_cmd "$PIDNS_GREP" -n -o x
is "$rc:$err" "2:pidns-grep: mutually exclusive arguments: --newest --oldest" "-n with -o"
run_cmd "$PIDNS_GREP" -o -v x
is "$rc:$err" "2:pidns-grep: mutually exclusive arguments: --oldest --inverse" "-o with -v"
run_cmd "$PIDNS_GREP" -l -J x
is "$rc:$err" "2:pidns-grep: mutually exclusive arguments: --list-name --json" "-l with -J"
run_cmd "$PIDNS_GREP" -J --raw x
is "$rc:$err" "2:pidns-grep: mutually exclusive arguments: --json --raw" "-J with --raw"
# pgrep 4.0.6's words and statuses (its testsuite checks the first message).
run_cmd "$PIDNS_GREP" -F /dev/null -p 1
is "$rc:$err" "1:pidns-grep: Cannot use pidfile and pid option together
Try 'pidns-grep --help' for more information." "-F with -p: pgrep's message, and its status 1"
run_cmd "$PIDNS_GREP" -p 1 --pidfile=/dev/null
is "$rc" 1 "-p, then --pidfile: the same"
run_cmd "$PIDNS_GREP" --quiet -a x
is "$rc:$err" "2:pidns-grep: Cannot use --quiet and -a,--list-full options together
Try 'pidns-grep --help' for more information." "--quiet with -a, as pgrep"
run_cmd "$PIDNS_GREP" -q -l x
is "$rc:$err" "2:pidns-grep: Cannot use --quiet and -l,--list-name options together
Try 'pidns-grep --help' for more information." "-q with -l, as pgrep"
run_cmd "$PIDNS_GREP" -L x
is "$rc:$err" "2:pidns-grep: --logpidfile needs --pidfile" "-L without -F"
run_cmd "$PIDNS_GREP" --output PID,FOO x
is "$rc:$err" "2:pidns-grep: invalid --output argument: 'FOO' (unknown column)" "--output with an unknown column"
long_of() {
	case $1 in
	-P) echo --parent ;; -g) echo --pgroup ;; -s) echo --session ;;
	-p) echo --pid ;; -O) echo --older ;; -u) echo --euid ;;
	esac
}
for bad in "-P x" "-P 1,x,2" "-P -1" "-g abc" "-s 2147483648" "-p 1x" "-O -1" "-u 99999999999"; do
	set -- $bad
	run_cmd "$PIDNS_GREP" "$@"
	is "$rc:$err" "2:pidns-grep: invalid $(long_of "$1") argument: '${2/1,x,2/x}'" \
		"a bad number: $bad"
done
# pgrep reads an empty word as 0 (atoi): -P 1,,2 would add "parent 0"; we refuse it.
run_cmd "$PIDNS_GREP" -P 1,,2
is "$rc:$err" "2:pidns-grep: invalid --parent argument: ''" "an empty word in a list"
run_cmd "$PIDNS_GREP" -F "$TESTDIR/none"
is "$rc:$err" "1:pidns-grep: cannot open pidfile $TESTDIR/none: No such file or directory" \
	"-F of a missing file: exit status 1, as pgrep: nothing runs"

# -p and -q, --env: the ground truth of the processes we start.
start_named pgo-one
ONE=$started
START_WITH="env PGO_VAR=x PGO_VARIANT=y" start_named pgo-env
ENV=$started
is "$("$PIDNS_GREP" -p "$ONE,$ENV,2147483647")" "$ONE
$ENV" "-p: a list of pids"
is "$("$PIDNS_GREP" -p "$ONE" -w -c)" 2 "-p -w: the threads of the process"
is "$("$PIDNS_GREP" -p "$ONE" pgo-env -c)" 0 "-p and a pattern: both"
run_cmd "$PIDNS_GREP" -q pgo-
is "$rc:$out" "0:" "-q: a match, nothing printed"
run_cmd "$PIDNS_GREP" -q -w pgo-one
is "$rc:$out" "0:" "-q -w: a thread matches, after processes that do not"
run_cmd "$PIDNS_GREP" -q -c no-such-name
is "$rc:$out" "1:0" "-q -c: no match, and the count still printed, as pgrep"
run_cmd "$PIDNS_GREP" -q -c -w pgo-one
is "$rc:$out" "0:2" "-q -c -w: every match counted, not only the first"
is "$("$PIDNS_GREP" --env PGO_VAR -P $$)" "$ENV" "--env NAME"
is "$("$PIDNS_GREP" --env PGO_VAR=x -P $$)" "$ENV" "--env NAME=VALUE"
is "$("$PIDNS_GREP" --env PGO_VAR=y,PGO_VARIANT=y -P $$)" "$ENV" "--env: one of a list"
run_cmd "$PIDNS_GREP" --env PGO_VAR=y -P $$
is "$rc:$out" "1:" "--env NAME=VALUE, another value"
run_cmd "$PIDNS_GREP" --env PGO_VA -P $$
is "$rc:$out" "1:" "--env: a name is not a prefix (pgrep 4.0.6 takes it as one)"

# Output errors are fatal, not "no match".
"$PIDNS_GREP" -p "$ONE" >/dev/full 2>"$TESTDIR/err"
is "$?:$(cat "$TESTDIR/err")" "3:pidns-grep: write error: No space left on device" \
	"output to /dev/full: exit status 3"
# What only the output wants and may not be read is an empty cell, not a lost match:
# as nobody, the ns links of root's processes cannot be read.
if command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
	start_named zqxnobody
	as_nobody() { setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups "$@"; }
	is "$(as_nobody "$PIDNS_GREP" zqxnobody)" "$started" "as nobody: the match is listed"
	is "$(as_nobody "$PIDNS_GREP" -J zqxnobody | jq -c '.processes[] | [.pid, .ns]')" \
		"[$started,null]" "as nobody: -J lists it too, with the NS it may not read as null"
fi

# -a -Q gives back every argument, the empty last ones too.
start_named zqxquote 1 ''
is "$("$PIDNS_GREP" -a -Q zqxquote)" "$started $TESTDIR/zqxquote 1 ''" \
	"-a -Q: an empty last argument stays a word"
done_testing
