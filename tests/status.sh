#!/usr/bin/env bash
# --status, the reminder's systemd user units, --plan as iCalendar and --report, run
# against the real binary with a private HOME.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

SAMPLE="$SRCDIR/tests/data/history-sample.tsv"
# python3 with Debian's icalendar (the system one: a pyenv's may lack it)
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3

sample() { cp "$SAMPLE" h.tsv && chmod 600 h.tsv; }
st() { talus --programs "$PROGRAMS" --history-file h.tsv "$@"; }

# ---- --status ----

test_status_says_nothing_on_a_rest_day_with_nothing_due() {
	sample
	st --status --date 2026-11-22 # a Sunday; the last session was 6 days before
	expect_status 0
	expect_out ""
	expect_err ""
}

test_status_session_due_and_the_morning_after() {
	sample
	st --status --date 2026-11-25
	expect_status 0
	expect_out "talus: session 23 min; morning check-in"
}

test_status_morning_only_once_today_is_done() {
	sample
	st --status --date 2026-11-24
	expect_out "talus: morning check-in"
}

test_status_format_fields() {
	sample
	st --status --date 2026-11-25 --format '[%s|%m|%f|%c|%w|%l|%p|%%]'
	expect_status 0
	expect_out "[23 min|morning||||1/8|ankle-foundations|%]"
}

test_status_bad_format_is_bad_input() {
	sample
	st --status --format 'x %q'
	expect_status 2
	expect_err "talus: --format: unknown field %q (use %s %m %f %c %w %l %p %%)"
	st --status --format 'x %'
	expect_status 2
}

test_status_flare_cap_and_worn_shoes() {
	sample
	printf '2026-11-26T07:30:00+01:00\tstart\tsession=s1\tprogram=ankle-foundations\tlevel=2\n' >>h.tsv
	printf '2026-11-26T07:50:00+01:00\tend\tsession=s1\tstatus=done\tpain-during=6\tpain-after=6\n' >>h.tsv
	printf '2026-11-26T18:00:00+01:00\trun\tmetres=500000\tshoes=old-pair\n' >>h.tsv
	printf '2026-11-27T07:00:00+01:00\tmorning\tpain=2\n' >>h.tsv
	st --status --date 2026-11-27
	expect_status 0
	expect_out "talus: session 12 min; back to level 0; worn shoes old-pair (500.0 km); next run <= 550.0 km"
}

# The cap is not news before the return-to-run criteria (run-days set, a program that
# leads to hops: "No running yet"), nor on the walk/run ladder; it is once past them.
test_status_no_cap_before_running_is_allowed() {
	sample
	printf '2026-11-26T18:00:00+01:00\trun\tmetres=5000\n' >>h.tsv
	mkdir -p "$XDG_CONFIG_HOME/talus"
	printf 'run-days = {tue, thu, sat}\n' >"$XDG_CONFIG_HOME/talus/talus.conf"
	st --status --date 2026-11-27
	expect_status 0
	case "$out" in *"next run"*) fail "a cap before running is allowed: $out" ;; esac
	st --plan --date 2026-11-27
	expect_out_has "No running yet: "
	case "$out" in *"Next run: at most"*) fail "a cap in the plan: $out" ;; esac
	st --program walk-run --status --date 2026-11-27
	case "$out" in *"next run"*) fail "a cap beside the ladder: $out" ;; esac
	st --program maintenance --status --date 2026-11-27
	expect_out_has "next run <= 5.5 km"
}

test_status_is_read_only() {
	command -v strace >/dev/null || { echo "strace missing: skipped"; return 0; }
	sample
	cp h.tsv before.tsv
	strace -f -o trace.txt -e trace=open,openat,creat,flock,rename,unlink,unlinkat,mkdir,truncate,ftruncate \
		"$TALUS" --programs "$PROGRAMS" --history-file h.tsv --status --date 2026-11-25 >/dev/null
	grep -E 'O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|flock|rename|unlink|mkdir|truncate|creat\(' trace.txt &&
		fail "--status wrote, locked or made something"
	cmp -s h.tsv before.tsv || fail "the history changed"
	[ ! -e h.tsv.lock ] || fail "a lock file was made"
	true
}

test_status_with_a_broken_config_says_so() {
	mkdir -p "$XDG_CONFIG_HOME/talus"
	echo 'color = loud' >"$XDG_CONFIG_HOME/talus/talus.conf"
	talus --status
	expect_status 2
}

