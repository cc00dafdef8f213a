#!/usr/bin/env bash
# The coach in a real terminal: tmux runs the binary, send-keys types, capture-pane
# reads the screen; the history file is checked after each scenario. Programs of a few
# seconds (tests/data/programs) keep the whole suite short.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/tmux.sh"

TINY="$SRCDIR/tests/data/programs"
DATE=2026-11-23

# start [WxH] [talus args...]: the coach on the tiny program
start() {
	local size=80x24
	case "${1:-}" in [0-9]*x[0-9]*) size=$1; shift ;; esac
	run_in_tmux "$size" "'$TALUS' --programs '$TINY' --program tiny --date $DATE ${TRACE:+--trace $TRACE} $*"
}

count() { grep -c "$1" "$(hist)"; }

# After a signal to the coach in_a_shell started: its exit status, the terminal's modes
# as they were, and the session saved as interrupted.
saved_as_interrupted_with() { # status
	for _ in $(seq 50); do [ -s after ] && break; sleep 0.1; done
	[ "$(cat status)" = "$1" ] || fail "exit status $(cat status), want $1"
	cmp -s before after || fail "terminal modes differ: $(diff before after)"
	grep -q $'\tend\t.*status=interrupted' "$(hist)" || fail "not recorded as interrupted: $(cat "$(hist)")"
}

# The coach started from a shell in tmux, which records around it the terminal's modes
# (before, after), its exit status (status) and what it said on stderr (stderr).
in_a_shell() {
	after_test
	tm -f /dev/null new-session -d -s t -x 80 -y 24 \
		"cd '$PWD'; stty -a >before; env HOME='$HOME' XDG_DATA_HOME='$XDG_DATA_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' TERM=xterm-256color '$TALUS' --programs '$TINY' --program tiny --date $DATE 2>stderr; echo \$? >status; stty -a >after; sleep 30"
}

test_whole_session() {
	start
	wait_for "talus is a coach, not a diagnosis."
	keys Enter # the note is longer than the screen: Enter reads on to its end first
	wait_for "The coach asks, and adjusts."
	keys Enter
	wait_for "Today is a training day."
	wait_for "Circles"
	keys Enter
	wait_for "press Enter when done"
	keys Enter
	wait_for "UP  1/2"
	wait_for "light band"
	wait_for "set 1 of 1  LEFT" 15
	wait_for "SWITCH TO THE RIGHT SIDE"
	wait_for "How much did the ankle hurt during the session?" 
	keys 3 Enter
	wait_for "How much does it hurt now?"
	keys 2 Enter
	wait_for "A note for today (optional):"
	keys "sore heel" Enter
	wait_for "Session done."
	wait_for "Sets: 5 of 5."
	wait_for "Pain during: 3.  Pain now: 2."
	wait_for "Next session: Wed 25 Nov."
	wait_for "Level 1 of 2: 1 more session with pain <= 3, settled by"
	keys x
	wait_exit
	[ "$(pane_status)" = "1 0" ] || fail "exit: $(pane_status)"
	[ "$(count $'\tsafety')" = 1 ] || fail "safety not recorded once"
	[ "$(count $'\tset\t')" = 5 ] || fail "sets: $(cat "$(hist)")"
	grep -q $'\tstart\t.*program=tiny\tlevel=1\tplanned=5$' "$(hist)" || fail "start record"
	grep -q $'^2026-11-23T.*\tend\t.*status=done\tpain-during=3\tpain-after=2\tsecs=[0-9]*\tnote=sore heel$' "$(hist)" ||
		fail "end record: $(tail -n 1 "$(hist)")"
	grep -q $'exercise=balance\tside=right\tset=1\ttarget=2\tsecs=2' "$(hist)" || fail "right side set"
}

test_safety_note_only_the_first_time() {
	acknowledged
	start
	wait_for "Today is a training day."
	screen | grep -q "not a diagnosis" && fail "safety note shown again"
	keys q
	wait_exit
}

test_pause_and_resume() {
	acknowledged
	start
	wait_for "Today is a training day."
	keys Enter
	wait_for "press Enter when done"
	local t0 t1 before after secs
	t0=$(date +%s)
	keys Enter
	wait_for "Raise"
	keys Space
	wait_for "PAUSED: Space resumes"
	before=$(screen | grep -E "UP|HOLD|DOWN|GET READY")
	sleep 3
	after=$(screen | grep -E "UP|HOLD|DOWN|GET READY")
	[ "$before" = "$after" ] || fail "the clock moved while paused: [$before] [$after]"
	keys Space
	sleep 0.5
	screen | grep -q "PAUSED" && fail "still paused"
	keys S S
	wait_for "How much did the ankle hurt"
	t1=$(date +%s)
	answers - -
	wait_for "Session done."
	keys x
	wait_exit
	secs=$(grep $'\tend\t' "$(hist)" | sed 's/.*\tsecs=\([0-9]*\).*/\1/')
	[ "$secs" -le $((t1 - t0 - 2)) ] || fail "paused time counted: secs=$secs of $((t1 - t0)) s"
	grep -q $'\tend\t.*status=done\tsecs=' "$(hist)" || fail "skipped pain ratings were written: $(tail -n 1 "$(hist)")"
}

