#!/usr/bin/env bash
# The plain build under valgrind over bad configs, bad programs and damaged histories:
# no memory errors, no definite leaks, and still the one-line error and status 2.
. "$(dirname "$0")/lib.sh"

vg() { # vg WANT_STATUS talus-args...
	local want=$1
	shift
	valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		"$TALUS" "$@" >out.txt 2>err.txt
	local st=$?
	[ $st -ne 99 ] || fail "valgrind found errors with $*: $(head -n 30 err.txt)"
	[ $st -eq "$want" ] || fail "status $st, want $want, with $*: $(head -n 5 err.txt)"
}

test_bad_programs() {
	mkdir progs
	local i=0
	while IFS= read -r text; do
		i=$((i + 1))
		printf '%b' "$text" >progs/bad.conf
		vg 2 --programs progs --program bad --plan
		grep -q '^talus: progs/bad.conf:[0-9]*: ' err.txt || fail "case $i: no file:line: $(cat err.txt)"
	done <<'CASES'
=\n
exercise a {\n  reps = 5\n
exercise a {\n  reps = {5,\n
colour = 1\n
exercise a {\n  sets = 0\n  reps = 5\n}\n
exercise a {\n  reps = 5\n  hold = 5\n}\n
levels = 2\nexercise a {\n  reps = {1, 2, 3}\n}\n
exercise a {\n  reps = 1\n}\nexercise a {\n  reps = 1\n}\n
days = {mon, mnday}\n
exercise a {\n  reps = 5\n  tempo = {1, 2}\n}\n
title = "\xff\xfe"\n
exercise a {\n  reps = 1\n  cue = "\\x01"\n}\n
title = "a"\ntitle = "b"\n
exercise a {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{
title = "unterminated\n
\x80\x81 = 1\n
levels = 3\nexercise p {\n  protective = true\n  hold = {30, 45}\n}\nexercise a {\n  reps = 1\n}\n
exercise p {\n  protective = true\n  hold = 30\n}\n
pain-limits {\n  advance-max-pain = 2\n  repeat-max-pain = 2\n}\npain-limits {\n}\nexercise a {\n  reps = 1\n}\n
impact = true\npain-limits {\n  advance-max-pain = 3\n  repeat-max-pain = 5\n}\nexercise a {\n  reps = 1\n}\n
pathways = {acute-sprain, sprain}\nexercise a {\n  reps = 1\n}\n
pathways = {insertional-achilles}\nexercise a {\n  reps = 1\n  dorsiflexion = true\n}\n
exercise a {\n  hold = 1\n  calf-load = 50\n}\n
CASES
}

test_deep_nesting() {
	mkdir progs
	{ printf 'exercise a '; head -c 10000 /dev/zero | tr '\0' '{'; } >progs/bad.conf
	vg 2 --programs progs --program bad --plan
}

test_nul_byte_in_a_program() {
	mkdir progs
	printf 'title = "x"\n\0\nexercise a {\n reps = 1\n}\n' >progs/bad.conf
	vg 2 --programs progs --program bad --plan
	grep -q "NUL byte" err.txt || fail "$(cat err.txt)"
}

test_bad_configs() {
	local i=0
	while IFS= read -r text; do
		i=$((i + 1))
		printf '%b' "$text" >bad.conf
		vg 2 --programs "$PROGRAMS" --config bad.conf --check
		grep -q '^talus: bad.conf:[0-9]*: ' err.txt || fail "case $i: no file:line: $(cat err.txt)"
	done <<'CASES'
sound = loud\n
progression {\n  alarm-pain = 11\n}\n
progression {\n
days = {fri, fri}\n
program = "../x"\n
speed = 3\n
CASES
	vg 2 --programs "$PROGRAMS" --config missing.conf --check
}

test_damaged_histories() {
	local sample="$SRCDIR/tests/data/history-sample.tsv" size
	size=$(wc -c <"$sample")
	for cut in 1 100 $((size / 2)) $((size - 3)); do
		head -c "$cut" "$sample" >h.tsv
		vg 0 --programs "$PROGRAMS" --history-file h.tsv --history --date 2026-11-23
	done
	{ cat "$sample"; head -c 300000 /dev/zero; printf '\n'; head -c 1048576 /dev/zero | tr '\0' x; printf '\n\xff\xfe\n'; } >h.tsv
	vg 0 --programs "$PROGRAMS" --history-file h.tsv --history --date 2026-11-23
	grep -q "skipped 3 damaged lines" err.txt || fail "$(cat err.txt)"
	vg 0 --programs "$PROGRAMS" --history-file h.tsv --plan --date 2026-11-23
	vg 0 --history-file h.tsv --csv
	mkdir hdir
	vg 2 --history-file hdir --history
}

# --import over good, broken and skipped files and a folder: no errors, no leaks.
test_import() {
	mkdir runs
	printf '<gpx><trk><type>running</type><trkseg><trkpt lat="0" lon="0"><time>2026-11-20T07:00:00Z</time></trkpt><trkpt lat="0.045" lon="0"><time>2026-11-20T07:30:00+01:00</time></trkpt></trkseg></trk></gpx>' >runs/a.gpx
	printf '<TrainingCenterDatabase><Activities><Activity Sport="Biking"><Id>2026-11-19T07:00:00Z</Id><Lap><TotalTimeSeconds>60</TotalTimeSeconds><DistanceMeters>900</DistanceMeters></Lap></Activity></Activities></TrainingCenterDatabase>' >runs/b.tcx
	printf '<gpx><trk><trkseg><trkpt lat="0" lon="0"><time>soon' >runs/c.gpx
	vg 2 --import runs runs/a.gpx missing.tcx
	grep -q "already imported" out.txt || fail "no re-import line: $(cat out.txt)"
}

run_tests
