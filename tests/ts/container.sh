# SPDX-License-Identifier: GPL-2.0-or-later
# The container columns and --container, on cgroups this test makes as each
# runtime names them, a pid namespace in each, and with --root a host tree
# this test writes: the names and pods its runtime files give, and nothing
# from files that are broken or hostile.
. "$top_srcdir/tests/ts/lib.sh"

unshare --pid --fork --kill-child true 2>/dev/null ||
	skip_all "this machine does not let us create pid namespaces"
hier=$(sed -n 's/^[^ ]* [^ ]* [^ ]* \/ \([^ ]*\) .* - cgroup2 .*/\1/p' /proc/self/mountinfo |
       head -n 1)
[ -n "$hier" ] || skip_all "no cgroup v2 hierarchy is mounted"

# Our cgroups: a slice of ours, and a containerd namespace at the hierarchy's
# root, where alone that runtime's pattern holds.
top=pidns-test-$$.slice
ctrns=pidns-ns-$$
remove_cgroups() {
	for _ in $(seq 50); do
		find "$hier/$top" "$hier/$ctrns" -depth -type d -exec rmdir {} + 2>/dev/null
		[ -e "$hier/$top" ] || [ -e "$hier/$ctrns" ] || return 0
		sleep 0.1
	done
}
at_exit remove_cgroups
mkdir "$hier/$top" 2>/dev/null || skip_all "the cgroup v2 hierarchy $hier is not writable"

# The inits first, then their unshares, which reap them: nothing is left in a
# cgroup.  An unshare we have not reaped keeps its child's pid from reuse.
makers=
stop_containers() {
	local m init

	for m in $makers; do
		init=$(children_of "$m")
		[ -z "$init" ] || kill -KILL "$init"
	done
	for m in $makers; do kill -KILL "$m"; wait "$m"; done 2>/dev/null
	makers=
}
at_exit stop_containers

hexid() { printf 'pidns-test %s %s' $$ "$1" | sha256sum | cut -c1-64; }
uuid() { local h; h=$(hexid "$1"); echo "${h:0:8}-${h:8:4}-${h:12:4}-${h:16:4}-${h:20:12}"; }

declare -A rt id cg name pod init maker maker_cg ns
tags=
# container TAG RUNTIME ID CGROUP NAME POD [MAKER-CGROUP]: a sleep as the init of a
# new pid namespace, in CGROUP; its unshare in MAKER-CGROUP, else in CGROUP
# too.  RUNTIME ID NAME POD are the cells it must have, "-" for none.
container() {
	local made

	tags="$tags $1"
	rt[$1]=$2 id[$1]=$3 cg[$1]=$4 name[$1]=$5 pod[$1]=$6
	mkdir -p "$hier$4" "$hier${7:-$4}"
	sh -c 'echo $$ >"$0/cgroup.procs" && exec unshare --pid --fork --kill-child sleep 600000' \
		"$hier${7:-$4}" </dev/null >/dev/null 2>&1 &
	maker[$1]=$! maker_cg[$1]=${7:-$4}
	makers="$makers $!"
	made=$(sleep_child "${maker[$1]}")
	[ -n "$made" ] || { echo "Bail out! the init of $1 did not come up"; exit 1; }
	init[$1]=$made
	echo "$made" >"$hier$4/cgroup.procs"
	ns[$1]=$(ns_of "$made" pid)
	grep -qxF "0::$4" "/proc/$made/cgroup" &&
		grep -qxF "0::${7:-$4}" "/proc/${maker[$1]}/cgroup" ||
		{ echo "Bail out! $1 is not in its cgroups"; exit 1; }
}

