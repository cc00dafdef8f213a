#!/bin/sh
# Installs the Debian packages that talus's build and tests need, only those that are
# missing, and says which; `make run`, `make check` and `make deps` call it. It needs
# apt-get, through sudo when not run as root. On another system it names the packages
# and leaves them to you.
# libFuzzer's runtime comes in libclang-rt-N-dev, N being clang's major version.
set -u
PACKAGES="gcc libc6-dev make pkg-config libncurses-dev libconfuse-dev check tmux clang valgrind strace procps"

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "talus: not a Debian system; make sure these are installed: $PACKAGES"
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
install "libclang-rt-$(clang -dumpversion | cut -d. -f1)-dev"
