#!/usr/bin/env bash
# The command line: --plan, --list and --check against golden output, and every bad
# option or file giving its one-line error and status 2.
. "$(dirname "$0")/lib.sh"

DATE=2026-11-23

test_plan_default_program() {
	talus --programs "$PROGRAMS" --plan --date $DATE
	expect_status 0
	expect_golden plan-ankle-foundations.txt
}

test_plan_each_shipped_program() {
	for p in ankle-strength return-to-run rice walk-run walk-run-distance; do
		talus --programs "$PROGRAMS" --program $p --plan --date $DATE
		expect_status 0
		expect_golden plan-$p.txt
	done
}

test_plan_two_weeks_sunday_start() {
	mkdir -p "$XDG_CONFIG_HOME/talus"
	printf 'week-start = sun\n' >"$XDG_CONFIG_HOME/talus/talus.conf"
	talus --programs "$PROGRAMS" --plan --weeks 2 --date 2026-12-31
	expect_status 0
	expect_golden plan-two-weeks.txt
}

test_plan_is_byte_for_byte_repeatable() {
	talus --programs "$PROGRAMS" --plan --weeks 4 --date $DATE
	first=$out
	talus --programs "$PROGRAMS" --plan --weeks 4 --date $DATE
	[ "$first" = "$out" ] || fail "two runs differ"
}

test_plan_fits_80_columns_and_has_no_escapes() {
	for p in ankle-foundations ankle-strength return-to-run rice walk-run walk-run-distance; do
		talus --programs "$PROGRAMS" --program $p --plan --weeks 3 --date $DATE
		wide=$(printf '%s\n' "$out" | awk 'length($0) > 80')
		[ -z "$wide" ] || fail "$p: lines over 80 columns: $wide"
		case "$out" in *$'\033'*) fail "$p: escape codes in piped output" ;; esac
	done
}

test_plan_on_a_sunday_shows_the_seven_days_from_today() {
	talus --programs "$PROGRAMS" --plan --date 2026-11-29
	expect_status 0
	expect_out_has "
Sun 29 Nov - Sat  5 Dec 2026
Sun 29 Nov  rest  <- today
Mon 30 Nov  training, level 1, about 23 min"
	case "$out" in *"23 Nov"* | *"28 Nov"*) fail "days before today: $out" ;; esac
	talus --programs "$PROGRAMS" --plan --weeks 2 --date 2026-11-29
	expect_out_has "Sun  6 Dec - Sat 12 Dec 2026"
	[ "$(printf '%s\n' "$out" | grep -c '^[A-Z][a-z][a-z] [ 0-9][0-9] [A-Z][a-z][a-z]  ')" = 14 ] ||
		fail "not 14 days: $out"
}

test_plan_is_short_and_full_is_long() {
	talus --programs "$PROGRAMS" --plan --date $DATE
	expect_out_has "Wed 25 Nov  training, level 1, about 23 min: as Mon 23 Nov
Thu 26 Nov  rest"
	expect_out_has "Fri 27 Nov  training, level 2 (forecast), about 26 min: as Mon 23 Nov, except"
	short=$(printf '%s\n' "$out" | wc -l)
	[ "$short" -le 34 ] || fail "a week is $short lines"
	talus --programs "$PROGRAMS" --plan --full --date $DATE
	expect_status 0
	case "$out" in *": as "*) fail "--full refers to another day: $out" ;; esac
	[ "$(printf '%s\n' "$out" | grep -c 'Ankle circles')" = 3 ] || fail "--full: not every day in full: $out"
}

test_plan_since_shows_what_happened() {
	progress_history
	printf '2026-11-20T07:30:00+01:00\tstart\tsession=a3\tprogram=ankle-foundations\tlevel=2\tplanned=40\n2026-11-20T07:40:00+01:00\tend\tsession=a3\tstatus=quit\tpain-during=5\tsecs=600\n' \
		>>"$XDG_DATA_HOME/talus/history.tsv"
	talus --programs "$PROGRAMS" --plan --since 2026-11-15 --date 2026-11-23
	expect_status 0
	expect_golden plan-since.txt
	expect_out_has "
Sun 15 Nov - Sun 22 Nov 2026: what happened
Sun 15 Nov  rest
Mon 16 Nov  done, level 1, pain 2/1
Tue 17 Nov  rest
Wed 18 Nov  done, level 1, pain 3/2
Thu 19 Nov  rest
Fri 20 Nov  quit after 0 of 40 sets, level 2, pain 5/-
Sat 21 Nov  rest
Sun 22 Nov  rest

Mon 23 Nov - Sun 29 Nov 2026
Mon 23 Nov  training, level 2, about 26 min  <- today"
	# a training day with nothing recorded was missed; today's session, once done, shows
	talus --programs "$PROGRAMS" --plan --since 2026-11-16 --date 2026-11-18
	expect_out_has "Mon 16 Nov  done, level 1, pain 2/1
Tue 17 Nov  rest

Wed 18 Nov - Tue 24 Nov 2026
Wed 18 Nov  done, level 1, pain 3/2  <- today"
	talus --programs "$PROGRAMS" --plan --since 2026-11-23 --date 2026-11-25
	expect_out_has "Mon 23 Nov  missed"
	talus --programs "$PROGRAMS" --plan --since 2026-11-26 --date 2026-11-25
	expect_status 2
	expect_err "talus: --since 2026-11-26 is after today, 2026-11-25"
}

# Several programs at once: strength Mon/Wed/Fri, hops on days of their own, run days
# with the long run on Saturday. The history has two easy ankle-foundations sessions and
# a run: each program's level is its own.
side_by_side_config() {
	mkdir -p "$XDG_CONFIG_HOME/talus"
	printf 'also "return-to-run" {\n  days = {tue, fri}\n}\nrun-days = {tue, thu, sat}\nlong-run-day = sat\n' \
		>"$XDG_CONFIG_HOME/talus/talus.conf"
	progress_history
	printf '2026-11-21T09:00:00+01:00\trun\tmetres=10000\tsecs=3000\n' >>"$XDG_DATA_HOME/talus/history.tsv"
}

test_plan_shows_programs_side_by_side() {
	side_by_side_config
	talus --programs "$PROGRAMS" --plan --date $DATE
	expect_status 0
	expect_golden plan-side-by-side.txt
	expect_out_has "Ankle foundations (ankle-foundations): level 2 of 8"
	expect_out_has "Return to run (return-to-run): level 1 of 6"
	# hops at level 1 are before the return-to-run criteria (rehab.md): no run days, no
	# cap, said once
	expect_out_has "No running yet: return-to-run first (rehab.md's return-to-run criteria)."
	case "$out" in *"run <="*|*"Next run"*|*"long run"*) fail "runs offered before hops are done: $out" ;; esac
	# hops 48 h after heavy calf work (rehab.md): Tue follows Mon's, Fri is one
	expect_out_has "Tue, 24 h after Monday's heavy calf work (48 h wanted): hops (return-to-run)
  moved to Sun."
	expect_out_has "Fri, a day of heavy calf work: hops (return-to-run) left out, no other day free."
	# today's mark after every column, not in the second program's
	expect_out_has "Mon 23 Nov  level 2, 26 min    rest            <- today"
	printf '%s\n' "$out" | awk 'length > 80 { exit 1 }' || fail "a line over 80 columns"
	# narrower (a terminal, or COLUMNS for a pipe): each day's programs under it
	COLUMNS=50 talus --programs "$PROGRAMS" --plan --date $DATE
	expect_status 0
	expect_golden plan-side-by-side-50.txt
	printf '%s\n' "$out" | awk 'length > 50 { exit 1 }' || fail "a line over 50 columns"
	expect_out_has "Sat 28 Nov
  ankle-foundations: rest
  return-to-run: rest
Sun 29 Nov"
	# stacked, each program's exercises are still listed
	expect_out_has "
