# SPDX-License-Identifier: GPL-2.0-or-later
# pidns-ls options and their errors, util-linux style.
. "$top_srcdir/tests/ts/lib.sh"

root=$FIXTURES/procfs-article

run_cmd "$PIDNS_LS" --help
is "$rc" 0 "--help: exit status 0"
is "$(printf '%s\n' "$out" | sed -n 2p)" "Usage:" "--help: starts with Usage:"
for opt in --json --list --noheadings --output --output-all --persistent --task --filter --raw \
	--type --tree --notruncate --nowrap --fds --procfs --list-columns --help --version; do
	case $out in *"$opt"*) r=0 ;; *) r=1 ;; esac
	tap_result $r "--help lists $opt"
done
is "$(printf '%s\n' "$out" | tail -n1)" "For more details see pidns-ls(1)." "--help: ends with the man page"

run_cmd "$PIDNS_LS" --version
is "$out" "pidns-ls from pidns-utils $(sed -n 's/^AC_INIT(\[pidns-utils\], \[\([^]]*\)\].*/\1/p' "$top_srcdir/configure.ac")" \
	"--version: util-linux style"

run_cmd "$PIDNS_LS" -o NS,FOO
is "$rc:$err" "1:pidns-ls: invalid --output argument: 'FOO' (unknown column)" "-o with an unknown column"
run_cmd "$PIDNS_LS" -t foo
is "$rc:$err" "1:pidns-ls: invalid --type argument: 'foo' (unknown namespace type)" "-t with an unknown type"
run_cmd "$PIDNS_LS" -J -r
is "$rc:$err" "1:pidns-ls: mutually exclusive arguments: --json --raw" "-J and -r together"
# getopt names the program as it was called: call it by name, as a user does.
PATH=$top_builddir:$PATH run_cmd pidns-ls --bogus
is "$rc:$err" "1:pidns-ls: unrecognized option '--bogus'
Try 'pidns-ls --help' for more information." "an unknown option"
run_cmd "$PIDNS_LS" extra
is "$rc:$err" "1:pidns-ls: invalid namespace argument: 'extra'" "a namespace that is not a number"
run_cmd "$PIDNS_LS" 4026531836 extra
is "$rc:$err" "1:pidns-ls: unexpected argument: 'extra'
Try 'pidns-ls --help' for more information." "a second argument"
run_cmd "$PIDNS_LS" --procfs "$root" 123
is "$rc:$err" "1:pidns-ls: not found namespace: 123" "a namespace no process is in"
run_cmd "$PIDNS_LS" -l -T
is "$rc:$err" "1:pidns-ls: mutually exclusive arguments: --list --tree" "-l and -T together"
run_cmd "$PIDNS_LS" --tree=sideways
is "$rc:$err" "1:pidns-ls: invalid --tree argument: 'sideways' (unknown tree type)" "-T with an unknown relation"
run_cmd "$PIDNS_LS" --procfs "$root" -p 999
is "$rc:$err" "1:pidns-ls: -p 999: no such process" "-p of a process that does not exist"
run_cmd "$PIDNS_LS" -p x
is "$rc:$err" "1:pidns-ls: invalid --task argument: 'x'" "-p that is not a pid"
run_cmd "$PIDNS_LS" -P -p 1
is "$rc:$err" "1:pidns-ls: mutually exclusive arguments: --persistent --task" "-P and -p together"

# A kernel without NS_GET_PARENT and NS_GET_USERNS (before 4.9), made by seccomp:
# what needs them exits 2 as lsns does, what does not still works.
noioctl=$HELPERS/no-nsioctl
for args in "-o NS,PNS" "-o NS,ONS" "--tree=parent" "--tree=owner" "-o NS,NCHILDREN"; do
	run_cmd "$noioctl" "$PIDNS_LS" $args
	is "$rc:$err" "2:pidns-ls: unsupported ioctl: the kernel has no NS_GET_PARENT or NS_GET_USERNS" \
		"without the nsfs ioctls, $args: exit status 2"
done
run_cmd "$noioctl" "$PIDNS_LS" -o NS,NPROCS,LEVEL
is "$rc:$err" "0:" "without the nsfs ioctls, columns that do not need them: exit status 0"

run_cmd "$PIDNS_LS" --procfs "$root" -n -r -o ns,Type
is "$out" "4026531836 pid
4026532245 pid
4026532257 pid" "-n, -r, and column names in any case"
run_cmd "$PIDNS_LS" --procfs "$root" -l -r -o NS -o +PID
is "$(printf '%s\n' "$out" | head -n2)" "NS TYPE NPROCS PID USER COMMAND PID
4026531836 pid 2 1 root /init 1" "the last -o counts, and +LIST appends to the defaults (as lsns)"
run_cmd "$PIDNS_LS" --procfs "$root" -l -r --output-all -o +PID
is "$(printf '%s\n' "$out" | head -n1 | awk '{ print $1, $NF, NF }')" "NS PID 25" \
	"--output-all -o +PID: every column and PID again (as lsns)"
run_cmd "$PIDNS_LS" --procfs "$root" -l -r --output-all
is "$(printf '%s\n' "$out" | head -n1)" "NS TYPE PATH NPROCS PID PPID COMMAND UID USER NETNSID NSFS PNS ONS LEVEL INIT VISIBLE NCHILDREN CAPS OS CGROUP RUNTIME CONTAINER NAME POD" \
	"--output-all: every column"

run_cmd "$PIDNS_LS" --procfs "$root" -l -r -o NS,CHILDREN,children
is "$(printf '%s\n' "$out" | head -n1)" "NS NCHILDREN NCHILDREN" \
	"-o CHILDREN, the column's name before 0.2, in any case, is NCHILDREN"

run_cmd "$PIDNS_LS" -H
is "$(printf '%s\n' "$out" | awk '{ print $1 }' | tr '\n' ' ')" \
	"NS TYPE PATH NPROCS PID PPID COMMAND UID USER NETNSID NSFS PNS ONS LEVEL INIT VISIBLE NCHILDREN CAPS OS CGROUP RUNTIME CONTAINER NAME POD " \
	"-H: every column, in order"
is "$(printf '%s\n' "$out" | awk '$1 == "NPROCS" { print $2 }')" "<integer>" "-H: JSON type"
run_cmd "$PIDNS_LS" -H -J
is "$(printf '%s\n' "$out" | jq -r '.columns[0] | "\(.name) \(.type) \(.description)"')" \
	"NS <integer> namespace identifier (inode number)" "-H -J: the column list as JSON"

# A full disk must not pass for success.
"$PIDNS_LS" --procfs "$root" >/dev/full 2>"$TESTDIR/err"
is "$?:$(cat "$TESTDIR/err")" "1:pidns-ls: write error: No space left on device" \
	"output to /dev/full: exit status 1 and a message"
done_testing