# ---- the reminder ----

# Two programs (README "Strength and running side by side"): ankle-foundations Mon/Wed
# (its Friday left out before Saturday's long run), return-to-run Tue and Sun (its
# Friday moved to Sun). No history: both at level 1.
two_programs() {
	mkdir -p "$XDG_CONFIG_HOME/talus"
	printf 'also "return-to-run" {\n  days = {tue, fri}\n}\nrun-days = {tue, thu, sat}\nlong-run-day = sat\n' \
		>"$XDG_CONFIG_HOME/talus/talus.conf"
}

test_status_session_of_the_second_program() {
	two_programs
	# hops 48 h after heavy calf work (rehab.md): Tue, after Monday's, moved to Sun;
	# Fri, a heavy calf day, left out
	st --status --date 2026-11-29 # Sun: return-to-run's day only
	expect_status 0
	expect_out "talus: session 15 min"
	st --status --date 2026-11-22 --format '%s %p %l'
	expect_out "15 min return-to-run 1/6"
	st --status --date 2026-11-24 --format '%s'
	expect_out ""
	st --status --date 2026-11-27 # Fri: strength only
	expect_out "talus: session 23 min"
	st --status --date 2026-11-23 --format '%s %p'
	expect_out "23 min ankle-foundations"
	# a session of the first program done today does not answer for the second (not
	# hops: they never share a day with heavy calf work)
	printf 'also "maintenance" {\n  days = {mon}\n}\n' >"$XDG_CONFIG_HOME/talus/talus.conf"
	printf '# talus history v1\n2026-11-23T07:30:00+01:00\tstart\tsession=20261123T073000-1234\tprogram=ankle-foundations\tlevel=1\tplanned=6\n2026-11-23T07:51:00+01:00\tend\tsession=20261123T073000-1234\tstatus=done\tpain-during=2\tpain-after=1\tsecs=1260\n' >h.tsv
	st --status --date 2026-11-23 --format '%s %p'
	expect_out "17 min maintenance"
}

units() { echo "$XDG_CONFIG_HOME/systemd/user/talus-reminder.$1"; }

fake_systemctl() { # a systemctl that records being called: the tests must never run it
	mkdir -p bin
	printf '#!/bin/sh\necho "$@" >>%s/systemctl-called\n' "$PWD" >bin/systemctl
	chmod +x bin/systemctl
	export PATH="$PWD/bin:$PATH"
}

test_reminder_installs_a_timer_on_training_days() {
	fake_systemctl
	mkdir -p "$XDG_CONFIG_HOME/talus"
	printf 'reminder-time = "07:45"\ndays = {tue, thu, sat}\n' >"$XDG_CONFIG_HOME/talus/talus.conf"
	talus --programs "$PROGRAMS" --install-reminder
	expect_status 0
	expect_out_has "systemctl --user enable --now talus-reminder.timer"
	grep -qx 'OnCalendar=Tue,Thu,Sat \*-\*-\* 07:45:00' "$(units timer)" || fail "timer: $(cat "$(units timer)")"
	grep -qx 'Persistent=true' "$(units timer)" || fail "no Persistent"
	grep -qx 'WantedBy=timers.target' "$(units timer)" || fail "no WantedBy"
	grep -q "^ExecStart=/bin/sh -c 'line=\$\$($TALUS --programs $PROGRAMS --status" "$(units service)" ||
		fail "service: $(cat "$(units service)")"
	grep -q 'notify-send talus' "$(units service)" || fail "no notify-send"
	[ ! -e systemctl-called ] || fail "systemctl was called: $(cat systemctl-called)"
	# systemd's own check (as system units: a user manager may not run in a test)
	if command -v systemd-analyze >/dev/null; then
		systemd-analyze verify "$(units timer)" "$(units service)" >verify.txt 2>&1 ||
			fail "systemd-analyze verify: $(cat verify.txt)"
		systemd-analyze calendar 'Tue,Thu,Sat *-*-* 07:45:00' >/dev/null || fail "calendar"
	fi
	true
}