test_skip_and_back() {
	acknowledged
	start
	wait_for "Today is a training day."
	keys Enter
	wait_for "press Enter when done"
	keys S
	wait_for "Raise"
	wait_for "UP  1/2"
	keys s
	wait_for "REST"
	keys b
	wait_for "UP  1/2"
	keys S
	wait_for "Balance"
	keys S
	wait_for "How much did the ankle hurt" 5
	answers - -
	wait_for "Session done."
	keys x
	wait_exit
	[ "$(count $'\tskip\t')" = 3 ] || fail "skips: $(cat "$(hist)")"
	[ "$(count $'\tset\t')" = 0 ] || fail "a skipped set was saved: $(cat "$(hist)")"
}

test_help_overlay() {
	acknowledged
	start
	wait_for "Today is a training day."
	keys Enter
	wait_for "press Enter when done"
	keys '?'
	wait_for "skip this step (a rest, a countdown, or the set)"
	wait_for "15 s more rest"
	wait_for "PAUSED: Space resumes"
	keys x
	sleep 0.3
	screen | grep -q "PAUSED" && fail "closing the help did not resume"
	sleep 0.3
	screen | grep -q "skip the rest of this exercise" && fail "help did not close"
	keys q
	wait_for "Quit this session?"
	keys y
	wait_for "How much did the ankle hurt"
}

test_quit_keeps_what_was_done() {
	acknowledged
	start
	wait_for "Today is a training day."
	keys Enter
	wait_for "press Enter when done"
	keys Enter
	wait_for "Raise"
	keys q
	wait_for "Quit this session? What is done is kept."
	keys n
	sleep 0.2
	screen | grep -q "Quit this session" && fail "n did not carry on"
	keys q
	wait_for "Quit this session?"
	keys y
	wait_for "How much did the ankle hurt during the session?"
	answers 6 4
	flags_all_no # quit with pain above 5: the red flags are asked
	wait_for "No red flags reported."
	keys Enter
	wait_for "Session stopped."
	keys x
	wait_exit
	grep -q $'\tend\t.*status=quit\tpain-during=6\tpain-after=4' "$(hist)" || fail "end: $(tail -n 1 "$(hist)")"
	[ "$(count $'\tset\t')" = 1 ] || fail "sets kept: $(cat "$(hist)")"
}

test_kill_9_then_resume() {
	acknowledged
	start
	wait_for "Today is a training day."
	keys Enter
	wait_for "press Enter when done"
	keys Enter
	wait_for "REST" 5
	kill -9 "$(talus_pid)"
	wait_exit
	grep -q $'\tend\t' "$(hist)" && fail "an end record after kill -9"
	[ "$(count $'\tset\t')" = 2 ] || fail "sets saved before the kill: $(cat "$(hist)")"
	local id
	id=$(grep $'\tstart\t' "$(hist)" | sed 's/.*session=\([^\t]*\).*/\1/')
	start
	wait_for "Today's session stopped before Raise, set 2."
	keys y
	wait_for "set 2 of 2"
	wait_for "UP  1/2"
	wait_for "Balance  " 10
	keys S
	wait_for "How much did the ankle hurt"
	answers - -
	wait_for "Session done."
	keys x
	wait_exit
	[ "$(count $'\tstart\t')" = 1 ] || fail "resume wrote a second start"
	[ "$(count $'\tset\t')" = 3 ] || fail "sets after resume: $(cat "$(hist)")"
	grep -q $'\tend\tsession='"$id"$'\tstatus=done' "$(hist)" || fail "end not in the same session: $(tail -n 1 "$(hist)")"
}

test_sigterm_restores_the_terminal() {
	acknowledged
	in_a_shell
	wait_for "Today is a training day."
	keys Enter
	wait_for "press Enter when done"
	kill -TERM "$(pgrep -P "$(tm display -p -t t '#{pane_pid}')")"
	saved_as_interrupted_with 143
}

