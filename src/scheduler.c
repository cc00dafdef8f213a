/* The progression scheduler: the level of each program is replayed from the history
 * with the pain-monitoring rules (Silbernagel 2007; rehab.md "Progression rules"), so no
 * other state is kept. Every record counts at its instant, in the order of time. */
#include "scheduler.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* A session is complete (may move the runner up) only with enough of its sets done,
 * finished or not: finishing by skipping through the sets is not doing them. A session
 * with no set done never is. (A finished one with no set or skip records at all, as an
 * old or hand-written history has, is taken at its word, as is a finished one whose
 * planned count is unknown.) */
static bool counted(const struct session *s, const struct progression_rules *rules)
{
	if (s->status == SESSION_DONE && s->sets_done == 0 && s->skips == 0)
		return true;
	if (s->status == SESSION_DONE && s->planned <= 0)
		return s->sets_done > 0;
	return s->planned > 0 && s->sets_done > 0 &&
	       s->sets_done * 100 >= rules->counted_percent * s->planned;
}

/* A session enters the rules when it was finished, complete or rated: pain counts whether
 * the session was finished, quit or interrupted. */
static bool enters_rules(const struct session *s, const struct progression_rules *rules)
{
	return s->status == SESSION_DONE || counted(s, rules) || s->pain_during >= 0 ||
	       s->pain_after >= 0;
}

/* The sessions of one program on one local day, taken as one: the worst pain decides,
 * and the day is complete when one of them was. */
struct day_sessions {
	day_t day;
	int64_t end_when; /* the last record of the last */
	int pain;         /* worst rated pain, -1 when none was rated */
	bool complete;
};

/* Where the replay is: the progress so far, and the last day of sessions until its
 * morning after has been read. */
struct replay {
	struct progress *p;
	const struct session_log *log;
	const struct progression_rules *rules;
	bool pending;         /* a day of sessions waits for its morning after */
	bool pending_easy;    /* ... an easy, complete one: its morning decides the count */
	bool pending_held;    /* ... but morning pain rose the week before: no advance */
	day_t pending_day;
	int64_t pending_end;
	day_t last_step_back; /* for the deload guard */
	bool walk_run;        /* the walk/run rules hold (scheduler_run.c) */
	day_t advanced[RUN_LEVELS_PER_WEEK]; /* the last steps up, the latest first */
	bool run_held;        /* a run hurt: no step up until a settled morning after it */
	day_t run_day;
};

/* Mornings are sorted by time, so (but for a traveller's) by day too: the first one on
 * or after day by binary search, so years of history stay cheap. */