test_reminder_days_of_every_program_after_the_moves() {
	fake_systemctl
	two_programs
	talus --programs "$PROGRAMS" --install-reminder --date 2026-11-22
	expect_status 0
	expect_out_has "(Mon,Wed,Fri,Sun *-*-* 08:00:00)"
	grep -qx 'OnCalendar=Mon,Wed,Fri,Sun \*-\*-\* 08:00:00' "$(units timer)" || fail "timer: $(cat "$(units timer)")"
}

test_reminder_default_time_and_program_days() {
	unset XDG_CONFIG_HOME
	talus --programs "$PROGRAMS" --install-reminder
	expect_status 0
	t="$HOME/.config/systemd/user/talus-reminder.timer"
	grep -qx 'OnCalendar=Mon,Wed,Fri \*-\*-\* 08:00:00' "$t" || fail "timer: $(cat "$t")"
}

test_reminder_runs_status_when_executed() {
	mkdir -p "$XDG_CONFIG_HOME/talus"
	# every day a training day, no session yet: today's session is due whatever the date
	printf 'days = {mon, tue, wed, thu, fri, sat, sun}\n' >"$XDG_CONFIG_HOME/talus/talus.conf"
	printf '# talus history v1\n' >h.tsv
	chmod 600 h.tsv
	talus --programs "$PROGRAMS" --history-file h.tsv --install-reminder
	expect_status 0
	# the service's command as systemd would run it: $$ is $
	cmd=$(sed -n "s/^ExecStart=\/bin\/sh -c '\(.*\)'$/\1/p" "$(units service)" | sed 's/\$\$/$/g')
	mkdir -p bin
	printf '#!/bin/sh\necho "$*" >>%s/notified\n' "$PWD" >bin/notify-send
	chmod +x bin/notify-send
	PATH="$PWD/bin:$PATH" sh -c "$cmd" >/dev/null || fail "the service's command failed"
	grep -q '^talus talus: session [0-9]* min$' notified || fail "notified: $(cat notified 2>&1)"
	# without notify-send it still succeeds, and says the line on its output (the journal)
	out=$(PATH=/usr/bin:/bin sh -c "$cmd") || fail "failed without notify-send"
	expect_out_has "talus: session"
}

test_reminder_remove_undoes_it() {
	talus --programs "$PROGRAMS" --install-reminder
	mkdir -p "$XDG_CONFIG_HOME/systemd/user/timers.target.wants"
	ln -s "$(units timer)" "$XDG_CONFIG_HOME/systemd/user/timers.target.wants/talus-reminder.timer"
	talus --remove-reminder
	expect_status 0
	[ ! -e "$(units timer)" ] && [ ! -e "$(units service)" ] || fail "units left"
	[ ! -L "$XDG_CONFIG_HOME/systemd/user/timers.target.wants/talus-reminder.timer" ] || fail "link left"
	talus --remove-reminder
	expect_status 0
	expect_out_has "No reminder installed"
}

test_reminder_leaves_a_file_not_its_own() {
	mkdir -p "$XDG_CONFIG_HOME/systemd/user"
	echo "[Timer]" >"$(units timer)"
	talus --programs "$PROGRAMS" --install-reminder
	expect_status 2
	[ "$(cat "$(units timer)")" = "[Timer]" ] || fail "the runner's file was overwritten"
	talus --remove-reminder
	expect_status 2
	[ -e "$(units timer)" ] || fail "the runner's file was removed"
}

test_reminder_refuses_a_path_with_spaces() {
	mkdir -p "a dir"
	talus --programs "$PROGRAMS" --history-file "a dir/h.tsv" --install-reminder
	expect_status 2
	[ ! -e "$(units service)" ] || fail "a service was written"
}

# ---- --plan --ics ----

ics_check() { # file, python checks on cal (the parsed calendar) and events
	"$PY" - "$1" <<PYEOF || fail "icalendar: $(cat py.err 2>/dev/null)"
import sys, icalendar
data = open(sys.argv[1], 'rb').read()
cal = icalendar.Calendar.from_ical(data)
events = [c for c in cal.walk('VEVENT')]
$2
PYEOF
}

