#!/usr/bin/env bash
# A stand-in for espeak-ng in the tests (tests/voice.sh puts it on PATH under that
# name). It "speaks" for 70 ms a character of its last argument (a sleep), so the next
# cue may cut it off (talus kills it then), and logs to $FAKE_SPEECH_LOG, one line each:
#   MS<TAB>start<TAB>PID<TAB>TEXT<TAB>TONE<TAB>THE OTHER ARGUMENTS
#   MS<TAB>overlap<TAB>PID    the cue before, PID, was still speaking when this began
#   MS<TAB>zombie<TAB>PID     the cue before was not reaped when this began
#   MS<TAB>end<TAB>PID        spoken to the end (a cue cut off has no end line)
# MS is the wall clock in ms (bash's EPOCHREALTIME, read without a fork); the test
# turns it into the monotonic clock of the trace. It also prints to both outputs,
# which must never reach the coach's screen.
t0=$EPOCHREALTIME
log=${FAKE_SPEECH_LOG:-speech.log}
ms() { local t=${1:-$EPOCHREALTIME}; t=${t/[.,]/}; echo $((10#$t / 1000)); }
text=${!#}
prev=$(awk -F'\t' '$2 == "start" { p = $3 } END { print p }' "$log" 2>/dev/null)
printf '%s\tstart\t%s\t%s\t%s\t%s\n' "$(ms "$t0")" "$$" "$text" "${TALUS_CUE_TONE:-}" \
	"${*:1:$#-1}" >>"$log"
state=$([ -n "$prev" ] && sed 's/.*) \(.\).*/\1/' "/proc/$prev/stat" 2>/dev/null)
if [ -n "$state" ]; then
	printf '%s\t%s\t%s\n' "$(ms "$t0")" "$([ "$state" = Z ] && echo zombie || echo overlap)" "$prev" >>"$log"
fi
echo "FAKE SPEECH OUT: $text"
echo "FAKE SPEECH ERR: $text" >&2
d=$((${#text} * 70))
sleep "$((d / 1000)).$(printf %03d $((d % 1000)))"
printf '%s\tend\t%s\n' "$(ms)" "$$" >>"$log"
