#!/usr/bin/env bash
# Golden screens: every screen of the coach drawn at 80x24, 60x16, 40x12 and 20x5 at a
# made-up time (build/screen-dump) and compared with tests/golden/screens/; and below
# the smallest size, the message that says so. UPDATE_GOLDEN=1 writes them anew.
. "$(dirname "$0")/lib.sh"

: "${SCREEN_DUMP:?SCREEN_DUMP must name the screen-dump binary}"
TINY="$SRCDIR/tests/data/programs/tiny.conf"
SIZES="80x24 60x16 40x12 20x5"

screen_golden() { # scenario [program]
	local size prog=${2:-$TINY}
	mkdir -p "$SRCDIR/tests/golden/screens"
	for size in $SIZES; do
		out=$("$SCREEN_DUMP" "$prog" "$size" "$1" 2>"$TMP_ROOT/stderr")
		status=$?
		err=$(cat "$TMP_ROOT/stderr")
		expect_status 0
		expect_golden "screens/$1-$size.txt"
	done
}

for scenario in safety start start-runs triage pathway get-ready get-ready-side user-set paced hold rest help quit \
	pain-during pain-after note summary start-two summary-two start-second morning advice resume test measure red-flag stop no-flags no-flags-other safety-again \
	runs runs-none runs-bone run-form-new run-form run-form-error run-form-error-moved run-confirm run-saved; do
	eval "test_${scenario//-/_}() { screen_golden $scenario; }"
done

# walk/run: WALK or RUN with the countdown, or a distance ended by Enter
for scenario in walk run-distance walk-run-pain walk-run-start walk-run-day-after; do
	eval "test_${scenario//-/_}() { screen_golden $scenario '$SRCDIR/tests/data/programs/walkrun.conf'; }"
done

# the shipped walk-run: the warm-up walk says WALK; a walk of minutes at 40 columns; the
# get-ready before the intervals names the first walk
for scenario in warm-up-walk walk-long walk-get-ready; do
	eval "test_${scenario//-/_}() { screen_golden $scenario '$SRCDIR/programs/walk-run.conf'; }"
done

# Keys pressed on the small screens, where a page scrolls: golden name, scenario, keys.
# The triage's Down marks an option and takes the page along; a red-flag question's
# bar says "Down reads on" until its end shows, then y and n.
keys_golden() {
	local size
	for size in 40x12 20x5; do
		out=$("$SCREEN_DUMP" "$TINY" "$size" "$2" "$3" 2>"$TMP_ROOT/stderr")
		status=$?
		err=$(cat "$TMP_ROOT/stderr")
		expect_status 0
		expect_golden "screens/$1-$size.txt"
	done
}
test_triage_down() { keys_golden triage-down triage down; }
test_triage_first_down() { keys_golden triage-first-down triage-first down; }
test_triage_down_twice() { keys_golden triage-down-twice triage down,down; }
test_red_flag_down() { keys_golden red-flag-down red-flag down; }
test_red_flag_n_reads_on() { keys_golden red-flag-n red-flag n; }
test_red_flag_end() { keys_golden red-flag-end red-flag pgdn,pgdn,pgdn,pgdn,pgdn,pgdn,pgdn,pgdn,pgdn,pgdn; }

# At the end of a red-flag question, n answers it: the next question shows.
test_red_flag_answered_at_the_end() {
	out=$("$SCREEN_DUMP" "$TINY" 40x12 red-flag pgdn,pgdn,pgdn,pgdn,n)
	case "$out" in *"Question 5 of 8."*) ;; *) fail "n at the end did not answer: $out" ;; esac
}

test_too_small() {
	out=$("$SCREEN_DUMP" "$TINY" 19x12 start)
	case "$out" in "Terminal too small"*) ;; *) fail "19x12 drew: $out" ;; esac
	out=$("$SCREEN_DUMP" "$TINY" 80x4 start)
	case "$out" in "Terminal too small"*) ;; *) fail "80x4 drew: $out" ;; esac
	out=$("$SCREEN_DUMP" "$TINY" 20x5 start)
	case "$out" in *"too small"*) fail "20x5 is big enough: $out" ;; esac
}

# The runs screen at sizes between the goldens': drawn, and each bar's row whole on
# one line (a row that wrapped would leave its distance on the next).
test_runs_every_size() {
	local w h sc
	for w in 20 24 25 26 39 40 41 59 61 79 81 120 200; do
		for h in 5 6 7 8 11 12 17 24 40; do
			for sc in runs run-form-error run-saved; do
				out=$("$SCREEN_DUMP" "$TINY" "${w}x$h" $sc 2>&1) || fail "$sc ${w}x$h: $out"
			done
			out=$("$SCREEN_DUMP" "$TINY" "${w}x$h" runs)
			if echo "$out" | grep -E '^ ([ 0-9][0-9] [A-Z][a-z][a-z]|cap   ) ' | grep -vqE '(km|-)$'; then
				fail "a chart row cut at ${w}x$h: $out"
			fi
		done
	done
}

run_tests