web=$(hexid web)
# api's id shares web's first 12 digits, and not the 13th
api=$(hexid api)
api=${web:0:12}$(printf %x $((0x${web:12:1} ^ 1)))${api:13}
sys=/$top/system.slice
kube=/$top/kubepods.slice
uid_cart=$(uuid cart) uid_bare=$(uuid bare) uid_dns=$(uuid dns)
# web's unshare is its shim: outside the container, in a cgroup no pattern fits
container web docker "$web" "$sys/docker-$web.scope" web-1 - "$sys/containerd.service"
container api docker "$api" "/$top/docker/$api" api-1 -
i=$(hexid badjson); container badjson docker "$i" "$sys/docker-$i.scope" - -
i=$(hexid dupkey); container dupkey docker "$i" "/$top/docker/$i" - -
i=$(hexid badname); container badname docker "$i" "/$top/docker/$i" - -
i=$(hexid cart)
container cart containerd "$i" "/$top/kubepods/burstable/pod$uid_cart/$i" cart prod/shop-7d4
# the systemd driver's pod slice: the uid's dashes are underscores
pod_slice() { echo "$kube/kubepods-$1.slice/kubepods-$1-pod${2//-/_}.slice"; }
i=$(hexid bare)
container bare containerd "$i" "$(pod_slice burstable "$uid_bare")/cri-containerd-$i.scope" \
	- "$uid_bare"
i=$(hexid dns)
container dns cri-o "$i" "$(pod_slice besteffort "$uid_dns")/crio-$i.scope" \
	- kube-system/coredns-5d7
i=$(hexid pm); container pm podman "$i" "/$top/machine.slice/libpod-$i.scope" pm-web -
i=$(hexid pmu)
container pmu podman "$i" \
	"/$top/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-$i.scope" pm-alice -
container box systemd-nspawn "box-$$" "/$top/machine.slice/machine-box\\x2d$$.scope" "box-$$" -
container lxc lxc "ct-$$" "/$top/lxc.payload.ct-$$" "ct-$$" -
container lv libvirt-lxc "lv-$$" "/$top/machine.slice/machine-lxc\\x2d$$\\x2dlv\\x2d$$.scope" \
	"lv-$$" -
i=$(hexid ctrd); container ctrd containerd "$i" "/$ctrns/$i" - -
container plain - - "$sys/plain.service" - -
# docker --pid=host: a sleep in the host's pid namespace, in a container's cgroup
id[hostpid]=$(hexid hostpid)
mkdir "$hier$sys/docker-${id[hostpid]}.scope"
sh -c 'echo $$ >"$0/cgroup.procs" && exec sleep 600000' "$hier$sys/docker-${id[hostpid]}.scope" \
	</dev/null >/dev/null 2>&1 &
hostpid=$!
makers="$makers $hostpid"

# The host tree for --root: the runtime files, and proc/ to bind /proc to.
root=$TESTDIR/root
mkdir -p "$root/proc" "$root/etc" "$root/var/log/containers" "$root/var/log/pods"
config() { # TAG TEXT: the config.v2.json of docker container TAG
	mkdir -p "$root/var/lib/docker/containers/${id[$1]}"
	printf '%s\n' "$2" >"$root/var/lib/docker/containers/${id[$1]}/config.v2.json"
}
config web '{"ID":"'"$web"'","Name":"/web-1","State":{"Running":true}}'
config api '{"Name":"/api-1"}'
config badjson '{"Name":"/bad-json",'
config dupkey '{"Name":"/dup-a","Name":"/dup-b"}'
config badname '{"Name":"/evil name\u001b[2J"}'
ln -s "/var/log/pods/prod_shop-7d4_$uid_cart/cart/0.log" \
	"$root/var/log/containers/shop-7d4_prod_cart-${id[cart]}.log"
mkdir "$root/var/log/pods/kube-system_coredns-5d7_$uid_dns"
# each podman file names the other's container too, by a name it must not give
podman_json() { # FILE NAME-OF-pm NAME-OF-pmu
	mkdir -p "${1%/*}"
	printf '[{"id":"%s","names":["%s","alias"]},{"id":"%s","names":["%s"]}]\n' \
		"${id[pm]}" "$2" "${id[pmu]}" "$3" >"$1"
}
podman_json "$root/var/lib/containers/storage/overlay-containers/containers.json" pm-web root-s
printf '%s\n' root:x:0:0:root:/root:/bin/sh alice:x:1000:1000::/home/alice:/bin/sh \
	>"$root/etc/passwd"
