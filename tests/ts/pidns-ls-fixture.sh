# SPDX-License-Identifier: GPL-2.0-or-later
# pidns-ls --procfs on the article's fixture tree (tests/fixtures/README.md).
. "$top_srcdir/tests/ts/lib.sh"

root=$FIXTURES/procfs-article
run_cmd "$PIDNS_LS" --procfs "$root" -l -r -o NS,TYPE,NPROCS,PID,PPID,COMMAND
is "$rc" 0 "--procfs: exit status 0"
is "$out" 'NS TYPE NPROCS PID PPID COMMAND
4026531836 pid 2 1 0 /init
4026532245 pid 1 221 1 /init
4026532257 pid 2 226 221 /sbin/init\x20splash' "--procfs: the article's three pid namespaces"
is "$err" "" "--procfs: a corrupt entry is skipped quietly"

run_cmd "$PIDNS_LS" --procfs "$root" -n -r -o NS,PID,COMMAND -t net -t uts
is "$out" '4026531838 1 /init
4026531840 1 /init
4026532258 226 /sbin/init\x20splash' "--procfs -t net -t uts: sorted by NS, types mixed"

run_cmd "$PIDNS_LS" --procfs "$root" -r -n -o NS,PATH -t mnt
is "$out" "4026531841 $root/1/ns/mnt
4026532244 $root/221/ns/mnt
4026532256 $root/226/ns/mnt" "PATH is below the procfs read"

run_cmd "$PIDNS_LS" --procfs "$root" -J -o NS,NPROCS,PID,COMMAND
is "$(printf '%s\n' "$out" | jq -c '.namespaces[]')" '{"ns":4026531836,"nprocs":2,"pid":1,"command":"/init","children":[{"ns":4026532245,"nprocs":1,"pid":221,"command":"/init","children":[{"ns":4026532257,"nprocs":2,"pid":226,"command":"/sbin/init splash"}]}]}' \
	"-J: the process tree of the article (226's parent is 221, 221's is 1)"

run_cmd "$PIDNS_LS" --procfs "$root" -r -n -o UID,USER -t pid -l
is "$(printf '%s\n' "$out" | sort -u)" "$(stat -c '%u %U' "$root/1")" \
	"UID and USER: the owner of /proc/PID, as lsns reads them"

run_cmd "$PIDNS_LS" --procfs "$root" -r -o COMMAND -t pid -l -n
is "$(printf '%s\n' "$out" | head -n1)" "/init" "COMMAND: the command line"
mkdir -p "$TESTDIR/kthread" && cp -r "$root/2" "$TESTDIR/kthread/"
run_cmd "$PIDNS_LS" --procfs "$TESTDIR/kthread" -r -n -o PID,COMMAND
is "$out" "2 kthreadd" "COMMAND: comm for a kernel thread's empty command line"

run_cmd "$PIDNS_LS" --procfs "$TESTDIR/nothere"
is "$rc" 1 "--procfs at a missing directory: exit status 1"
is "$err" "pidns-ls: cannot open $TESTDIR/nothere: No such file or directory" \
	"--procfs at a missing directory: the message"
mkdir "$TESTDIR/empty"
run_cmd "$PIDNS_LS" --procfs "$TESTDIR/empty"
is "$rc:$out:$err" "1::pidns-ls: --procfs $TESTDIR/empty: not a procfs (no process directory in it)" \
	"--procfs at an empty directory: no procfs, nor a copy of one"
done_testing
