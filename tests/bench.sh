#!/usr/bin/env bash
# make bench: start-up, first frame, idle cost, wake-ups, timer accuracy and memory of
# an optimised build, each the median of several runs with min and max. Prints a table
# and writes it to bench/results.md. Reports; never fails the build.
set -u
SRCDIR=$(pwd)
TALUS=${TALUS:-$SRCDIR/build/bench/talus}
TOOL=${BENCHTOOL:-$SRCDIR/build/bench/benchtool}
SESSION_SECS=${BENCH_SESSION_SECS:-120}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/talus-bench.XXXXXX")
SOCK="talus-bench-$$-0"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$TMP"' EXIT
export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/home/.config" XDG_DATA_HOME="$TMP/home/.local/share"
export TZ=UTC LC_ALL=C.UTF-8
mkdir -p "$HOME" "$XDG_DATA_HOME/talus"
PROGS="$TMP/programs"
mkdir -p "$PROGS"
cp "$SRCDIR"/programs/*.conf "$SRCDIR"/tests/bench/*.conf "$PROGS/"
rows=()

row() { # figure, median/min/max text, target, verdict
	rows+=("| $1 | $2 | $3 | $4 |")
	printf '%-52s %-28s %-14s %s\n' "$1" "$2" "$3" "$4"
}
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "met" : sprintf("missed by %.1f", v - t) }'; }
ms3() { set -- $1; printf '%s ms (%s-%s)' "$1" "$2" "$3"; }
stats() { sort -n | awk '{ a[NR] = $1 } END { printf "%s %s %s", a[int((NR + 1) / 2)], a[1], a[NR] }'; }

printf '%-52s %-28s %-14s %s\n' "figure" "median (min-max)" "target" "verdict"

# ---- start-up ----
empty="$TMP/empty.tsv"
r=$("$TOOL" runs 30 "$TALUS" --programs "$PROGS" --plan --date 2026-11-23 --history-file "$empty")
row "start-up, --plan, empty history" "$(ms3 "$r")" "<= 5 ms" "$(verdict "${r%% *}" 5)"
for n in 10000 100000 1000000; do
	awk -v n=$n -f "$SRCDIR/tests/bench/genhistory.awk" >"$TMP/h$n.tsv"
	runs=$([ $n -ge 1000000 ] && echo 5 || echo 15)
	r=$("$TOOL" runs $runs "$TALUS" --programs "$PROGS" --plan --date 2026-11-23 --history-file "$TMP/h$n.tsv")
	eval "start_$n=${r%% *}"
	target="-"
	v="-"
	[ $n = 100000 ] && target="<= 20 ms" && v=$(verdict "${r%% *}" 20)
	row "start-up, --plan, $n history records" "$(ms3 "$r")" "$target" "$v"
done
ratio=$(awk -v a="$start_100000" -v b="$start_1000000" 'BEGIN { printf "%.1f", b / a }')
row "growth from 100,000 to 1,000,000 records" "x$ratio" "linear (x10)" "$(awk -v r="$ratio" 'BEGIN { print (r <= 12) ? "met" : "missed" }')"

# ---- --status: ten years of history (genhistory.awk from 2020: 50,000 records) ----
awk -v n=50000 -f "$SRCDIR/tests/bench/genhistory.awk" >"$TMP/ten-years.tsv"
r=$("$TOOL" runs 30 "$TALUS" --programs "$PROGS" --status --date 2030-03-14 --history-file "$TMP/ten-years.tsv")
row "--status, ten years of history (50,000 records)" "$(ms3 "$r")" "<= 5 ms" "$(verdict "${r%% *}" 5)"

tm() { tmux -L "$SOCK" "$@"; }
servers=0
start_coach() { # command: a fresh tmux server (a new socket each time) running it
	tm kill-server 2>/dev/null
	servers=$((servers + 1))
	SOCK="talus-bench-$$-$servers"
	tm -f /dev/null new-session -d -s b -x 80 -y 24 \
		"exec env HOME='$HOME' XDG_DATA_HOME='$XDG_DATA_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' TERM=xterm-256color LC_ALL=C.UTF-8 $*"
}
wait_screen() {
	for _ in $(seq 200); do
		tm capture-pane -p -t b 2>/dev/null | grep -qF -- "$1" && return 0
		sleep 0.05
	done
	return 1
}
acknowledged() { printf '# talus history v1\n2026-11-01T08:00:00+00:00\tsafety\n' >"$1"; }

# ---- first frame: exec to the start screen drawn (the trace stamps the frame) ----
acknowledged "$TMP/ack.tsv"
frames=()
for i in $(seq 10); do
	start_coach "'$TOOL' stamp '$TMP/t0' '$TALUS' --programs '$PROGS' --history-file '$TMP/ack.tsv' --date 2026-11-23 --trace '$TMP/trace'"
	wait_screen "Enter start" || continue
	t0=$(cat "$TMP/t0")
	t1=$(awk -F'\t' '$2 == "first-frame" { print $1 }' "$TMP/trace")
	frames+=($((t1 - t0)))
done
r=$(printf '%s\n' "${frames[@]}" | stats)
row "first frame of the coach (exec to start screen)" "$(ms3 "$r")" "<= 30 ms" "$(verdict "${r%% *}" 30)"

# ---- idle cost and wake-ups while a 60 s hold counts down ----
acknowledged "$TMP/idle.tsv"
start_coach "'$TALUS' --programs '$PROGS' --program hold60 --history-file '$TMP/idle.tsv' --date 2026-11-23"
wait_screen "Enter start"
tm send-keys -t b Enter
wait_screen "HOLD"
pid=$(pgrep -f -- "--history-file $TMP/idle.tsv" | head -n 1)
[ -n "$pid" ] || { echo "bench: the coach did not start: $(tm capture-pane -p -t b)"; exit 1; }
sleep 5
hz=$(getconf CLK_TCK)
cpu0=$(awk '{ print $14 + $15 }' /proc/$pid/stat)
switches() { awk -v k="$1" '$1 == k ":" { print $2 }' /proc/$pid/status; }
cs0=$(switches voluntary_ctxt_switches)
pre0=$(switches nonvoluntary_ctxt_switches)
sleep 30
cpu1=$(awk '{ print $14 + $15 }' /proc/$pid/stat)
cs1=$(switches voluntary_ctxt_switches)
pre1=$(switches nonvoluntary_ctxt_switches)
idle=$(awk -v t=$((cpu1 - cpu0)) -v hz="$hz" 'BEGIN { printf "%.3f", t / hz / 30 * 100 }')
wakes=$(awk -v c=$((cs1 - cs0)) 'BEGIN { printf "%.2f", c / 30 }')
preempted=$(awk -v c=$((pre1 - pre0)) 'BEGIN { printf "%.2f", c / 30 }')
row "idle CPU during a 60 s hold (30 s window)" "$idle% of a core ($((cpu1 - cpu0)) ticks)" "<= 0.1%" "$(verdict "$idle" 0.1)"
row "wake-ups while a hold counts down (voluntary switches)" "$wakes per second" "<= 2 /s" "$(verdict "$wakes" 2)"
row "  and times the terminal's reader preempted it" "$preempted per second" "-" "-"

# ---- timer accuracy: each step's end against its deadline, over a real session ----
acknowledged "$TMP/timer.tsv"
start_coach "'$TALUS' --programs '$PROGS' --program steps --history-file '$TMP/timer.tsv' --date 2026-11-23 --trace '$TMP/timer.trace'"
wait_screen "Enter start"
tm send-keys -t b Enter
sleep "$SESSION_SECS"
tm send-keys -t b q y
# a step that began at its predecessor's deadline: how late the wake-up came
awk -F'\t' '{ now = $1; st = dl = ""
	for (i = 2; i <= NF; i++) { if ($i ~ /^start=/) st = substr($i, 7); if ($i ~ /^deadline=/) dl = substr($i, 10) }
	if (prev != "" && st == prev) print now - st, now
	prev = dl }' "$TMP/timer.trace" >"$TMP/late"
steps=$(wc -l <"$TMP/late")
r=$(cut -d' ' -f1 "$TMP/late" | stats)
row "timer: wake-up after each deadline ($steps steps, ${SESSION_SECS} s)" "$(ms3 "$r")" "<= 20 ms" "$(verdict "$(echo "$r" | cut -d' ' -f3)" 20)"
# accumulation: how late the wake-ups are at the end of the session against its start
drift=$(awk '{ l[NR] = $1 } END { q = int(NR / 4); if (q < 1) q = 1
	for (i = 1; i <= q; i++) a += l[i]; for (i = NR - q + 1; i <= NR; i++) b += l[i]
	printf "%.1f", (b - a) / q }' "$TMP/late")
row "timer: lateness, last quarter minus first quarter" "$drift ms" "no accumulation" "$(awk -v t="$drift" 'BEGIN { print (t < 5 && t > -5) ? "met" : "missed" }')"

# ---- memory: peak RSS of the coach with 100,000 history records ----
cp "$TMP/h100000.tsv" "$TMP/mem.tsv"
start_coach "'$TALUS' --programs '$PROGS' --history-file '$TMP/mem.tsv' --date 2026-11-23"
wait_screen "training day" || wait_screen "rest day" || wait_screen "Good morning" || wait_screen "see a clinician"
pid=$(pgrep -f -- "--history-file $TMP/mem.tsv" | head -n 1)
rss=$(awk '/^VmHWM/ { printf "%.1f", $2 / 1024 }' /proc/$pid/status)
row "peak RSS of the coach, 100,000 history records" "$rss MB" "<= 6 MB" "$(verdict "$rss" 6)"
tm kill-server 2>/dev/null

# ---- the results file ----
{
	echo "# talus benchmarks"
	echo
	echo "Made by \`make bench\` on $(date -u +%Y-%m-%d) at commit $(git -C "$SRCDIR" rev-parse --short HEAD 2>/dev/null || echo '?')."
	echo "Machine: $(uname -srm); $(nproc) cores; $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo);"
	echo "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) of memory. Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
	echo
	echo "| figure | median (min-max) | target | verdict |"
	echo "|---|---|---|---|"
	printf '%s\n' "${rows[@]}"
	echo
	echo "Histories are generated by tests/bench/genhistory.awk (sessions three times a week"
	echo "with their sets, and morning ratings). The timer figures come from --trace over a"
	echo "real session of ${SESSION_SECS} s (BENCH_SESSION_SECS=1800 for half an hour)."
} >"$SRCDIR/bench/results.md"
echo "written to bench/results.md"