# a user's own engine's file counts only as that user's
alice_json=$root/home/alice/.local/share/containers/storage/overlay-containers/containers.json
podman_json "$alice_json" alices pm-alice
chown 1000:1000 "$alice_json"

# with_root COMMAND ARG...: COMMAND --root $root ARG..., with the host's /proc
# bound at $root/proc in a mount namespace that ends with it.
with_root() {
	unshare --mount --propagation private -- sh -c \
		'mount --bind /proc "$0/proc" && cmd=$1 && shift && exec "$cmd" --root "$0" "$@"' \
		"$root" "$@"
}

# with_agent COMMAND ARG...: the same from a pid namespace of its own beside
# the host's, as an agent container sees the host's root: the procfs is
# another's view, where nsfs cannot tell the inits.
with_agent() {
	unshare --mount --propagation private -- sh -c \
		'mount --bind /proc "$0/proc" && cmd=$1 && shift &&
		 exec unshare --pid --fork --kill-child --mount-proc "$cmd" --root "$0" "$@"' \
		"$root" "$@"
}

# want TAG [maker]: the cells of $cols that the container's init (or its
# unshare) must have, "-" for null.
want() {
	local r=${rt[$1]} i=${id[$1]} c=${cg[$1]} n=${name[$1]} p=${pod[$1]} col

	[ "${2:-}" != maker ] || [ "${maker_cg[$1]}" = "$c" ] || r=- i=- c=${maker_cg[$1]} n=- p=-
	local -A v=([RUNTIME]=$r [CONTAINER]=$i [CGROUP]=$c [NAME]=$n [POD]=$p)
	for col in ${cols//,/ }; do echo "${v[$col]}"; done | paste -sd' '
}
# table COLUMNS ROWS FILE: the cells of the rows that the jq filter ROWS picks,
# a row a line, "-" for null: one strict read of the JSON for all the checks.
table() {
	jq -r "$2 | [$(tr A-Z, a-z' ' <<<"$1" | sed 's/[^ ]\+/.&,/g; s/,$//')] |
		map(. // \"-\") | join(\" \")" "$3"
}
# row KEY TABLE: the cells of the row whose first cell is KEY, less that one.
row() { awk -v k="$1" '$1 == k { sub(/^[^ ]* /, ""); print }' <<<"$2"; }

all_pids=$(for tag in $tags; do echo "${init[$tag]},${maker[$tag]}"; done | paste -sd,)
for view in default root agent; do
	case $view in
	default) via= cols=RUNTIME,CONTAINER,CGROUP ;;
	root) via=with_root cols=RUNTIME,CONTAINER,CGROUP,NAME,POD ;;
	agent) via=with_agent cols=RUNTIME,CONTAINER,CGROUP,NAME,POD ;;
	esac
	run_cmd $via "$PIDNS_LS" -t pid -J -o NS,INIT,$cols
	is "$rc:$err" "0:" "$view: pidns-ls exits 0 and says nothing more"
	ls_rows=$(table NS,INIT,$cols '.namespaces[]' "$TESTDIR/out" | sed 's/ /:/')
	run_cmd $via "$PIDNS_GREP" -J --output PID,$cols -p "$all_pids"
	is "$rc:$err" "0:" "$view: pidns-grep exits 0 and says nothing more"
	grep_rows=$(table PID,$cols '.processes[]' "$TESTDIR/out")
	# each init's rows, its host pid before each
	run_cmd $via "$PIDNS_MAP" -J -o LEVEL,PID,$cols "${init[@]}"
	is "$rc:$err" "0:" "$view: pidns-map exits 0 and says nothing more"
	map_rows=$(table LEVEL,PID,$cols '.levels[]' "$TESTDIR/out" |
		   awk '$1 == 0 { at = $2 } { print at, $0 }')
	for tag in $tags; do
		is "$(row "${ns[$tag]}:${init[$tag]}" "$ls_rows")" "$(want $tag)" \
			"$view: $tag: pidns-ls $cols of its namespace, from its init"
		is "$(row "${init[$tag]}" "$grep_rows")" "$(want $tag)" \
			"$view: $tag: pidns-grep $cols of its init"
		is "$(row "${maker[$tag]}" "$grep_rows")" "$(want $tag maker)" \
			"$view: $tag: pidns-grep $cols of its unshare"
		is "$(row "${init[$tag]}" "$map_rows")" "0 ${init[$tag]} $(want $tag)