test_ics_one_event_per_training_day() {
	command -v "$PY" >/dev/null && "$PY" -c 'import icalendar' 2>/dev/null ||
		{ echo "python3-icalendar missing: skipped"; return 0; }
	sample
	st --plan --weeks 2 --date 2026-11-23 --ics cal.ics
	expect_status 0
	expect_out ""
	ics_check cal.ics '
import datetime
assert len(events) == 6, len(events)
days = [e.decoded("dtstart") for e in events]
assert days[0] == datetime.date(2026, 11, 23) and days[-1] == datetime.date(2026, 12, 4), days
for e in events:
    assert e.decoded("dtend") - e.decoded("dtstart") == datetime.timedelta(days=1)
    assert str(e["uid"]).endswith("-ankle-foundations@talus"), e["uid"]
    d = str(e["description"])
    assert "main: Double-leg calf raise, " in d, d
    assert "\n" in d
assert "level 1 of 8" in str(events[0]["summary"]), events[0]["summary"]
assert len(set(str(e["uid"]) for e in events)) == 6'
	# lines: CRLF, at most 75 octets
	if grep -c $'\r$' cal.ics | grep -qx "$(wc -l <cal.ics)"; then :; else fail "not every line ends in CRLF"; fi
	awk '{ sub(/\r$/, ""); if (length($0) > 75) exit 1 }' LC_ALL=C cal.ics || fail "a line over 75 octets"
}

test_ics_uids_are_stable() {
	sample
	st --plan --date 2026-11-23 --format ics
	expect_status 0
	grep UID <<<"$out" >a
	st --plan --date 2026-11-23 --format ics
	grep UID <<<"$out" >b
	cmp -s a b || fail "UIDs changed"
	expect_out_has $'UID:20261123-ankle-foundations@talus\r'
}

test_ics_events_of_each_program() {
	two_programs
	st --plan --date 2026-11-22 --format ics
	expect_status 0
	got=$(grep -E '^(UID|SUMMARY)' <<<"$out" | tr -d '\r' | head -6)
	want='UID:20261122-return-to-run@talus
SUMMARY:Return to run\, level 1 of 6\, about 15 min
UID:20261123-ankle-foundations@talus
SUMMARY:Ankle foundations\, level 1 of 8\, about 23 min
UID:20261125-ankle-foundations@talus
SUMMARY:Ankle foundations\, level 1 of 8\, about 23 min'
	[ "$got" = "$want" ] || fail "events: $got"
	# hops at level 1: no run events and no cap, the reason instead (rehab.md)
	unfolded=$(tr -d '\r' <<<"$out" | sed ':a;N;$!ba;s/\n //g')
	case "$unfolded" in *"No running yet: return-to-run first"*) ;; *) fail "no reason: $out" ;; esac
	case "$unfolded" in *"-long-run@talus"*|*[0-9]"-run@talus"*|*"Run cap"*) fail "runs before the hops: $out" ;; esac
}

test_ics_run_cap_on_impact_days() {
	command -v "$PY" >/dev/null && "$PY" -c 'import icalendar' 2>/dev/null ||
		{ echo "python3-icalendar missing: skipped"; return 0; }
	sample
	printf '2026-11-21T18:00:00+01:00\trun\tmetres=5000\n' >>h.tsv
	st --plan --date 2026-11-23 --ics cal.ics
	expect_status 0
	ics_check cal.ics '
for e in events:
    assert "Run cap: at most 5.5 km" in str(e["description"]), e["description"]'
}

# With a walk/run program on, each run day is an all-day event with the cap, its UID
# the date and "run" or "long-run"; none once running is not allowed yet.
test_ics_run_days_are_events() {
	command -v "$PY" >/dev/null && "$PY" -c 'import icalendar' 2>/dev/null ||
		{ echo "python3-icalendar missing: skipped"; return 0; }
	sample
	printf '2026-11-21T18:00:00+01:00\trun\tmetres=5000\n' >>h.tsv
	mkdir -p "$XDG_CONFIG_HOME/talus"
	# maintenance: past the walk/run ladder, free runs under the cap
	printf 'program = "maintenance"\nrun-days = {tue, thu, sat}\nlong-run-day = sat\n' \
		>"$XDG_CONFIG_HOME/talus/talus.conf"
	st --plan --weeks 2 --date 2026-11-23 --ics cal.ics
	expect_status 0
	ics_check cal.ics '
import datetime
runs = [e for e in events if str(e["uid"]).endswith("run@talus") and "walk" not in str(e["uid"])]
assert [str(e["uid"]) for e in runs] == ["20261124-run@talus", "20261126-run@talus",
    "20261128-long-run@talus", "20261201-run@talus", "20261203-run@talus",
    "20261205-long-run@talus"], [str(e["uid"]) for e in runs]
for e in runs:
    assert isinstance(e.decoded("dtstart"), datetime.date) and not isinstance(e.decoded("dtstart"), datetime.datetime)
    assert e.decoded("dtend") - e.decoded("dtstart") == datetime.timedelta(days=1)
    assert "at most 5.5 km" in str(e["summary"]), e["summary"]
assert str(runs[2]["summary"]) == "Long run, at most 5.5 km", runs[2]["summary"]
assert str(runs[0]["summary"]) == "Run, at most 5.5 km", runs[0]["summary"]
assert len(set(str(e["uid"]) for e in events)) == len(events)'
	st --plan --weeks 2 --date 2026-11-23 --format ics
	grep UID <<<"$out" >a
	st --plan --weeks 2 --date 2026-11-23 --format ics
	grep UID <<<"$out" | cmp -s a - || fail "UIDs changed"
}