test_sighup_and_sigint() {
	acknowledged
	start
	wait_for "Today is a training day."
	keys Enter
	wait_for "press Enter when done"
	kill -HUP "$(talus_pid)"
	wait_exit
	[ "$(pane_status)" = "1 129" ] || fail "SIGHUP exit: $(pane_status)"
	start
	wait_for "Resume where it stopped?"
	keys n
	wait_for "Today is a training day."
	keys Enter
	wait_for "press Enter when done"
	keys C-c
	wait_exit
	[ "$(pane_status)" = "1 130" ] || fail "SIGINT exit: $(pane_status)"
	[ "$(count 'status=interrupted')" = 2 ] || fail "interrupted sessions: $(cat "$(hist)")"
}

test_sigquit_saves_and_restores_the_terminal() {
	acknowledged
	in_a_shell
	wait_for "Today is a training day."
	keys Enter
	wait_for "press Enter when done"
	keys 'C-\'
	saved_as_interrupted_with 131
}

test_ctrl_c_says_how_to_resume() {
	acknowledged
	in_a_shell
	wait_for "Today is a training day."
	keys Enter
	wait_for "press Enter when done"
	keys C-c
	for _ in $(seq 50); do [ -s status ] && break; sleep 0.1; done
	[ "$(cat status)" = 130 ] || fail "exit status $(cat status), want 130"
	[ "$(cat stderr)" = "talus: stopped; the sets done are saved. Run talus again today to resume." ] ||
		fail "stderr: $(cat stderr)"
}

# Ctrl-S is XOFF: with flow control on, the screen would stop while the timer runs on.
test_ctrl_s_does_not_freeze_the_screen() {
	acknowledged
	start
	wait_for "Today is a training day."
	keys Enter
	wait_for "press Enter when done"
	keys Enter
	wait_for "Raise"
	keys C-s
	wait_for "Balance  " 15
	keys C-q q y
	wait_for "How much"
}

test_paste_is_one_note() {
	acknowledged
	start
	wait_for "Today is a training day."
	keys Enter
	wait_for "press Enter when done"
	keys q y
	wait_for "How much did the ankle hurt"
	keys 2 Enter
	wait_for "How much does it hurt now?"
	keys Escape # passed over: the summary shows no number for it
	wait_for "A note for today (optional):"
	tm set-buffer -b p $'calf tight\nthen fine\necho INJECTED'
	tm paste-buffer -p -b p -t t
	wait_for "calf tight then fine echo INJECTED"
	screen | grep -q "A note for today" || fail "the paste left the note: $(screen)"
	keys Enter
	wait_for "Session stopped."
	wait_for "Pain during: 2.  Pain now: -."
	keys x
	wait_exit
	grep -q $'\tnote=calf tight then fine echo INJECTED$' "$(hist)" || fail "note: $(tail -n 1 "$(hist)")"
}

test_lines_and_columns_from_the_environment_are_ignored() {
	acknowledged
	EXTRA_ENV="LINES=8 COLUMNS=30" start
	wait_for "Today is a training day."
	screen | grep -q "too small" && fail "LINES and COLUMNS overrode the window"
	keys q
	wait_exit
}

# Closing the window at the pain question after every set was done: it was done.
test_hangup_after_the_last_set_keeps_it_done() {
	acknowledged
	start
	wait_for "Today is a training day."
	keys Enter
	wait_for "press Enter when done"
	keys Enter
	wait_for "How much did the ankle hurt during the session?" 20
	keys 3 Enter
	wait_for "How much does it hurt now?"
	kill -HUP "$(talus_pid)"
	wait_exit
	grep -q $'\tend\t.*status=done\tpain-during=3\tsecs=' "$(hist)" || fail "end: $(tail -n 1 "$(hist)")"
}

# Enter pressed twice, or a key held down, must not answer a question nobody saw.
test_keys_typed_ahead_answer_nothing() {
	acknowledged
	start
	wait_for "Today is a training day."
	keys Enter
	wait_for "press Enter when done"
	keys q y Enter Enter 5 Enter
	wait_for "How much did the ankle hurt during the session?"
	sleep 0.5
	screen | grep -q "How much did the ankle hurt during the session?" || fail "typed-ahead keys answered: $(screen)"
	screen | grep -q '\[[0-9]*\]' && fail "a rating is chosen already: $(screen)"
	keys Enter # nothing chosen: Enter alone answers nothing
	sleep 0.3
	screen | grep -q "How much did the ankle hurt during the session?" || fail "Enter answered with nothing chosen"
	answers - -
	wait_for "Session stopped."
	grep -q $'\tend\t.*status=quit\tsecs=' "$(hist)" || fail "end: $(tail -n 1 "$(hist)")"
	if grep -q 'pain-' "$(hist)"; then fail "a rating was recorded: $(tail -n 1 "$(hist)")"; fi
}

