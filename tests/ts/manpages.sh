# SPDX-License-Identifier: GPL-2.0-or-later
# Each man page: the sections a reader looks for, every option of --help and
# every column of -H, the pages it should point to, and no roff complaints.
. "$top_srcdir/tests/ts/lib.sh"

command -v man >/dev/null || skip_all "no man (Debian: man-db)"
sections=(NAME SYNOPSIS DESCRIPTION OPTIONS "OUTPUT COLUMNS" "EXIT STATUS" ENVIRONMENT
	EXAMPLES "SEE ALSO")
see_also="lsns(8) pgrep(1) nsenter(1) unshare(1) namespaces(7) pid_namespaces(7) ioctl_ns(2)"

# section TEXT NAME: the lines of section NAME of a rendered page.
section() { awk -v name="$2" '/^[A-Z]/ { on = ($0 == name); next } on' <<<"$1"; }
# mentions TEXT WORD: WORD stands in TEXT, not as part of a longer option or name.
mentions() { grep -qE -- "(^|[^-[:alnum:]])$2([^-[:alnum:]]|$)" <<<"$1"; }

for c in pidns-ls pidns-map pidns-grep; do
	page=$top_srcdir/cmds/$c.1
	text=$(MANWIDTH=200 man -E ascii -l "$page" 2>/dev/null | col -b)

	missing=
	for s in "${sections[@]}"; do
		grep -qx "$s" <<<"$text" || missing="$missing [$s]"
	done
	is "$missing" "" "$c(1) has the sections a man page has"

	missing=
	for o in $(help_options "$top_builddir/$c"); do
		mentions "$text" "$o" || missing="$missing $o"
	done
	is "$missing" "" "$c(1) describes every option of --help"

	missing=
	columns=$(section "$text" "OUTPUT COLUMNS")
	for col in $("$top_builddir/$c" -H | awk '{ print $1 }'); do
		grep -qE "^ +$col( |$)" <<<"$columns" || missing="$missing $col"
	done
	is "$missing" "" "$c(1) describes every column of -H under OUTPUT COLUMNS"

	missing=
	for ref in $see_also; do
		mentions "$(section "$text" "SEE ALSO")" "${ref/(/\\(}" || missing="$missing $ref"
	done
	is "$missing" "" "$c(1) points to the pages of SEE ALSO"

	is "$(man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null)" "" "$c(1): man --warnings is quiet"
	if command -v mandoc >/dev/null; then
		is "$(mandoc -T lint -W style "$page" 2>&1)" "" "$c(1): mandoc -T lint is quiet"
	else
		skip "$c(1): mandoc -T lint is quiet" "no mandoc"
	fi
done
done_testing
