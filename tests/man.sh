#!/usr/bin/env bash
# The man pages: each renders without a warning (mandoc -T lint, else man --warnings),
# talus(1) names every option of --help, and the section 5 pages every key of the
# libconfuse tables in src/, read from the source so a new key cannot go unnoticed.
. "$(dirname "$0")/lib.sh"

MAN="$SRCDIR/man"

# keys FILE...: the option names of the libconfuse tables in the files
keys() {
	sed -n 's/.*CFG_[A-Z_]*("\([a-z][a-z0-9-]*\)".*/\1/p' "$@" | sort -u
}

# expect_items PAGE NAME...: the page has an item of its own (.It) for each option or key
expect_items() {
	local page=$MAN/$1 n
	shift
	for n in "$@"; do
		case $n in
		--*) grep -qE "^\.It (Fl [A-Za-z] , )?Fl ${n#-}( |\$)" "$page" ;;
		*) grep -qE "^\.It Cm $n( |\$)" "$page" ;;
		esac || fail "$n has no item of its own in $(basename "$page")"
	done
}

test_pages_lint_clean() {
	local page msgs
	for page in talus.1 talus.conf.5 talus-program.5; do
		[ -f "$MAN/$page" ] || { fail "man/$page is missing"; continue; }
		if command -v mandoc >/dev/null; then
			# warnings and worse; STYLE notes (an unknown Xr) are not warnings
			msgs=$(mandoc -T lint -W warning "$MAN/$page" 2>&1)
		elif command -v man >/dev/null; then
			msgs=$(MANWIDTH=80 man --warnings -l -E UTF-8 "$MAN/$page" 2>&1 >/dev/null)
		else
			echo "skipped: neither mandoc nor man is installed"
			return
		fi
		[ -z "$msgs" ] || fail "$page: $msgs"
	done
}

test_talus_1_has_every_option_of_help() {
	local opts
	talus --help
	expect_status 0
	opts=$(printf '%s\n' "$out" | sed -n 's/^  \(-[A-Za-z], \)\{0,1\} *--\([a-z][a-z0-9-]*\).*/--\2/p')
	[ "$(printf '%s\n' "$opts" | wc -l)" -gt 20 ] || fail "too few options read from --help: $opts"
	# shellcheck disable=SC2086
	expect_items talus.1 $opts
}

test_talus_conf_5_has_every_config_key() {
	local k
	k=$(keys "$SRCDIR"/src/config*.c)
	# the progression keys are made from the rule_keys table
	k="$k $(sed -n 's/^	{ "\([a-z][a-z0-9-]*\)", offsetof.*/\1/p' "$SRCDIR"/src/config*.c)"
	[ "$(echo $k | wc -w)" -gt 15 ] || fail "too few keys read from src/config*.c: $k"
	# shellcheck disable=SC2086
	expect_items talus.conf.5 $k
}

test_talus_program_5_has_every_program_key() {
	local files k
	# every table outside the config's is a program's
	files=$(grep -l 'CFG_[A-Z_]*("' "$SRCDIR"/src/*.c | grep -v '/config[^/]*\.c$')
	# shellcheck disable=SC2086
	k=$(keys $files)
	[ "$(echo $k | wc -w)" -gt 25 ] || fail "too few keys read from src/program*.c: $k"
	# shellcheck disable=SC2086
	expect_items talus-program.5 $k
}

run_tests
