# Driving talus in a real terminal, for the scripts that source it after lib.sh:
# tmux runs the binary, send-keys types, capture-pane reads the screen.

# The socket of the server in use, in a file: the tests run in subshells, and the
# next server must get a socket of its own (see after_test).
SOCK_BASE="talus-$(basename "$0" .sh)-$$"
SOCK_FILE="$TMP_ROOT/tmux-socket"
echo "$SOCK_BASE-0" >"$SOCK_FILE"
export ASAN_OPTIONS=verify_asan_link_order=0
tm() { tmux -L "$(cat "$SOCK_FILE")" "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$TMP_ROOT"' EXIT
hist() { echo "$XDG_DATA_HOME/talus/history.tsv"; }

# Ends the tmux server and waits for talus to be gone, so nothing it writes on its way
# out lands in the next test (lib.sh calls it after each test). The next server gets a
# socket of its own: a server still dying never takes the next one's commands.
after_test() {
	local pid
	pid=$(tm display -p -t t '#{pane_pid}' 2>/dev/null)
	tm kill-server 2>/dev/null
	for _ in $(seq 50); do
		[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	# never leave one behind to eat the machine (a sanitizer build's exit-time leak
	# check has been seen to hang after a hang-up)
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		pkill -9 -P "$pid" 2>/dev/null
		kill -9 "$pid" 2>/dev/null
	fi
	echo "$SOCK_BASE-$(date +%s%N)" >"$SOCK_FILE"
}

# run_in_tmux WxH COMMAND: a fresh server with this test's environment; the pane stays
# after the command exits so its status can be read.
run_in_tmux() {
	after_test
	# remain-on-exit in the same command, before a quick exit could end the session
	tm -f /dev/null new-session -d -s t -x "${1%x*}" -y "${1#*x}" \
		"exec env HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_DATA_HOME='$XDG_DATA_HOME' \
		TZ=UTC LC_ALL=C.UTF-8 TALUS_TIME_OF_DAY=$TALUS_TIME_OF_DAY TALUS_TIME_FROM=$TALUS_TIME_FROM TERM=xterm-256color ASAN_OPTIONS=$ASAN_OPTIONS ${EXTRA_ENV:-} $2" \; \
		set-option -t t remain-on-exit on >/dev/null
}

screen() { tm capture-pane -p -t t 2>/dev/null; }
keys() { tm send-keys -t t "$@"; }

# shows TEXT [SECONDS]: waits quietly until the screen shows TEXT; false if it never does
shows() {
	local i limit=$(( ${2:-10} * 10 ))
	for ((i = 0; i < limit; i++)); do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	return 1
}

# wait_for TEXT [SECONDS]: the same, failing the test when it never comes
wait_for() {
	shows "$@" && return 0
	fail "screen never showed [$1]; it shows:
$(screen)"
	return 1
}

# The pane shows dead when the terminal closes; the exit status comes when tmux has
# reaped the process, which pane_dead_time marks.
dead() { [ -n "$(tm display -p -t t '#{?pane_dead,#{pane_dead_time},}' 2>/dev/null)" ]; }
wait_exit() {
	for _ in $(seq 100); do
		dead && return 0
		# tmux can miss the SIGCHLD of a sanitizer build's slower exit and leave it a
		# zombie; another SIGCHLD makes it reap
		[ "$(tm display -p -t t '#{pane_dead}' 2>/dev/null)" = 1 ] && kill -CHLD "$(tm display -p '#{pid}')"
		sleep 0.1
	done
	fail "talus did not exit: $(screen | tail -n 3)"
}

# "1 STATUS" once talus has exited (tmux leaves the status empty for 0)
pane_status() {
	local s
	s=$(tm display -p -t t '#{pane_dead} #{pane_dead_status}#{?pane_dead_signal,killed by signal #{pane_dead_signal},}')
	[ "${s#* }" ] && echo "$s" || echo "${s% } 0"
}
talus_pid() { tm display -p -t t '#{pane_pid}'; }

# answers DURING AFTER [NOTE]: the questions after a session, each once it shows ("-"
# passes over a rating with Esc). Keys typed before a question shows are dropped, so a
# test types as a runner does: after reading.
answers() {
	wait_for "How much did the ankle hurt" 10 || return
	if [ "$1" = - ]; then keys Escape; else keys "$1" Enter; fi
	wait_for "How much does it hurt now?" || return
	if [ "$2" = - ]; then keys Escape; else keys "$2" Enter; fi
	wait_for "A note for today" || return
	if [ -n "${3:-}" ]; then keys "$3"; fi
	keys Enter
}

# a history in which the first-run safety note is already acknowledged
acknowledged() {
	mkdir -p "$XDG_DATA_HOME/talus"
	printf '# talus history v1\n2026-11-01T08:00:00+00:00\tsafety\n' >"$(hist)"
}
