#!/usr/bin/env bash
# The fuzz harnesses in make check: every seed and every saved crash input replayed
# once (a regression must stay fixed), then a short fuzzing pass of each.
. "$(dirname "$0")/lib.sh"

: "${FUZZ_DIR:?FUZZ_DIR must name the folder of the fuzz_* harnesses}"
FUZZ_CHECK_SECONDS=${FUZZ_CHECK_SECONDS:-20}

replay() {
	local inputs=("$SRCDIR/tests/fuzz/corpus/$1"/* "$SRCDIR/tests/fuzz/regressions/$1"/*)
	local files=()
	for f in "${inputs[@]}"; do [ -f "$f" ] && files+=("$f"); done
	"$FUZZ_DIR/fuzz_$1" "${files[@]}" >log 2>&1 || fail "fuzz_$1 failed on a saved input: $(tail -n 20 log)"
	grep -q "Executed .* in" log || fail "fuzz_$1 ran nothing: $(tail -n 5 log)"
}

short_run() {
	mkdir corpus
	"$FUZZ_DIR/fuzz_$1" -max_total_time="$FUZZ_CHECK_SECONDS" -dict="$SRCDIR/tests/fuzz/$1.dict" \
		-artifact_prefix="$PWD/crash-" corpus "$SRCDIR/tests/fuzz/corpus/$1" >log 2>&1 ||
		fail "fuzz_$1 found a crash (saved in $(ls crash-* 2>/dev/null)): $(grep -A 15 ERROR log | head -n 20)"
}

test_replay_program() { replay program; }
test_replay_config() { replay config; }
test_replay_history() { replay history; }
test_replay_fit() { replay fit; }
test_replay_gpx() { replay gpx; }
test_replay_tcx() { replay tcx; }
test_fuzz_program() { short_run program; }
test_fuzz_config() { short_run config; }
test_fuzz_history() { short_run history; }
test_fuzz_fit() { short_run fit; }
test_fuzz_gpx() { short_run gpx; }
test_fuzz_tcx() { short_run tcx; }

run_tests
