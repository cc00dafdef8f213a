#!/usr/bin/env bash
# talus --import: GPX, TCX and FIT files written here, read into run records; re-imports,
# rides and broken files skipped, a broken file leaving the history byte for byte.
. "$(dirname "$0")/lib.sh"

HIST() { echo "$XDG_DATA_HOME/talus/history.tsv"; }

# gpx_run FILE START END LAT_END [TYPE]: one segment due north from 0,0
gpx_run() {
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		echo '<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">'
		echo "<trk>${5:+<type>$5</type>}<trkseg>"
		echo "<trkpt lat=\"0\" lon=\"0\"><time>$2</time></trkpt>"
		echo "<trkpt lat=\"$4\" lon=\"0\"><time>$3</time></trkpt>"
		echo '</trkseg></trk></gpx>'
	} >"$1"
}

# tcx_run FILE SPORT ID SECS METRES: one lap, no positions (a treadmill)
tcx_run() {
	cat >"$1" <<TCX
<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
<Activities><Activity Sport="$2"><Id>$3</Id>
<Lap StartTime="$3"><TotalTimeSeconds>$4</TotalTimeSeconds><DistanceMeters>$5</DistanceMeters></Lap>
</Activity></Activities></TrainingCenterDatabase>
TCX
}

test_import_gpx_tcx_and_a_ride() {
	gpx_run run.gpx 2026-11-20T07:00:00Z 2026-11-20T07:45:10Z 0.073745 running
	tcx_run tread.tcx Running 2026-11-18T18:00:00+01:00 1800 6000
	tcx_run ride.tcx Biking 2026-11-17T10:00:00Z 3600 30000
	gpx_run walk.gpx 2026-11-16T10:00:00Z 2026-11-16T11:00:00Z 0.045
	gpx_run fast.gpx 2026-11-15T10:00:00Z 2026-11-15T10:10:00Z 0.09 running
	talus --import tread.tcx run.gpx ride.tcx walk.gpx fast.gpx --date 2026-11-21
	expect_status 0
	expect_out "Imported tread.tcx (Wed 18 Nov): a run of 6.0 km in 30:00 (5:00 /km).
Imported run.gpx (Fri 20 Nov): a run of 8.2 km in 45:10 (5:30 /km).
8.2 km against a cap of 6.6 km (24% over it): a run over 110% of the longest of
  the last 30 days raised injury rates 1.64 times (Frandsen 2025). It counts as
  6.6 km: it does not raise the cap beyond 7.3 km.
ride.tcx: not a run (Biking): skipped.
walk.gpx: no sport named and not a run's pace: skipped.
fast.gpx: a run faster than 2:00 a kilometre, so not a run (a ride?): skipped.
Next run: at most 7.3 km (110% of your longest run in 30 days, 8.2 km on Fri 20
  Nov, counted as its cap of 6.6 km)."
	grep -q $'^2026-11-20T07:00:00+00:00\trun\tmetres=8200\tsecs=2710\telapsed=2710\thash=[0-9a-f]\\{64\\}$' "$(HIST)" ||
		fail "gpx record: $(cat "$(HIST)")"
	grep -q $'^2026-11-18T18:00:00+01:00\trun\tmetres=6000\tsecs=1800\telapsed=1800\thash=' "$(HIST)" ||
		fail "tcx record, at its own offset: $(cat "$(HIST)")"
	[ "$(grep -c $'\trun\t' "$(HIST)")" = 2 ] || fail "not two runs: $(cat "$(HIST)")"
	grep -q "hash=$(sha256sum run.gpx | cut -d' ' -f1)\$" "$(HIST)" || fail "the hash is not the file's SHA-256"
	talus --runs --date 2026-11-21
	expect_out_has "8.2 km"
}

