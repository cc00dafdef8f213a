#!/usr/bin/env bash
# Spoken cues in a real terminal: a fake espeak-ng (tests/fake-speech.sh) on PATH logs
# what it is asked to say and when; the session's --trace says when each step began.
# The cues, their timing against the trace, that none overlaps, that nothing the
# command prints reaches the screen and that no child is left over. No sound card and
# no espeak-ng are needed.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/tmux.sh"

TINY="$SRCDIR/tests/data/programs"
DATE=2026-11-23
# design: a cue's speech starts within this of its step (the issue's 100 ms)
CUE_MS=100

# start [talus args...]: the coach on the tiny program, traced, with the fake speech
# command first on PATH as espeak-ng
start() {
	mkdir -p fakebin
	ln -sf "$SRCDIR/tests/fake-speech.sh" fakebin/espeak-ng
	EXTRA_ENV="PATH='$PWD/fakebin:$PATH' FAKE_SPEECH_LOG='$PWD/speech.log'" \
		run_in_tmux 80x24 "'$TALUS' --programs '$TINY' --program tiny --date $DATE --trace '$PWD/trace' $*"
}

# The monotonic clock less the wall clock, in ms: the fake logs the wall clock.
mono_offset() {
	command -v perl >/dev/null || fail "perl is needed to read the monotonic clock (tools/deps.sh installs it)"
	perl -MTime::HiRes=clock_gettime,CLOCK_MONOTONIC,CLOCK_REALTIME \
		-e 'printf "%d\n", (clock_gettime(CLOCK_MONOTONIC) - clock_gettime(CLOCK_REALTIME)) * 1000'
}

# Fails when the screen shows what the speech command printed.
quiet_screen() {
	screen | grep -q "FAKE SPEECH" && fail "the speech command's output is on the screen: $(screen)"
	return 0
}

# Fails when talus has a child left a zombie.
no_zombie() {
	local pid
	pid=$(talus_pid)
	ps -o stat= --ppid "$pid" 2>/dev/null | grep -q '^Z' && fail "a zombie under talus: $(ps -o pid,stat,args --ppid "$pid")"
	return 0
}

# The whole tiny session, Enter for the set the runner ends; the screen checked as it goes.
whole_session() {
	wait_for "Today is a training day." || return
	keys Enter
	wait_for "press Enter when done" || return
	quiet_screen
	keys Enter
	wait_for "UP  1/2" || return
	quiet_screen
	no_zombie
	wait_for "SWITCH TO THE RIGHT SIDE" 15 || return
	quiet_screen
	no_zombie
	answers - -
	wait_for "Session done." || return
	quiet_screen
	keys x
	wait_exit
}

