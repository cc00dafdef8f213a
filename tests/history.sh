#!/usr/bin/env bash
# The history file through the real binary: --history and --csv against golden output,
# damaged files read without a change, --morning appends, and faults injected with an
# LD_PRELOAD shim leave the file byte for byte as it was.
. "$(dirname "$0")/lib.sh"

SAMPLE="$SRCDIR/tests/data/history-sample.tsv"
DATE=2026-11-23
: "${FAULT_LIB:?FAULT_LIB must name the fault-injection shim}"
# The sanitized build must accept a preloaded library.
export ASAN_OPTIONS=verify_asan_link_order=0

test_history_table_and_summary() {
	talus --programs "$PROGRAMS" --history-file "$SAMPLE" --history --date $DATE
	expect_status 0
	expect_err ""
	expect_golden history.txt
}

test_history_marks_the_sore_side() {
	{ printf '2026-11-01T08:00:00+01:00\ttriage\tsore=left\tonset=twist\tsince=over-a-year\twhere=outer-ankle\tgives-way=yes\tpathway=chronic-instability\tprogram=ankle-foundations\n'; cat "$SAMPLE"; } >h.tsv
	talus --programs "$PROGRAMS" --history-file h.tsv --history --date $DATE
	expect_status 0
	expect_out_has "Left and right, mean per set (* the sore side):"
	expect_out_has "single-leg-balance         left* 21.0 s     right  20.0 s"
}

test_history_shows_the_heel_rise_tests() {
	{ cat "$SAMPLE"
	  printf '2026-11-20T08:00:00+01:00\ttest\tprogram=ankle-foundations\tnext=ankle-strength\tanswer=no\tleft=18\tright=22\n'
	  printf '2026-11-23T08:00:00+01:00\ttest\tprogram=ankle-foundations\tnext=ankle-strength\tanswer=yes\tleft=21\tright=22\n'; } >h.tsv
	talus --programs "$PROGRAMS" --history-file h.tsv --history --date $DATE
	expect_status 0
	expect_out_has "  Measured entry tests, left / right (heel rises, or stance seconds):"
	expect_out_has "    2026-11-20   18 / 22   not yet"
	expect_out_has "    2026-11-23   21 / 22   passed"
}

test_history_ascii_when_locale_is_not_utf8() {
	LC_ALL=C talus --programs "$PROGRAMS" --history-file "$SAMPLE" --history --date $DATE
	expect_status 0
	expect_out_has "Pain during sessions (0-10, oldest first): -=.  (3 to 2)"
}

test_history_since() {
	talus --programs "$PROGRAMS" --history-file "$SAMPLE" --history --date $DATE --since 2026-11-18
	expect_status 0
	expect_out_has "From 2026-11-18 to 2026-11-23:"
	expect_out_has "Sessions done: 1 of 3 planned (33%)"
}

test_csv() {
	talus --history-file "$SAMPLE" --csv
	expect_status 0
	expect_golden history.csv
}

test_empty_history() {
	talus --programs "$PROGRAMS" --history --date $DATE
	expect_status 0
	expect_out_has "No sessions yet."
	expect_out_has "Sessions done: 0 of 0 planned" # nothing was planned before the first
	[ ! -e "$XDG_DATA_HOME/talus/history.tsv" ] || fail "reading created the file"
}

# One session, done on a Tuesday (ankle-foundations trains Mon, Wed, Fri), the first
# day of all: the day it was done was planned, never "1 of 0".
test_session_on_a_rest_day_counts_as_planned() {
	printf '# talus history v1\n2026-11-24T07:30:00+01:00\tstart\tsession=20261124T073000-1234\tprogram=ankle-foundations\tlevel=1\tplanned=6\n2026-11-24T07:51:00+01:00\tend\tsession=20261124T073000-1234\tstatus=done\tpain-during=2\tpain-after=1\tsecs=1260\n' >one.tsv
	talus --programs "$PROGRAMS" --history-file one.tsv --history --date 2026-11-24
	expect_status 0
	expect_out_has "Sessions done: 1 of 1 planned (100%)"
}

test_damaged_history_shows_good_sessions_and_changes_nothing() {
	{
		head -n 3 "$SAMPLE"
		printf '2026-11-16T07:3\0\0\0\0\0\0\0\0\n'
		sed -n '4,9p' "$SAMPLE"
		printf 'garbage line\n'
		sed -n '10,$p' "$SAMPLE"
		printf '2026-11-24T07:00:00+01:00\tmorn'
	} >damaged.tsv
	cp damaged.tsv before.tsv
	talus --programs "$PROGRAMS" --history-file damaged.tsv --history --date $DATE
	expect_status 0
	expect_err "talus: damaged.tsv: skipped 3 damaged lines (lines 4, 11, 24); the file is left as it is"
	expect_out_has "2026-11-23  ankle-foundations        1     1/6    21   2/1  done"
	cmp -s damaged.tsv before.tsv || fail "the file changed"
}

test_history_on_a_directory() {
	mkdir hdir
	talus --history-file hdir --history
	expect_status 2
	expect_err "talus: hdir: is a directory; the history must be a plain file"
	talus --history-file hdir --morning 2
	expect_status 2
}

test_morning_creates_folder_and_file() {
	talus --morning 2 --date 2026-11-16
	expect_status 0
	expect_out "Saved: morning pain 2/10."
	f="$XDG_DATA_HOME/talus/history.tsv"
	[ "$(stat -c %a "$f")" = 600 ] || fail "file mode $(stat -c %a "$f")"
	[ "$(stat -c %a "$XDG_DATA_HOME/talus")" = 700 ] || fail "folder mode"
	[ "$(head -n 1 "$f")" = "# talus history v1" ] || fail "no header"
	tail -n 1 "$f" | grep -q $'^2026-11-16T[0-9:]*+00:00\tmorning\tpain=2$' || fail "record: $(tail -n 1 "$f")"
}

