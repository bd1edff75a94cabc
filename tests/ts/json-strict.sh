# SPDX-License-Identifier: GPL-2.0-or-later
# The JSON of all three commands, read by a parser that rejects a key twice in
# one object (strict_json), and the counts that used to share a key with the
# nested rows, against the world the test built.
. "$top_srcdir/tests/ts/lib.sh"

command -v python3 >/dev/null || skip_all "python3 is not installed"
unshare --pid --fork --kill-child true 2>/dev/null ||
	skip_all "this machine does not let us create pid namespaces"
start_world

check "strict_json itself refuses a key given twice" \
	sh -c '! printf "{\"a\": 1, \"b\": {\"a\": 2, \"a\": 3}}" | { '"$(declare -f strict_json)"'; strict_json; }'

# strict COMMAND...: the command's JSON parses strictly.
strict() {
	run_cmd "$@"
	check "strict JSON: ${*#"$top_builddir"/}" eval 'test $rc = 0 && strict_json <<<"$out"'
}

strict "$PIDNS_LS" -J --tree=parent -o NS,NCHILDREN,NPROCS
strict "$PIDNS_LS" -J --tree=parent -o NS,CHILDREN,NPROCS
strict "$PIDNS_LS" -J -o NS,NCHILDREN,VISIBLE,COMMAND
strict "$PIDNS_LS" -J --output-all --tree=parent
strict "$PIDNS_LS" -J --output-all -t pid -t user -t net
strict "$PIDNS_LS" -J -o +NCHILDREN "$W_NS1"
strict "$PIDNS_LS" -H -J
strict "$PIDNS_GREP" -J --output "$("$PIDNS_GREP" -H | awk '{ print $1 }' | paste -sd,)" \
	--ns "$W_INIT1" --nested
strict "$PIDNS_GREP" -H -J
strict "$PIDNS_MAP" -J -o "$("$PIDNS_MAP" -H | awk '{ print $1 }' | paste -sd,)" "$W_LEAF"
strict "$PIDNS_MAP" -H -J

# The count and the nested rows each have their key: nchildren, children.
tree=$("$PIDNS_LS" -J --tree=parent -o NS,NCHILDREN,NPROCS)
of() { jq -c --argjson ns "$1" ".. | objects | select(.ns == \$ns) | $2" <<<"$tree"; }
is "$(of "$W_NS1" '[.nchildren, [.children[].ns]]')" "[1,[$W_NS2]]" \
	"--tree=parent -J: the intermediate namespace counts 1 child and nests it"
is "$(of "$W_NS2" '[.nchildren, has("children")]')" "[0,false]" \
	"--tree=parent -J: the inner namespace counts none and nests none"
is "$("$PIDNS_LS" -J --tree=parent -o NS,CHILDREN | jq -c --argjson ns "$W_NS1" \
	'.. | objects | select(.ns == $ns) | keys')" '["children","nchildren","ns"]' \
	"-o CHILDREN is NCHILDREN: its JSON key is nchildren"

world_stop
done_testing
