#include "plan_moves.h"

#include <stdio.h>

#include "util.h"

static const char *const weekday_name[7] = { "Monday", "Tuesday", "Wednesday", "Thursday",
					     "Friday", "Saturday", "Sunday" };

enum heavy_kind plan_heavy_kind(const struct program *prog, int level)
{
	if (prog->impact && level >= 1)
		return HEAVY_HOPS;
	for (size_t i = 0; i < prog->nexercises; i++) {
		const struct exercise *ex = &prog->exercises[i];
		if (level >= 1 && ex->calf_load.n > 0 && exercise_at_level(ex, level) &&
		    level_value(&ex->calf_load, level) >= HEAVY_CALF_LOAD)
			return HEAVY_CALF;
	}
	return HEAVY_NONE;
}

static int wrap(int wd)
{
	return ((wd % 7) + 7) % 7;
}

/* A day a heavy day may move to: free, not the day before the long run, and not next
 * to another heavy day of the program (48-72 h between heavy days, hops and heavy
 * calf work alike: rehab.md, NSCA; Beyer 2015's 3x/week). */
static bool free_for(day_set days, int long_day, int wd)
{
	if (day_set_has(days, wd) || wd == wrap(long_day - 1))
		return false;
	return !day_set_has(days, wrap(wd - 1)) && !day_set_has(days, wrap(wd + 1));
}

day_set plan_move_days(day_set days, enum heavy_kind heavy, int long_day, day_set avoid,
		       struct day_move *move)
{
	int before = wrap(long_day - 1);
	/* earlier days first, so the calf is rested by the long run; the day after it last */
	static const int order[] = { -2, -3, -4, -5, +1 };

	move->from = move->to = -1;
	if (long_day < 0 || heavy == HEAVY_NONE || !day_set_has(days, before))
		return days;
	days = (day_set)(days & ~(1u << before));
	move->from = before;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < ARRAY_SIZE(order); i++) {
			int wd = wrap(long_day + order[i]);
			/* hops 48 h after heavy calf work (rehab.md): another program's heavy
			 * day, and the day after it, are taken last */
			bool near = day_set_has(avoid, wd) || day_set_has(avoid, wrap(wd - 1));
			if (free_for(days, long_day, wd) && (pass || !near)) {
				move->to = wd;
				return day_set_add(days, wd);
			}
		}
	return days;
}

void plan_move_note(const struct day_move *move, enum heavy_kind heavy, const char *name,
		    int long_day, char *buf, size_t len)
{
	const char *what = heavy == HEAVY_HOPS ? "hops" : "heavy calf work";

	if (move->from < 0) {
		copy_str(buf, len, "");
		return;
	}
	if (move->to >= 0)
		snprintf(buf, len, "%s, the day before %s's long run: %s (%s) moved to %s.",
			 weekday_title[move->from], weekday_name[long_day], what, name,
			 weekday_title[move->to]);
	else
		snprintf(buf, len, "%s, the day before %s's long run: %s (%s) left out, no other "
			 "day free.", weekday_title[move->from], weekday_name[long_day], what, name);
}

void plan_run_days_line(day_set run_days, int long_day, int week_start, char *buf, size_t len)
{
	struct strbuf sb;

	sb_init(&sb);
	for (int i = 0; i < 7; i++) {
		int wd = (week_start + i) % 7;
		if (day_set_has(run_days, wd))
			sb_printf(&sb, "%s %s", sb.len ? "," : "Run days:", weekday_title[wd]);
	}
	if (sb.len && long_day >= 0)
		sb_printf(&sb, "; the long run on %s", weekday_title[long_day]);
	if (sb.len)
		sb_putc(&sb, '.');
	copy_str(buf, len, sb.len ? sb.buf : "");
	sb_free(&sb);
}

void plan_run_cell(day_set run_days, int long_day, day_t d, const char *cap, bool brief,
		   char *buf, size_t len)
{
	const char *what = weekday(d) == long_day ? "long run" : "run";

	if (!day_set_has_day(run_days, d))
		copy_str(buf, len, "");
	else if (cap)
		snprintf(buf, len, brief ? "%s <= %s" : "%s, at most %s", what, cap);
	else
		copy_str(buf, len, what);
}
