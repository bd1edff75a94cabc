# SPDX-License-Identifier: GPL-2.0-or-later
# One version, said the same way everywhere: --version, NEWS, the man pages,
# debian/changelog and the rpm spec's changelog.
. "$top_srcdir/tests/ts/lib.sh"

for c in pidns-ls pidns-map pidns-grep; do
	for opt in --version -V; do
		run_cmd "$top_builddir/$c" "$opt"
		is "$rc:$out:$err" "0:$c from $PACKAGE $VERSION:" "$c $opt"
	done
	is "$(sed -n 's/^\.TH [^ ]* 1 "[^"]*" "\([^"]*\)".*/\1/p' "$top_srcdir/cmds/$c.1")" \
		"$PACKAGE $VERSION" "$c(1) is the page of $PACKAGE $VERSION"
done

# A release under way says "unreleased" where the date will be.
release=$(head -n1 "$top_srcdir/NEWS")
check "NEWS begins with this release and its date: $release" \
	grep -qxE "$PACKAGE $VERSION \(([0-9]{4}-[0-9]{2}-[0-9]{2}|unreleased)\)" <<<"$release"
when=$(tr -d '()' <<<"${release##* }")
check "the release date is a date" sh -c '[ "$1" = unreleased ] || date -d "$1"' sh "$when"

# debian/ is in git, not in the tarball that make distcheck tests.
changelog=$top_srcdir/debian/changelog
if [ -f "$changelog" ]; then
	is "$(sed -n '1s/^[^ ]* (\([^)]*\)).*/\1/p' "$changelog")" "$VERSION" \
		"debian/changelog is of $VERSION"
else
	skip "debian/changelog is of $VERSION" "no debian/"
fi
spec=$top_builddir/pidns-utils.spec
is "$(sed -n '/^%changelog/{n;s/.* - \([^ ]*\)-[0-9]*$/\1/p;}' "$spec")" "$VERSION" \
	"the newest entry of the rpm spec's changelog is of $VERSION"
done_testing