ankle-foundations, level 2, from Mon 23 Nov:
  warm-up: Ankle circles, 12 reps each side"
	talus --programs "$PROGRAMS" --plan --weeks 2 --full --date $DATE
	expect_out_has "ankle-foundations, level 3, from Fri 27 Nov:"
	expect_out_has "return-to-run, level 1, from Sun 29 Nov:"
	# --program shows the one program, still before the hops: no runs either
	talus --programs "$PROGRAMS" --program ankle-strength --plan --date $DATE
	expect_status 0
	expect_golden plan-long-run.txt
	expect_out_has "No running yet: return-to-run first"
	expect_out_has "Fri 27 Nov  training"
}

# The setup a physio found: achilles-midportion (heavy calf work Mon/Wed/Fri) and hops
# Tue/Sat, run days Tue/Thu/Sat. Hops never 24 h after heavy calf work nor on it, nor on
# the long run's day; at hop level 1 no runs are offered.
test_plan_hops_48h_after_heavy_calf_work() {
	mkdir -p "$XDG_CONFIG_HOME/talus" "$XDG_DATA_HOME/talus"
	printf 'program = "achilles-midportion"\nalso "return-to-run" {\n  days = {tue, sat}\n}\nrun-days = {tue, thu, sat}\nlong-run-day = sat\n' \
		>"$XDG_CONFIG_HOME/talus/talus.conf"
	talus --programs "$PROGRAMS" --plan --date 2026-11-16
	expect_status 0
	expect_golden plan-side-by-side-hops.txt
	expect_out_has "Training days: Sun"
	expect_out_has "Tue, 24 h after Monday's heavy calf work (48 h wanted): hops (return-to-run)
  left out, no other day free."
	expect_out_has "No running yet: return-to-run first"
	expect_out_has "Mon 16 Nov  level 1, 28 min      rest            <- today"
	case "$out" in *"Sat 21 Nov  rest                 level"*) fail "hops on the long run's day" ;; esac
	case "$out" in *"run <="*) fail "runs offered at hop level 1" ;; esac
	# long run on Sunday: Sat, the day before, never goes onto Friday's heavy calf work
	sed -i 's/{tue, thu, sat}/{tue, thu, sun}/; s/= sat$/= sun/' "$XDG_CONFIG_HOME/talus/talus.conf"
	talus --programs "$PROGRAMS" --plan --date 2026-11-16
	expect_status 0
	case "$out" in *"moved to Fri"*|*"Fri 20 Nov  level 2, 25 min      level"*) fail "hops on heavy calf day: $out" ;; esac
}

# A walk/run program on: the run days are runs, with the cap; the long run keeps heavy
# days off the day before it, and the walk/run (impact) off its own day and 48 h after
# heavy calf work.
test_plan_side_by_side_with_running() {
	side_by_side_config
	printf 'also "walk-run" {\n  days = {tue, fri}\n}\nrun-days = {tue, thu, sat}\nlong-run-day = sat\n' \
		>"$XDG_CONFIG_HOME/talus/talus.conf"
	talus --programs "$PROGRAMS" --plan --date $DATE
	expect_status 0
	expect_golden plan-side-by-side-running.txt
	# the walk/run ladder is the running (running.md): no free runs, no long run
	expect_out_has "Runs outside the walk/run ladder: none until it is done."
	case "$out" in *"long run"*|*"No running yet"*|*"day before Saturday"*) fail "runs beside the ladder: $out" ;; esac
	printf '%s\n' "$out" | awk 'length > 80 { exit 1 }' || fail "a line over 80 columns"
	# the same day after day, and two weeks fit 80 columns
	talus --programs "$PROGRAMS" --plan --weeks 2 --since 2026-11-20 --date $DATE
	expect_status 0
	printf '%s\n' "$out" | awk 'length > 80 { exit 1 }' || fail "a line over 80 columns"
	expect_out_has "ankle-foundations, level 2, from Mon 23 Nov:"
	case "$out" in *"ankle-foundations, level 3, from"*) fail "a later level without --full" ;; esac
}

# The longest program name shipped beside walk/run, a long run of 33 km to come, today
# the long run's day: the table still fits 80 columns (COLUMNS wider changes nothing),
# and each program's exercises follow it.
test_plan_side_by_side_long_names_fit_80_columns() {
	mkdir -p "$XDG_CONFIG_HOME/talus" "$XDG_DATA_HOME/talus"
	printf 'program = "achilles-midportion"\nalso "walk-run-distance" {\n  days = {tue, fri}\n}\nrun-days = {tue, thu, sat}\nlong-run-day = sat\n' \
		>"$XDG_CONFIG_HOME/talus/talus.conf"
	printf '# talus history v1\n2026-11-21T09:00:00+01:00\trun\tmetres=30000\tsecs=9000\n' \
		>"$XDG_DATA_HOME/talus/history.tsv"
	COLUMNS=200 talus --programs "$PROGRAMS" --plan --date 2026-11-28
	expect_status 0
	expect_golden plan-side-by-side-long-names.txt
	expect_out_has "achilles-midportion, level 1, from Mon 30 Nov:"
	printf '%s\n' "$out" | awk 'length > 80 { exit 1 }' || fail "a line over 80 columns"
}

# A program beside the active one follows `next` once its entry test is passed; one the
# active program has come to is not shown twice.
test_plan_side_program_after_its_test() {
	side_by_side_config
	printf '2026-11-22T09:00:00+01:00\ttest\tprogram=return-to-run\tnext=maintenance\tanswer=yes\n' \
		>>"$XDG_DATA_HOME/talus/history.tsv"
	talus --programs "$PROGRAMS" --plan --date $DATE
	expect_status 0
	expect_out_has "Maintenance (maintenance): level 1 of 1"
	case "$out" in *"(return-to-run)"*) fail "return-to-run still shown: $out" ;; esac
	printf 'program = "maintenance"\nalso "return-to-run" {\n}\n' >"$XDG_CONFIG_HOME/talus/talus.conf"
	talus --programs "$PROGRAMS" --plan --date $DATE
	expect_status 0
	expect_out_has "Maintenance (maintenance): level 1 of 1"
	expect_out_has "Training days: Tue, Fri
"
	[ "$(printf '%s\n' "$out" | grep -c '(maintenance)')" = 1 ] || fail "shown twice: $out"
}

# The config names a program, the triage chose another: the triage's is coached, and
# --plan and --check say the config's is not used.
test_config_program_set_aside_by_the_triage_is_said() {
	mkdir -p "$XDG_CONFIG_HOME/talus" "$XDG_DATA_HOME/talus"
	printf '# a comment\nprogram = "ankle-strength"\n' >"$XDG_CONFIG_HOME/talus/talus.conf"
	printf '# talus history v1\n2026-11-20T07:01:00+01:00\ttriage\tsore=left\tonset=gradual\tsince=3-weeks-to-3-months\twhere=midportion\tgives-way=no\tpathway=midportion-achilles\tprogram=achilles-midportion\n' \
		>"$XDG_DATA_HOME/talus/history.tsv"
	talus --programs "$PROGRAMS" --plan --date $DATE
	expect_status 0
	expect_out_has "(achilles-midportion): level 1 of"
	expect_out_has "The triage of Fri 20 Nov chose achilles-midportion; program = \"ankle-strength\"
  in the config is not used (talus --triage to choose again)."
	talus --programs "$PROGRAMS" --check
	expect_status 0
	expect_err "talus: $XDG_CONFIG_HOME/talus/talus.conf:2: warning: program 'ankle-strength' is not used: the triage of 2026-11-20 chose achilles-midportion (talus --triage to choose again)"
	# --program, or a config naming the triage's own: nothing to say
	talus --programs "$PROGRAMS" --plan --program ankle-strength --date $DATE
	case "$out" in *"not used"*) fail "said with --program: $out" ;; esac
	printf 'program = "achilles-midportion"\n' >"$XDG_CONFIG_HOME/talus/talus.conf"
	talus --programs "$PROGRAMS" --check
	expect_status 0
	expect_err ""
}

