# SPDX-License-Identifier: GPL-2.0-or-later
# TAP helpers for the functional tests, and the article's world of nested pid
# namespaces built with unshare(1).  Sourced by tests/ts/*.sh.

: "${top_builddir:?run through make check}" "${top_srcdir:?run through make check}"
PIDNS_LS=$top_builddir/pidns-ls
PIDNS_MAP=$top_builddir/pidns-map
PIDNS_GREP=$top_builddir/pidns-grep
HELPERS=$top_builddir/tests/helpers
FIXTURES=$top_builddir/tests/fixture-trees
TESTDIR=$(mktemp -d "${TMPDIR:-/tmp}/pidns-test.XXXXXX")
tap_count=0
cleanups=

at_exit() { cleanups="$1${cleanups:+; $cleanups}"; }
run_cleanups() { eval "$cleanups"; rm -rf "$TESTDIR"; }
trap run_cleanups EXIT
trap 'exit 130' INT TERM

tap_result() { # STATUS DESCRIPTION
	tap_count=$((tap_count + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_count - $2"
	else
		echo "not ok $tap_count - $2"
	fi
}

# check DESCRIPTION COMMAND...: passes when the command succeeds.
check() {
	desc=$1; shift
	"$@" >"$TESTDIR/check.out" 2>&1
	rc=$?
	tap_result $rc "$desc"
	[ $rc -eq 0 ] || sed 's/^/# /' "$TESTDIR/check.out"
}

# is GOT WANT DESCRIPTION
is() {
	if [ "$1" = "$2" ]; then
		tap_result 0 "$3"
	else
		tap_result 1 "$3"
		printf '%s\n' "# got:" "$1" "# want:" "$2" | sed 's/^/#   /'
	fi
}

# strict_json: stdin is JSON documents that a strict parser accepts: no key
# twice in one object.  jq and most parsers keep the last of two and say
# nothing, which is how a duplicate goes unseen.
strict_json() {
	python3 -c '
import json, sys

def no_twice(pairs):
    seen = set()
    for key, _ in pairs:
        if key in seen:
            raise ValueError("the key %r twice in one object" % key)
        seen.add(key)
    return dict(pairs)

text, at = sys.stdin.read(), 0
decoder = json.JSONDecoder(object_pairs_hook=no_twice)
try:
    while text[at:].strip():
        at += len(text[at:]) - len(text[at:].lstrip())
        _, at = decoder.raw_decode(text, at)
except ValueError as e:
    sys.exit("strict JSON: %s" % e)
'
}

# Every test reads JSON through jq, and so through strict_json first: the
# input is jq's last argument when that is a file, else stdin.
jq() {
	local input

	if [ $# -gt 1 ] && [ -f "${!#}" ]; then
		strict_json <"${!#}" || return 5
		command jq "$@"
		return
	fi
	input=$(cat)
	strict_json <<<"$input" || return 5
	command jq "$@" <<<"$input"
}

# Even root may be kept from some processes (by another user namespace's
# rules, by an LSM: on some machines pid 1), and the commands say so in one
# line, without a capability to name.  No test but privileges.sh is about it.
UNREADABLE='^pidns-(ls|grep|map): [0-9]+ processes could not be read$'
drop_unreadable() { grep -Ev "$UNREADABLE"; }

# run_cmd COMMAND...: sets $out, $err (without that line) and $rc.
run_cmd() {
	"$@" >"$TESTDIR/out" 2>"$TESTDIR/err"
	rc=$?
	out=$(cat "$TESTDIR/out")
	err=$(drop_unreadable <"$TESTDIR/err")
}

# lsns gives up when a process exits under it (other tests end theirs all the
# time), which is one of the things pidns-ls fixes; ask it again until it
# answers, for up to 20 s: a churn test of another run may be under way.
lsns() {
	local try

	for try in $(seq 100); do
		command lsns "$@" >"$TESTDIR/lsns.out" 2>"$TESTDIR/lsns.err" &&
			[ ! -s "$TESTDIR/lsns.err" ] && break
		[ "$try" -lt 10 ] || sleep 0.2
	done
	cat "$TESTDIR/lsns.out"
}

# wait_comm PID NAME: until PID runs NAME (it has exec'd) with its second thread, if any.
wait_comm() {
	for _ in $(seq 100); do
		[ "$(cat "/proc/$1/comm" 2>/dev/null)" = "${2:0:15}" ] && break
		sleep 0.05
	done
}

# start_named NAME [ARG...]: in the background, tests/helpers/threads (two
# threads that wait, whatever their arguments) through a link named NAME,
# so its name (comm) is NAME.  Sets $started to its pid, killed at exit.
# Prefix a command such as setsid with $START_WITH.
start_named() {
	name=$1
	shift
	ln -sf "$HELPERS/threads" "$TESTDIR/$name"
	$START_WITH "$TESTDIR/$name" "$@" </dev/null >/dev/null 2>&1 &
	started=$!
	at_exit "{ kill -KILL $started; wait $started; } 2>/dev/null"
	wait_comm "$started" "$name"
	for _ in $(seq 100); do
		[ "$(ls "/proc/$started/task" 2>/dev/null | wc -l)" -ge 2 ] && break
		sleep 0.05
	done
}

# sleep_child PID: the child of PID once it is a sleep (an unshare --fork's
# child has exec'd it), waiting up to 5 s; nothing when it never is.
sleep_child() {
	local made

	for _ in $(seq 100); do
		made=$(children_of "$1")
		if [ -n "$made" ] && [ "$(cat "/proc/$made/comm" 2>/dev/null)" = sleep ]; then
			echo "$made"
			return
		fi
		sleep 0.05
	done
}

# in_new_namespaces VAR UNSHARE-OPTION...: a sleep in new namespaces, its pid
# in VAR; $ns_maker is the unshare(1) that made them, killed at exit.
in_new_namespaces() {
	local var=$1 made

	shift
	unshare "$@" --fork --kill-child sleep 600000 </dev/null >/dev/null 2>&1 &
	ns_maker=$!
	at_exit "{ kill -KILL $ns_maker; wait $ns_maker; } 2>/dev/null"
	made=$(sleep_child "$ns_maker")
	[ -n "$made" ] || { echo "Bail out! unshare $* did not come up"; exit 1; }
	eval "$var=$made"
}

bash_completion=/usr/share/bash-completion/bash_completion
# comp WORD...: the candidates bash-completion offers for the last word of the
# command line WORD..., sorted, one a line; the commands come from the build.
comp() {
	PATH=$top_builddir:$PATH bash --norc -c '
		. "$1" && . "$2/bash-completion/$3" || exit
		shift 2
		compopt() { :; }	# outside a real completion it can only complain
		COMP_WORDS=("$@") COMP_CWORD=$(($# - 1)) COMP_LINE="$*"
		COMP_POINT=${#COMP_LINE}
		fn=$(complete -p "$1") fn=${fn#*-F } fn=${fn%% *}
		"$fn" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
		printf "%s\n" "${COMPREPLY[@]}"' \
		_ "$bash_completion" "$top_srcdir" "$@" | sort
}

skip_all() { echo "1..0 # SKIP $1"; exit 0; }
done_testing() { echo "1..$tap_count"; }

. "$top_srcdir/tools/world.sh"

# The world of tools/world.sh, torn down when the test exits, however it exits.
# The kernel gives a namespace the lowest free inode number: with tests
# beside us ending theirs, the inner one may get a lower number than the
# intermediate one, and lsns's process tree (rows in inode order) would not
# nest it.  The tests expect the article's order: build again until so.
start_world() {
	at_exit world_stop
	for _ in 1 2 3 4 5; do
		world_start "$@" || { echo "Bail out! the nested namespaces did not come up"; exit 1; }
		[ "$W_NS2" -gt "$W_NS1" ] && return
		world_stop
	done
	echo "Bail out! the inner namespace never got an inode above the intermediate one"
	exit 1
}

# sibling_start [COMMAND...]: a pid namespace beside the world's, its init
# COMMAND (default: a sh with a sleep), up once the init has a child.  Sets
# S_OUTER, S_INIT and S_NS.
sibling_start() {
	[ $# -gt 0 ] || set -- sh -c 'sleep 600000 & wait'
	unshare --pid --fork --kill-child -- "$@" </dev/null >/dev/null 2>&1 &
	S_OUTER=$!
	at_exit sibling_stop
	for _ in $(seq 100); do
		S_INIT=$(children_of "$S_OUTER")
		[ -n "$S_INIT" ] && [ -n "$(children_of "$S_INIT")" ] && break
		sleep 0.1
	done
	[ -n "$S_INIT" ] || { echo "Bail out! the sibling namespace did not come up"; exit 1; }
	S_NS=$(ns_of "$S_INIT" pid)
}

sibling_stop() {
	[ -n "${S_OUTER:-}" ] || return 0
	kill -KILL "${S_INIT:-$S_OUTER}" 2>/dev/null
	wait "$S_OUTER" 2>/dev/null
	S_OUTER=
}

# skip DESCRIPTION REASON: a check that cannot be made here.
skip() {
	tap_count=$((tap_count + 1))
	echo "ok $tap_count - $1 # SKIP $2"
}

# help_options COMMAND: the options its --help lists, long and short, one a line.
help_options() {
	"$1" --help | sed -n 's/^ \{1,5\}\(-[a-zA-Z]\)\?,\? *\(--[a-z-]*\).*/\1\n\2/p' | sed '/^$/d'
}

# korean_locale: makes ko_KR.UTF-8 usable, made with localedef into $TESTDIR
# (LOCPATH) where the system has none; fails with the reason on stderr.
korean_locale() {
	locale -a | grep -qix 'ko_KR\.utf-\?8' && return
	localedef -i ko_KR -f UTF-8 "$TESTDIR/ko_KR.UTF-8" || return
	export LOCPATH=$TESTDIR
}

# ko COMMAND...: runs it in Korean.
ko() { env -u LC_ALL -u LANGUAGE LANG=ko_KR.UTF-8 "$@"; }
