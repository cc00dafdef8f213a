#!/bin/sh
# Installs the Debian packages talus needs, only those that are missing, and says
# which. `tools/deps.sh run` (make run) installs what building and running talus
# needs; `tools/deps.sh check` (make check, make deps; the default) adds what the
# tests need. It needs apt-get, through sudo when not run as root. On another system
# it names the packages and leaves them to you.
# libFuzzer's runtime comes in libclang-rt-N-dev, N being clang's major version.
set -u
RUN_PACKAGES="gcc libc6-dev make pkg-config libncurses-dev libconfuse-dev libexpat1-dev"
# the unit tests (check), the terminal tests (tmux), the fuzzers (clang and its
# runtime), the memory and fault tests (valgrind, strace), the crash tests (procps),
# the calendar's reader (python3-icalendar), the man pages' lint and the zsh
# completion (mandoc, zsh) and the clocks of the spoken-cue tests (perl)
CHECK_PACKAGES="check tmux clang valgrind strace procps python3-icalendar mandoc zsh perl"

case "${1:-check}" in
run) PACKAGES=$RUN_PACKAGES ;;
check) PACKAGES="$RUN_PACKAGES $CHECK_PACKAGES" ;;
*)
	echo "usage: tools/deps.sh [run|check]" >&2
	exit 2
	;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "talus: not a Debian system; make sure these are installed: $PACKAGES"
	[ "${1:-check}" = run ] || echo "talus: and libclang-rt-N-dev (or compiler-rt) for clang's version N"
	exit 0
fi
if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi

install() {
	missing=""
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
	done
	[ -n "$missing" ] || return 0
	echo "talus: installing missing Debian packages:$missing"
	# shellcheck disable=SC2086,SC2015
	$sudo apt-get update -qq &&
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing ||
		{ echo "talus: could not install:$missing" >&2; exit 1; }
}

# shellcheck disable=SC2086
install $PACKAGES
[ "${1:-check}" = run ] || install "libclang-rt-$(clang -dumpversion | cut -d. -f1)-dev"
