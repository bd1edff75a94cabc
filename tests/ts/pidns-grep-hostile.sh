# SPDX-License-Identifier: GPL-2.0-or-later
# Names and command lines a container may pick to fool a terminal or a
# script: escaped in text, exact in JSON, quoted for a shell; and a 2 MiB
# command line.
. "$top_srcdir/tests/ts/lib.sh"

command -v jq >/dev/null || skip_all "jq is not installed"

evil=$(printf 'pgh\nx\033[31m\ty')
args=("it's" 'a\x41' '' "$(printf 'new\nline')" 'é' "$(printf '\302\233')")
start_named "$evil" "${args[@]}"
P=$started

is "$(cat "/proc/$P/comm")" "$evil" "ground truth: a name with a newline, ESC and a tab"
is "$("$PIDNS_GREP" -l -p "$P")" "$P pgh\\x0ax\\x1b[31m\\x09y" "-l: control characters as \\xHH"
is "$("$PIDNS_GREP" -a -p "$P")" \
	"$P $TESTDIR/pgh\\x0ax\\x1b[31m\\x09y it's a\\x5cx41  new\\x0aline \\xc3\\xa9 \\xc2\\x9b" \
	"-a in the C locale: a backslash before x, and what is not ASCII, escaped too"
is "$("$PIDNS_GREP" -x "$(printf 'pgh\nx\033.31m\ty')")" "$P" "the pattern sees the name as it is"
is "$("$PIDNS_GREP" -f "$(printf 'new\nline')")" "$P" "-f sees the command line as it is"
if locale -a 2>/dev/null | grep -qix 'C.utf-\?8'; then
	is "$(LC_ALL=C.UTF-8 "$PIDNS_GREP" -a -p "$P")" \
		"$P $TESTDIR/pgh\\x0ax\\x1b[31m\\x09y it's a\\x5cx41  new\\x0aline é \\xc2\\x9b" \
		"-a in UTF-8: letters as they are, a C1 control (CSI) escaped"
else
	echo "ok $((tap_count += 1)) # SKIP no C.UTF-8 locale"
fi
is "$("$PIDNS_GREP" -p "$P" --output COMM --noheadings)" "pgh\\x0ax\\x1b[31m\\x09y" \
	"table: libsmartcols escapes the same way"

# JSON carries the bytes, escaped as JSON wants.
run_cmd "$PIDNS_GREP" -J -p "$P" --output COMM,COMMAND
is "$(printf '%s\n' "$out" | jq -r '.processes[0].comm')" "$evil" "-J: the name, exact"
is "$(printf '%s\n' "$out" | jq -r '.processes[0].command')" \
	"$TESTDIR/$evil it's a\\x41  $(printf 'new\nline') é $(printf '\302\233')" \
	"-J: the command line, exact"
check "-J: no raw control character" \
	test "$(printf '%s' "$out" | tr -d '\n' | tr -dc '\000-\037' | wc -c)" = 0

# -Q: a shell reads back the very arguments.
run_cmd "$PIDNS_GREP" -a -Q -p "$P"
is "$out" "$P \$'$TESTDIR/pgh\\x0ax\\x1b[31m\\x09y' 'it'\\''s' 'a\\x41' '' \$'new\\x0aline' \$'\\xc3\\xa9' \$'\\xc2\\x9b'" \
	"-a -Q: bare, '...' as pgrep, and \$'...' where a terminal must not see it raw"
eval "set -- ${out#* }"
is "$(printf '[%s]' "$@")" "$(printf '[%s]' "$TESTDIR/$evil" "${args[@]}")" \
	"-a -Q: eval gives back the arguments, the empty one too"
is "$("$PIDNS_GREP" -l -Q -p "$P")" "$P \$'pgh\\x0ax\\x1b[31m\\x09y'" "-l -Q: the name"
is "$("$PIDNS_GREP" -l -Q -p $$)" "$$ bash" "-l -Q: a safe name stays bare"

# A command line of 2 MiB, with a newline at its end: printed whole, on one line.
big=$(head -c 127000 /dev/zero | tr '\0' a)
bigargs=()
for _ in $(seq 17); do
	bigargs+=("$big")
done
bigargs+=($'end\n')
# Past the 2 MiB that exec(2) allows under an 8 MiB stack limit.
(ulimit -s 65536 && start_named pgh-big "${bigargs[@]}" && echo "$started" >"$TESTDIR/big.pid")
BIG=$(cat "$TESTDIR/big.pid")
at_exit "kill -KILL $BIG 2>/dev/null"
check "ground truth: a command line over 2 MiB" test "$(wc -c <"/proc/$BIG/cmdline")" -gt 2097152
is "$("$PIDNS_GREP" -p "$BIG" -f -c 'a end$'):$("$PIDNS_GREP" -p "$BIG" -f -c 'a end.$')" "0:1" \
	"-f: the final newline is part of the command line"
"$PIDNS_GREP" -a -p "$BIG" -f 'a end' >"$TESTDIR/big.out"
is "$?:$(wc -l <"$TESTDIR/big.out"):$(wc -c <"$TESTDIR/big.out")" \
	"0:1:$(($(wc -c <"/proc/$BIG/cmdline") - 1 + ${#BIG} + 1 + 3 + 1))" \
	"-a -f: the whole line, its newline escaped"
is "$(tail -c 8 "$TESTDIR/big.out")" 'end\x0a' "-a -f: the end, escaped"
is "$("$PIDNS_GREP" -J --output COMMAND -p "$BIG" | jq -r '.processes[0].command' | wc -c)" \
	"$(wc -c <"/proc/$BIG/cmdline")" "-J: the whole command line"
run_cmd "$PIDNS_GREP" -a -Q -p "$BIG"
eval "set -- ${out#* }"
is "$#:${#2}:${#19}" "19:127000:4" "-a -Q: the 19 arguments back"

done_testing