test_history_file_from_config_and_option() {
	mkdir -p "$XDG_CONFIG_HOME/talus"
	printf 'history-file = "~/mine.tsv"\n' >"$XDG_CONFIG_HOME/talus/talus.conf"
	talus --morning 1
	[ -f "$HOME/mine.tsv" ] || fail "config's history-file not used"
	talus --morning 1 --history-file other.tsv
	[ -f other.tsv ] || fail "--history-file not used"
	[ "$(grep -c morning "$HOME/mine.tsv")" = 1 ] || fail "wrote twice to the config's file"
}

# faults: the file must be byte-identical afterwards and the user told in one line
fault_case() { # env settings..., then the expected message after "talus: FILE: "
	local want=$1
	shift
	cp "$SAMPLE" h.tsv
	cp h.tsv before.tsv
	out=$(env LD_PRELOAD="$FAULT_LIB" FAULT_MATCH=h.tsv "$@" "$TALUS" --history-file h.tsv --morning 4 2>stderr)
	status=$?
	err=$(cat stderr)
	expect_status 1
	expect_err "talus: h.tsv: $want"
	[ -z "$out" ] || fail "claimed success: $out"
	cmp -s h.tsv before.tsv || fail "file changed under $*: $(diff before.tsv h.tsv | head -5)"
}

test_disk_full() {
	fault_case "record not saved: No space left on device" FAULT_WRITE=ENOSPC
}

test_short_write_then_disk_full() {
	fault_case "record not saved: No space left on device" FAULT_WRITE=ENOSPC FAULT_WRITE_AFTER=20
}

test_io_error_on_write() {
	fault_case "record not saved: Input/output error" FAULT_WRITE=EIO FAULT_WRITE_AFTER=5
}

test_sync_fails() {
	fault_case "record not saved (sync failed): Input/output error" FAULT_SYNC=EIO
}

test_read_only_file_system() {
	fault_case "record not saved: Read-only file system" FAULT_OPEN=EROFS
}

test_no_permission() {
	fault_case "record not saved: Permission denied" FAULT_OPEN=EACCES
}

test_shim_really_injects() {
	# the same call without a fault must succeed, or the cases above prove nothing
	cp "$SAMPLE" h.tsv
	env LD_PRELOAD="$FAULT_LIB" "$TALUS" --history-file h.tsv --morning 4 >/dev/null 2>&1 ||
		fail "append failed with the shim loaded and no fault"
	case "$(tail -n 1 h.tsv | cut -f 2-)" in # with the hours after a recent session
	$'morning\tpain=4' | $'morning\tpain=4\thours='*) ;;
	*) fail "no record appended" ;;
	esac
}

# A symlink planted at the history's path is not followed: nothing is written through it.
test_symlink_at_the_history_path() {
	printf 'theirs\n' >target.tsv
	ln -s target.tsv h.tsv
	talus --history-file h.tsv --morning 2
	expect_status 1
	expect_err "talus: h.tsv: cannot read: is a symbolic link; talus does not follow one for its history"
	[ "$(cat target.tsv)" = theirs ] || fail "written through the link: $(cat target.tsv)"
	talus --history-file h.tsv --history
	expect_status 1
}

test_history_others_can_write_to() {
	cp "$SAMPLE" h.tsv
	chmod 664 h.tsv
	cp h.tsv before.tsv
	talus --history-file h.tsv --morning 2
	expect_status 1
	expect_err "talus: h.tsv: cannot read: others can write to it (mode 0664); chmod go-w it"
	cmp -s h.tsv before.tsv || fail "the file changed"
	chmod 646 h.tsv
	talus --history-file h.tsv --csv
	expect_status 1
	expect_err "talus: h.tsv: cannot read: others can write to it (mode 0646); chmod go-w it"
}

test_history_of_another_user() {
	[ "$(id -u)" = 0 ] || return 0 # only root can give a file away
	cp "$SAMPLE" h.tsv
	chown 65534 h.tsv
	talus --history-file h.tsv --morning 2
	expect_status 1
	expect_err "talus: h.tsv: cannot read: owned by another user (uid 65534); talus uses only a history file of yours"
}

# A FIFO at the path blocked talus for ever on read.
test_fifo_at_the_history_path() {
	mkfifo h.tsv
	out=$(timeout 5 "$TALUS" --history-file h.tsv --csv 2>stderr)
	status=$?
	err=$(cat stderr)
	expect_status 2 # refused before anything opens it (bad input, as a bad config is)
	expect_err "talus: h.tsv: not a regular file; the history must be a plain file"
	out=$(timeout 5 "$TALUS" --history-file h.tsv --morning 1 2>stderr)
	status=$?
	err=$(cat stderr)
	expect_status 2
	expect_err "talus: h.tsv: not a regular file; the history must be a plain file"
}

# A byte-order mark and the records of a later version are not damage.
test_bom_and_newer_records() {
	{ printf '\357\273\277'; cat "$SAMPLE"; printf '2026-11-23T09:00:00+01:00\tnap\tminutes=20\n'; } >h.tsv
	talus --history-file h.tsv --csv
	expect_status 0
	expect_err "" # not damage, and not said on every run
	expect_golden history.csv
	talus --programs "$PROGRAMS" --history-file h.tsv --check
	expect_status 0
	expect_out_has "talus: history h.tsv: 1 record of a newer talus passed over"
}

run_tests
