# SPDX-License-Identifier: GPL-2.0-or-later
# The article's world of nested pid namespaces, built with unshare(1); sourced
# by tools/demo and the tests.  Callers arrange for world_stop to run on exit
# before they call world_start: it cleans up after a half-built world too.

# The first child of a process (the children file has no final newline).
children_of() {
	child=
	{ read -r child _ <"/proc/$1/task/$1/children"; } 2>/dev/null
	echo "$child"
}
ns_of() { stat -L -c %i "/proc/$1/ns/$2"; }

# world_start [COMMAND]: host -> intermediate pid ns -> inner pid ns with
# COMMAND (default: a sleep) in it, the shape of the article.  Sets W_OUTER
# (unshare in the host's ns), W_INIT1/W_INIT2 (the inits of the two
# namespaces, host pids), W_LEAF (COMMAND's host pid), and W_NS1/W_NS2 (their
# pid namespace inodes); returns 1 when the world does not come up.  A pid
# namespace dies with its init, so SIGKILL to the intermediate init ends it
# all; W_OUTER reaps it and exits, and we reap W_OUTER: nothing is left.
#
# With W_ROOT set to a directory, the inner namespace lives in it as in a
# container's root: the intermediate init binds the host's /usr (read-only)
# and /dev there, in a mount namespace of its own that ends with it, and the
# inner init is chrooted into it; W_ROOT holds the rest (etc/os-release, the
# usr/ and dev/ to bind to, the links to usr/bin and usr/lib).
world_start() {
	local rooted=

	[ -z "${W_ROOT:-}" ] ||
		rooted='mount --bind -o ro /usr "$0/usr" && mount --bind /dev "$0/dev" &&
			exec unshare --pid --fork --kill-child --root="$0"'
	unshare --pid --fork --kill-child ${W_ROOT:+--mount} -- \
		sh -c "${rooted:-exec unshare --pid --fork --kill-child} -- sh -c '${1:-sleep 600000} & wait'" \
		"${W_ROOT:-}" </dev/null >/dev/null 2>&1 &
	W_OUTER=$!
	W_LEAF=
	for _ in $(seq 100); do
		W_INIT1=$(children_of "$W_OUTER")
		W_INIT2=$(children_of "${W_INIT1:-0}")
		W_LEAF=$(children_of "${W_INIT2:-0}")
		[ -n "$W_LEAF" ] && break
		sleep 0.1
	done
	[ -n "$W_LEAF" ] || return 1
	W_NS1=$(ns_of "$W_INIT1" pid)
	W_NS2=$(ns_of "$W_INIT2" pid)
}

world_stop() {
	[ -n "${W_OUTER:-}" ] || return 0
	# Before the intermediate init is known, --kill-child passes W_OUTER's death on.
	kill -KILL "${W_INIT1:-$W_OUTER}" 2>/dev/null
	wait "$W_OUTER" 2>/dev/null
	# The kernel tears a namespace down before its init can be reaped.
	for _ in $(seq 50); do
		[ -d "/proc/${W_LEAF:-0}" ] || [ -d "/proc/${W_INIT1:-0}" ] || break
		sleep 0.1
	done
	W_OUTER=
}

