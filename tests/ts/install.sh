# SPDX-License-Identifier: GPL-2.0-or-later
# make install into a DESTDIR puts each file where its reader looks (man,
# bash-completion's lazy loader, gettext), and make uninstall takes them away.
. "$top_srcdir/tests/ts/lib.sh"

dest=$TESTDIR/dest
cmds="pidns-grep pidns-ls pidns-map"

# The make that runs this test shares its jobserver with its children, not
# with a make started by a script: this one runs on its own.
destdir_make() {
	env -u MAKEFLAGS -u MFLAGS "$MAKE" -s -C "$top_builddir" "$1" DESTDIR="$dest" \
		>"$TESTDIR/make.out" 2>&1 || { cat "$TESTDIR/make.out"; return 1; }
}

installed() { (cd "$dest" && find . ! -type d | sed 's/^\.//' | sort); }

check "make install DESTDIR=..." destdir_make install
want=$(for c in $cmds; do
	echo "$bindir/$c"
	echo "$mandir/man1/$c.1"
	echo "$bashcompletiondir/$c"
done
echo "$localedir/ko/LC_MESSAGES/$PACKAGE.mo")
is "$(installed)" "$(sort <<<"$want")" "the commands, man pages, completions and catalog"

for c in $cmds; do
	is "$("$dest$bindir/$c" --version)" "$c from $PACKAGE $VERSION" "installed $c runs"
	is "$(man -M "$dest$mandir" -w "$c")" "$dest$mandir/man1/$c.1" "man finds $c(1)"
done
case $mandir in
/usr/share/man | /usr/local/share/man)
	check "$mandir is on man's search path" grep -qx "$mandir" <<<"$(manpath -g | tr : '\n')";;
*)
	skip "$mandir is on man's search path" "a prefix of its own";;
esac

# bash-completion loads a command's completion when it is first asked for,
# from bash-completion/completions in each XDG data dir.
xdg_dir=${bashcompletiondir%/bash-completion/completions}
bash_completion=/usr/share/bash-completion/bash_completion
no_lazy=
[ -f "$bash_completion" ] || no_lazy="no $bash_completion"
[ "$xdg_dir" != "$bashcompletiondir" ] || no_lazy="$bashcompletiondir chosen at configure"
for c in $cmds; do
	desc="bash-completion loads $c's completion from there"
	if [ -n "$no_lazy" ]; then
		skip "$desc" "$no_lazy"
		continue
	fi
	# extdebug: declare -F names the file that defined the function
	is "$(XDG_DATA_DIRS=$dest$xdg_dir bash --norc -c ". $bash_completion &&
		__load_completion $c && shopt -s extdebug && declare -F _${c//-/_}" |
		cut -d' ' -f3-)" "$dest$bashcompletiondir/$c" "$desc"
done

translated() { msgfmt --statistics -o /dev/null "$1" 2>&1; }
is "$(msgunfmt "$dest$localedir/ko/LC_MESSAGES/$PACKAGE.mo" | translated -)" \
	"$(translated "$top_srcdir/po/ko.po")" "the Korean catalog holds every translation"

check "make uninstall DESTDIR=..." destdir_make uninstall
is "$(installed)" "" "nothing but directories is left"
done_testing
