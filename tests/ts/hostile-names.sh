# SPDX-License-Identifier: GPL-2.0-or-later
# Names and command lines a container may pick to fool a terminal, a script
# or a JSON parser, through every command that shows them: pidns-ls COMMAND,
# pidns-map COMMAND, pidns-grep COMM and COMMAND.  Tables and -a show them
# escaped (no raw control byte, nothing the locale cannot print), -r keeps
# one record a line, -J is strict UTF-8 JSON with the text exact (what is no
# UTF-8 as U+FFFD), -u truncates nothing, and no cut splits a character.
. "$top_srcdir/tests/ts/lib.sh"

command -v jq >/dev/null || skip_all "jq is not installed"
command -v iconv >/dev/null || skip_all "iconv is not installed"
unshare --pid --fork --kill-child true 2>/dev/null ||
	skip_all "this machine does not let us create pid namespaces"
utf8=$(locale -a 2>/dev/null | grep -ix 'C.utf-\?8' | head -n 1)

# hostile_start NAME [ARG...]: tests/helpers/threads named NAME, as the init
# of a pid namespace of its own, so that it is the one pidns-ls shows for it.
# Sets H_PID (its pid here) and H_NS; sibling_stop (tests/ts/lib.sh) ends it.
hostile_start() {
	local name=$1
	shift
	ln -sf "$HELPERS/threads" "$TESTDIR/$name"
	(ulimit -s 65536 && exec unshare --pid --fork --kill-child -- "$TESTDIR/$name" "$@") \
		</dev/null >/dev/null 2>&1 &
	S_OUTER=$! S_INIT=
	for _ in $(seq 100); do
		H_PID=$(children_of "$S_OUTER")
		[ -n "$H_PID" ] && [ "$(readlink "/proc/$H_PID/exe")" = "$HELPERS/threads" ] && break
		sleep 0.05
	done
	S_INIT=$H_PID
	H_NS=$(ns_of "$H_PID" pid)
}
at_exit sibling_stop

# Control bytes that reach a terminal raw: C0 but the newline, DEL, and C1
# (in UTF-8, U+0080..U+009F).
raw_controls() {
	LC_ALL=C tr -d '\n\040-\176\200-\377' <"$1" | wc -c
	LC_ALL=C grep -c $'\xc2[\x80-\x9f]' "$1"
}
is_ascii() { ! LC_ALL=C grep -q '[^ -~]' "$1"; }
is_utf8() { iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; }

