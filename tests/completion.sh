#!/usr/bin/env bash
# The shell completion: completion/talus.bash sourced and its function called with
# COMP_WORDS and COMP_CWORD as bash sets them; completion/_talus checked for every
# option of --help and, where zsh is installed, parsed and its program and shoe lists
# run with the completion system stubbed out.
. "$(dirname "$0")/lib.sh"

# shellcheck source=../completion/talus.bash
. "$SRCDIR/completion/talus.bash"

# complete WORD...: completes the last word of `talus WORD...`; sets out, one reply a line
complete_words() {
	COMP_WORDS=("$TALUS" "$@")
	COMP_CWORD=$#
	COMPREPLY=()
	_talus
	out=$(printf '%s\n' "${COMPREPLY[@]}" | sort)
}

test_options_from_help() {
	complete_words --pl
	expect_out "--plan"
	complete_words --hist
	expect_out "--history
--history-file"
	complete_words ""
	expect_out_has "--retire-shoes"
	talus --help
	local want
	want=$(printf '%s\n' "$out" | sed -n 's/^  \(-[A-Za-z], \)\{0,1\} *\(--[a-z][a-z0-9-]*\).*/\2/p' | sort)
	complete_words --
	[ "$out" = "$want" ] || fail "--: [$out], want [$want]"
}

test_program_names() {
	complete_words --programs "$PROGRAMS" --program ankle
	expect_out "ankle-foundations
ankle-strength"
	complete_words -D "$PROGRAMS" -P r
	expect_out "return-to-run
rice"
	# --program=NAME: bash splits the word at '='
	complete_words --programs "$PROGRAMS" --program = sprain
	expect_out "sprain-early"
}

test_program_names_from_the_programs_folder_on_the_line() {
	mkdir progs
	cp "$PROGRAMS/rice.conf" progs/ice-only.conf
	complete_words --programs progs --program ""
	expect_out "ice-only"
}

test_shoes_not_retired() {
	"$TALUS" -H h.tsv --run 8km --shoes "Pegasus 40" --date 2026-11-01 >/dev/null
	"$TALUS" -H h.tsv --run 5km --shoes trail-x --date 2026-11-02 >/dev/null
	"$TALUS" -H h.tsv --run 5km --shoes old --date 2026-11-03 >/dev/null
	"$TALUS" -H h.tsv --retire-shoes old >/dev/null
	complete_words -H h.tsv --retire-shoes ""
	expect_out 'Pegasus\ 40
trail-x'
	complete_words -H h.tsv --run 5km --shoes P
	expect_out 'Pegasus\ 40'
}

test_import_offers_activity_files_and_folders() {
	mkdir runs
	touch a.gpx b.TCX c.fit notes.txt runs/x.gpx
	complete_words --import ""
	expect_out "a.gpx
b.TCX
c.fit
runs"
	complete_words --import runs/
	expect_out "runs/x.gpx"
}

test_surface_and_files() {
	complete_words --run 5km --surface tr
	expect_out "track
trail
treadmill"
	touch my.conf
	complete_words --config my
	expect_out "my.conf"
}

test_zsh_completion_has_every_option() {
	local o zsh_file="$SRCDIR/completion/_talus"
	talus --help
	for o in $(printf '%s\n' "$out" | sed -n 's/^  \(-[A-Za-z], \)\{0,1\} *\(--[a-z][a-z0-9-]*\).*/\2/p'); do
		grep -qE -- "['{,]$o(\\[|=|\\+|})" "$zsh_file" || fail "$o is not in completion/_talus"
	done
	if command -v zsh >/dev/null; then
		zsh -n "$zsh_file" || fail "zsh cannot parse completion/_talus"
	fi
}

# zsh_reply FUNCTION WORD...: what FUNCTION of completion/_talus offers for the words,
# with the completion system stubbed out (no terminal); sets out
zsh_reply() {
	cat >stub.zsh <<'ZSH'
_arguments() { :; }
_call_program() { shift; eval "$@"; }
_wanted() { shift 3; "$@"; }
compadd() { [[ $1 == -a ]] && print -rl -- ${(P)2}; }
source $1
fn=$2; shift 2
words=("$@"); CURRENT=$#
$fn
ZSH
	out=$(zsh -f stub.zsh "$SRCDIR/completion/_talus" "$@" | sort)
}

test_zsh_programs_and_shoes() {
	command -v zsh >/dev/null || { echo "skipped: no zsh"; return; }
	zsh_reply _talus_programs "$TALUS" --programs "$PROGRAMS" --program ""
	expect_out_has "ankle-foundations
ankle-strength"
	"$TALUS" -H h.tsv --run 8km --shoes "Pegasus 40" --date 2026-11-01 >/dev/null
	"$TALUS" -H h.tsv --run 5km --shoes old --date 2026-11-03 >/dev/null
	"$TALUS" -H h.tsv --retire-shoes old >/dev/null
	zsh_reply _talus_shoes "$TALUS" -H h.tsv --retire-shoes ""
	expect_out "Pegasus 40"
}

run_tests