static size_t first_morning_on(const struct session_log *log, day_t day)
{
	size_t lo = 0, hi = log->nmornings;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (log->mornings[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Mean morning pain over days [from, to] in tenths, or -1 with no rating. */
static int morning_mean_tenths(const struct session_log *log, day_t from, day_t to,
			       int64_t now)
{
	long sum = 0;
	int n = 0;

	for (size_t i = first_morning_on(log, from); i < log->nmornings && log->mornings[i].day <= to; i++) {
		if (log->mornings[i].when <= now) {
			sum += log->mornings[i].pain;
			n++;
		}
	}
	return n ? (int)((sum * 10 + n / 2) / n) : -1;
}

/* How many weeks in a row mean morning pain rose before day d (0, 1 or 2), the weeks
 * ending the day before. A rise already falling again (the last rating below the last
 * week's mean) is not a second one. */
static int weekly_rises(const struct session_log *log, day_t d, int64_t now)
{
	int w1 = morning_mean_tenths(log, d - 7, d - 1, now);
	int w2 = morning_mean_tenths(log, d - 14, d - 8, now);
	int w3 = morning_mean_tenths(log, d - 21, d - 15, now);
	size_t i = first_morning_on(log, d);
	int last = -1;

	if (w1 < 0 || w2 < 0 || w1 < w2 + WEEKLY_RISE_TENTHS)
		return 0;
	while (i-- > 0 && last < 0)
		if (log->mornings[i].when <= now)
			last = log->mornings[i].pain * 10;
	if (w3 < 0 || w2 < w3 + WEEKLY_RISE_TENTHS || last < w1)
		return 1;
	return 2;
}

static void new_level(struct replay *r, int level, enum level_reason why, day_t day)
{
	struct progress *p = r->p;

	if (level < p->level)
		r->last_step_back = day;
	if (level != p->level) {
		p->level_since = day;
		p->sessions_at_level = 0;
		p->tests_failed = 0;
	}
	p->from_level = p->level;
	p->level = level;
	p->reason = why;
	p->day = day;
	p->easy_streak = 0;
	p->ready_for_next = false;
	r->pending = false;
}

/* One level down; below level 1 is the protective level 0 when the program has one. */
static void step_back(struct replay *r, enum level_reason why, day_t day, int by)
{
	int level = r->p->level - by;

	new_level(r, level < r->p->first_level ? r->p->first_level : level, why, day);
}

static void repeat(struct replay *r, enum level_reason why, int pain, day_t day)
{
	r->p->reason = why;
	r->p->pain = pain;
	r->p->day = day;
	r->p->easy_streak = 0;
	r->p->ready_for_next = false;
}

/* 14-27 days away: one level back; 28-55: two; 56 or more: level 1 (layoff-days 14).
 * Never below level 1: the protective level 0 is for severe pain, not for time off. */
static void layoff(struct replay *r, day_t day, const struct program *prog)
{
	struct progress *p = r->p;
	int gap = p->last_active >= 0 ? (int)(day - p->last_active) : 0;
	int days = r->rules->layoff_days, lowest = p->level < 1 ? p->level : 1;
	int level = gap >= LAYOFF_RESTART * days ? lowest
		    : p->level - (gap >= LAYOFF_TWO_LEVELS * days ? 2 : 1);

	(void)prog;
	if (gap < days)
		return;
	new_level(r, level < lowest ? lowest : level, LR_LAYOFF, day);
	p->gap_days = gap;
	p->last_active = day;
}

static void easy(struct replay *r, const struct program *prog, day_t day)
{
	struct progress *p = r->p;

	if (++p->easy_streak < r->rules->advance_sessions) {
		if (p->reason != LR_ADVANCED && !r->run_held)
			p->reason = LR_BUILDING;
		return;
	}
	if (r->run_held) { /* moves up after the settled morning, with the next easy one */
		p->easy_streak = r->rules->advance_sessions;
		p->reason = LR_RUN_HOLD;
		return;
	}
	if (p->level < prog->levels && r->walk_run && walk_run_week_full(r->advanced, day)) {
		p->easy_streak = r->rules->advance_sessions;
		p->reason = LR_LEVEL_WEEK;
		return;
	}
	if (p->level < prog->levels) {
		walk_run_advanced(r->advanced, day);
		new_level(r, p->level + 1, LR_ADVANCED, day);
		return;
	}
	p->easy_streak = r->rules->advance_sessions;
	p->reason = LR_BUILDING;
	p->ready_for_next = prog->next != NULL;
}

/* The day of sessions ended before its morning after was rated: an easy one is not
 * counted (never advance on a missing rating). */
static void morning_missed(struct replay *r)
{
	if (r->pending && r->pending_easy)
		repeat(r, LR_NO_MORNING, -1, r->pending_day);
	r->pending = false;
}

static void on_sessions(struct replay *r, const struct day_sessions *g, const struct program *prog,
			int64_t now)
{
	struct progress *p = r->p;
	const struct progression_rules *rules = r->rules;
	int rises;
	bool back_to_back = r->walk_run && walk_run_back_to_back(p->last_session, g->day);

	if (r->pending && g->day != r->pending_day)
		morning_missed(r);
	layoff(r, g->day, prog);
	p->last_session = p->last_active = g->day;
	p->sessions_at_level++;
	if (g->pain >= rules->alarm_pain) {
		new_level(r, p->first_level, LR_SEVERE, g->day);
		p->pain = g->pain;
		return;
	}
	if (g->pain > rules->repeat_max_pain) {
		step_back(r, LR_PAIN, g->day, 1);
		p->pain = g->pain;
		return;
	}
	rises = weekly_rises(r->log, g->day, now);
	if (rises == 2 && g->day - r->last_step_back >= DELOAD_GUARD_DAYS) {
		step_back(r, LR_DELOAD, g->day, 1);
		return;
	}
	r->pending = true;
	r->pending_day = g->day;
	r->pending_end = g->end_when;
	r->pending_easy = false;
	if (g->pain < 0) {
		repeat(r, LR_UNRATED, -1, g->day);
	} else if (g->pain > rules->advance_max_pain) {
		repeat(r, LR_REPEAT, g->pain, g->day);
	} else if (g->complete && back_to_back) {
		repeat(r, LR_BACK_TO_BACK, -1, g->day);
	} else if (g->complete) {
		r->pending_easy = true;
		r->pending_held = rises > 0;
	}
	/* easy but incomplete: neither a step up nor a break */
}

static void on_morning(struct replay *r, const struct morning_rating *m, const struct program *prog)
{
	struct progress *p = r->p;
	const struct progression_rules *rules = r->rules;
	int base;

	if (m->pain >= rules->alarm_pain) {
		new_level(r, p->first_level, LR_SEVERE, m->day);
		p->pain = m->pain;
		return;
	}
	base = morning_baseline(r->log, rules, m->when);
	if (r->run_held && m->day > r->run_day && m->pain <= rules->advance_max_pain &&
	    (base < 0 || m->pain <= base)) {
		r->run_held = false;
		if (p->reason == LR_RUN_HOLD)
			p->reason = LR_BUILDING;
	}
	if (!r->pending || m->day <= r->pending_day ||
	    m->when > r->pending_end + MORNING_AFTER_HOURS * 3600)
		return;
	r->pending = false;
	p->baseline = base;
	if (m->pain > rules->repeat_max_pain || (base >= 0 && m->pain >= base + 2) ||
	    (r->walk_run && walk_run_morning_unsettled(m->pain, base))) {
		step_back(r, LR_MORNING, m->day, 1);
		p->pain = m->pain;
		p->baseline = base;
	} else if (m->pain > rules->advance_max_pain || (base >= 0 && m->pain > base)) {
		repeat(r, LR_MORNING_REPEAT, m->pain, m->day);
	} else if (r->pending_easy && r->pending_held) {
		repeat(r, LR_HOLD, -1, m->day);
	} else if (r->pending_easy) {
		easy(r, prog, m->day);
	}
}

/* A run's pain (run_pain_effect): no easy session before it counts any more (the count
 * starts over, as for a session's pain in the middle band), and none moves the runner
 * up before a settled morning after it. */
static void on_run(struct replay *r, const struct run *run, const struct program *prog)
{
	struct progress *p = r->p;

	switch (run_pain_effect(prog, r->rules, run->pain)) {
	case RUN_PAIN_NONE:
		return;
	case RUN_PAIN_SEVERE:
		new_level(r, p->first_level, LR_SEVERE, run->day);
		break;
	case RUN_PAIN_STEP_BACK:
		step_back(r, LR_RUN_PAIN, run->day, 1);
		break;
	case RUN_PAIN_HOLD:
		repeat(r, LR_RUN_HOLD, run->pain, run->day);
		r->pending_easy = false;
		break;
	}
	p->pain = run->pain;
	r->run_held = true;
	r->run_day = run->day;
}

/* The next session of prog at or after *si that enters the rules and is not after now,
 * with the rest of its local day joined to it; false when none is left. */
static bool next_day_sessions(const struct session_log *log, const struct program *prog,
			      const struct progression_rules *rules, int64_t now, size_t *si,
			      struct day_sessions *g)
{
	const struct session *s;

	for (; *si < log->nsessions; ++*si) {
		s = &log->sessions[*si];
		if (s->start_when <= now && strcmp(s->program, prog->name) == 0 && enters_rules(s, rules))
			break;
	}
	if (*si >= log->nsessions)
		return false;
	s = &log->sessions[*si];
	*g = (struct day_sessions){ s->day, s->last_when, session_pain(s), counted(s, rules) };
	for (++*si; *si < log->nsessions && log->sessions[*si].day == g->day; ++*si) {
		const struct session *o = &log->sessions[*si];
		if (o->start_when > now || strcmp(o->program, prog->name) != 0 || !enters_rules(o, rules))
			continue;
		if (session_pain(o) > g->pain)
			g->pain = session_pain(o);
		if (o->last_when > g->end_when)
			g->end_when = o->last_when;
		g->complete = g->complete || counted(o, rules);
	}
	return true;
}

void schedule_level_changes(const struct session_log *log, const struct program *prog,
			    const struct progression_rules *rules, day_t today, int64_t now,
			    struct progress *out, level_hook hook, void *ctx)
{
	struct replay r = { out, log, rules, false, false, false, 0, 0, -100000,
			    program_is_walk_run(prog), { -100000, -100000 }, false, 0 };
	size_t si = 0, mi = 0, li = 0, ti = 0, ri = 0;
	int was;
	struct day_sessions g;
	bool have_g;

	memset(out, 0, sizeof(*out));
	out->first_level = program_first_level(prog);
	out->level = 1;
	out->levels = prog->levels;
	out->reason = LR_START;
	out->last_session = out->last_active = out->level_since = -1;
	out->pain = out->baseline = -1;
	have_g = next_day_sessions(log, prog, rules, now, &si, &g);
	/* sessions, mornings, levels set by hand and entry tests failed, by time */
	for (;;) {
		const struct manual_level *m = NULL;
		const struct entry_test *t = NULL;
		const struct morning_rating *mr = NULL;
		int64_t when = have_g ? g.end_when : INT64_MAX;
		bool set_by_hand = false;
		was = out->level;

		while (li < log->nlevels && strcmp(log->levels[li].program, prog->name) != 0)
			li++;
		while (ti < log->ntests && (strcmp(log->tests[ti].program, prog->name) != 0 ||
					    log->tests[ti].passed))
			ti++;
		if (li < log->nlevels && log->levels[li].when <= now && log->levels[li].when <= when)
			when = (m = &log->levels[li])->when;
		if (ti < log->ntests && log->tests[ti].when <= now && log->tests[ti].when < when) {
			m = NULL;
			when = (t = &log->tests[ti])->when;
		}
		if (mi < log->nmornings && log->mornings[mi].when <= now && log->mornings[mi].when < when) {
			m = NULL;
			t = NULL;
			when = (mr = &log->mornings[mi])->when;
		}
		while (ri < log->nruns && (log->runs[ri].walk_run || log->runs[ri].pain < 0))
			ri++;
		if (ri < log->nruns && log->runs[ri].when <= now && log->runs[ri].when < when) {
			on_run(&r, &log->runs[ri++], prog);
		} else if (mr) {
			on_morning(&r, mr, prog);
			mi++;
		} else if (m) {
			int level = m->level < out->first_level ? out->first_level
				    : m->level > prog->levels ? prog->levels : m->level;
			new_level(&r, level, LR_MANUAL, m->day);
			out->level_since = out->last_active = m->day; /* the clocks start anew */
			out->sessions_at_level = 0;
			set_by_hand = true;
			li++;
		} else if (t) {
			/* the test was not passed: build up again before asking anew */
			out->easy_streak = 0;
			out->ready_for_next = false;
			out->tests_failed++;
			ti++;
		} else if (have_g) {
			if (out->level_since < 0)
				out->level_since = g.day;
			on_sessions(&r, &g, prog, now);
			have_g = next_day_sessions(log, prog, rules, now, &si, &g);
		} else {
			break;
		}
		if (hook && (out->level != was || set_by_hand))
			hook(ctx, out);
	}
	if (r.pending && r.pending_easy) {
		if (now > r.pending_end + MORNING_AFTER_HOURS * 3600)
			morning_missed(&r);
		else
			out->awaiting_morning = true;
	}
	was = out->level;
	layoff(&r, today, prog);
	if (hook && out->level != was)
		hook(ctx, out);
	out->sessions_needed = rules->advance_sessions - out->easy_streak - out->awaiting_morning;
	if (out->sessions_needed < 0)
		out->sessions_needed = 0;
	out->stalled = out->tests_failed >= STALL_FAILED_TESTS ||
		       (out->level_since >= 0 && out->sessions_at_level >= STALL_MIN_SESSIONS &&
			today - out->level_since >= rules->stall_weeks * 7 &&
			(out->level < prog->levels || prog->next));
}