test_reps_typed_for_a_set_you_end() {
	acknowledged
	start
	wait_for "Today is a training day."
	keys Enter
	wait_for "2 reps: press Enter when done"
	keys 1 3 BSpace
	wait_for "1 reps done: Enter saves"
	keys Enter
	wait_for "Raise"
	keys q y
	answers - -
	wait_for "Session stopped."
	grep -q $'\tset\t.*exercise=circles\tset=1\treps=1\ttarget=2\t' "$(hist)" || fail "set: $(grep $'\tset\t' "$(hist)")"
}

test_resize() {
	acknowledged
	start
	wait_for "Today is a training day."
	keys Enter
	wait_for "press Enter when done"
	tm resize-window -t t -x 40 -y 12
	wait_for "press Enter when done"
	screen | grep -q "exercise \[" && fail "bars shown at 40x12"
	tm resize-window -t t -x 20 -y 5
	wait_for "set 1 of 1"             # the smallest size that works: the set and its clock
	wait_for "0:"
	screen | grep -q "too small" && fail "20x5 said too small"
	tm resize-window -t t -x 19 -y 4
	wait_for "Terminal too small"
	tm resize-window -t t -x 80 -y 24
	wait_for "session  ["
	keys Enter
	wait_for "Raise"
	keys q y
	wait_for "How much"
}

test_no_color() {
	acknowledged
	EXTRA_ENV="NO_COLOR=1" start
	wait_for "Today is a training day."
	tm capture-pane -e -p -t t | grep -q $'\033\[[0-9;]*3[0-7]m' && fail "colour codes with NO_COLOR"
	keys q
	wait_exit
	start
	wait_for "Today is a training day."
	tm capture-pane -e -p -t t | grep -q $'\033\[[0-9;]*3[0-7]m' || fail "no colour without NO_COLOR"
}

test_not_a_terminal() {
	talus --programs "$TINY" --program tiny </dev/null
	expect_status 2
	expect_err "talus: the coach needs a terminal on standard input and output; for a pipe or a printer use talus --plan"
	TERM=dumb script -qec "'$TALUS' --programs '$TINY' --program tiny" /dev/null >out.txt 2>&1
	grep -q "talus: the coach needs a screen terminal (TERM is 'dumb'); use talus --plan instead" out.txt ||
		fail "TERM=dumb: $(cat out.txt)"
	TERM=no-such-terminal script -qec "'$TALUS' --programs '$TINY' --program tiny" /dev/null >out.txt 2>&1
	grep -q "talus: unknown terminal type 'no-such-terminal'; use talus --plan instead" out.txt ||
		fail "unknown TERM: $(cat out.txt)"
}

test_rest_day_offers_the_session() {
	acknowledged
	start --date 2026-11-24
	wait_for "Today is a rest day; the next session is Wed 25 Nov. Enter trains anyway."
	keys q
	wait_exit
}

history_with() { # lines appended after the header and the safety note
	acknowledged
	printf '%b' "$1" >>"$(hist)"
}

answer_no_red_flags() { # each red-flag question of a round answered no, one at a time
	# (on a small screen the bar says "Down reads on" until the question's end shows)
	local i
	for _ in $(seq 60); do
		for ((i = 0; i < 30; i++)); do
			screen | grep -qE "Down reads on|y yes" && break
			sleep 0.1
		done
		if screen | grep -qF "Down reads on"; then
			keys NPage
		elif screen | grep -qF "y yes"; then
			keys n
		else
			return 0
		fi
		sleep 0.3
	done
}

test_triage_at_40x12() {
	history_with '2026-11-01T08:00:00+00:00\tsafety\n'
	start 40x12 --triage
	wait_for "Question 1 of 5"
	wait_for "Which ankle is sore?"
	keys 2
	wait_for "How did it start?"
	keys 2 # a key typed before the next question shows is dropped: one at a time
	wait_for "How long ago"
	keys 2
	wait_for "Where does it hurt most?"
	keys Down Down Enter # the tendon above the heel
	wait_for "Does the ankle give way"
	keys 2
	answer_no_red_flags
	wait_for "Your answers point to:"
	wait_for "Midportion"
	keys Enter
	wait_for "Enter start"
	keys q
	wait_exit
	grep -q $'\ttriage\tsore=right\tonset=gradual\tsince=3-weeks-to-3-months\twhere=midportion\tgives-way=no\tpathway=midportion-achilles\tprogram=tiny$' "$(hist)" ||
		fail "no triage record: $(cat "$(hist)")"
}