test_plan_side_program_not_found() {
	mkdir -p "$XDG_CONFIG_HOME/talus"
	printf 'program = "rice"\n\nalso "nope" {\n}\n' >"$XDG_CONFIG_HOME/talus/talus.conf"
	talus --programs "$PROGRAMS" --plan --date $DATE
	expect_status 2
	expect_err "talus: $XDG_CONFIG_HOME/talus/talus.conf:3: program 'nope' is not found"
	talus --programs "$PROGRAMS" --check
	expect_status 2
	expect_err "talus: $XDG_CONFIG_HOME/talus/talus.conf:3: program 'nope' is not found"
}

test_programs_found_beside_the_binary() {
	# no --programs: the source tree's programs/ next to ./talus
	[ "$(basename "$TALUS")" = talus ] && [ -d "$(dirname "$TALUS")/programs" ] || return 0
	talus --plan --date $DATE
	expect_status 0
	expect_golden plan-ankle-foundations.txt
}

test_user_days_override_program_days() {
	mkdir -p "$XDG_CONFIG_HOME/talus"
	printf 'days = {tue, thu, sat}\n' >"$XDG_CONFIG_HOME/talus/talus.conf"
	talus --programs "$PROGRAMS" --plan --date $DATE
	expect_status 0
	expect_out_has "Training days: Tue, Thu, Sat"
	expect_out_has "Mon 23 Nov  rest  <- today"
	expect_out_has "Tue 24 Nov  training"
}

test_max_days_keeps_the_programs_own_days() {
	mkdir -p "$XDG_CONFIG_HOME/talus"
	printf 'days = {mon, wed, fri}\n' >"$XDG_CONFIG_HOME/talus/talus.conf"
	talus --programs "$PROGRAMS" --program return-to-run --plan --date $DATE
	expect_status 0
	expect_out_has "Training days: Tue, Sat (the program's own: at most 2 a week)"
}

test_config_option_names_the_file() {
	printf 'program = "rice"\n' >my.conf
	talus --programs "$PROGRAMS" --config my.conf --plan --date $DATE
	expect_status 0
	expect_out_has "Ice after a flare (rice): level 1 of 1"
}

test_list() {
	talus --programs "$PROGRAMS" --list
	expect_status 0
	expect_golden list.txt
}

test_list_with_no_programs() {
	talus --programs "$PWD/empty" --list
	expect_status 2
	expect_err "talus: no programs found; --programs DIR names a folder of NAME.conf files"
}

test_check_passes_on_shipped_files() {
	talus --programs "$PROGRAMS" --config "$SRCDIR/config/talus.conf" --check
	expect_status 0
	expect_out "talus: config $SRCDIR/config/talus.conf ok; 12 programs ok"
}

test_check_reports_every_broken_program() {
	mkdir progs
	cp "$PROGRAMS/rice.conf" progs/
	printf 'levels = 2\nexercise a {\n  reps = {1, 2, 3}\n}\n' >progs/long.conf
	printf 'next = "missing"\nexercise a {\n  reps = 1\n}\n' >progs/orphan.conf
	printf 'program = "rice"\n' >c.conf
	talus --programs progs --config c.conf --check
	expect_status 2
	expect_err "talus: progs/long.conf:3: reps has 3 values but levels is 2
talus: progs/orphan.conf:1: next names no program 'missing'"
}

test_check_reports_missing_default_program() {
	mkdir progs
	cp "$PROGRAMS/rice.conf" progs/
	printf '# mine\nprogram = "gone"\n' >c.conf
	talus --programs progs --config c.conf --check
	expect_status 2
	expect_err "talus: c.conf:2: program 'gone' is not found"
}

# A jump in the per-leg calf load is a warning, not an error: the program still runs.
test_check_warns_when_a_step_raises_the_calf_load_over_20_percent() {
	mkdir -p progs
	printf 'levels = 2\nnext = "b"\nexercise raise {\n  sets = 2\n  reps = {10, 13}\n  calf-load = 50\n}\n' >progs/a.conf
	printf 'exercise raise {\n  sides = each\n  sets = 2\n  reps = 10\n  calf-load = 100\n}\n' >progs/b.conf
	talus --programs progs --program a --check
	expect_status 0
	expect_out "talus: config (built-in defaults) ok; 2 programs ok"
	expect_err "talus: progs/a.conf:6: warning: the per-leg calf load (sets x reps x calf-load / 100, summed over the calf work) rises 30% from level 1 (10) to level 2 (13); keep a step within 20%
talus: progs/a.conf:2: warning: the per-leg calf load (sets x reps x calf-load / 100, summed over the calf work) rises 54% from level 2 (13) to b level 1 (20); keep a step within 20%"
	talus --programs "$PROGRAMS" --config "$SRCDIR/config/talus.conf" --check
	expect_status 0
	expect_err ""
}

# A runner with insertional Achilles pain must not be led into step-edge drops later on.
test_check_warns_when_an_insertional_chain_leads_into_dorsiflexion() {
	mkdir -p progs
	printf 'pathways = {insertional-achilles}\nnext = "b"\nexercise raise {\n  reps = 10\n}\n' >progs/a.conf
	printf 'next = "c"\nexercise raise {\n  reps = 10\n}\n' >progs/b.conf
	printf 'exercise stretch {\n  dorsiflexion = true\n  hold = 30\n}\n' >progs/c.conf
	talus --programs progs --program a --check
	expect_status 0
	expect_out "talus: config (built-in defaults) ok; 3 programs ok"
	expect_err "talus: progs/a.conf:2: warning: next leads to c's 'stretch', into dorsiflexion: not for insertional-achilles"
}

test_check_takes_the_program_option_instead_of_the_configs() {
	mkdir progs
	cp "$PROGRAMS/rice.conf" progs/
	# the built-in default program, ankle-foundations, is not in progs
	talus --programs progs --program rice --check
	expect_status 0
	expect_out "talus: config (built-in defaults) ok; 1 program ok"
	talus --programs progs --program gone --check
	expect_status 2
	expect_err "talus: no program named 'gone' (talus --list shows them)"
}

test_broken_config_exits_2() {
	printf 'sound = bell\ncolor = purple\n' >bad.conf
	talus --programs "$PROGRAMS" --config bad.conf --plan
	expect_status 2
	expect_err "talus: bad.conf:2: color must be auto, always or never, got 'purple'"
	mkdir -p "$XDG_CONFIG_HOME/talus"
	printf 'progression {\n' >"$XDG_CONFIG_HOME/talus/talus.conf"
	talus --programs "$PROGRAMS" --plan
	expect_status 2
	expect_err "talus: $XDG_CONFIG_HOME/talus/talus.conf:1: '{' opened here is never closed"
}

test_broken_program_exits_2() {
	mkdir progs
	printf 'exercise a {\n  sets = 2\n  reps = -3\n}\n' >progs/bad.conf
	talus --programs progs --program bad --plan
	expect_status 2
	expect_err "talus: progs/bad.conf:3: reps must be 1-100, got -3"
}

# broken N SED: programs/ankle-foundations.conf (comments and all) edited by SED, into
# progs/a.conf, then --plan on it.
broken() {
	mkdir -p progs
	sed "$1" "$PROGRAMS/ankle-foundations.conf" >progs/a.conf
	talus --programs progs --program a --plan --date $DATE
}