test_cues_spoken_on_time_and_never_overlapping() {
	acknowledged
	start --voice
	whole_session
	local offset
	offset=$(mono_offset)
	# the words, in order, as the trace decided them and as the command was asked
	awk -F'\t' '$2 == "cue" && $3 == "say" { print $4 }' trace >said
	awk -F'\t' '$2 == "start" { print $4 }' speech.log >heard
	printf '%s\n' "Circles, 2 reps" "Raise, 2 sets of 2, light band" "rest" "last set" \
		"Balance, 2 seconds, each side" "left" "switch sides" "right" "session done" >want
	diff -u want said >d || fail "the trace's cues: $(cat d)"
	diff -u want heard >d || fail "the cues spoken: $(cat d)"
	# espeak-ng gets the pitch before the text; the tone is in the environment
	awk -F'\t' '$2 == "start" && ($6 != "-p 50" || $5 != "plain")' speech.log >bad
	[ ! -s bad ] || fail "arguments or tone: $(cat bad)"
	# each cue's speech starts within CUE_MS of its step's start (the session's end
	# for the last); never 20 ms before it, or the two clocks were not matched (the
	# wall clock may be slewed a little while the session runs)
	awk -F'\t' -v off="$offset" -v lim="$CUE_MS" '
		FILENAME == "speech.log" { if ($2 == "start") { heard[++h] = $1 + off }; next }
		$2 ~ /^step=/ { for (i = 3; i <= NF; i++) if ($i ~ /^start=/) ref = substr($i, 7) }
		$2 == "finished" { ref = $1 }
		$2 == "cue" && $3 == "say" { n++; late = heard[n] - ref
			if (late > lim || late < -20) printf "cue %d (%s): %d ms after its step\n", n, $4, late
			if ($1 - ref > lim) printf "cue %d (%s): decided %d ms after its step\n", n, $4, $1 - ref }
	' speech.log trace >late
	[ ! -s late ] || fail "late cues: $(cat late)
$(cat trace)
$(cat speech.log)
offset $offset"
	# no two at once: the command found the cue before it gone (not running, not a
	# zombie), and a cue spoken to its end ended before the next began
	awk -F'\t' '
		$2 == "overlap" || $2 == "zombie" { printf "%s: cue pid %s\n", $2, $3 }
		$2 == "start" { order[++n] = $3; from[$3] = $1 }
		$2 == "end" { to[$3] = $1 }
		END {
			for (i = 1; i < n; i++) {
				p = order[i]
				if (!(p in to)) cuts++
				else if (to[p] > from[order[i + 1]]) printf "cue %d overlaps the next by %d ms\n", i, to[p] - from[order[i + 1]]
			}
			if (cuts < 1) print "no cue was cut off"
		}' speech.log >overlap
	[ ! -s overlap ] || fail "overlap: $(cat overlap)
$(cat speech.log)"
	# speech never holds the coach up: every timed step began on time
	awk -F'\t' -v lim="$CUE_MS" '$2 ~ /^step=/ { for (i = 3; i <= NF; i++) if ($i ~ /^start=/) st = substr($i, 7)
		if (prev != "" && st == prev && $1 - st > 50) printf "%s began %d ms late\n", $2, $1 - st
		for (i = 3; i <= NF; i++) if ($i ~ /^deadline=/) prev = substr($i, 10) }' trace >slow
	[ ! -s slow ] || fail "steps late: $(cat slow)"
	# 3-2-1 and a step without words are beeps, never words
	grep -q $'\tcue\tbeep$' trace || fail "no beep in the trace"
	# nothing of the speech is left running
	sleep 0.2
	pgrep -f "$PWD/fakebin/espeak-ng" >/dev/null && fail "speech left running: $(pgrep -af "$PWD/fakebin")"
	return 0
}

wait_exit_after_summary() {
	wait_for "Saved to your history." || return
	keys x
	wait_exit
}

# voice = on in the config does what --voice does, with the config's command: its
# words first, the text last, no pitch option (that is espeak-ng's).
test_config_voice_command() {
	acknowledged
	mkdir -p "$XDG_CONFIG_HOME/talus" fakebin
	ln -sf "$SRCDIR/tests/fake-speech.sh" fakebin/say-it
	printf 'voice = on\nvoice-command = "say-it --rate 2"\n' >"$XDG_CONFIG_HOME/talus/talus.conf"
	start
	wait_for "Today is a training day." || return
	keys Enter
	wait_for "press Enter when done" || return
	keys q
	wait_for "Quit this session?" || return
	keys y
	answers - -
	wait_exit_after_summary
	[ "$(awk -F'\t' '$2 == "start" { print $6 "|" $4 }' speech.log)" = "--rate 2|Circles, 2 reps" ] ||
		fail "speech.log: $(cat speech.log)"
}

# A missing command: one line on the start screen says so, and the bell rings for
# each cue instead.
test_missing_command_rings_the_bell() {
	acknowledged
	mkdir -p "$XDG_CONFIG_HOME/talus"
	printf 'voice = on\nvoice-command = "talus-no-such-speech"\n' >"$XDG_CONFIG_HOME/talus/talus.conf"
	start
	wait_for "Spoken cues: voice-command 'talus-no-such-speech' is not found; the bell" || return
	keys Enter
	wait_for "press Enter when done" || return
	screen | grep -q "Spoken cues" && fail "the line is shown again in the session"
	keys q
	wait_for "Quit this session?" || return
	keys y
	answers - -
	wait_exit_after_summary
	grep -q $'\tcue\tbell\tCircles, 2 reps$' trace || fail "no bell for the cue: $(cat trace)"
	[ ! -e speech.log ] || fail "something spoke: $(cat speech.log)"
}

# Without voice = on or --voice, nothing speaks.
test_silent_by_default() {
	acknowledged
	start
	wait_for "Today is a training day." || return
	screen | grep -q "Spoken cues" && fail "a voice line without the voice on"
	keys Enter
	wait_for "press Enter when done" || return
	keys q
	wait_for "Quit this session?" || return
	keys y
	answers - -
	wait_exit_after_summary
	[ ! -e speech.log ] || fail "something spoke: $(cat speech.log)"
	grep -q $'\tcue\t' trace && fail "cues in the trace: $(cat trace)"
	return 0
}

run_tests
