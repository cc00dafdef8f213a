#!/bin/sh
# Runs every test against each build given as pairs "talus unit-tests", the builds at
# the same time (each suite is mostly waiting on timers); then, once, the crash and
# fault tests, the fuzz harnesses, valgrind and the build; then prints one summary line:
# N passed, N failed. OFFLINE=1 (make test-offline) runs only the unit tests and the
# suites that need neither a terminal, sudo nor the network, and nothing once.
set -u
passed=0
failed=0
if [ "${OFFLINE:-}" = 1 ]; then
	SUITES="cli history man completion"
	ONCE=""
else
	SUITES="cli history screens e2e status voice import man completion"
	ONCE="crash build package fuzz valgrind"
fi

count() { # adds the "N passed, N failed" or the Check summary at the end of a log
	p=$(sed -n 's/.* \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\1/p' "$1" | tail -n 1)
	f=$(sed -n 's/.* \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\2/p' "$1" | tail -n 1)
	if [ -z "$p" ]; then
		checks=$(sed -n 's/.*Checks: \([0-9]*\), Failures: \([0-9]*\), Errors: \([0-9]*\).*/\1 \2 \3/p' "$1" | tail -n 1)
		# shellcheck disable=SC2086
		set -- $checks
		if [ $# -eq 3 ]; then
			p=$(($1 - $2 - $3))
			f=$(($2 + $3))
		fi
	fi
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-1})) # no summary at all: the suite died
}

run_build() { # talus unit-tests logdir
	"$2" >"$3/unit.log" 2>&1
	for suite in $SUITES; do
		# absolute: each test runs in a folder of its own
		TALUS=$1 SCREEN_DUMP=$(cd "$(dirname "$2")" && pwd)/screen-dump SRCDIR=$(pwd) \
			bash "tests/$suite.sh" >"$3/$suite.log" 2>&1
	done
}

logs=$(mktemp -d)
n=0
while [ $# -ge 2 ]; do
	n=$((n + 1))
	mkdir -p "$logs/$n"
	echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" >"$logs/$n/name"
	run_build "$(cat "$logs/$n/name")" "$2" "$logs/$n" &
	shift 2
done
wait
# once, against the plain build: abuse and faults beside the fuzzers and valgrind, then
# the Makefile as a packager uses it
mkdir -p "$logs/once"
first=$(cat "$logs/1/name")
[ -n "$ONCE" ] && {
	TALUS=$first SRCDIR=$(pwd) bash tests/crash.sh >"$logs/once/crash.log" 2>&1
	TALUS=$first SRCDIR=$(pwd) bash tests/build.sh >"$logs/once/build.log" 2>&1
	TALUS=$first SRCDIR=$(pwd) bash tests/package.sh >"$logs/once/package.log" 2>&1
} &
[ -n "$ONCE" ] && {
	TALUS=$first SRCDIR=$(pwd) bash tests/fuzz.sh >"$logs/once/fuzz.log" 2>&1
	TALUS=$first SRCDIR=$(pwd) bash tests/valgrind.sh >"$logs/once/valgrind.log" 2>&1
} &
wait
for dir in "$logs"/[0-9]*; do
	echo "== $(cat "$dir/name")"
	for suite in unit $SUITES; do
		cat "$dir/$suite.log"
		count "$dir/$suite.log"
	done
done
[ -z "$ONCE" ] || echo "== once"
for suite in $ONCE; do
	cat "$logs/once/$suite.log"
	count "$logs/once/$suite.log"
done
rm -rf "$logs"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
