#!/usr/bin/env bash
# The Makefile and tools/deps.sh, as a packager meets them: flags given on the command
# line add to the required ones and never remove them, and the dependency installer
# installs only what is missing. Builds into temporary folders; runs once.
. "$(dirname "$0")/lib.sh"

# mk ARGS...: make in the source tree, into a private build folder; sets out and status.
mk() {
	out=$(make -C "$SRCDIR" --no-print-directory BUILD="$PWD/b" TALUS_BIN="$PWD/b/talus" "$@" 2>&1)
	status=$?
	err=$out
}

test_user_cflags_keep_the_required_ones() {
	mk -n -B CFLAGS=-O0 "$PWD/b/talus"
	expect_status 0
	printf '%s\n' "$out" | grep -q -- ' -c .*src/main\.c' || fail "no compile line for main.c: $out"
	for flag in -O0 -std=c11 -Wall -Wextra -D_POSIX_C_SOURCE=200809L; do
		printf '%s\n' "$out" | grep 'src/main\.c' | grep -q -- "$flag" ||
			fail "make CFLAGS=-O0 compiles main.c without $flag"
	done
	mk -n -B CFLAGS=-O0 SAN=1 "$PWD/b/talus"
	printf '%s\n' "$out" | grep 'src/main\.c' | grep -q -- "-std=c11.*-fsanitize=address" ||
		fail "make CFLAGS=-O0 SAN=1 drops -std=c11 or the sanitizers"
}

test_user_cppflags_add_to_the_required_ones() {
	mk -s CPPFLAGS=-I/tmp "$PWD/b/talus"
	expect_status 0
	[ -x b/talus ] || fail "make CPPFLAGS=-I/tmp built no talus: $out"
	"$PWD/b/talus" --version | grep -q '^talus ' || fail "the build does not run"
}

# A PATH whose dpkg-query says PKG is missing (or none, with no argument), whose
# apt-get logs its arguments, and whose clang is version 16.
fake_debian() {
	mkdir -p bin
	cat >bin/dpkg-query <<FAKE
#!/bin/sh
for a; do p=\$a; done
[ "\$p" = "${1:-}" ] && exit 1
printf 'install ok installed'
FAKE
	printf '#!/bin/sh\necho "apt-get $*" >>"%s/apt.log"\n' "$PWD" >bin/apt-get
	printf '#!/bin/sh\n"$@"\n' >bin/sudo
	printf '#!/bin/sh\necho 16.0.6\n' >bin/clang
	chmod +x bin/*
}

test_deps_installs_nothing_when_all_is_there() {
	fake_debian
	out=$(PATH="$PWD/bin:$PATH" sh "$SRCDIR/tools/deps.sh" 2>&1)
	status=$? err=$out
	expect_status 0
	expect_out ""
	[ ! -e apt.log ] || fail "apt-get ran: $(cat apt.log)"
}

test_deps_installs_only_what_is_missing() {
	fake_debian tmux
	out=$(PATH="$PWD/bin:$PATH" sh "$SRCDIR/tools/deps.sh" 2>&1)
	status=$? err=$out
	expect_status 0
	expect_out "talus: installing missing Debian packages: tmux"
	grep -q "install -y -qq --no-install-recommends tmux$" apt.log || fail "apt-get: $(cat apt.log)"
}

test_deps_off_debian_names_the_packages() {
	out=$(PATH=/nonexistent /bin/sh "$SRCDIR/tools/deps.sh" 2>&1)
	status=$? err=$out
	expect_status 0
	expect_out_has "talus: not a Debian system; make sure these are installed: gcc libc6-dev"
}

test_make_deps_runs_the_script() {
	out=$(make -C "$SRCDIR" -n deps 2>&1)
	expect_out_has "sh tools/deps.sh check"
}

# make run installs what running needs, never the test tools.
test_make_run_installs_only_what_running_needs() {
	out=$(make -C "$SRCDIR" -n run 2>&1)
	expect_out_has "sh tools/deps.sh run"
	case "$out" in *"deps.sh check"*) fail "make run installs the test tools: $out" ;; esac
	for pkg in clang valgrind strace tmux check libclang-rt; do
		fake_debian "$pkg"
		rm -f apt.log
		out=$(PATH="$PWD/bin:$PATH" sh "$SRCDIR/tools/deps.sh" run 2>&1)
		status=$? err=$out
		expect_status 0
		expect_out ""
		[ ! -e apt.log ] || fail "deps.sh run installs $pkg: $(cat apt.log)"
	done
	for pkg in gcc make pkg-config libncurses-dev libconfuse-dev libexpat1-dev; do
		fake_debian "$pkg"
		rm -f apt.log
		out=$(PATH="$PWD/bin:$PATH" sh "$SRCDIR/tools/deps.sh" run 2>&1)
		status=$? err=$out
		expect_out "talus: installing missing Debian packages: $pkg"
	done
}

test_make_check_installs_the_test_tools_too() {
	out=$(make -C "$SRCDIR" -n check 2>&1)
	expect_out_has "sh tools/deps.sh check"
	for pkg in valgrind libconfuse-dev libclang-rt-16-dev; do
		fake_debian "$pkg"
		rm -f apt.log
		out=$(PATH="$PWD/bin:$PATH" sh "$SRCDIR/tools/deps.sh" check 2>&1)
		status=$? err=$out
		expect_status 0
		expect_out "talus: installing missing Debian packages: $pkg"
	done
}

run_tests
