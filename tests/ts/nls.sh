# SPDX-License-Identifier: GPL-2.0-or-later
# Korean: po/ko.po translates every message the sources mark, nothing in the
# sources escapes marking, and the commands speak Korean in a Korean locale.
. "$top_srcdir/tests/ts/lib.sh"

po=$top_srcdir/po
domain=$PACKAGE
cmds="pidns-grep pidns-ls pidns-map"

# complete PO: msgfmt --check passes and counts no untranslated or fuzzy message.
complete() {
	msgfmt --check --statistics -o /dev/null "$1" 2>&1 | tee "$TESTDIR/stats" &&
		! grep -qE 'untranslated|fuzzy' "$TESTDIR/stats"
}
check "po/ko.po: msgfmt --check, every message translated" complete "$po/ko.po"

# What make -C po update-po would merge, made apart from the source tree.
mapfile -t potfiles < <(sed '/^#/d; /^$/d' "$po/POTFILES.in")
read -ra xgettext_options < <(sed -n 's/^XGETTEXT_OPTIONS = //p' "$po/Makevars")
check "xgettext reads the sources of POTFILES.in" \
	xgettext "${xgettext_options[@]}" -D "$top_srcdir" -o "$TESTDIR/$domain.pot" \
		"${potfiles[@]}"
check "msgmerge of po/ko.po with them" \
	msgmerge --quiet -o "$TESTDIR/ko.po" "$po/ko.po" "$TESTDIR/$domain.pot"
check "po/ko.po translates every message of today's sources" complete "$TESTDIR/ko.po"

# Every source that marks a string is in POTFILES.in (a header may, in a table's macro).
is "$(cd "$top_srcdir" && grep -lE '\bN?_\("' cmds/*.[ch] lib/*.[ch] | sort)" \
	"$(printf '%s\n' "${potfiles[@]}" | sort)" "POTFILES.in lists every source that marks strings"

# A printing call whose text has a word in it but no _(): on one line, which
# is how the sources write them.
unmarked() {
	perl -ne 'while (/\b(?:v?warnx?|v?errx?|printf|fputs|fprintf|puts)\s*\((?:[^"()]*,\s*)?("(?:[^"\\]|\\.)*")/g) {
		my ($text, $words) = ($1, $1);
		$words =~ s/%[-+ #0-9.*]*[hlzjt]*[a-zA-Z]|\\[a-z]//g;
		print "$ARGV:$.: $text\n" if $words =~ /[A-Za-z]{2}/;
	} close ARGV if eof' "$top_srcdir"/cmds/*.c "$top_srcdir"/lib/*.c
}
is "$(unmarked)" "" "no message printed without gettext"

# gettext remakes po/ko.gmo, the catalog make install installs, when the
# template changes (make -C po update-po or update-gmo), not when ko.po does.
msgfmt -o "$TESTDIR/ko.mo" "$po/ko.po"
is "$(msgunfmt "$po/ko.gmo")" "$(msgunfmt "$TESTDIR/ko.mo")" \
	"po/ko.gmo holds what po/ko.po says (else: make -C po update-gmo)"

# That catalog where the commands look first, and a Korean locale, made here
# when the system has none.
mkdir -p "$TESTDIR/catalog/ko/LC_MESSAGES"
cp "$po/ko.gmo" "$TESTDIR/catalog/ko/LC_MESSAGES/$domain.mo"
export PIDNS_UTILS_TEXTDOMAINDIR=$TESTDIR/catalog TEXTDOMAINDIR=$TESTDIR/catalog
korean_locale 2>"$TESTDIR/localedef" ||
	skip_all "no Korean locale, and localedef cannot make one: $(cat "$TESTDIR/localedef")"

for c in $cmds; do
	help_line=$("$top_builddir/$c" --help | grep -- '^ -h, --help')
	want=$(ko gettext -d "$domain" "$help_line
")
	check "$c: a Korean translation of its -h line" test "$want" != "$help_line"
	run_cmd ko "$top_builddir/$c" --help
	is "$rc" 0 "$c --help in Korean exits 0"
	check "$c --help in Korean: the Korean -h line" grep -qxF -- "$want" <<<"$out"
done
done_testing