1 1 $(want $tag)" "$view: $tag: pidns-map $cols at every level"
	done
done

# placed TAG: the pids this test put in the container's cgroup, in pid order.
placed() {
	{ echo "${init[$1]}"; [ "${maker_cg[$1]}" != "${cg[$1]}" ] || echo "${maker[$1]}"; } |
		sort -n
}
# placed_ns TAG: their pid namespaces.
placed_ns() { local p; for p in $(placed "$1"); do ns_of "$p" pid; done | sort -u; }
# Every form of --container: full id, unique prefix (api shares 12 digits), a
# name from each kind of file, a machine's and an LXC container's name.
for ref in "web id $web" "web prefix ${web:0:13}" "web name web-1" "api name api-1" \
	   "cart log-name cart" "pm podman-name pm-web" "pmu rootless-name pm-alice" \
	   "box machine box-$$" "lxc lxc-name ct-$$" "lv libvirt-name lv-$$" "dns id ${id[dns]}"; do
	set -- $ref
	is "$(with_root "$PIDNS_GREP" --container "$3" 2>&1 | drop_unreadable | sort -n)" \
		"$(placed $1)" "pidns-grep --container $2 of $1: the processes in its cgroup"
	is "$(with_root "$PIDNS_LS" --container "$3" -t pid -n -o NS 2>&1 | drop_unreadable | sort)" \
		"$(placed_ns $1)" "pidns-ls --container $2 of $1 -t pid: their pid namespaces"
done
run_cmd with_root "$PIDNS_MAP" --container web-1 1
is "$rc:$out:$err" "0:${init[web]}:" "pidns-map --container NAME 1: the host pid of its init"
run_cmd with_root "$PIDNS_MAP" --container web-1 --to $$ 1
is "$rc:$out:$err" "0:${init[web]}:" "pidns-map --container NAME --to PID: as seen there"
run_cmd with_agent "$PIDNS_MAP" --container web-1 1
is "$rc:$out:$err" "0:${init[web]}:" \
	"agent: pidns-map --container NAME 1: its init, as the host's procfs numbers it"
# box's unshare is in its cgroup too, in the host's pid namespace, as
# systemd-nspawn's supervisor is: the namespace of its init is the container's.
run_cmd with_root "$PIDNS_MAP" --container "box-$$" 1
is "$rc:$out:$err" "0:${init[box]}:" \
	"pidns-map --container MACHINE 1: its init, not its supervisor's namespace"
# A container without a pid namespace of its own (docker --pid=host) has the
# namespace of its processes: the host's, where a pid is itself.
run_cmd with_root "$PIDNS_MAP" --container "${id[hostpid]}" "$hostpid"
is "$rc:$out:$err" "0:$hostpid:" "pidns-map --container of the host's pid namespace: the same pid"

for cmd in ls grep map; do
	pid=; [ $cmd != map ] || pid=1
	run_cmd with_root "$top_builddir/pidns-$cmd" --container "${web:0:12}" $pid
	is "$rc:$out:$(head -n 1 <<<"$err")" \
		"2::pidns-$cmd: --container ${web:0:12}: ambiguous, it names 2 containers:" \
		"pidns-$cmd --container PREFIX of two ids: ambiguous, exit 2"
	is "$(tail -n +2 <<<"$err" | sort)" "$(printf '  docker %s\n' "$api api-1" "$web web-1" | sort)" \
		"pidns-$cmd --container PREFIX of two ids: each candidate on a line"
	run_cmd with_root "$top_builddir/pidns-$cmd" --container "nosuch-$$" $pid
	is "$rc:$out:$err" "2::pidns-$cmd: --container nosuch-$$: no such container" \
		"pidns-$cmd --container UNKNOWN: no such container, exit 2"
done
run_cmd with_root "$PIDNS_GREP" --container dup-b
is "$rc:$out:$err" "2::pidns-grep: --container dup-b: no such container" \
	"a name of a config.v2.json with a duplicate key names nothing"