# What JSON must carry: the bytes, with each that starts no UTF-8 character
# as U+FFFD (these names' bytes: \xff, \xfe, and \xc3 before x or at the end).
json_text() {
	local s=$1 fffd=$'\xef\xbf\xbd'

	s=${s//$'\xff'/$fffd}
	s=${s//$'\xfe'/$fffd}
	s=${s//$'\xc3x'/${fffd}x}
	[[ $s == *$'\xc3' ]] && s=${s%$'\xc3'}$fffd
	printf '%s' "$s"
}

# check_text DESC FILE: no raw control byte; ASCII in C, valid UTF-8 in UTF-8.
check_text() {
	is "$(raw_controls "$2" | tr '\n' ' ')" "0 0 " "$1: no raw control byte"
	if [ "$LC_ALL" = C ]; then
		check "$1: ASCII only in the C locale" is_ascii "$2"
	else
		check "$1: valid UTF-8, no character cut" is_utf8 "$2"
	fi
}

big=$(head -c 127000 /dev/zero | tr '\0' a)
names=(
	$'r7h-nl\nx'			# newline
	$'r7h-tab\tx'			# tab
	$'r7h\e[31mX\e[0m'		# ANSI colour
	$'r7h\e]0;pwn\a'		# OSC: set the terminal's title
	'r7h) (x y'			# what ends comm in stat, and spaces
	$'r7h\xff\xfe\xc3x'		# no UTF-8
	$'r7h\xc2\x9bx'			# C1 CSI, in UTF-8
	'r7h-éééééé'			# comm (15 bytes) cuts the last é in two
	'r7h-4k'			# 4 KiB of one character
	'r7h-2m'			# a command line over 2 MiB
)
cases=0
for name in "${names[@]}"; do
	args=("$name" 'two words')
	case $name in
	r7h-4k) args=("$(head -c 4096 /dev/zero | tr '\0' A)") ;;
	r7h-2m) args=(); for _ in $(seq 17); do args+=("$big"); done; args+=($'end\n') ;;
	esac
	hostile_start "$name" "${args[@]}"
	cases=$((cases + 1))
	label=$(printf '%q' "$name")
	truth=$(tr '\0' ' ' <"/proc/$H_PID/cmdline")
	truth=${truth% }
	comm=$(cat "/proc/$H_PID/comm")
	check "$label: ground truth: the command line, $(wc -c <"/proc/$H_PID/cmdline") bytes" \
		test "$truth" = "$TESTDIR/$name ${args[*]}"

	for LC_ALL in C $utf8; do
		export LC_ALL
		"$PIDNS_LS" -t pid -o NS,PID,COMMAND >"$TESTDIR/ls" 2>&1
		check_text "$label: pidns-ls ($LC_ALL)" "$TESTDIR/ls"
		is "$(grep -c "^ *$H_NS " "$TESTDIR/ls")" 1 "$label: pidns-ls ($LC_ALL): one line"
		"$PIDNS_MAP" "$H_PID" >"$TESTDIR/map" 2>&1
		check_text "$label: pidns-map ($LC_ALL)" "$TESTDIR/map"
		"$PIDNS_GREP" -a -p "$H_PID" >"$TESTDIR/grep" 2>&1
		"$PIDNS_GREP" -l -p "$H_PID" >>"$TESTDIR/grep" 2>&1
		"$PIDNS_GREP" --output COMM,COMMAND -p "$H_PID" >>"$TESTDIR/grep" 2>&1
		check_text "$label: pidns-grep -a, -l, table ($LC_ALL)" "$TESTDIR/grep"
		is "$(wc -l <"$TESTDIR/grep")" 4 "$label: pidns-grep ($LC_ALL): one line each"
	done
	export LC_ALL=C

	# -r: one record a line.
	is "$("$PIDNS_LS" -r -n -o NS,COMMAND | grep -c "^$H_NS ")" 1 "$label: pidns-ls -r: one line"
	is "$("$PIDNS_MAP" -r -n "$H_PID" | wc -l)" "$(awk '/^NSpid:/ { print NF - 1 }' \
		"/proc/$H_PID/status")" "$label: pidns-map -r: a line a level"
	is "$("$PIDNS_GREP" --raw --noheadings -p "$H_PID" | wc -l)" 1 \
		"$label: pidns-grep --raw: one line"

	# -J: strict UTF-8 JSON, the text exact.
	"$PIDNS_LS" -J -o NS,COMMAND >"$TESTDIR/json"
	check "$label: pidns-ls -J: valid UTF-8" is_utf8 "$TESTDIR/json"
	is "$(jq -r ".namespaces[] | select(.ns == $H_NS) | .command" "$TESTDIR/json")" \
		"$(json_text "$truth")" "$label: pidns-ls -J: the command line"
	"$PIDNS_MAP" -J "$H_PID" >"$TESTDIR/json"
	check "$label: pidns-map -J: valid UTF-8" is_utf8 "$TESTDIR/json"
	is "$(jq -r '.levels[-1].command' "$TESTDIR/json")" "$(json_text "$truth")" \
		"$label: pidns-map -J: the command line"
	"$PIDNS_GREP" -J --output COMM,COMMAND -p "$H_PID" >"$TESTDIR/json"
	check "$label: pidns-grep -J: valid UTF-8" is_utf8 "$TESTDIR/json"
	is "$(jq -r '.processes[0] | .comm, .command' "$TESTDIR/json")" \
		"$(json_text "$comm")
$(json_text "$truth")" "$label: pidns-grep -J: the name and the command line"

	# -u on a terminal 60 columns wide: the whole line; without it, cut whole characters.
	if [ -n "$utf8" ] && command -v script >/dev/null; then
		LC_ALL=$utf8 script -qec "stty cols 60; $PIDNS_LS -u -n -o NS,COMMAND" /dev/null \
			| tr -d '\r' >"$TESTDIR/tty"
		is "$(grep -c "^$H_NS " "$TESTDIR/tty"):$(grep "^$H_NS " "$TESTDIR/tty" | wc -c)" \
			"1:$(LC_ALL=$utf8 "$PIDNS_LS" -n -o NS,COMMAND | grep "^$H_NS " | wc -c)" \
			"$label: pidns-ls -u on a terminal: not truncated"
		LC_ALL=$utf8 script -qec "stty cols 60; $PIDNS_LS -n -o NS,COMMAND; $PIDNS_MAP $H_PID" \
			/dev/null >"$TESTDIR/tty"
		check "$label: truncated on a terminal: valid UTF-8" is_utf8 "$TESTDIR/tty"
	fi
	# One hostile process at a time, for as short as can be: lsns, in the
	# tests beside us, gives up on a comm with ") ".
	sibling_stop
done

is "$cases" "${#names[@]}" "hostile names and command lines: $cases cases"
done_testing
