# SPDX-License-Identifier: GPL-2.0-or-later
# The OS column: the os-release of a container's own root, read inside that
# root.  Each container here is an init in new pid and mount namespaces whose
# root is a directory this test fills; symlinks that point out of it, a FIFO,
# a huge file and bad text must give an empty cell, and never the host's.
. "$top_srcdir/tests/ts/lib.sh"

unshare --pid --fork --kill-child --mount true 2>/dev/null ||
	skip_all "this machine does not let us create pid and mount namespaces"
host_name=$(. /etc/os-release 2>/dev/null; echo "${PRETTY_NAME:-}")

# root NAME: a root directory $TESTDIR/NAME with etc/ and usr/lib/.
root() { mkdir -p "$TESTDIR/$1/etc" "$TESTDIR/$1/usr/lib"; echo "$TESTDIR/$1"; }
r=$(root plain)
printf 'NAME="Ubuntu"\nPRETTY_NAME="Ubuntu 22.04.3 LTS"\nVERSION_ID="22.04"\n' >"$r/etc/os-release"
r=$(root relative)
printf 'PRETTY_NAME="Alpine Linux v3.19"\n' >"$r/usr/lib/os-release"
ln -s ../usr/lib/os-release "$r/etc/os-release"
r=$(root absolute)
printf 'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\n' >"$r/usr/lib/os-release"
ln -s /usr/lib/os-release "$r/etc/os-release"
r=$(root escaping)
ln -s ../../../../../../etc/os-release "$r/usr/lib/os-release"
r=$(root fifo)
mkfifo "$r/etc/os-release"
r=$(root huge)
{ echo 'PRETTY_NAME="Huge"'; head -c 1048576 /dev/zero | tr '\0' '#'; echo; } >"$r/etc/os-release"
r=$(root nopretty)
printf 'NAME="Fedora Linux"\nVERSION_ID=40\nID=fedora\n' >"$r/etc/os-release"
r=$(root quoting)
printf '%s\n' '# a comment' "ID='odd'" 'PRETTY_NAME="Say \"hi\", pay \$5 \\ Caf'$'\xc3\xa9''"' \
	>"$r/etc/os-release"
r=$(root control)
printf 'PRETTY_NAME="Evil\033[2J"\n' >"$r/etc/os-release"
r=$(root none)

# The cell each must give: the name, or null.
expect() {
	case $1 in
	plain) echo '"Ubuntu 22.04.3 LTS"' ;;
	relative) echo '"Alpine Linux v3.19"' ;;
	absolute) echo '"Debian GNU/Linux 13 (trixie)"' ;;
	nopretty) echo '"Fedora Linux 40"' ;;
	quoting) printf '"Say \\"hi\\", pay $5 \\\\ Caf\xc3\xa9"\n' ;;
	*) echo null ;;
	esac
}

outers=
at_exit 'for p in $outers; do kill -KILL $p 2>/dev/null; wait $p 2>/dev/null; done'
for name in plain relative absolute escaping fifo huge nopretty quoting control none; do
	unshare --pid --fork --kill-child --mount -- "$HELPERS/rooted" "$TESTDIR/$name" \
		</dev/null >/dev/null 2>&1 &
	outer=$!
	outers="$outers $outer"
	for _ in $(seq 50); do
		init=$(children_of "$outer")
		[ -n "$init" ] && [ "$(readlink "/proc/$init/root")" = "$TESTDIR/$name" ] && break
		sleep 0.1
	done
	ns=$(ns_of "$init" pid)
	want=$(expect $name)
	is "$(timeout 20 "$PIDNS_LS" -t pid -J -o NS,OS 2>/dev/null |
	      jq -c --argjson ns "$ns" '.namespaces[] | select(.ns == $ns) | .os')" "$want" \
		"$name: pidns-ls OS of the namespace, from its init's root"
	is "$(timeout 20 "$PIDNS_GREP" -p "$init" -J --output PID,OS 2>/dev/null |
	      jq -c '.processes[0].os')" "$want" "$name: pidns-grep OS of the init"
done
is "$("$PIDNS_LS" -t pid -J -o NS,OS 2>/dev/null |
      jq -r --argjson ns "$(ns_of $$ pid)" '.namespaces[] | select(.ns == $ns) | .os')" \
	"$host_name" "the host's own namespace: the host's name"
check "a process in the host's root shows the host's name" \
	test "$("$PIDNS_GREP" -p $$ -J --output OS | jq -r '.processes[0].os')" = "$host_name"
done_testing
