#!/usr/bin/env bash
# Writes twelve weeks of rehab (2026-08-31 to 2026-11-22) to the history file $1, each
# session at the level talus itself gives that day ($TALUS, programs in $2): a triage,
# sessions Mon/Wed/Fri with pain and notes, mornings after, two missed days, two painful
# sessions and their step back, a rating of 8 with its red-flag round and the advice, a
# level set by hand, an entry test measured on both sides, and runs in one pair of
# shoes growing to one over the cap, some of them painful. Two start records carry a
# level other than the replay's (the report must take the scheduler's, as --plan does).
# For --report's golden test. Each session has one
# set of the two planned: half, enough to count.
set -eu
hist=$1
progs=$2
day() { date -u -d "2026-08-31 + $1 days" +%F; }
rec() { printf '%sT%s+00:00\t%s\n' "$1" "$2" "$3" >>"$hist"; }
level_on() { "$TALUS" --programs "$progs" --history-file "$hist" --plan --date "$1" |
	head -n 1 | sed -n 's/.*: level \([0-9]*\).*/\1/p'; }

printf '# talus history v1\n' >"$hist"
chmod 600 "$hist"
rec "$(day 0)" "07:00:00" "safety"
rec "$(day 0)" "07:01:00" $'triage\tsore=left\tonset=twist\tsince=3-to-12-months\twhere=outer-ankle\tgives-way=yes\tpathway=chronic-instability\tprogram=ankle-foundations'
metres=3000
for w in $(seq 0 11); do
	for off in 0 2 4; do
		n=$((w * 7 + off))
		d=$(day $n)
		# missed: week 3's Friday and week 9's Wednesday
		[ "$n" = 25 ] || [ "$n" = 65 ] && continue
		during=2 after=1 note=""
		[ "$n" = 35 ] && during=6 after=5 note=$'\tnote=sharp on the outer side | stopped hopping'
		[ "$n" = 42 ] && during=6 after=5
		[ "$n" = 44 ] && during=8 after=6
		[ "$n" = 9 ] && note=$'\tnote=felt\\tsteady today'
		if [ "$n" = 56 ]; then
			rec "$d" "06:50:00" $'level\tprogram=ankle-foundations\tlevel=2'
		fi
		lv=$(level_on "$d")
		# the level before the flare of day 42, and one never set or reached
		[ "$n" = 44 ] && lv=$prev_lv
		[ "$n" = 63 ] && lv=2
		prev_lv=$lv
		id="${d//-/}T0730-$n"
		rec "$d" "07:30:00" $'start\tsession='"$id"$'\tprogram=ankle-foundations\tlevel='"$lv"$'\tplanned=2'
		rec "$d" "07:40:00" $'set\tsession='"$id"$'\texercise=calf-raise\tset=1\treps=10\ttarget=10\tsecs=50'
		rec "$d" "07:55:00" $'end\tsession='"$id"$'\tstatus=done\tpain-during='"$during"$'\tpain-after='"$after"$'\tsecs=1500'"$note"
		morning=1
		[ "$n" = 35 ] && morning=3
		[ "$n" = 44 ] || [ "$n" = 42 ] && morning=4
		rec "$(day $((n + 1)))" "07:00:00" $'morning\tpain='"$morning"$'\thours=23'
		if [ "$n" = 44 ]; then
			for f in crack infection rupture fracture clot bone-stress nerve medicine; do
				rec "$d" "08:00:00" $'red-flag\tflag='"$f"$'\tanswer=no\ttrigger=severe'
			done
			rec "$d" "08:01:00" $'advice\treason=severe'
		fi
	done
	# runs on Tuesdays and Saturdays from week 3, 5% longer each week; week 9's Saturday
	# is 30% over the longest
	if [ "$w" -ge 3 ]; then
		rp=1
		[ "$w" = 5 ] && rp=2
		rec "$(day $((w * 7 + 1)))" "18:00:00" $'run\tmetres='"$metres"$'\tsecs=1200\tpain-during='"$rp"$'\tshoes=pegasus\tsurface=road'
		long=$metres
		[ "$w" = 9 ] && long=$((metres * 13 / 10)) rp=3
		rec "$(day $((w * 7 + 5)))" "09:00:00" $'run\tmetres='"$long"$'\tsecs=1500\tpain-during='"$rp"$'\tshoes=pegasus\tsurface=trail'
		metres=$((metres * 105 / 100))
	fi
done
rec "$(day 74)" "08:30:00" $'test\tprogram=ankle-foundations\tnext=ankle-strength\tanswer=no\tleft=18\tright=24'
