# bash completion for talus(1). Options come from `talus --help`, so a new option
# completes without a change here; program names and pathways from `talus --list`,
# shoes from `talus --shoes`, each run with the --config, --programs and
# --history-file already on the line, so they name the same files talus will read.

# _talus_run ARGS...: the talus being completed, with the files named on the line
_talus_run() {
	local cmd=${COMP_WORDS[0]} i w
	local -a ctx=()
	[[ $cmd == */* && -x $cmd ]] || cmd=talus
	for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		-C | --config | -D | --programs | -H | --history-file)
			((i != COMP_CWORD - 1)) && ctx+=("$w" "${COMP_WORDS[i + 1]/#\~/$HOME}") ;;
		esac
	done
	"$cmd" "${ctx[@]}" "$@" 2>/dev/null
}

# _talus_reply <LINES: each line a reply that starts with $cur, quoted for the shell
_talus_reply() {
	local line
	COMPREPLY=()
	while IFS= read -r line; do
		[[ -n $line && $line == "$cur"* ]] && COMPREPLY+=("$(printf '%q' "$line")")
	done
}

_talus_files() { # [EXT...]: file names (those ending in .EXT only, any case) and folders
	local IFS=$'\n' f ext
	COMPREPLY=()
	for f in $(compgen -f -- "$cur"); do
		if [[ $# -eq 0 || -d $f ]]; then
			COMPREPLY+=("$f")
		else
			for ext in "$@"; do
				[[ ${f,,} == *."$ext" ]] && COMPREPLY+=("$f")
			done
		fi
	done
	compopt -o filenames 2>/dev/null
}

_talus() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
	COMPREPLY=()
	# --opt=value: bash splits at the '='
	if [[ $cur == = ]]; then
		cur=""
	elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	fi

	case $prev in
	-P | --program)
		_talus_reply < <(_talus_run --list | awk 'NR > 1 && /^[^ ]/ { print $1 }')
		return ;;
	--pathway | --pathways)
		_talus_reply < <(_talus_run --list | sed -n 's/.*first program for: *//p' |
			tr ', ' '\n\n' | sort -u)
		return ;;
	--shoes | --retire-shoes)
		# the pairs not retired; names are cut at 20 columns in the list
		_talus_reply < <(_talus_run --shoes | awk '/^Shoes / { on = 1; next } /^Limit / { on = 0 }
			on && $NF != "retired" { n = substr($0, 1, 20); sub(/ +$/, "", n); print n }')
		return ;;
	--import)
		_talus_files gpx tcx fit
		return ;;
	-C | --config | -H | --history-file | --trace)
		_talus_files
		return ;;
	--ics)
		_talus_files ics
		return ;;
	--format)
		_talus_reply < <(printf '%s\n' ics md text)
		return ;;
	-D | --programs)
		local IFS=$'\n'
		COMPREPLY=($(compgen -d -- "$cur"))
		compopt -o filenames 2>/dev/null
		return ;;
	--surface)
		_talus_reply < <(printf '%s\n' road trail track treadmill grass)
		return ;;
	-d | --date | -s | --since)
		_talus_reply < <(date +%Y-%m-%d)
		return ;;
	-w | --weeks | -m | --morning | --pain | --set-level | -r | --run | -t | --time | --note | --speed)
		return ;;
	esac
	if [[ $cur == -* || -z $cur ]]; then
		_talus_reply < <(_talus_run --help |
			sed -n 's/^  \(-[A-Za-z], \)\{0,1\} *\(--[a-z][a-z0-9-]*\).*/\2/p')
	fi
}

complete -F _talus talus
