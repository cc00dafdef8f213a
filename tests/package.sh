#!/usr/bin/env bash
# The Makefile as a packager uses it: make install puts every file in its place under
# DESTDIR and make uninstall takes them all away; make dist gives the same bytes for
# the same commit, and its tarball builds and passes make test-offline on its own.
# Builds into temporary folders; runs once.
. "$(dirname "$0")/lib.sh"

# a build of its own, so the one under test is never rebuilt for another PREFIX
mk() { make --no-print-directory -C "$SRCDIR" BUILD="$TMP_ROOT/build" TALUS_BIN="$TMP_ROOT/talus" "$@"; }

test_install_then_uninstall_leaves_nothing() {
	local d=$PWD/dest f
	mk install PREFIX=/usr DESTDIR="$d" >log 2>&1 || fail "make install: $(tail -n 5 log)"
	for f in bin/talus share/man/man1/talus.1 share/man/man5/talus.conf.5 \
		share/man/man5/talus-program.5 share/bash-completion/completions/talus \
		share/zsh/vendor-completions/_talus share/talus/programs/ankle-foundations.conf \
		share/doc/talus/talus.conf.example; do
		[ -f "$d/usr/$f" ] || fail "make install left out /usr/$f"
	done
	"$d/usr/bin/talus" --version >/dev/null || fail "the installed talus does not run"
	mk uninstall PREFIX=/usr DESTDIR="$d" >log 2>&1 || fail "make uninstall: $(tail -n 5 log)"
	f=$(find "$d" -type f)
	[ -z "$f" ] || fail "make uninstall left: $f"
}

# the rest needs the git repository: a tarball made by make dist has none
in_git() { git -C "$SRCDIR" rev-parse --verify -q HEAD >/dev/null 2>&1; }

test_dist_is_the_same_bytes_twice() {
	in_git || { echo "skipped: not a git checkout"; return; }
	make --no-print-directory -C "$SRCDIR" dist DIST_OUT="$PWD/a.tar.gz" >/dev/null || fail "make dist"
	sleep 1
	make --no-print-directory -C "$SRCDIR" dist DIST_OUT="$PWD/b.tar.gz" >/dev/null || fail "make dist"
	cmp a.tar.gz b.tar.gz || fail "two make dist of one commit differ"
	# sorted names, owner 0, every mtime the commit's
	local when names
	when=$(git -C "$SRCDIR" log -1 --format=%ct HEAD)
	tar --numeric-owner -tvzf a.tar.gz >list || fail "tar cannot read it"
	awk '$2 != "0/0" { print "owner", $0 }' list | head -n 3 | while read -r l; do fail "$l"; done
	names=$(tar -tzf a.tar.gz)
	[ "$names" = "$(printf '%s\n' "$names" | LC_ALL=C sort)" ] || fail "names not sorted"
	[ "$(tar --full-time -tvzf a.tar.gz | awk '{ print $4, $5 }' | sort -u | wc -l)" = 1 ] ||
		fail "more than one mtime"
	[ "$(TZ=UTC date -d "@$when" '+%Y-%m-%d %H:%M:%S')" = \
	  "$(TZ=UTC tar --full-time -tvzf a.tar.gz | awk 'NR == 1 { print $4, $5 }')" ] ||
		fail "the mtime is not the commit's"
	tar -tzf a.tar.gz | grep -q '^talus-[^/]*/debian/' && fail "debian/ is in the tarball"
	gzip -l a.tar.gz >/dev/null || fail "not gzip"
}

test_dist_builds_and_passes_test_offline() {
	in_git || { echo "skipped: not a git checkout"; return; }
	make --no-print-directory -C "$SRCDIR" dist DIST_OUT="$PWD/t.tar.gz" >/dev/null || fail "make dist"
	tar -xzf t.tar.gz || fail "tar -x"
	cd talus-* || { fail "no talus-VERSION folder"; return; }
	make -j2 >log 2>&1 || fail "make: $(tail -n 5 log)"
	make test-offline >log 2>&1 || fail "make test-offline: $(tail -n 15 log)"
	tail -n 1 log | grep -q ' 0 failed$' || fail "make test-offline: $(tail -n 1 log)"
}

# The package builds with what make run installs: each library (-dev) that
# tools/deps.sh names for building is in debian/control's Build-Depends.
test_build_depends_name_every_library_the_build_needs() {
	local pkgs p
	pkgs=$(sed -n 's/^RUN_PACKAGES="\(.*\)"$/\1/p' "$SRCDIR/tools/deps.sh")
	[ -n "$pkgs" ] || fail "no RUN_PACKAGES in tools/deps.sh"
	for p in $pkgs; do
		case $p in *-dev) ;; *) continue ;; esac
		[ "$p" = libc6-dev ] && continue
		grep -qE "^ +$p( |,|\$)" "$SRCDIR/debian/control" || fail "debian/control's Build-Depends lacks $p"
	done
}

run_tests