test_reimport_is_skipped() {
	gpx_run run.gpx 2026-11-20T07:00:00Z 2026-11-20T07:45:10Z 0.073745 running
	talus --import run.gpx
	expect_status 0
	cp "$(HIST)" before
	talus --import run.gpx
	expect_status 0
	expect_out "run.gpx: already imported (the run of 8.2 km on Fri 20 Nov): skipped."
	# another export of the same run: other bytes, a start 30 s off, 1% longer
	gpx_run again.gpx 2026-11-20T07:00:30Z 2026-11-20T07:45:10Z 0.07448 trail_running
	talus --import again.gpx
	expect_status 0
	expect_out "again.gpx: already imported (the run of 8.2 km on Fri 20 Nov): skipped."
	cmp -s before "$(HIST)" || fail "the history changed"
}

test_broken_file_exits_2_and_leaves_the_history() {
	gpx_run first.gpx 2026-11-19T07:00:00Z 2026-11-19T07:30:00Z 0.045 running
	talus --import first.gpx
	cp "$(HIST)" before
	printf '<gpx><trk><trkseg><trkpt lat="0" lon="0"><time>2026-11-20T07:00:00Z</time></trkpt>' >cut.gpx
	printf '<gpx><trk><trkseg><trkpt lat="0" lon="0"><time>soon</time></trkpt></trkseg></trk></gpx>' >soon.gpx
	tcx_run huge.tcx Running 2026-11-20T07:00:00Z 100 99999999
	tcx_run neg.tcx Running 2026-11-20T07:00:00Z 100 -5
	printf 'hello\n' >notes.gpx
	: >empty.tcx
	for f in cut.gpx soon.gpx huge.tcx neg.tcx notes.gpx empty.tcx missing.gpx; do
		talus --import "$f"
		expect_status 2
		case "$err" in "talus: $f: "*) ;; *) fail "$f: stderr [$err]" ;; esac
		cmp -s before "$(HIST)" || fail "$f changed the history"
	done
	talus --import cut.gpx
	expect_err "talus: cut.gpx: line 1: no element found"
	talus --import huge.tcx
	expect_err "talus: huge.tcx: a run over 1000 km: longer than a run record holds"
	talus --import neg.tcx
	expect_err "talus: neg.tcx: line 4: DistanceMeters is not a number from 0 to 100000000: '-5'"
	talus --import notes.gpx
	expect_err "talus: notes.gpx: not a GPX, TCX or FIT file"
	# the good files around a broken one are imported; the status is still 2
	tcx_run good.tcx Running 2026-11-20T18:00:00Z 1800 5000
	talus --import cut.gpx good.tcx
	expect_status 2
	expect_out_has "Imported good.tcx (Fri 20 Nov): a run of 5.0 km"
	[ "$(grep -c $'\trun\t' "$(HIST)")" = 2 ] || fail "not two runs: $(cat "$(HIST)")"
}

test_a_folder_by_name_any_case() {
	mkdir runs runs/old
	gpx_run runs/b.GPX 2026-11-19T07:00:00Z 2026-11-19T07:30:00Z 0.045 running
	tcx_run runs/a.Tcx Running 2026-11-18T07:00:00Z 1800 5000
	tcx_run runs/c.txt Running 2026-11-17T07:00:00Z 1800 5000
	tcx_run runs/old/d.tcx Running 2026-11-16T07:00:00Z 1800 5000
	# a TCX named .gpx: the bytes say what it is
	tcx_run runs/e.gpx Running 2026-11-20T07:00:00Z 1200 4000
	talus --import runs --date 2026-11-21
	expect_status 0
	expect_out "Imported runs/a.Tcx (Wed 18 Nov): a run of 5.0 km in 30:00 (6:00 /km).
Imported runs/b.GPX (Thu 19 Nov): a run of 5.0 km in 30:00 (6:00 /km).
Imported runs/e.gpx (Fri 20 Nov): a run of 4.0 km in 20:00 (5:00 /km).
Next run: at most 5.5 km (110% of your longest run in 30 days, 5.0 km on Thu 19
  Nov)."
	talus --import runs/ runs/old/d.tcx --date 2026-11-21
	expect_status 0
	expect_out_has "runs/a.Tcx: already imported"
	expect_out_has "Imported runs/old/d.tcx (Mon 16 Nov)"
}

