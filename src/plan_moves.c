#include "plan_moves.h"

#include <stdio.h>

#include "intervals.h"
#include "scheduler.h"
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

/* Why a heavy day cannot stay on weekday wd, or MOVE_OK. Hops are kept off the long
 * run's day and the day before it, off heavy calf work and the day after it (48 h after
 * heavy calf work, rehab.md: NSCA); heavy calf work off the day before the long run. */
enum move_why plan_move_why(enum heavy_kind heavy, int long_day, day_set calf, int wd)
{
	if (long_day >= 0 && heavy == HEAVY_HOPS && wd == long_day)
		return MOVE_LONG_DAY;
	if (long_day >= 0 && heavy != HEAVY_NONE && wd == wrap(long_day - 1))
		return MOVE_BEFORE_LONG;
	if (heavy == HEAVY_HOPS && day_set_has(calf, wd))
		return MOVE_ON_CALF;
	if (heavy == HEAVY_HOPS && day_set_has(calf, wrap(wd - 1)))
		return MOVE_AFTER_CALF;
	return MOVE_OK;
}

/* A day a heavy day may move to: free, allowed, and not next to another heavy day of
 * the program (48-72 h between heavy days, hops and heavy calf work alike: rehab.md,
 * NSCA; Beyer 2015's 3x/week). */
static bool free_for(day_set days, enum heavy_kind heavy, int long_day, day_set calf, int wd)
{
	if (day_set_has(days, wd) || plan_move_why(heavy, long_day, calf, wd) != MOVE_OK)
		return false;
	return !day_set_has(days, wrap(wd - 1)) && !day_set_has(days, wrap(wd + 1));
}

/* The weekday to move `from` to, or -1. Around a long run, earlier days first, so the
 * calf is rested by it, the day after it last; else the nearest day (*design*). */
static int move_to(day_set days, enum heavy_kind heavy, int long_day, day_set calf,
		   day_set avoid, int from)
{
	static const int around_long[] = { -2, -3, -4, -5, +1 };
	static const int around_from[] = { +1, -1, +2, -2, +3, -3 };
	const int *order = long_day >= 0 ? around_long : around_from;
	size_t n = long_day >= 0 ? ARRAY_SIZE(around_long) : ARRAY_SIZE(around_from);
	int base = long_day >= 0 ? long_day : from;

	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++) {
			int wd = wrap(base + order[i]);
			/* another program's heavy day, and the day after it, are taken last */
			bool near = day_set_has(avoid, wd) || day_set_has(avoid, wrap(wd - 1));
			if (wd != from && free_for(days, heavy, long_day, calf, wd) && (pass || !near))
				return wd;
		}
	return -1;
}

day_set plan_move_days(day_set days, enum heavy_kind heavy, int long_day, day_set calf,
		       day_set avoid, struct day_move *moves, int *nmoves)
{
	*nmoves = 0;
	if (heavy == HEAVY_NONE)
		return days;
	for (int wd = 0; wd < 7; wd++) {
		enum move_why why = plan_move_why(heavy, long_day, calf, wd);
		struct day_move *m = &moves[*nmoves];

		if (!day_set_has(days, wd) || why == MOVE_OK)
			continue;
		days = (day_set)(days & ~(1u << wd));
		*m = (struct day_move){ wd, move_to(days, heavy, long_day, calf, avoid, wd), why };
		if (m->to >= 0)
			days = day_set_add(days, m->to);
		(*nmoves)++;
	}
	return days;
}

void plan_move_note(const struct day_move *move, enum heavy_kind heavy, const char *name,
		    int long_day, char *buf, size_t len)
{
	const char *what = heavy == HEAVY_HOPS ? "hops" : "heavy calf work";
	char where[80];

	if (move->from < 0) {
		copy_str(buf, len, "");
		return;
	}
	if (move->why == MOVE_LONG_DAY)
		snprintf(where, sizeof(where), "%s, %s's long run", weekday_title[move->from],
			 weekday_name[long_day]);
	else if (move->why == MOVE_ON_CALF)
		snprintf(where, sizeof(where), "%s, a day of heavy calf work", weekday_title[move->from]);
	else if (move->why == MOVE_AFTER_CALF)
		snprintf(where, sizeof(where), "%s, 24 h after %s's heavy calf work (48 h wanted)",
			 weekday_title[move->from], weekday_name[wrap(move->from - 1)]);
	else
		snprintf(where, sizeof(where), "%s, the day before %s's long run",
			 weekday_title[move->from], weekday_name[long_day]);
	if (move->to >= 0)
		snprintf(buf, len, "%s: %s (%s) moved to %s.", where, what, name,
			 weekday_title[move->to]);
	else
		snprintf(buf, len, "%s: %s (%s) left out, no other day free.", where, what, name);
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


enum run_stage plan_run_stage(const struct program *prog, plan_load_fn load, void *ctx,
			      char *gate, size_t len)
{
	struct program p;
	char next[128];
	enum run_stage stage = RUN_STAGE_OTHER;

	if (program_is_walk_run(prog))
		return RUN_STAGE_RUNNING;
	if (prog->impact) {
		copy_str(gate, len, prog->name);
		return RUN_STAGE_BEFORE;
	}
	/* a program leading to hops before running is before their exit (rehab.md's
	 * return-to-run criteria are that exit test) */
	copy_str(next, sizeof(next), prog->next ? prog->next : "");
	for (int hops = 0; next[0] && hops < 16 && load(ctx, next, &p); hops++) {
		bool running = program_is_walk_run(&p);
		if (!running && p.impact) {
			copy_str(gate, len, p.name);
			stage = RUN_STAGE_BEFORE;
		}
		copy_str(next, sizeof(next), !running && !p.impact && p.next ? p.next : "");
		program_free(&p);
	}
	return stage;
}

bool plan_running_allowed(const enum run_stage *stages, int n)
{
	bool before = false;

	for (int i = 0; i < n; i++) {
		if (stages[i] == RUN_STAGE_RUNNING)
			return true;
		before = before || stages[i] == RUN_STAGE_BEFORE;
	}
	return !before;
}