# The first start with the shipped programs: no --program, the triage asked after the
# safety note, and the program of the chosen pathway coached at once.
test_first_start_triage_picks_the_program() {
	history_with '' # the safety note read, no session yet
	run_in_tmux 80x24 "'$TALUS' --programs '$PROGRAMS' --date $DATE"
	wait_for "Which ankle is sore?"
	for k in 1 2 4 1 2; do # left, gradual, over a year, the insertion, no giving way
		keys $k
		sleep 0.3
	done
	answer_no_red_flags
	wait_for "Your answers point to: Insertional Achilles tendon pain."
	keys Enter
	wait_for "Achilles, insertional"
	screen | grep -qi "step" && fail "an insertional runner is given step work: $(screen)"
	keys q
	wait_exit
	grep -q $'\ttriage\tsore=left\t.*\tpathway=insertional-achilles\tprogram=achilles-insertional$' "$(hist)" ||
		fail "no triage record: $(cat "$(hist)")"
}

test_morning_check_in() {
	history_with '2026-11-22T18:00:00+00:00\tstart\tsession=y\tprogram=tiny\tlevel=1\tplanned=5\n2026-11-22T18:10:00+00:00\tend\tsession=y\tstatus=done\tpain-during=2\tpain-after=2\n'
	start
	wait_for "ankle feel" # greeted by the time of day it is now
	wait_for "this morning?"
	keys 2 Enter
	wait_for "Today is a training day."
	keys q
	wait_exit
	# with the hours since the session ended (the time of day is now's)
	grep -Eq $'^2026-11-23T.*\tmorning\tpain=2\thours=[0-9]+$' "$(hist)" || fail "no morning record: $(cat "$(hist)")"
	start
	wait_for "Today is a training day."
	screen | grep -q "this morning?" && fail "asked twice in one morning"
	keys q
	wait_exit
}

# Every red-flag question answered n, each once it shows.
flags_all_no() {
	local i
	for i in 1 2 3 4 5 6 7 8; do
		wait_for "Question $i of 8." || return
		keys n
	done
}

# A session rated 8 yesterday: after the morning question the coach asks the red
# flags; y to the rupture question (the third) shows the same-day stop screen, and
# only leaving follows. Each answer is in the history.
test_red_flag_yes_stops() {
	history_with '2026-11-22T18:00:00+00:00\tstart\tsession=y\tprogram=tiny\tlevel=1\tplanned=5\n2026-11-22T18:10:00+00:00\tend\tsession=y\tstatus=done\tpain-during=8\tpain-after=6\n'
	start
	wait_for "this morning?"
	keys 3 Enter
	wait_for "Question 1 of 8."
	wait_for "You rated the pain 8 in yesterday's session."
	keys n
	wait_for "Question 2 of 8."
	keys n
	wait_for "Question 3 of 8."
	wait_for "rise on tiptoe."
	keys y
	wait_for "Be seen today:"
	wait_for "Achilles tendon rupture"
	wait_for "q leave talus"
	keys Enter
	sleep 0.3
	screen | grep -q "Today is a training day." && fail "a session offered after a yes"
	keys q
	wait_exit
	for rec in 'flag=crack\tanswer=no' 'flag=infection\tanswer=no' 'flag=rupture\tanswer=yes'; do
		grep -q $'^2026-11-23T.*\tred-flag\t'"$(printf "$rec")"$'\ttrigger=severe$' "$(hist)" ||
			fail "no record $rec: $(cat "$(hist)")"
	done
	[ "$(count $'\tred-flag\t')" = 3 ] || fail "red-flag records: $(cat "$(hist)")"
	[ "$(count $'\tstart\t')" = 1 ] || fail "a session was started: $(cat "$(hist)")"
}

# The first time, Enter reads on through the safety note before it acknowledges it.
test_safety_note_read_whole_before_acknowledged() {
	local i
	start 40x12
	wait_for "talus is a coach, not a diagnosis."
	keys Enter
	sleep 0.3
	[ -s "$(hist)" ] && grep -q $'\tsafety' "$(hist)" && fail "acknowledged before its end"
	screen | grep -q "I have read" || fail "the note closed at its first page: $(screen)"
	for i in $(seq 30); do
		screen | grep -q "Today is a training day." && break
		keys Enter
		sleep 0.2
	done
	wait_for "Today is a training day."
	keys q
	wait_exit
	[ "$(count $'\tsafety')" = 1 ] || fail "safety not recorded once"
}