test_fit_file_known_by_its_header() {
	printf '\016\020\000\000\000\000\000\000.FIT\000\000' >watch.bin
	cp watch.bin watch.fit
	talus --import watch.fit
	expect_status 2
	case "$err" in "talus: watch.fit: "*) ;; *) fail "stderr [$err]" ;; esac
	[ ! -s "$(HIST)" ] || ! grep -q $'\trun\t' "$(HIST)" || fail "a record from a broken FIT file"
}

# FIT files written by build/mkfit (tests/tools/mkfit.c), the FIT decoder's own writer.
MKFIT=${MKFIT:-$SRCDIR/build/mkfit}

test_fit_run_at_its_local_offset_a_ride_leg_skipped() {
	"$MKFIT" -o run.fit --offset 3600 running 2026-11-19T17:00:00Z 10000 3000 || fail "mkfit"
	"$MKFIT" -o tri.fit --offset -18000 cycling 2026-11-14T14:00:00Z 30000 3600 \
		trail 2026-11-14T15:05:00Z 5000 1800 || fail "mkfit"
	talus --import run.fit tri.fit --date 2026-11-21
	expect_status 0
	expect_out_has "Imported run.fit (Thu 19 Nov): a run of 10.0 km in 50:00 (5:00 /km)."
	expect_out_has "Imported tri.fit (Sat 14 Nov): a run of 5.0 km in 30:00 (6:00 /km)."
	expect_out_has "tri.fit: not a run (cycling): skipped."
	grep -q $'^2026-11-19T18:00:00+01:00\trun\tmetres=10000\tsecs=3000\telapsed=3000\thash=' "$(HIST)" ||
		fail "fit record at its own offset: $(cat "$(HIST)")"
	grep -q $'^2026-11-14T10:05:00-05:00\trun\tmetres=5000\tsecs=1800' "$(HIST)" ||
		fail "the multisport file's run leg: $(cat "$(HIST)")"
	[ "$(grep -c $'\trun\t' "$(HIST)")" = 2 ] || fail "not two runs: $(cat "$(HIST)")"
	cp "$(HIST)" before
	talus --import run.fit --date 2026-11-21
	expect_out "run.fit: already imported (the run of 10.0 km on Thu 19 Nov): skipped."
	cmp -s before "$(HIST)" || fail "a re-import changed the history"
}

test_fit_with_a_bad_crc_records_nothing() {
	"$MKFIT" -o good.fit running 2026-11-19T17:00:00Z 8000 2400 || fail "mkfit"
	"$MKFIT" -o bad.fit --bad-crc running 2026-11-20T17:00:00Z 9000 2700 || fail "mkfit"
	talus --import bad.fit good.fit --date 2026-11-21
	expect_status 2
	expect_err "talus: bad.fit: bad CRC"
	expect_out_has "Imported good.fit (Thu 19 Nov): a run of 8.0 km"
	grep -q 'metres=9000' "$(HIST)" && fail "a record from a file with a bad CRC"
	[ "$(grep -c $'\trun\t' "$(HIST)")" = 1 ] || fail "not one run: $(cat "$(HIST)")"
}

test_morning_after_an_imported_run() {
	gpx_run run.gpx 2026-11-20T07:00:00Z 2026-11-20T07:30:00Z 0.045 running
	talus --import run.gpx --date 2026-11-21
	talus --morning 1 --date 2026-11-21
	expect_status 0
	grep -q $'\tmorning\tpain=1\thours=[0-9]*$' "$(HIST)" || fail "no hours after the run: $(cat "$(HIST)")"
}

test_import_usage() {
	talus --import
	expect_status 2
	expect_err "talus: option '--import' needs a value
Try 'talus --help' for more information."
	talus --import ''
	expect_status 2
	talus --import a.gpx --time 45:00
	expect_status 2
	expect_err "talus: --time goes only with --run, not with --import
Try 'talus --help' for more information."
}

run_tests
