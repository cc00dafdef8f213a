#!/usr/bin/env bash
# A stand-in for espeak-ng in the tests (tests/voice.sh puts it on PATH under that
# name). It "speaks" for 70 ms a character of its last argument (a sleep), so the next
# cue may cut it off, and logs to $FAKE_SPEECH_LOG, one line each:
#   MS<TAB>start<TAB>PID<TAB>TEXT<TAB>TONE<TAB>THE OTHER ARGUMENTS
#   MS<TAB>end<TAB>PID        spoken to the end
#   MS<TAB>cut<TAB>PID        ended by SIGTERM (a new cue)
# MS is the wall clock in ms (bash's EPOCHREALTIME, read without a fork); the test
# turns it into the monotonic clock of the trace. It also prints to both outputs,
# which must never reach the coach's screen.
log=${FAKE_SPEECH_LOG:-speech.log}
t0=$EPOCHREALTIME
ms() { local t=${1:-$EPOCHREALTIME}; t=${t/[.,]/}; echo $((10#$t / 1000)); }
trap 'printf "%s\tcut\t%s\n" "$(ms)" "$$" >>"$log"; kill "$sleeper" 2>/dev/null; exit 143' TERM
text=${!#}
printf '%s\tstart\t%s\t%s\t%s\t%s\n' "$(ms "$t0")" "$$" "$text" "${TALUS_CUE_TONE:-}" \
	"${*:1:$#-1}" >>"$log"
echo "FAKE SPEECH OUT: $text"
echo "FAKE SPEECH ERR: $text" >&2
d=$((${#text} * 70))
sleep "$((d / 1000)).$(printf %03d $((d % 1000)))" &
sleeper=$!
wait "$sleeper"
printf '%s\tend\t%s\n' "$(ms)" "$$" >>"$log"