test_start_screen_shows_the_safety_note_again() {
	acknowledged
	start
	wait_for "Today is a training day."
	keys s
	wait_for "talus is a coach, not a diagnosis."
	keys x
	wait_for "Today is a training day."
	keys q
	wait_exit
	[ "$(count $'\tsafety')" = 1 ] || fail "the note read again was recorded"
}

test_red_flag_advice_once_per_episode() {
	history_with '2026-11-21T18:00:00+00:00\tstart\tsession=y\tprogram=tiny\tlevel=1\tplanned=5\n2026-11-21T18:10:00+00:00\tend\tsession=y\tstatus=done\tpain-during=9\tpain-after=7\n2026-11-22T07:00:00+00:00\tmorning\tpain=3\n'
	start
	flags_all_no
	wait_for "No red flags reported."
	wait_for "You rated the pain 9 in the session of Sat 21 Nov."
	keys Enter
	wait_for "Today is a training day."
	keys q
	wait_exit
	grep -q $'\tadvice\treason=severe$' "$(hist)" || fail "advice not recorded: $(cat "$(hist)")"
	start
	wait_for "Today is a training day."
	screen | grep -q "see a clinician" && fail "advice shown again"
	keys q
	wait_exit
}

test_entry_test_yes_moves_on() {
	# an easy session at the last level, its morning settled; a second one yesterday
	history_with '2026-11-19T08:00:00+00:00\tlevel\tprogram=tiny\tlevel=2\n2026-11-20T18:00:00+00:00\tstart\tsession=x\tprogram=tiny\tlevel=2\tplanned=5\n2026-11-20T18:10:00+00:00\tend\tsession=x\tstatus=done\tpain-during=1\tpain-after=1\n2026-11-21T07:00:00+00:00\tmorning\tpain=0\n2026-11-22T18:00:00+00:00\tstart\tsession=y\tprogram=tiny\tlevel=2\tplanned=5\n2026-11-22T18:10:00+00:00\tend\tsession=y\tstatus=done\tpain-during=1\tpain-after=1\n'
	start
	wait_for "this morning?" # its morning after decides: settled, the test comes next
	keys 0 Enter
	wait_for "Can you stand on one leg for 2 seconds?"
	keys y
	wait_for "Entry test passed: Tiny next, level 1, from your next visit."
	keys q
	wait_exit
	grep -q $'\ttest\tprogram=tiny\tnext=tiny-next\tanswer=yes$' "$(hist)" || fail "no test record"
	mkdir -p "$XDG_CONFIG_HOME/talus"
	printf 'program = "tiny"\n' >"$XDG_CONFIG_HOME/talus/talus.conf"
	talus --programs "$TINY" --plan --date $DATE
	expect_out_has "Tiny next (tiny-next): level 1 of 1"
}

# Two coaches on one history: the second says another is running and leaves, so the
# first's session is not resumed twice and the morning is recorded once.
# Several programs at once: both due today, the second offered after the first's summary.
test_two_programs_due_one_after_the_other() {
	acknowledged # and a triage that chose micro: the first of the two
	printf '2026-11-01T08:01:00+00:00\ttriage\tsore=left\tonset=gradual\tsince=3-weeks-to-3-months\twhere=midportion\tgives-way=no\tpathway=midportion-achilles\tprogram=micro\n' >>"$(hist)"
	mkdir -p "$XDG_CONFIG_HOME/talus"
	printf 'program = "tiny"\nalso "tiny-next" {\n  days = {mon}\n}\n' >"$XDG_CONFIG_HOME/talus/talus.conf"
	run_in_tmux 80x24 "'$TALUS' --programs '$TINY' --date $DATE"
	wait_for "Due today too: Tiny next, after this one."
	keys Enter
	wait_for "How much did the ankle hurt during the session?" 15
	keys 1 Enter
	wait_for "How much does it hurt now?"
	keys 1 Enter
	wait_for "A note for today (optional):"
	keys Enter
	wait_for "Session done."
	wait_for "Due today too: Tiny next. Its start screen comes next"
	keys x
	wait_for "Tiny next  level 1 of 1"
	wait_for "Today is a training day."
	screen | grep -q "Due today too" && fail "a third program offered"
	keys q
	wait_exit
	[ "$(pane_status)" = "1 0" ] || fail "exit: $(pane_status)"
	[ "$(count $'\tstart\t')" = 1 ] || fail "starts: $(cat "$(hist)")"
	grep -q $'\tstart\t.*program=micro\tlevel=1' "$(hist)" || fail "start record: $(cat "$(hist)")"
}