test_parse_errors_name_the_true_line_in_a_file_with_comments() {
	[ "$(sed -n 23p "$PROGRAMS/ankle-foundations.conf")" = "  reps  = {10, 12, 15, 15, 20}" ] ||
		fail "programs/ankle-foundations.conf changed: update the lines this test breaks"
	while IFS='|' read -r edit want; do
		broken "$edit"
		[ "$status" -eq 2 ] || fail "$edit: status $status"
		[ "$err" = "talus: progs/a.conf:$want" ] || fail "$edit: got [$err], want [talus: progs/a.conf:$want]"
	done <<'CASES'
23s/reps /repz /|23: no such option 'repz'
23s/12,/x2,/|23: invalid integer value for option 'reps'
8s/8/8x/|8: invalid integer value for option 'levels'
24s/0/zero/|24: invalid integer value for option 'rest'
20s/circles"/circles/|20: the quote opened here is not closed on its line
33s/12/12 }/|34: no such option 'rest'
26s/}//|29: no such option 'exercise'
23s/$/ \/* a comment\n over two lines *\/ bogus = 1/|24: no such option 'bogus'
9s/# 3x/\/\/ 3x/;10s/5 /5x /|10: invalid integer value for option 'get-ready'
CASES
	# talus's own checks were right before; they stay right
	broken '23s/10,/-3,/'
	expect_err "talus: progs/a.conf:23: reps must be 1-100, got -3"
}

test_config_parse_errors_name_the_true_line() {
	sed '18s/auto/"auto/' "$SRCDIR/config/talus.conf" >c.conf
	talus --programs "$PROGRAMS" --config c.conf --plan --date $DATE
	expect_status 2
	expect_err "talus: c.conf:18: the quote opened here is not closed on its line"
	sed '36s/3 /3x /' "$SRCDIR/config/talus.conf" >c.conf
	talus --programs "$PROGRAMS" --config c.conf --plan --date $DATE
	expect_status 2
	expect_err "talus: c.conf:36: invalid integer value for option 'advance-max-pain'"
}

test_bad_options() {
	while IFS='|' read -r args want; do
		# shellcheck disable=SC2086
		talus $args
		[ "$status" -eq 2 ] || fail "$args: status $status"
		[ "$(printf '%s\n' "$err" | head -n 1)" = "talus: $want" ] ||
			fail "$args: got [$(printf '%s\n' "$err" | head -n 1)], want [talus: $want]"
		[ "$(printf '%s\n' "$err" | sed -n 2p)" = "Try 'talus --help' for more information." ] ||
			fail "$args: no usage hint"
		[ -z "$out" ] || fail "$args: printed to stdout"
	done <<'CASES'
--bogus|unknown option '--bogus'
-x|unknown option '-x'
--plan=3|option '--plan' takes no value
--weeks|option '--weeks' needs a value
--weeks 0|--weeks must be a whole number from 1 to 52, got '0'
--speed fast|--speed takes a speed like 8kmh or 5mph (1-30 km/h), got 'fast'
--speed 0.5kmh|--speed takes a speed like 8kmh or 5mph (1-30 km/h), got '0.5kmh'
--weeks 53|--weeks must be a whole number from 1 to 52, got '53'
--weeks 3x|--weeks must be a whole number from 1 to 52, got '3x'
--weeks -1|--weeks must be a whole number from 1 to 52, got '-1'
--weeks 99999999999999999999999|--weeks must be a whole number from 1 to 52, got '99999999999999999999999'
--date 2026-02-30|--date must be a real date as YYYY-MM-DD, got '2026-02-30'
--date 2026-13-01|--date must be a real date as YYYY-MM-DD, got '2026-13-01'
--date tomorrow|--date must be a real date as YYYY-MM-DD, got 'tomorrow'
--date|option '--date' needs a value
--program ../x|--program takes a program name (letters, digits, '-', '_'), got '../x'
--plan extra|unexpected argument 'extra'
CASES
	talus --config ""
	expect_status 2
	expect_err "talus: --config needs a path, got an empty one
Try 'talus --help' for more information."
	talus --date "$(printf '\033[2J')"
	expect_err "talus: --date must be a real date as YYYY-MM-DD, got '?[2J'
Try 'talus --help' for more information."
}

test_two_commands_or_an_option_its_command_does_not_take() {
	while IFS='|' read -r args want; do
		# shellcheck disable=SC2086
		talus --programs "$PROGRAMS" $args
		[ "$status" -eq 2 ] || fail "$args: status $status"
		expect_err "talus: $want
Try 'talus --help' for more information."
		[ -z "$out" ] || fail "$args: printed to stdout"
	done <<'CASES'
--morning 3 --plan|--morning and --plan are two commands; give one at a time
--plan --list|--plan and --list are two commands; give one at a time
-p -l|--plan and --list are two commands; give one at a time
--history --csv|--history and --csv are two commands; give one at a time
--check --set-level 2|--check and --set-level are two commands; give one at a time
--weeks 2|--weeks goes only with --plan
--list --weeks 2|--weeks goes only with --plan, not with --list
--since 2026-11-01|--since goes only with --plan, --history or --report
--csv --since 2026-11-01|--since goes only with --plan, --history or --report, not with --csv
--list --full|--full goes only with --plan, not with --list
--plan --trace t.txt|--trace goes only with the coach session, not with --plan
--list --program rice|--program goes only with --plan, --check, --history, --set-level, --status, --report or the coach session, not with --list
--morning 2 --program rice|--program goes only with --plan, --check, --history, --set-level, --status, --report or the coach session, not with --morning
--status --report|--status and --report are two commands; give one at a time
--status --weeks 2|--weeks goes only with --plan, not with --status
--report --ics c.ics|--ics goes only with --plan, not with --report
--list --format md|--format goes only with --plan, --status or --report, not with --list
--status --format=|--format needs a format, got an empty one
--plan --ics=|--ics needs a path, got an empty one
--install-reminder --remove-reminder|--install-reminder and --remove-reminder are two commands; give one at a time
CASES
	[ ! -e "$XDG_DATA_HOME/talus/history.tsv" ] || fail "a usage error wrote the history"
	[ ! -e t.txt ] || fail "a usage error wrote the trace"
}

test_the_same_command_twice_is_one() {
	talus --programs "$PROGRAMS" --plan --date $DATE -p
	expect_status 0
	expect_golden plan-ankle-foundations.txt
}

test_common_options_go_with_every_command() {
	talus --programs "$PROGRAMS" --history-file h.tsv --date $DATE --config "$SRCDIR/config/talus.conf" --list
	expect_status 0
	talus --programs "$PROGRAMS" --history-file h.tsv --date 2026-11-16 --morning 2
	expect_status 0
	talus --programs "$PROGRAMS" --history-file h.tsv --date $DATE --csv
	expect_status 0
}

test_unknown_program() {
	talus --programs "$PROGRAMS" --program nope --plan
	expect_status 2
	expect_err "talus: no program named 'nope' (talus --list shows them)"
}

test_a_missing_program_is_bad_input_for_every_command_that_needs_one() {
	for cmd in --plan --history "--set-level 2"; do
		# shellcheck disable=SC2086
		talus --programs "$PROGRAMS" --program nosuch $cmd --date 2026-11-16
		expect_status 2
		expect_err "talus: no program named 'nosuch' (talus --list shows them)"
		expect_out ""
	done
	[ ! -e "$XDG_DATA_HOME/talus/history.tsv" ] || fail "--set-level wrote a record"
}

test_help_and_version() {
	talus --help
	expect_status 0
	expect_out_has "--plan"
	expect_out_has "a coach, not a diagnosis"
	talus --version
	expect_status 0
	case "$out" in "talus "[0-9]*) ;; *) fail "version: $out" ;; esac
}

# --safety: the coach's note, wrapped to 80 columns into a pipe, rupture worded as
# rehab.md has it; and wrapped to the terminal's width in a terminal.
test_safety_prints_the_note() {
	talus --safety
	expect_status 0
	expect_out_has "talus is a coach, not a diagnosis."
	expect_out_flat_has "even if you can still walk or rise on tiptoe"
	expect_out_flat_has "navicular"
	wide=$(printf '%s\n' "$out" | awk 'length($0) > 80')
	[ -z "$wide" ] || fail "lines over 80 columns: $wide"
	[ "$(printf '%s\n' "$out" | wc -l)" -ge 20 ] || fail "the note is cut: $out"
	# a build chroot may have script but no pseudo-terminal (no /dev/pts)
	if command -v script >/dev/null 2>&1 && script -qec true /dev/null >/dev/null 2>&1; then
		narrow=$(script -qec "stty cols 40 rows 20; $TALUS --safety" /dev/null 2>/dev/null | tr -d '\r')
		printf '%s\n' "$narrow" | grep -q "navicular" || fail "no note in a terminal: $narrow"
		wide=$(printf '%s\n' "$narrow" | awk 'length($0) > 40')
		[ -z "$wide" ] || fail "lines over 40 columns in a 40-column terminal: $wide"
	fi
	talus --safety --plan
	expect_status 2
	# a broken config does not hide it
	mkdir -p "$XDG_CONFIG_HOME/talus"
	printf 'no-such-option = 3\n' >"$XDG_CONFIG_HOME/talus/talus.conf"
	talus --safety
	expect_status 0
	expect_out_has "talus is a coach, not a diagnosis."
}

test_help_lists_every_option() {
	talus --help
	for opt in plan weeks full date program list check config programs history-file history since csv morning set-level trace voice safety status format ics install-reminder remove-reminder report help version; do
		expect_out_has "--$opt"
		grep -q -- "--$opt" "$SRCDIR/README.md" || fail "README.md lacks --$opt"
	done
}

# readme_block LINE: the indented block of README.md that begins with the line LINE
# (its 4 spaces kept), up to the first line that is not indented and not empty, with
# the 4 spaces taken off and the blank lines at its end dropped.
readme_block() {
	awk -v first="$1" '
		!on && $0 == first { on = 1; next }
		on && $0 != "" && substr($0, 1, 4) != "    " { exit }
		on { lines[n++] = substr($0, 5) }
		END { while (n > 0 && lines[n - 1] == "") n--; for (i = 0; i < n; i++) print lines[i] }
	' "$SRCDIR/README.md"
}

test_readme_plan_example_is_the_real_output() {
	want=$(readme_block '    $ talus --plan --date 2026-11-23')
	[ -n "$want" ] || fail "README.md has no '\$ talus --plan --date 2026-11-23' example"
	talus --programs "$PROGRAMS" --plan --date 2026-11-23
	expect_status 0
	[ "$out" = "$want" ] || fail "README's --plan example differs from the output: $(diff <(printf '%s\n' "$want") <(printf '%s\n' "$out") | head -n 20)"
}

test_readme_history_example_is_read_as_documented() {
	readme_block '    # talus history v1' >body.tsv
	{ echo '# talus history v1'; cat body.tsv; } >h.tsv
	[ "$(wc -l <h.tsv)" -ge 5 ] || fail "README.md has no history example: $(cat h.tsv)"
	talus --programs "$PROGRAMS" --history-file h.tsv --history --date 2026-11-24
	expect_status 0
	expect_err ""
	expect_out_has "2026-11-23  ankle-foundations"
	expect_out_has "done"
	talus --programs "$PROGRAMS" --history-file h.tsv --csv
	expect_status 0
	expect_err ""
	expect_out_has "calf-raise"
	expect_out_has "single-leg-balance,left,1"
}

progress_history() {
	mkdir -p "$XDG_DATA_HOME/talus"
	cp "$SRCDIR/tests/data/history-progress.tsv" "$XDG_DATA_HOME/talus/history.tsv"
}

test_plan_after_two_easy_sessions_shows_the_next_level() {
	progress_history
	talus --programs "$PROGRAMS" --plan --date 2026-11-20
	expect_status 0
	expect_out_has "Ankle foundations (ankle-foundations): level 2 of 8"
	expect_out_flat_has "Level 2 of 8 (up from 1 on Thu 19 Nov): 2 more sessions with pain <= 3, settled by the next morning, to reach level 3"
	expect_out_has "Fri 20 Nov  training, level 2, about 26 min  <- today"
}

test_plan_after_a_painful_session_steps_back_and_says_why() {
	progress_history
	printf '2026-11-20T07:30:00+01:00\tstart\tsession=a3\tprogram=ankle-foundations\tlevel=2\tplanned=40\n2026-11-20T07:50:00+01:00\tend\tsession=a3\tstatus=done\tpain-during=7\tpain-after=5\tsecs=1200\n' \
		>>"$XDG_DATA_HOME/talus/history.tsv"
	talus --programs "$PROGRAMS" --plan --date 2026-11-21
	expect_status 0
	expect_out_has "Ankle foundations (ankle-foundations): level 1 of 8"
	expect_out_flat_has "Level 1 of 8 (stepped back from 2: pain 7 on Fri 20 Nov): 2 more sessions with pain <= 3, settled by the next morning, to reach level 2"
}

test_plan_six_week_forecast() {
	progress_history
	talus --programs "$PROGRAMS" --plan --weeks 6 --date 2026-11-19
	expect_status 0
	expect_golden plan-forecast.txt
	expect_out_has "Wed 25 Nov  training, level 3 (forecast)"
	expect_out_flat_has "If every session goes well: level 8 of 8 from Fri 18 Dec 2026, then Ankle strength after its entry test."
}

test_plan_red_flag_line() {
	mkdir -p "$XDG_DATA_HOME/talus"
	printf '2026-11-20T07:30:00+01:00\tstart\tsession=b\tprogram=ankle-foundations\tlevel=1\n2026-11-20T07:50:00+01:00\tend\tsession=b\tstatus=done\tpain-during=8\n' \
		>"$XDG_DATA_HOME/talus/history.tsv"
	talus --programs "$PROGRAMS" --plan --date 2026-11-21
	expect_status 0
	expect_out_flat_has "See a clinician: a pain rating of 8. talus is a coach, not a diagnosis; the red flags are in its README."
}

test_set_level() {
	talus --programs "$PROGRAMS" --set-level 4 --date 2026-11-20
	expect_status 0
	expect_out "Saved: ankle-foundations is at level 4 of 8 from now on."
	talus --programs "$PROGRAMS" --plan --date 2026-11-20
	expect_out_flat_has "Level 4 of 8 (set by hand on Fri 20 Nov)"
	talus --programs "$PROGRAMS" --program rice --set-level 2
	expect_status 2
	expect_err "talus: rice has 1 levels; --set-level 2 is beyond them"
	talus --programs "$PROGRAMS" --program rice --set-level 0
	expect_status 2
	expect_err "talus: rice has no protective level 0 (none of its exercises is protective)"
	talus --set-level 21
	expect_status 2
	expect_err "talus: --set-level takes a level from 0 to 20, got '21'
Try 'talus --help' for more information."
}

# A walk/run program's ladder sets the runs: --plan shows no cap beside it that its own
# session breaks (Delaware level 6 runs 2.5 mi; a 2 mi run made a 2.20 mi cap).
test_plan_walk_run_shows_no_contradicting_cap() {
	mkdir -p "$XDG_CONFIG_HOME/talus"
	printf 'run-days = {tue, thu, sat}\n' >"$XDG_CONFIG_HOME/talus/talus.conf"
	talus --programs "$PROGRAMS" --program walk-run-distance --set-level 6 --date 2026-11-20
	expect_status 0
	talus --programs "$PROGRAMS" --run 2mi --time 20:00 --date 2026-11-21
	expect_status 0
	talus --programs "$PROGRAMS" --program walk-run-distance --plan --date 2026-11-23
	expect_status 0
	expect_out_has "run 2.50 mi"
	expect_out_has "Runs outside the walk/run ladder: none until it is done."
	case "$out" in *"at most 2.20 mi"*|*"at most 3.5 km"*) fail "a cap beside the ladder: $out" ;; esac
	# after the ladder (maintenance), the cap is back
	talus --programs "$PROGRAMS" --program maintenance --plan --date 2026-11-23
	expect_out_has "Next run: at most 3.5 km"
}

test_set_level_0_is_the_protective_level() {
	talus --programs "$PROGRAMS" --set-level 0 --date 2026-11-20
	expect_status 0
	expect_out "Saved: ankle-foundations is at level 0 (protective) from now on."
	grep -Eq $'^2026-11-20T[^\t]*\tlevel\tprogram=ankle-foundations\tlevel=0$' \
		"$XDG_DATA_HOME/talus/history.tsv" || fail "no level 0 record"
}

test_a_session_at_level_0_in_the_reports() {
	mkdir -p "$XDG_DATA_HOME/talus"
	printf '2026-11-20T07:30:00+01:00\tstart\tsession=z\tprogram=ankle-foundations\tlevel=0\tplanned=8\n2026-11-20T07:31:00+01:00\tset\tsession=z\texercise=calf-hold\tset=1\tsecs=30\ttarget=30\n2026-11-20T07:45:00+01:00\tend\tsession=z\tstatus=done\tpain-during=2\tpain-after=1\tsecs=900\n' \
		>"$XDG_DATA_HOME/talus/history.tsv"
	talus --programs "$PROGRAMS" --history --date 2026-11-21
	expect_status 0
	expect_out_has "2026-11-20  ankle-foundations        0     1/8    15   2/1  done"
	talus --csv
	expect_status 0
	expect_out_has "2026-11-20,07:31:00,z,ankle-foundations,0,calf-hold,,1,,30,30,done,2,1"
	talus --programs "$PROGRAMS" --plan --since 2026-11-20 --date 2026-11-21
	expect_status 0
	expect_out_has "Fri 20 Nov  done, level 0 (protective), pain 2/1"
}

test_morning_from_a_script() {
	talus --morning 3 --date 2026-11-20
	expect_status 0
	grep -q $'^2026-11-20T.*\tmorning\tpain=3$' "$XDG_DATA_HOME/talus/history.tsv" || fail "no morning record"
	talus --morning ten
	expect_status 2
}

test_morning_after_changes_todays_level() {
	mkdir -p "$XDG_DATA_HOME/talus"
	printf '2026-11-10T08:00:00+01:00\tlevel\tprogram=ankle-foundations\tlevel=3\n2026-11-20T07:30:00+01:00\tstart\tsession=a1\tprogram=ankle-foundations\tlevel=3\tplanned=40\n2026-11-20T07:50:00+01:00\tend\tsession=a1\tstatus=done\tpain-during=2\tpain-after=1\tsecs=1200\n' \
		>"$XDG_DATA_HOME/talus/history.tsv"
	talus --programs "$PROGRAMS" --morning 6 --date 2026-11-21
	expect_status 0
	expect_out_has "Today at level 2, not 3: this morning was 6."
	grep -Eq $'^2026-11-21T.*\tmorning\tpain=6\thours=[0-9]+$' "$XDG_DATA_HOME/talus/history.tsv" ||
		fail "the morning after has no hours"
	talus --programs "$PROGRAMS" --morning 8 --date 2026-11-21
	expect_status 0
	expect_out_has "Today at level 0, not 2: this morning was 8."
	expect_out_has "Pain 8 is severe"
}

test_level_0_set_by_hand_is_planned() {
	talus --programs "$PROGRAMS" --set-level 0 --date 2026-11-20
	expect_status 0
	talus --programs "$PROGRAMS" --plan --date 2026-11-23
	expect_status 0
	expect_out_has "Ankle foundations (ankle-foundations): level 0 (protective)"
	expect_out_has "Mon 23 Nov  training, level 0 (protective)"
	expect_out_has "Isometric calf hold"
}

test_run_logged_with_the_cap() {
	talus --run 10km --time 55m --date 2026-11-17
	expect_status 0
	expect_out_has "Saved: a run of 10.0 km in 55:00 (5:30 /km)."
	expect_out_flat_has "Next run: at most 11.0 km (110% of your longest run in 30 days, 10.0 km on Tue 17 Nov)."
	grep -q $'^2026-11-17T.*\trun\tmetres=10000\tsecs=3300$' "$XDG_DATA_HOME/talus/history.tsv" ||
		fail "no run record"
	talus --run 11km --date 2026-11-18 # exactly the cap: no warning
	expect_status 0
	case "$out" in *"Over the cap"*) fail "warned at the cap: $out" ;; esac
	talus --run 13.2km --pain 4 --shoes "Old pair" --surface trail --note "hilly" --date 2026-11-19
	expect_status 0
	expect_out_has "13.2 km against a cap of 12.1 km (9% over it)"
	expect_out_flat_has "Pain 4 on the run, above 2: it does not raise the cap, the count of easy sessions starts over"
	expect_out_has "Next run: at most 12.1 km"
	grep -q $'\trun\tmetres=13200\tpain-during=4\tshoes=Old pair\tsurface=trail\tnote=hilly$' \
		"$XDG_DATA_HOME/talus/history.tsv" || fail "run record: $(cat "$XDG_DATA_HOME/talus/history.tsv")"
	printf 'units = mi\n' >mi.conf
	talus --config mi.conf --run 3 --date 2026-11-20
	expect_status 0
	expect_out_has "Saved: a run of 3.00 mi."
	for bad in "--run ten" "--run 5km --surface moon" "--run 5km --time 5" "--run 5km --pain 11" "--time 45:00"; do
		# shellcheck disable=SC2086
		talus $bad
		expect_status 2
	done
}

# A run over the cap counts as the cap it broke: the next cap rises 10% a run at most.
test_runs_over_the_cap_do_not_raise_it() {
	talus --run 8km --date 2026-11-19
	expect_status 0
	expect_out_has "Next run: at most 8.8 km"
	talus --run 20km --date 2026-11-20
	expect_status 0
	expect_out_has "20.0 km against a cap of 8.8 km (127% over it)"
	expect_out_flat_has "It counts as 8.8 km: it does not raise the cap beyond 9.7 km."
	expect_out_flat_has "Next run: at most 9.7 km (110% of your longest run in 30 days, 20.0 km on Fri 20 Nov, counted as its cap of 8.8 km)."
	talus --run 30km --date 2026-11-21
	expect_status 0
	expect_out_has "30.0 km against a cap of 9.7 km"
	expect_out_has "Next run: at most 10.6 km"
	talus --runs --date 2026-11-21
	expect_out_has "Next run: at most 10.6 km"
}

# --date acts as if today were that day, but a record is of what has happened: none is
# written dated after the real clock's today.
test_no_record_dated_in_the_future() {
	local later today
	later=$(date -d '+1 day' +%F)
	today=$(date +%F)
	talus --run 5km --time 25:00 --date 2026-12-25
	expect_status 2
	expect_err "talus: --date 2026-12-25 is after today: nothing is recorded in the future"
	expect_out ""
	for cmd in "--run 5km" "--morning 1" "--retire-shoes Pegasus" "--set-level 2"; do
		# shellcheck disable=SC2086
		talus --programs "$PROGRAMS" $cmd --date "$later"
		expect_status 2
		expect_err "talus: --date $later is after today: nothing is recorded in the future"
	done
	[ ! -e "$XDG_DATA_HOME/talus/history.tsv" ] || fail "a record in the future: $(cat "$XDG_DATA_HOME/talus/history.tsv")"
	talus --run 5km --date "$today"
	expect_status 0
	talus --runs --date "$later" # reading ahead is fine
	expect_status 0
}

test_run_after_a_red_flag_or_a_bone_spot_is_warned() {
	mkdir -p "$XDG_DATA_HOME/talus"
	printf '2026-11-18T08:00:00Z\tred-flag\tflag=rupture\tanswer=yes\ttrigger=severe\n' \
		>"$XDG_DATA_HOME/talus/history.tsv"
	talus --run 5km --date 2026-11-19
	expect_status 0
	expect_out_has "A red flag was answered yes: no running until a clinician has seen the ankle"
	talus --programs "$PROGRAMS" --set-level 1 --date 2026-11-19
	expect_status 0
	talus --run 5km --date 2026-11-20
	case "$out" in *"red flag"*) fail "warned after a level set by hand: $out" ;; esac
	printf '2026-11-20T09:00:00Z\ttriage\tsore=left\tonset=gradual\tsince=under-3-weeks\twhere=bone-spot\tgives-way=no\tpathway=peroneal\tprogram=peroneal\n' \
		>>"$XDG_DATA_HOME/talus/history.tsv"
	talus --run 5km --date 2026-11-21
	expect_out_flat_has "Pain at one spot on a bone (the triage): no running until a clinician has seen it."
	talus --run 5km --time 5:00
	expect_status 2
	expect_err "talus: --run 5km in --time 5:00 is faster than 2:00 a kilometre: check the distance and the time"
}

# A run's pain is a pain rating: 9 takes the severe path as a session's 9 (the easiest
# level, the red flags at the next opening, --run says so); 5 holds the level.
test_run_pain_feeds_the_pain_model() {
	talus --programs "$PROGRAMS" --set-level 2 --date 2026-11-16
	talus --run 5km --time 30:00 --pain 2 --date 2026-11-17
	case "$out" in *Pain*) fail "pain 2 is within running's limit: $out" ;; esac
	talus --programs "$PROGRAMS" --run 5km --time 30:00 --pain 5 --date 2026-11-18
	expect_status 0
	expect_out_flat_has "Pain 5 on the run, above 2: it does not raise the cap, the count of easy sessions starts over, and nothing moves up before a settled morning"
	talus --programs "$PROGRAMS" --plan --date 2026-11-19
	expect_out_flat_has "Level 2 of 8: repeating, pain 5 on a run on Wed 18 Nov; no step up before a settled morning (at most 3)"
	talus --programs "$PROGRAMS" --run 5km --time 30:00 --pain 9 --date 2026-11-20
	expect_status 0
	expect_out_flat_has "Pain 9 on the run is severe: it does not raise the cap, progression pauses at the easiest level, and the coach asks the red-flag questions when you next open it."
	expect_out_has "Today at level 0, not 2: pain 9 on the run."
	talus --programs "$PROGRAMS" --status --date 2026-11-21
	expect_out_has "see a clinician"
	talus --programs "$PROGRAMS" --plan --date 2026-11-21
	expect_out_flat_has "See a clinician: a pain rating of 9 on a run."
	expect_out_flat_has "Protective level 0 (the easiest level: pain 9 on Fri 20 Nov)"
}

# No line of the printed commands passes 80 columns, on a history with long names, a
# run over the cap, a painful one, worn shoes and a red flag.
test_no_line_passes_80_columns() {
	local cmd long
	talus --programs "$PROGRAMS" --set-level 3 --date 2026-10-01
	talus --run 480km --shoes "Very long shoe name" --date 2026-10-05
	talus --run 8km --time 45:10 --shoes "Very long shoe name" --date 2026-11-04
	talus --run 12km --shoes Trail --pain 1 --date 2026-11-16
	talus --run 9km --shoes Pegasus --date 2026-11-17
	talus --morning 4 --date 2026-11-18
	talus --programs "$PROGRAMS" --run 30km --time 3:10:00 --pain 5 --date 2026-11-19
	long=$(printf '%s\n' "$out" | awk 'length > 80')
	[ -z "$long" ] || fail "--run prints lines over 80 columns: $long"
	talus --programs "$PROGRAMS" --run 5km --time 30:00 --pain 9 --date 2026-11-20
	long=$(printf '%s\n' "$out" | awk 'length > 80')
	[ -z "$long" ] || fail "--run prints lines over 80 columns: $long"
	for cmd in --runs --shoes --plan --status --report; do
		talus --programs "$PROGRAMS" "$cmd" --date 2026-11-21
		expect_status 0
		[ -n "$out" ] || fail "$cmd printed nothing"
		long=$(printf '%s\n' "$out" | awk 'length > 80')
		[ -z "$long" ] || fail "$cmd prints lines over 80 columns: $long"
	done
}

test_runs_and_shoes() {
	talus --run 8km --time 45:10 --shoes Pegasus --date 2026-11-04
	talus --run 12km --shoes Trail --pain 1 --date 2026-11-16
	talus --run 9km --shoes Pegasus --date 2026-11-20
	talus --morning 1 --date 2026-11-21 # the morning after a run is one too
	grep -Eq $'^2026-11-21T.*\tmorning\tpain=1\thours=[0-9]+$' "$XDG_DATA_HOME/talus/history.tsv" ||
		fail "the morning after a run has no hours"
	talus --runs --date 2026-11-21
	expect_status 0
	expect_out_has "2026-11-04  8.0 km      45:10     5:39 /km      -  Pegasus"
	expect_out_has "Mon 16 Nov   21.0 km     new" # after an empty week: nothing to compare
	expect_out_has "Mon  9 Nov   0.0 km      -100%"
	expect_out_has "This week is 162% above the week two weeks before"
	# the 12 km run broke the 8.8 km cap and counts as it: 9 km is the longest that counts
	expect_out_has "Next run: at most 9.9 km (110% of the longest in 30 days, 9.0 km on Fri 20 Nov)."
	talus --programs "$PROGRAMS" --plan --date 2026-11-21
	expect_out_has "Next run: at most 9.9 km (110% of your longest in 30 days)."
	talus --shoes --date 2026-11-21
	expect_status 0
	expect_out_has "Pegasus               17.0 km        2  2026-11-04  2026-11-20  787.7 km"
	expect_out_has "Several pairs in rotation are fine"
	talus --shoes Pegasus --date 2026-11-21 # one pair: its line of the list
	expect_status 0
	expect_out_has "Pegasus               17.0 km        2  2026-11-04  2026-11-20  787.7 km"
	case "$out" in *Trail*|*rotation*) fail "--shoes Pegasus shows more: $out" ;; esac
	talus --shoes Nike
	expect_status 2
	expect_err "talus: no run names the shoes 'Nike' (talus --shoes lists them)"
	talus --shoes Pegasus --surface road
	expect_status 2
	case "$err" in *"--surface goes only with --run, not with --shoes"*) ;; *) fail "stderr: $err" ;; esac
	talus --retire-shoes Trail --date 2026-11-21
	expect_status 0
	talus --shoes --date 2026-11-22
	expect_out_has "2026-11-16  2026-11-16  retired"
	talus --retire-shoes Nope
	expect_status 2
	expect_err "talus: no run names the shoes 'Nope' (talus --shoes lists them)"
	talus --shoes --plan
	expect_status 2
	printf 'shoe-limit = "300km"\n' >s.conf
	talus --config s.conf --shoes --date 2026-11-22
	expect_out_has "283.0 km"
	talus --run 480km --shoes Pegasus --date 2026-11-21 # a long one, on paper
	talus --programs "$PROGRAMS" --plan --date 2026-11-23
	expect_out_flat_has "Worn shoes: Pegasus (497.0 km)."
	printf 'shoe-limit = "far"\n' >s.conf
	talus --config s.conf --shoes
	expect_status 2
	expect_err "talus: s.conf:1: shoe-limit must be a distance like 500mi or 800km, got 'far'"
}

test_passed_entry_test_moves_on() {
	mkdir -p "$XDG_DATA_HOME/talus"
	printf '2026-11-20T08:00:00+01:00\ttest\tprogram=ankle-foundations\tnext=ankle-strength\tanswer=yes\n' \
		>"$XDG_DATA_HOME/talus/history.tsv"
	talus --programs "$PROGRAMS" --plan --date 2026-11-21
	expect_out_has "Ankle strength (ankle-strength): level 1 of 6"
}

# A FIFO would block a reader for ever: each is refused at once (timeout: a hang fails).
test_fifo_config_program_history_refused() {
	mkfifo cfg.fifo hist.fifo
	out=$(timeout 10 "$TALUS" --config cfg.fifo --list 2>&1)
	status=$?
	[ "$status" -eq 2 ] || fail "config FIFO: status $status: $out"
	[ "$out" = "talus: cfg.fifo: not a regular file" ] || fail "config FIFO said [$out]"
	out=$(timeout 10 "$TALUS" --programs "$PROGRAMS" --history-file hist.fifo --plan 2>&1)
	status=$?
	[ "$status" -eq 2 ] || fail "history FIFO: status $status: $out"
	[ "$out" = "talus: hist.fifo: not a regular file; the history must be a plain file" ] ||
		fail "history FIFO said [$out]"
	mkdir progs && cp "$PROGRAMS/rice.conf" progs/ && mkfifo progs/piped.conf
	for cmd in --list --check "--program piped --plan"; do
		out=$(timeout 10 "$TALUS" --programs progs $cmd 2>&1 >/dev/null)
		status=$?
		[ "$status" -eq 2 ] || fail "program FIFO, $cmd: status $status: $out"
		case "$out" in *"talus: progs/piped.conf: not a regular file"*) ;;
		*) fail "program FIFO, $cmd said [$out]" ;; esac
	done
}

# A program file's name is printed cleaned: no escape sequence reaches the terminal.
test_escapes_in_a_program_file_name_are_cleaned() {
	mkdir progs && cp "$PROGRAMS/rice.conf" progs/
	cp "$PROGRAMS/rice.conf" "progs/x$(printf '\033]0;pwned\007\033[31m')y.conf"
	for cmd in --list --check; do
		talus --programs progs $cmd
		expect_status 2
		case "$out$err" in *$'\033'* | *$'\007'*) fail "$cmd printed a control character: [$err]" ;; esac
		case "$err" in *"progs/x?]0;pwned??[31my.conf: program name 'x?]0;pwned??[31my'"*) ;;
		*) fail "$cmd said [$err]" ;; esac
	done
	# the config's own name, echoed by --check
	cp "$SRCDIR/config/talus.conf" "x$(printf '\033[2J')y.conf"
	talus --config "x$(printf '\033[2J')y.conf" --programs "$PROGRAMS" --check
	expect_status 0
	expect_out "talus: config x?[2Jy.conf ok; 12 programs ok"
}

# Output that cannot be written is a failure with one line, never a silent 0.
test_unwritable_output_fails() {
	local cmd want
	mkdir -p "$XDG_DATA_HOME/talus"
	cp "$SRCDIR/tests/data/history-progress.tsv" "$XDG_DATA_HOME/talus/history.tsv"
	for cmd in --plan "--plan --weeks 8" --csv --list --history --check --help --version; do
		if [ -w /dev/full ]; then
			"$TALUS" --programs "$PROGRAMS" $cmd >/dev/full 2>"$TMP_ROOT/stderr"
			status=$?
			err=$(cat "$TMP_ROOT/stderr")
			[ "$status" -eq 1 ] || fail "$cmd >/dev/full: status $status"
			want="talus: cannot write the output: No space left on device"
			[ "$(printf '%s\n' "$err" | tail -n 1)" = "$want" ] || fail "$cmd >/dev/full said [$err]"
		fi
		"$TALUS" --programs "$PROGRAMS" $cmd >&- 2>"$TMP_ROOT/stderr"
		status=$?
		err=$(cat "$TMP_ROOT/stderr")
		[ "$status" -eq 1 ] || fail "$cmd >&-: status $status"
		[ "$err" = "talus: cannot write the output: Bad file descriptor" ] || fail "$cmd >&- said [$err]"
	done
}

# --trace never truncates a file it did not write; each refusal is one line, status 2,
# the file untouched. (Without a terminal the session stops after the checks.)
test_trace_refuses_what_is_not_a_trace() {
	printf '2026-11-20T08:00:00+01:00\tmorning\tpain=3\n' >h.tsv
	cp h.tsv h.bak
	echo 'my notes' >notes.txt
	ln -s h.tsv link.tsv
	mkfifo trace.fifo
	while IFS='|' read -r file want; do
		out=$(timeout 10 "$TALUS" --programs "$PROGRAMS" --history-file h.tsv --trace "$file" </dev/null 2>&1)
		status=$?
		[ "$status" -eq 2 ] || fail "--trace $file: status $status"
		[ "$out" = "talus: $file: $want" ] || fail "--trace $file said [$out]"
	done <<-'CASES'
	h.tsv|is the history file; --trace needs a file of its own
	./h.tsv|is the history file; --trace needs a file of its own
	link.tsv|is the history file; --trace needs a file of its own
	notes.txt|is not a trace (its first line is not 'milliseconds<TAB>step'); --trace overwrites only an old trace
	trace.fifo|not a regular file; --trace writes only to a plain file
	CASES
	cmp -s h.tsv h.bak || fail "the history changed"
	[ "$(cat notes.txt)" = "my notes" ] || fail "notes.txt changed"
	ln -s notes.txt other-link
	talus --programs "$PROGRAMS" --history-file h.tsv --trace other-link </dev/null
	expect_status 2
	expect_err "talus: other-link: is a symbolic link; --trace does not follow links"
	if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
		printf '12\tfinished\n' >theirs.trace
		chown nobody theirs.trace
		talus --programs "$PROGRAMS" --history-file h.tsv --trace theirs.trace </dev/null
		expect_status 2
		expect_err "talus: theirs.trace: belongs to another user; --trace will not overwrite it"
	fi
	# an old trace passes the checks (the session then wants a terminal), a new file is
	# not made until the session starts
	printf '12\tfinished\n' >old.trace
	talus --programs "$PROGRAMS" --history-file h.tsv --trace old.trace </dev/null
	expect_err "talus: the coach needs a terminal on standard input and output; for a pipe or a printer use talus --plan"
	[ "$(cat old.trace)" = $'12\tfinished' ] || fail "old.trace changed before the session"
	talus --programs "$PROGRAMS" --history-file h.tsv --trace new.trace </dev/null
	[ ! -e new.trace ] || fail "new.trace made without a session"
	# a history not made yet, named two ways
	mkdir sub
	talus --programs "$PROGRAMS" --history-file sub/../new.tsv --trace "$PWD/new.tsv" </dev/null
	expect_status 2
	expect_err "talus: $PWD/new.tsv: is the history file; --trace needs a file of its own"
}

# A next that leads back to its program never ends: an error where next is set.
test_next_loops_are_errors() {
	mkdir progs
	for pair in a:b b:a self:self c:a; do
		printf '# %s\nnext = "%s"\nexercise e {\n  reps = 1\n}\n' "${pair%%:*}" "${pair#*:}" >"progs/${pair%%:*}.conf"
	done
	printf 'program = "c"\n' >talus.conf
	talus --config talus.conf --programs progs --check
	expect_status 2
	expect_err "talus: progs/a.conf:2: next makes a loop: a -> b -> a
talus: progs/b.conf:2: next makes a loop: b -> a -> b
talus: progs/self.conf:2: next names the program itself"
	talus --config talus.conf --programs progs --program self --plan
	expect_status 2
	expect_err "talus: progs/self.conf:2: next names the program itself"
}

# --list pads by the columns a title takes on screen: wide CJK characters take two,
# a combining accent none, so LEVELS lines up under its heading.
test_list_pads_wide_titles_by_display_width() {
	mkdir progs
	printf 'title = "足首のリハビリ"\nlevels = 3\nexercise e {\n  reps = 1\n}\n' >progs/ashi.conf
	printf 'title = "Cafe\xcc\x81 stretch"\nexercise e {\n  reps = 1\n}\n' >progs/cafe.conf
	talus --programs progs --list
	expect_status 0
	expect_out "NAME                 TITLE                          LEVELS  DAYS
ashi                 足首のリハビリ                      3  mon wed fri
cafe                 Café stretch                        1  mon wed fri"
}

run_tests
