#!/usr/bin/env bash
# Abuse: kill -9 at random moments, a kill at each write and sync of the history (strace
# fault injection), a full disk during a live session, closed panes, Ctrl-Z, resize
# storms, every terminal size, and malformed command lines. After each: the history
# parses with nothing skipped, what was saved is still there, the terminal came back.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/tmux.sh"

PROGS="$SRCDIR/tests/data/programs"
DATE=2026-11-23
KILL_RUNS=${KILL_RUNS:-50}

# The history parses with nothing skipped; sets of each session are whole records.
history_sound() {
	local out err
	out=$("$TALUS" --programs "$PROGS" --program micro --history-file "$(hist)" --history --date $DATE 2>&1 >/dev/null)
	[ -z "$out" ] || fail "history does not read clean: $out"
}

talus_cmd() { echo "'$TALUS' --programs '$PROGS' --date $DATE $*"; }

test_kill_9_at_random_moments() {
	acknowledged
	local saved=0 before
	for ((run = 1; run <= KILL_RUNS; run++)); do
		before=$(grep -c $'\tset\t' "$(hist)")
		run_in_tmux 80x24 "$(talus_cmd --program micro)"
		if ! shows "Resume where it stopped?" 3 && ! shows "Enter start" 2; then
			fail "run $run: no start screen: $(screen)"
			return
		fi
		if screen | grep -q "Resume where it stopped?"; then keys y; else keys Enter; fi
		sleep "$(awk -v r=$RANDOM 'BEGIN { printf "%.2f", r / 32768 * 3 }')"
		kill -9 "$(tm display -p -t t '#{pane_pid}')" 2>/dev/null
		wait_exit
		history_sound
		# a set once written is never lost
		[ "$(grep -c $'\tset\t' "$(hist)")" -ge "$before" ] || fail "run $run: sets were lost"
	done
	saved=$(grep -c $'\tset\t' "$(hist)")
	[ "$saved" -gt 0 ] || fail "no set was ever saved in $KILL_RUNS runs"
	# the last session, if cut off before its last set, is offered for resume
	local id sets
	id=$(grep $'\tstart\t' "$(hist)" | tail -n 1 | sed 's/.*session=\([^\t]*\).*/\1/')
	sets=$(grep -c "session=$id"$'\texercise' "$(hist)")
	if ! grep -q $'\tend\tsession='"$id" "$(hist)" && [ "$sets" -lt 3 ]; then
		run_in_tmux 80x24 "$(talus_cmd --program micro)"
		wait_for "Resume where it stopped?"
	fi
}

# strace stops talus at the Nth writev (the history's only writes) or fdatasync.
kill_at_syscall() { # syscall
	local n total
	acknowledged
	run_in_tmux 80x24 "strace -f -o /dev/null -e trace=$1 $(talus_cmd --program micro)"
	wait_for "Enter start" 5
	keys Enter
	wait_for "How much did the ankle hurt" 10
	answers 1 1
	wait_for "Session done."
	keys x
	wait_exit
	total=$(grep -c '' "$(hist)")
	for ((n = 1; n <= total - 2; n++)); do
		acknowledged
		run_in_tmux 80x24 "strace -f -o /dev/null -e inject=$1:signal=KILL:when=$n $(talus_cmd --program micro)"
		wait_for "Enter start" 5 || return
		keys Enter
		for _ in $(seq 100); do
			dead && break
			screen | grep -q "How much did the ankle hurt" && keys 1 Enter
			screen | grep -q "How much does it hurt now" && keys 1 Enter
			screen | grep -q "A note for today" && keys Enter
			screen | grep -q "Session done." && keys x
			sleep 0.1
		done
		wait_exit
		history_sound
		local lines
		lines=$(grep -c '' "$(hist)")
		# killed before its Nth writev: the records before it are there, no more
		if [ "$1" = writev ]; then
			[ "$lines" -eq $((2 + n - 1)) ] || fail "writev $n: $lines lines, want $((2 + n - 1))"
		else
			[ "$lines" -eq $((2 + n)) ] || fail "fdatasync $n: $lines lines, want $((2 + n))"
		fi
		# a started session that was cut off is offered for resume
		if grep -q $'\tstart\t' "$(hist)" && ! grep -q $'\tend\t' "$(hist)" && [ "$lines" -lt 6 ]; then
			run_in_tmux 80x24 "$(talus_cmd --program micro)"
			wait_for "Resume where it stopped?" 5
		fi
	done
	[ "$total" -ge 7 ] || fail "a whole micro session wrote $total lines"
}

test_kill_at_each_history_write() { kill_at_syscall writev; }
test_kill_at_each_history_sync() { kill_at_syscall fdatasync; }

test_disk_full_during_a_session_then_healed() {
	acknowledged
	cp "$(hist)" before.tsv
	touch "$PWD/fault-on"
	run_in_tmux 80x24 "env LD_PRELOAD='$FAULT_LIB' FAULT_WRITE=ENOSPC FAULT_WHILE='$PWD/fault-on' $(talus_cmd --program tiny)"
	wait_for "Enter start"
	keys Enter
	wait_for "NOT SAVED, retrying:" 5
	wait_for "No space left on device"
	cmp -s before.tsv "$(hist)" || fail "the file changed while the disk was full"
	wait_for "press Enter when done"
	rm fault-on                       # space again: the coach retries within 10 s
	for _ in $(seq 150); do
		screen | grep -q "NOT SAVED" || break
		sleep 0.1
	done
	screen | grep -q "NOT SAVED" && fail "never saved after the disk had space"
	grep -q $'\tstart\t' "$(hist)" || fail "the start record was not retried"
	history_sound
	keys q y
	answers - -
	wait_for "Session stopped."
	keys x
	wait_exit
	grep -q $'\tend\t.*status=quit' "$(hist)" || fail "no end record"
}