# Only the other program is due today (a Tuesday): it is the one offered.
test_only_the_other_program_due() {
	acknowledged
	printf '2026-11-01T08:01:00+00:00\ttriage\tsore=left\tonset=gradual\tsince=3-weeks-to-3-months\twhere=midportion\tgives-way=no\tpathway=midportion-achilles\tprogram=tiny\n' >>"$(hist)"
	mkdir -p "$XDG_CONFIG_HOME/talus"
	printf 'also "tiny-next" {\n  days = {tue}\n}\n' >"$XDG_CONFIG_HOME/talus/talus.conf"
	run_in_tmux 80x24 "'$TALUS' --programs '$TINY' --date 2026-11-24"
	wait_for "Tiny next  level 1 of 1"
	wait_for "Today is a training day."
	screen | grep -q "Due today too" && fail "another program offered"
	keys q
	wait_exit
}

test_a_second_coach_refuses_to_start() {
	history_with '2026-11-22T18:00:00+00:00\tstart\tsession=y\tprogram=tiny\tlevel=1\tplanned=5\n2026-11-22T18:10:00+00:00\tend\tsession=y\tstatus=done\tpain-during=2\tpain-after=2\n'
	start
	wait_for "this morning?"
	env TERM=xterm-256color script -qec "'$TALUS' --programs '$TINY' --program tiny --date $DATE; echo status=\$?" /dev/null >second.txt 2>&1
	grep -q "talus: another talus is coaching a session from $(hist); finish or quit that one first" second.txt ||
		fail "second coach: $(cat second.txt)"
	grep -q "status=1" second.txt || fail "second coach status: $(cat second.txt)"
	keys 2 Enter
	wait_for "Today is a training day."
	keys q
	wait_exit
	[ "$(count $'\tmorning\t')" = 1 ] || fail "mornings: $(cat "$(hist)")"
	start # the first gone: the lock is free again
	wait_for "Today is a training day."
	keys q
	wait_exit
}

# Another process holding the history's lock never freezes the screen: the records wait
# and land when the lock is free.
test_a_held_lock_never_freezes_the_screen() {
	acknowledged
	start
	wait_for "Today is a training day."
	exec 9>>"$(hist)"
	flock 9
	keys Enter
	wait_for "press Enter when done"
	keys Enter
	wait_for "Raise"
	wait_for "another talus is writing the history"
	local a b moved=0
	for _ in 1 2 3 4; do
		a=$(screen)
		sleep 0.7
		b=$(screen)
		[ "$a" != "$b" ] && moved=$((moved + 1))
	done
	[ "$moved" -ge 3 ] || fail "the screen froze while the lock was held ($moved of 4)"
	grep -q $'\tstart\t' "$(hist)" && fail "written under another's lock"
	flock -u 9
	exec 9>&-
	for _ in $(seq 30); do grep -q $'\tset\t' "$(hist)" && break; sleep 0.1; done
	grep -q $'\tstart\t' "$(hist)" || fail "the start record never landed: $(cat "$(hist)")"
	grep -q $'\tset\t.*exercise=circles' "$(hist)" || fail "the set never landed: $(cat "$(hist)")"
	keys q y
	wait_for "How much"
}

# Records unsaved when the window closes are kept beside the history (the terminal is
# gone), said at the next start, and merged at the next save.
test_closed_window_keeps_unsaved_records() {
	acknowledged
	start
	wait_for "Today is a training day."
	exec 9>>"$(hist)"
	flock 9
	keys Enter
	wait_for "another talus is writing the history"
	tm kill-pane -t t
	local u
	u="$(hist).unsaved"
	for _ in $(seq 50); do [ -s "$u" ] && grep -q $'\tend\t' "$u" && break; sleep 0.1; done
	flock -u 9
	exec 9>&-
	grep -q $'\tstart\t' "$u" || fail "start not kept: $(cat "$u" 2>&1)"
	grep -q $'\tend\t.*status=interrupted' "$u" || fail "end not kept: $(cat "$u" 2>&1)"
	grep -q $'\tstart\t' "$(hist)" && fail "written under another's lock"
	talus --history-file "$(hist)" --csv
	expect_status 0
	expect_err "talus: $(hist): 2 records not saved last time are kept in $(hist).unsaved; they are added at the next save"
	talus --morning 1 --date 2026-11-16
	expect_status 0
	[ -e "$u" ] && fail "the .unsaved file is still there"
	[ "$(count $'\tstart\t')" = 1 ] || fail "start not merged once: $(cat "$(hist)")"
	[ "$(count $'\tend\t')" = 1 ] || fail "end not merged once: $(cat "$(hist)")"
	talus --history-file "$(hist)" --csv
	expect_err ""
}