test_ics_never_overwrites_the_history_or_another_file() {
	sample
	cp h.tsv before.tsv
	st --plan --ics h.tsv
	expect_status 2
	cmp -s h.tsv before.tsv || fail "the history was overwritten"
	echo "my notes" >notes.txt
	st --plan --ics notes.txt
	expect_status 2
	[ "$(cat notes.txt)" = "my notes" ] || fail "notes.txt overwritten"
	mkfifo fifo
	st --plan --ics fifo
	expect_status 2
	st --plan --ics cal.ics && st --plan --ics cal.ics
	expect_status 0
}

test_ics_bad_format() {
	sample
	st --plan --format pdf
	expect_status 2
	expect_err "talus: --plan takes --format ics, got 'pdf'"
	st --list --format ics
	expect_status 2
}

# ---- --report ----

twelve_weeks() { TALUS=$TALUS bash "$SRCDIR/tests/data/report-history.sh" h.tsv "$PROGRAMS"; }

test_report_twelve_weeks_fit_a_page() {
	twelve_weeks
	st --report --date 2026-11-22
	expect_status 0
	expect_err ""
	expect_golden report.txt
	[ "$(printf '%s\n' "$out" | wc -l)" -le 66 ] || fail "more than 66 lines"
	printf '%s\n' "$out" | awk 'length > 80 { exit 1 }' || fail "a line over 80 columns"
}

test_report_markdown() {
	twelve_weeks
	st --report --format md --date 2026-11-22
	expect_status 0
	expect_golden report.md
}

# A walk/run session's run follows its ladder: never "over the cap" of free runs.
test_report_walk_run_is_never_over_the_cap() {
	printf '%s\n' $'2026-11-17T08:00:00Z\trun\tmetres=3219\tsecs=1800' \
		$'2026-11-19T08:00:00Z\trun\tmetres=4023\tsecs=2400\tpain-during=0\tsession=s1\tnote=walk/run: walk-run-distance level 6' >h.tsv
	st --report --date 2026-11-22
	expect_status 0
	expect_out_has "Runs: 2, 0 over the cap on the day"
}

test_report_empty_history() {
	talus --programs "$PROGRAMS" --history-file none.tsv --report --date 2026-11-22
	expect_status 0
	expect_out_has "Pathway: no triage recorded"
	expect_out_has "Adherence: 0 of 0 planned sessions done"
	[ ! -e none.tsv ] || fail "--report made the history"
}

# One session, done on a Tuesday (ankle-foundations trains Mon, Wed, Fri), the first
# day of all: the day it was done was planned, never "1 of 0".
test_report_session_on_a_rest_day_counts_as_planned() {
	printf '# talus history v1\n2026-11-24T07:30:00+01:00\tstart\tsession=20261124T073000-1234\tprogram=ankle-foundations\tlevel=1\tplanned=6\n2026-11-24T07:51:00+01:00\tend\tsession=20261124T073000-1234\tstatus=done\tpain-during=2\tpain-after=1\tsecs=1260\n' >one.tsv
	talus --programs "$PROGRAMS" --history-file one.tsv --report --date 2026-11-24
	expect_status 0
	expect_out_has "Adherence: 1 of 1 planned sessions done (100%)"
	# the week's row too
	expect_out_has "2026-11-23  1/1"
}

test_report_bad_format() {
	talus --programs "$PROGRAMS" --report --format html
	expect_status 2
	expect_err "talus: --report takes --format md or text, got 'html'"
}

run_tests