# Other faults during a live session: the coach goes on, says so, and the file is
# left exactly as it was.
live_fault() { # env setting, expected reason
	acknowledged
	cp "$(hist)" before.tsv
	run_in_tmux 80x24 "env LD_PRELOAD='$FAULT_LIB' $1 FAULT_MATCH=history.tsv $(talus_cmd --program tiny)"
	wait_for "Enter start"
	keys Enter
	wait_for "NOT SAVED, retrying: $2" 5
	wait_for "press Enter when done"
	keys Enter
	wait_for "Raise"
	dead && fail "the coach stopped"
	cmp -s before.tsv "$(hist)" || fail "the file changed under $1"
	keys q y
	answers - -
	wait_for "Not everything is saved yet"
}

test_live_io_error() { live_fault FAULT_WRITE=EIO "Input/output error"; }
test_live_read_only() { live_fault FAULT_OPEN=EROFS "Read-only file system"; }
test_live_no_permission() { live_fault FAULT_OPEN=EACCES "Permission denied"; }

test_io_error_at_exit_prints_the_records() {
	acknowledged
	cp "$(hist)" before.tsv
	run_in_tmux 80x24 "sh -c \"env LD_PRELOAD='$FAULT_LIB' FAULT_SYNC=EIO $(talus_cmd --program micro) 2>'$PWD/err.txt'; echo \\\$? >'$PWD/status'\""
	wait_for "Enter start"
	keys Enter
	wait_for "How much did the ankle hurt" 10
	answers - -
	wait_for "Session done."
	wait_for "Not everything is saved yet"
	keys x
	for _ in $(seq 50); do [ -s status ] && break; sleep 0.1; done
	[ "$(cat status)" = 1 ] || fail "exit status $(cat status)"
	cmp -s before.tsv "$(hist)" || fail "the file changed: $(diff before.tsv "$(hist)")"
	grep -q "these records are not saved; to keep them, add them to" err.txt || fail "$(cat err.txt)"
	grep -q $'\tend\t' err.txt || fail "the end record was not shown: $(cat err.txt)"
}

test_closed_pane_records_interrupted() {
	acknowledged
	run_in_tmux 80x24 "$(talus_cmd --program tiny)"
	wait_for "Enter start"
	keys Enter
	wait_for "press Enter when done"
	local pid
	pid=$(tm display -p -t t '#{pane_pid}')
	tm kill-pane -t t
	for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	kill -0 "$pid" 2>/dev/null && fail "talus still running after its pane closed"
	grep -q $'\tend\t.*status=interrupted' "$(hist)" || fail "not recorded: $(cat "$(hist)")"
}

test_ctrl_z_and_fg_pause() {
	acknowledged
	after_test
	tm -f /dev/null new-session -d -s t -x 80 -y 24 "env HOME='$HOME' XDG_DATA_HOME='$XDG_DATA_HOME' TERM=xterm-256color PS1='$ ' bash --norc -i"
	keys "$(talus_cmd --program tiny)" Enter
	wait_for "Enter start"
	keys Enter
	wait_for "press Enter when done"
	keys Enter
	wait_for "Raise"
	keys C-z
	wait_for "Stopped"
	sleep 2
	keys "fg" Enter
	wait_for "PAUSED: Space resumes"
	keys q y
	wait_for "How much"
}

test_resize_storm() {
	acknowledged
	run_in_tmux 80x24 "$(talus_cmd --program tiny)"
	wait_for "Enter start"
	keys Enter
	wait_for "press Enter when done"
	for i in $(seq 100); do
		tm resize-window -t t -x $((10 + (i * 37) % 290)) -y $((3 + (i * 13) % 97)) 2>/dev/null
		sleep 0.02
	done
	tm resize-window -t t -x 80 -y 24
	wait_for "press Enter when done"
	dead && fail "died in the resize storm"
	keys q y
	wait_for "How much"
}

test_every_size_from_1x1_to_300x100() {
	acknowledged
	for size in 1x1 2x2 10x3 20x5 39x9 40x10 41x11 60x15 80x24 120x40 200x60 300x100; do
		run_in_tmux "$size" "$(talus_cmd --program tiny)"
		sleep 0.3
		keys Enter
		sleep 0.3
		dead && fail "died at $size: $(tm display -p -t t '#{pane_dead_status}')"
		case $size in
		1x1 | 2x2) ;;
		10x3) wait_for "Terminal" ;;
		20x5) wait_for "Circles" ;; # the smallest that works: the set and its clock
		*) wait_for "talus" ;;
		esac
	done
}

test_bad_command_lines() {
	local huge
	huge=$(head -c 100000 /dev/zero | tr '\0' 9)
	for args in "--weeks" "--weeks=" "--weeks $huge" "--date 2026-02-30" "--date 2025-02-29" \
		"--date 0000-01-01" "--date $huge" "--since 2026-13-01" "--morning -1" "--morning 11" \
		"--morning $huge" "--set-level 21" "--program $huge" "--program nope --plan" \
		"--config=" "--programs=" "--history-file=" "--trace=" "--csv=1" "--nope"; do
		# shellcheck disable=SC2086
		talus $args
		[ "$status" -eq 2 ] || fail "$args: status $status"
		[ "$(printf '%s\n' "$err" | head -n 1 | wc -c)" -lt 300 ] || fail "${args:0:40}: a long message"
		case "$err" in talus:*) ;; *) fail "${args:0:40}: [$err]" ;; esac
	done
}

run_tests
