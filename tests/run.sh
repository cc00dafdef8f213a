#!/bin/sh
# Runs every test against each build given as pairs "talus unit-tests", then prints
# one summary line: N passed, N failed.
set -u
passed=0
failed=0

count() { # adds the "N passed, N failed" or Check summary at the end of a log
	p=$(sed -n 's/.* \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\1/p' "$1" | tail -n 1)
	f=$(sed -n 's/.* \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\2/p' "$1" | tail -n 1)
	if [ -z "$p" ]; then
		checks=$(sed -n 's/.*Checks: \([0-9]*\), Failures: \([0-9]*\), Errors: \([0-9]*\).*/\1 \2 \3/p' "$1" | tail -n 1)
		set -- $checks
		if [ $# -eq 3 ]; then
			p=$(($1 - $2 - $3))
			f=$(($2 + $3))
		fi
	fi
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-1}))
}

log=$(mktemp)
while [ $# -ge 2 ]; do
	talus=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
	unit=$2
	shift 2
	echo "== $talus"
	"$unit" >"$log" 2>&1
	rc=$?
	cat "$log"
	count "$log"
	[ $rc -eq 0 ] || grep -q 'Failures: [1-9]\|Errors: [1-9]' "$log" || failed=$((failed + 1))
	for script in tests/cli.sh tests/history.sh; do
		TALUS=$talus SRCDIR=$(pwd) bash "$script" >"$log" 2>&1
		cat "$log"
		count "$log"
	done
done
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