# The runs screen from the start screen: a distance refused in the form, a run logged
# over the cap, nothing written before yes, the chart and the start screen's note anew.
test_runs_screen_logs_a_run() {
	acknowledged
	printf '2026-11-21T08:00:00+00:00\trun\tmetres=10000\tpain-during=1\tshoes=Pegasus\n' >>"$(hist)"
	printf '2026-11-22T07:00:00+00:00\tmorning\tpain=1\n' >>"$(hist)"
	start
	wait_for "Today is a training day."
	wait_for "r runs"
	keys r
	wait_for "Distance a week, the last 8 weeks:"
	wait_for "Next run: at most 11.0 km"
	keys l
	wait_for "Log a run:"
	keys 12x Enter
	wait_for "Distance: '12x' is not a distance"
	keys BSpace km Tab 1:00:00 Tab Right Right Tab Right Tab Right
	wait_for "Surface   road"
	keys Enter
	wait_for "Save this run?"
	wait_for "12.0 km against a cap of 11.0 km (9% over it)"
	grep -q 'metres=12000' "$(hist)" && fail "saved before the answer"
	keys y
	wait_for "Saved: a run of 12.0 km in 1:00:00 (5:00 /km), pain 1, in Pegasus, on road."
	wait_for "Next run: at most 12.1 km"
	grep -q $'\trun\tmetres=12000\tsecs=3600\tpain-during=1\tshoes=Pegasus\tsurface=road$' "$(hist)" ||
		fail "run record: $(tail -n 1 "$(hist)")"
	keys l
	wait_for "Log a run:"
	keys 5
	keys Escape
	wait_for "Pain during each run and the morning after:"
	keys Escape
	wait_for "Today is a training day."
	wait_for "Next run: at most 12.1 km (110% of your longest in 30 days)."
	keys q
	wait_exit
	[ "$(count $'\trun\t')" = 2 ] || fail "runs: $(cat "$(hist)")"
}

# Walk/run (tests/data/programs/walkrun.conf, intervals of seconds): the coach says WALK
# and RUN with the interval's number, and the session leaves a run record with its time;
# on a treadmill (--speed) its distance too, time x speed.
walk_run_session() { # [talus args...]
	acknowledged
	run_in_tmux 80x24 "'$TALUS' --programs '$TINY' --program walkrun --date $DATE $*"
	wait_for "Today is a training day."
	keys Enter
	wait_for "WALK 1 of 2"
	wait_for "RUN 1 of 2"
	wait_for "WALK 2 of 2"
	wait_for "RUN 2 of 2"
	wait_for "What was the worst the ankle hurt while you walked and ran?"
	keys 1 Enter
	wait_for "How much does it hurt now?"
	keys 1 Enter
	wait_for "A note for today (optional):"
	keys Enter
	wait_for "Session done."
	wait_for "Recorded as a run: "
	summary=$(screen | grep "Recorded as a run")
	keys x
	wait_exit
	[ "$(count $'\tset\t.*exercise=wr')" = 4 ] || fail "interval sets: $(cat "$(hist)")"
	grep -q $'\tend\t.*status=done' "$(hist)" || fail "no end record"
	session=$(sed -n 's/.*\tstart\tsession=\([^\t]*\).*/\1/p' "$(hist)")
	run=$(grep $'\trun\t' "$(hist)") || fail "no run record: $(cat "$(hist)")"
	case "$run" in *$'\tsession='"$session"*) ;; *) fail "run record not of the session: $run" ;; esac
	case "$run" in *$'\tpain-during=1'*) ;; *) fail "run record without the pain: $run" ;; esac
}

test_walk_run_session_records_a_run() {
	walk_run_session
	case "$run" in *$'\tmetres='*) fail "metres without a speed: $run" ;; esac
	case "$summary" in *"no distance without --speed"*) ;; *) fail "summary: $summary" ;; esac
	case "$run" in *$'\tsecs=1'[0-1]$'\t'*) ;; *) fail "run record's time: $run" ;; esac
}

test_walk_run_on_a_treadmill_records_its_distance() {
	walk_run_session --speed 8kmh
	case "$summary" in *"Recorded as a run: 0.0 km in 0:1"*) ;; *) fail "summary: $summary" ;; esac
	# the runs' 4 s at 8 km/h and the walks' 6 s at treadmill-walk-speed's 5 km/h: 16 m,
	# not the 22 m of all 10 s at 8 km/h
	case "$run" in *$'\tmetres=1'[5-8]$'\t'*) ;; *) fail "run record's distance: $run" ;; esac
	case "$run" in *$'\tsurface=treadmill'*) ;; *) fail "not on a treadmill: $run" ;; esac
}

run_tests
