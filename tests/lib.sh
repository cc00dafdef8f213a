# Shared by the shell test scripts: a private HOME, counters, and assertions.
# A script sources this, defines test_* functions, and ends with run_tests.
# TEST_ONLY=prefix runs only the tests whose names start with it.

set -u
: "${TALUS:?TALUS must name the binary under test}"
SRCDIR=${SRCDIR:-$(pwd)}
TMP_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/talus-test.XXXXXX")
trap 'rm -rf "$TMP_ROOT"' EXIT
# each test gets a HOME of its own (set_home), so nothing leaks from one to the next
set_home() {
	export HOME="$TMP_ROOT/home-$1" XDG_CONFIG_HOME="$TMP_ROOT/home-$1/.config" \
		XDG_DATA_HOME="$TMP_ROOT/home-$1/.local/share"
	mkdir -p "$HOME"
}
set_home none
export TZ=UTC LC_ALL=C.UTF-8
# --date keeps the real time of day; the tests pin it (late, so a day's records count)
export TALUS_TIME_OF_DAY=23:00 TALUS_TIME_FROM=${TALUS_TIME_FROM:-$(date +%s)}
unset NO_COLOR
PROGRAMS="$SRCDIR/programs"
passed=0
failed=0
current=""

fail() {
	echo "FAIL $current: $*"
	test_failed=1
}

# talus ARGS...: runs the binary; sets out, err and status.
talus() {
	out=$("$TALUS" "$@" 2>"$TMP_ROOT/stderr")
	status=$?
	err=$(cat "$TMP_ROOT/stderr")
}

expect_status() { [ "$status" -eq "$1" ] || fail "exit status $status, want $1 (stderr: $err)"; }
expect_err() { [ "$err" = "$1" ] || fail "stderr was [$err], want [$1]"; }
expect_out() { [ "$out" = "$1" ] || fail "stdout was [$out], want [$1]"; }
expect_out_has() {
	case "$out" in *"$1"*) ;; *) fail "stdout lacks [$1]: [$out]" ;; esac
}
# as expect_out_has, with wrapped lines joined again
expect_out_flat_has() {
	local flat
	flat=$(printf '%s\n' "$out" | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n  / /g')
	case "$flat" in *"$1"*) ;; *) fail "stdout lacks [$1]: [$out]" ;; esac
}
expect_golden() {
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
		printf '%s\n' "$out" >"$SRCDIR/tests/golden/$1"
	fi
	printf '%s\n' "$out" | diff -u "$SRCDIR/tests/golden/$1" - >"$TMP_ROOT/diff" ||
		fail "differs from tests/golden/$1: $(head -n 20 "$TMP_ROOT/diff")"
}

run_tests() {
	for t in $(declare -F | awk '{print $3}' | grep "^test_${TEST_ONLY:-}"); do
		current=${t#test_}
		test_failed=0
		mkdir -p "$TMP_ROOT/work/$current"
		set_home "$current"
		( cd "$TMP_ROOT/work/$current" && "$t" ) >"$TMP_ROOT/log" 2>&1 || test_failed=1
		if declare -F after_test >/dev/null; then after_test; fi
		if grep -q '^FAIL' "$TMP_ROOT/log" || [ "$test_failed" = 1 ]; then
			cat "$TMP_ROOT/log"
			grep -q '^FAIL' "$TMP_ROOT/log" || echo "FAIL $current"
			failed=$((failed + 1))
		else
			passed=$((passed + 1))
		fi
	done
	echo "$(basename "$0" .sh): $passed passed, $failed failed"
}