# --procfs alone: no host files are read; the names in cgroup paths remain.
run_cmd "$PIDNS_GREP" --procfs /proc -J --output PID,NAME \
	-p "${init[web]},${init[pm]},${init[box]},${init[lxc]},${init[lv]}"
is "$(table PID,NAME '.processes[]' "$TESTDIR/out" | sort -n)" \
	"$(printf '%s\n' "${init[web]} -" "${init[pm]} -" "${init[box]} box-$$" "${init[lxc]} ct-$$" \
	   "${init[lv]} lv-$$" | sort -n)" "--procfs: NAME only from the cgroup paths"
run_cmd "$PIDNS_GREP" --procfs /proc --container web-1
is "$rc:$out:$err" "2::pidns-grep: --container web-1: no such container" \
	"--procfs: --container NAME of a runtime file finds nothing"

# A user names the cgroups of their own user@UID.service as they like: one with
# the id of root's container, or the NAME of another, is no such container.
usr=/$top/user.slice/user-1000.slice/user@1000.service/user.slice
container usrweb docker "$web" "$usr/docker-$web.scope" - -
container usrlxc lxc web-1 "$usr/lxc.payload.web-1" web-1 -
run_cmd with_root "$PIDNS_GREP" --container "$web"
is "$rc:$out:$(head -n 1 <<<"$err")" \
	"2::pidns-grep: --container $web: ambiguous, it names 2 containers:" \
	"--container ID that a user's cgroup takes too: ambiguous"
is "$(tail -n +2 <<<"$err" | sort)" "$(printf '  docker %s\n' "$web web-1" "$web user@1000" | sort)" \
	"--container ID that a user's cgroup takes too: the user's candidate says whose"
run_cmd with_root "$PIDNS_GREP" --container web-1
is "$rc:$out:$(tail -n +2 <<<"$err" | sort)" \
	"2::$(printf '%s\n' "  docker $web web-1" "  lxc web-1 web-1 user@1000" | sort)" \
	"--container NAME that a user's LXC container takes too: ambiguous"

for cmd in ls grep map; do
	case $cmd in ls) usage=1 fatal=1 ;; *) usage=2 fatal=3 ;; esac
	run_cmd "$top_builddir/pidns-$cmd" --root "$root" --procfs /proc 1
	is "$rc:$out:$err" "$usage::pidns-$cmd: mutually exclusive arguments: --procfs --root" \
		"pidns-$cmd --root with --procfs: a usage error"
	run_cmd "$top_builddir/pidns-$cmd" --root /nonexistent 1
	is "$rc:$out:$err" \
		"$fatal::pidns-$cmd: --root /nonexistent: cannot open: No such file or directory" \
		"pidns-$cmd --root /nonexistent: a fatal error"
done
# outside with_root's mount namespaces, nothing is mounted there
run_cmd "$PIDNS_GREP" --root "$root" --container web-1
is "$rc:$out:$err" "3::pidns-grep: --root $root: no procfs at $root/proc" \
	"--root of a tree whose proc is no procfs: a fatal error"

# --container completes the ids and names of the containers running now, as
# they are: a name is anyone's to choose, and a shell must not run it.
evil='ev-$(touch${IFS}ran)'
container evil lxc "$evil" "$usr/lxc.payload.$evil" "$evil" -
for cmd in pidns-ls pidns-grep pidns-map; do
	if [ -f "$bash_completion" ]; then
		is "$(comp "$cmd" --container "${web:0:13}")" "$web" "$cmd --container PREFIX: the id"
		is "$(comp "$cmd" --container "box-")" "box-$$" "$cmd --container box-: a machine"
		is "$(cd "$TESTDIR" && comp "$cmd" --container ev-)" "$evil" \
			"$cmd --container: a name a shell would run, as it is"
		check "$cmd --container: the name did not run" test ! -e "$TESTDIR/ran"
	else
		skip "$cmd --container: completions" "no $bash_completion"
	fi
done

stop_containers
remove_cgroups
check "no cgroup of ours is left" test ! -e "$hier/$top" -a ! -e "$hier/$ctrns"
done_testing
