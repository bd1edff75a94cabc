# SPDX-License-Identifier: GPL-2.0-or-later
# pidns-ls -Q/--filter: the rows a libsmartcols expression chooses, checked
# against the unfiltered listing of the world the test builds.  Built against
# a libsmartcols without the filter API, the option must say so.
. "$top_srcdir/tests/ts/lib.sh"

run_cmd "$PIDNS_LS" -Q 'NPROCS > 0' -o NS
case $err in
*"built without the libsmartcols 2.40 filter API")
	is "$rc:$err" "1:pidns-ls: --filter 'NPROCS > 0': not supported, pidns-ls was built without the libsmartcols 2.40 filter API" \
		"-Q without the filter API: exit status 1 and why"
	done_testing
	exit 0
	;;
esac

unshare --pid --fork --kill-child true 2>/dev/null ||
	skip_all "this machine does not let us create pid namespaces"
start_world
mine() { grep -x -e "$W_NS1" -e "$W_NS2"; }

is "$("$PIDNS_LS" -l -r -n -o NS -Q "NS == $W_NS2")" "$W_NS2" "-Q NS == N: that namespace alone"
is "$("$PIDNS_LS" -l -r -n -o NS -Q 'LEVEL >= 1' | mine)" "$W_NS1
$W_NS2" "-Q on a column not shown (LEVEL): the nested namespaces"
is "$("$PIDNS_LS" -l -r -n -o NS -Q 'LEVEL >= 1' | grep -c -x "$(ns_of $$ pid)")" 0 \
	"-Q LEVEL >= 1 leaves our own namespace out"
is "$("$PIDNS_LS" -l -J -o NS -Q "INIT == $W_INIT2")" "$(printf '{\n   "namespaces": [\n      {\n         "ns": %s\n      }\n   ]\n}' "$W_NS2")" \
	"-J: the columns the filter added stay hidden"
world_rows() { awk -v a="$W_NS1" -v b="$W_NS2" '$1 == a || $1 == b'; }
is "$("$PIDNS_LS" -l -r -n -o NS,NPROCS -Q 'NPROCS > 1' | world_rows)" "$W_NS2 2" \
	"-Q NPROCS > 1: the inner namespace (2), not the intermediate (1)"
is "$("$PIDNS_LS" -t pid -t net -l -r -n -o NS,TYPE -Q 'TYPE == "net"' | sort)" \
	"$("$PIDNS_LS" -t net -l -r -n -o NS,TYPE | sort)" "-Q on a string: the rows of -t net"
is "$("$PIDNS_LS" --tree=parent -J -o NS -Q 'LEVEL >= 1' | jq -c --argjson a "$W_NS1" \
	'.namespaces[] | select(.ns == $a) | [.ns, [.children[].ns]]')" "[$W_NS1,[$W_NS2]]" \
	"--tree=parent: a row whose parent is left out stands at the top"
is "$("$PIDNS_LS" "$W_NS2" -l -r -n -o PID -Q "PID == $W_LEAF")" "$W_LEAF" \
	"<namespace> -Q: its processes chosen too"

run_cmd "$PIDNS_LS" -Q 'NPROCS >'
is "$rc:${err%%:*}" "1:pidns-ls" "-Q with a syntax error: exit status 1"
case $err in "pidns-ls: invalid --filter argument: 'NPROCS >' ("*) r=0 ;; *) r=1 ;; esac
tap_result $r "-Q with a syntax error: names the option and what did not parse"
run_cmd "$PIDNS_LS" -Q 'BOGUS == 1'
is "$rc:$err" "1:pidns-ls: invalid --filter argument: 'BOGUS' (unknown column)" "-Q on an unknown column: exit status 1"
done_testing
