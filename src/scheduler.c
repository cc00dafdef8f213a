#include "scheduler.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MORNING_LOOKBACK_DAYS 7
#define DELOAD_GUARD_DAYS 14

static int session_pain(const struct session *s)
{
	return s->pain_during > s->pain_after ? s->pain_during : s->pain_after;
}

/* A quit or interrupted session is complete (may move the runner up) only with enough
 * of its sets done; a session with no set done never is: a finished one whose every set
 * was skipped is not. (A finished one with no set or skip records at all, as an old or
 * hand-written history has, is taken at its word.) */
static bool counted(const struct session *s, const struct progression_rules *rules)
{
	if (s->status == SESSION_DONE)
		return s->sets_done > 0 || s->skips == 0;
	return s->planned > 0 && s->sets_done * 100 >= rules->counted_percent * s->planned;
}

/* The sessions of one program on one local day, taken as one: the worst pain decides,
 * and the day is complete when one of them was. */
struct day_sessions {
	day_t day;
	int64_t start_when; /* of the first */
	int pain;           /* worst rated pain, -1 when none was rated */
	bool complete;
};

/* A session enters the rules when it was finished, complete or rated: pain counts whether the
 * session was finished, quit or interrupted. */
static bool enters_rules(const struct session *s, const struct progression_rules *rules)
{
	return s->status == SESSION_DONE || counted(s, rules) || s->pain_during >= 0 ||
	       s->pain_after >= 0;
}

/* Mornings are sorted by time, so by day too: the first one on or after day, and the
 * first one at or after a moment, by binary search (years of history stay cheap). */
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

static size_t first_morning_at(const struct session_log *log, int64_t when)
{
	size_t lo = 0, hi = log->nmornings;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (log->mornings[mid].when < when)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The last morning rating before the session (within a week), or -1. */
static int morning_before(const struct session_log *log, const struct day_sessions *s)
{
	size_t i = first_morning_at(log, s->start_when);

	if (i == 0 || log->mornings[i - 1].day < s->day - MORNING_LOOKBACK_DAYS)
		return -1;
	return log->mornings[i - 1].pain;
}

/* The first morning rating of the day after the session, or -1. */
static int morning_after(const struct session_log *log, const struct day_sessions *s)
{
	size_t i = first_morning_on(log, s->day + 1);

	return i < log->nmornings && log->mornings[i].day == s->day + 1 ? log->mornings[i].pain : -1;
}

/* Mean morning pain over days [from, to], or -1 with no rating. */
static double morning_mean(const struct session_log *log, day_t from, day_t to)
{
	double sum = 0;
	int n = 0;

	for (size_t i = first_morning_on(log, from); i < log->nmornings && log->mornings[i].day <= to; i++) {
		sum += log->mornings[i].pain;
		n++;
	}
	return n ? sum / n : -1;
}

/* Morning pain rose two weeks running, judged on the three weeks before day d. */
static bool mornings_rising(const struct session_log *log, day_t d)
{
	double w1 = morning_mean(log, d - 7, d - 1);
	double w2 = morning_mean(log, d - 14, d - 8);
	double w3 = morning_mean(log, d - 21, d - 15);

	return w1 >= 0 && w2 >= 0 && w3 >= 0 && w3 < w2 && w2 < w1;
}

static void step_back(struct progress *p, enum level_reason why, day_t day)
{
	p->from_level = p->level;
	if (p->level > 1)
		p->level--;
	p->reason = why;
	p->day = day;
	p->easy_streak = 0;
	p->ready_for_next = false;
}

static void apply_session(struct progress *p, const struct session_log *log,
			  const struct day_sessions *s, const struct program *prog,
			  const struct progression_rules *rules, day_t *last_deload)
{
	int pain = s->pain;
	int before = morning_before(log, s), after = morning_after(log, s);
	int rise = before >= 0 && after >= 0 ? after - before : 0;

	if (p->last_session >= 0 && s->day - p->last_session >= rules->layoff_days) {
		step_back(p, LR_LAYOFF, s->day);
		p->gap_days = s->day - p->last_session;
	}
	p->last_session = s->day;
	if (mornings_rising(log, s->day) && s->day - *last_deload >= DELOAD_GUARD_DAYS) {
		*last_deload = s->day;
		step_back(p, LR_DELOAD, s->day);
		return;
	}
	if (pain > rules->repeat_max_pain) {
		step_back(p, LR_PAIN, s->day);
		p->pain = pain;
		return;
	}
	if (rise >= rules->morning_rise) {
		step_back(p, LR_MORNING, s->day);
		p->pain = rise;
		return;
	}
	if (pain < 0 || pain > rules->advance_max_pain || rise > 0 || !s->complete) {
		if (!s->complete && pain >= 0 && pain <= rules->advance_max_pain && rise <= 0)
			return; /* easy but incomplete: neither a step up nor a break */
		p->reason = pain < 0 ? LR_UNRATED : LR_REPEAT;
		p->pain = rise > 0 && pain <= rules->advance_max_pain ? -1 : pain;
		p->day = s->day;
		p->easy_streak = 0;
		p->ready_for_next = false;
		return;
	}
	p->easy_streak++;
	if (p->easy_streak < rules->advance_sessions) {
		if (p->reason != LR_ADVANCED)
			p->reason = LR_BUILDING;
		return;
	}
	if (p->level < prog->levels) {
		p->from_level = p->level++;
		p->reason = LR_ADVANCED;
		p->day = s->day;
		p->easy_streak = 0;
	} else {
		p->easy_streak = rules->advance_sessions;
		p->reason = LR_BUILDING;
		p->ready_for_next = prog->next != NULL;
	}
}

void schedule_level(const struct session_log *log, const struct program *prog,
		    const struct progression_rules *rules, day_t today, struct progress *out)
{
	size_t si = 0, li = 0, ti = 0;
	day_t last_deload = -100000;

	memset(out, 0, sizeof(*out));
	out->level = 1;
	out->levels = prog->levels;
	out->reason = LR_START;
	out->last_session = -1;
	out->pain = -1;
	/* sessions, manual levels and entry tests of this program, merged by time */
	for (;;) {
		const struct session *s = NULL;
		const struct manual_level *m = NULL;
		const struct entry_test *t = NULL;

		while (si < log->nsessions && (strcmp(log->sessions[si].program, prog->name) != 0 ||
					       !enters_rules(&log->sessions[si], rules)))
			si++;
		while (li < log->nlevels && strcmp(log->levels[li].program, prog->name) != 0)
			li++;
		while (ti < log->ntests && (strcmp(log->tests[ti].program, prog->name) != 0 ||
					    log->tests[ti].passed))
			ti++;
		if (si < log->nsessions && log->sessions[si].day <= today)
			s = &log->sessions[si];
		if (li < log->nlevels && log->levels[li].day <= today)
			m = &log->levels[li];
		if (ti < log->ntests && log->tests[ti].day <= today)
			t = &log->tests[ti];
		if (m && (!s || m->when <= s->start_when) && (!t || m->when <= t->when)) {
			out->level = m->level < 1 ? 1 : m->level > prog->levels ? prog->levels : m->level;
			out->reason = LR_MANUAL;
			out->day = m->day;
			out->easy_streak = 0;
			out->ready_for_next = false;
			li++;
		} else if (t && (!s || t->when <= s->start_when)) {
			/* the test was not passed: build up again before asking anew */
			out->easy_streak = 0;
			out->ready_for_next = false;
			ti++;
		} else if (s) {
			struct day_sessions ds = { s->day, s->start_when, session_pain(s),
						   counted(s, rules) };
			/* the rest of this program's sessions that day join it */
			for (si++; si < log->nsessions && log->sessions[si].day == s->day; si++) {
				const struct session *o = &log->sessions[si];
				if (strcmp(o->program, prog->name) != 0 || !enters_rules(o, rules))
					continue;
				if (session_pain(o) > ds.pain)
					ds.pain = session_pain(o);
				ds.complete = ds.complete || counted(o, rules);
			}
			apply_session(out, log, &ds, prog, rules, &last_deload);
		} else {
			break;
		}
	}
	if (out->last_session >= 0 && today - out->last_session >= rules->layoff_days) {
		step_back(out, LR_LAYOFF, today);
		out->gap_days = today - out->last_session;
	}
	out->sessions_needed = rules->advance_sessions - out->easy_streak;
	if (out->sessions_needed < 0)
		out->sessions_needed = 0;
}

static void short_date(day_t d, char *buf)
{
	char tmp[DATE_BUF], *p = tmp, *o = buf;

	date_format_short(d, tmp);
	for (; *p; p++) /* "Tue  3 Nov" -> "Tue 3 Nov" */
		if (!(*p == ' ' && p[1] == ' '))
			*o++ = *p;
	*o = '\0';
}

void progress_why(const struct progress *p, const struct progression_rules *rules,
		  const struct program *prog, char *buf, size_t len)
{
	char date[DATE_BUF], back[40];
	struct strbuf sb;
	int n = p->sessions_needed;

	short_date(p->day, date);
	sb_init(&sb);
	sb_printf(&sb, "Level %d of %d", p->level, p->levels);
	/* at the first level a step back has nowhere to go: say so, not "from 1" */
	if (p->from_level > p->level)
		snprintf(back, sizeof(back), "stepped back from %d", p->from_level);
	else
		snprintf(back, sizeof(back), "kept at the first level");
	switch (p->reason) {
	case LR_PAIN:
		sb_printf(&sb, " (%s: pain %d on %s)", back, p->pain, date);
		break;
	case LR_MORNING:
		sb_printf(&sb, " (%s: morning pain up by %d on %s)", back, p->pain, date);
		break;
	case LR_DELOAD:
		sb_printf(&sb, " (%s: morning pain rose two weeks running)", back);
		break;
	case LR_LAYOFF:
		sb_printf(&sb, " (%s after %d days without a session)", back, p->gap_days);
		break;
	case LR_MANUAL:
		sb_printf(&sb, " (set by hand on %s)", date);
		break;
	case LR_REPEAT:
		if (p->pain >= 0)
			sb_printf(&sb, ": repeating, pain was %d on %s", p->pain, date);
		else
			sb_printf(&sb, ": repeating, the morning after %s was worse", date);
		goto done;
	case LR_UNRATED:
		sb_printf(&sb, ": repeating, the session on %s had no pain rating", date);
		goto done;
	case LR_ADVANCED:
		sb_printf(&sb, " (up from %d on %s)", p->from_level, date);
		break;
	case LR_START:
	case LR_BUILDING:
		break;
	}
	if (p->ready_for_next)
		sb_printf(&sb, ": ready for the entry test of %s", program_next_title(prog));
	else if (p->level == p->levels && !prog->next)
		sb_puts(&sb, ", the last level");
	else if (p->level == p->levels)
		sb_printf(&sb, ": %d more session%s with pain <= %d before the entry test of %s", n,
			  n == 1 ? "" : "s", rules->advance_max_pain, program_next_title(prog));
	else
		sb_printf(&sb, ": %d more session%s with pain <= %d to reach level %d", n,
			  n == 1 ? "" : "s", rules->advance_max_pain, p->level + 1);
done:
	copy_str(buf, len, sb.buf);
	sb_free(&sb);
}

void schedule_forecast(const struct progress *now, const struct progression_rules *rules,
		       day_set training_days, day_t from, int ndays, int *levels, day_t *top_day)
{
	int level = now->level, streak = now->easy_streak;

	*top_day = now->ready_for_next || (level == now->levels && streak >= rules->advance_sessions)
			   ? from
			   : -1;
	for (int i = 0; i < ndays; i++) {
		day_t d = from + i;
		levels[i] = level;
		if (!day_set_has_day(training_days, d))
			continue;
		if (++streak < rules->advance_sessions)
			continue;
		if (level < now->levels) {
			level++;
			streak = 0;
		} else if (*top_day < 0) {
			*top_day = d;
		}
	}
}

day_t schedule_forecast_range(const struct progress *now, const struct progression_rules *rules,
			      day_set training_days, day_t today, day_t first, int ndays,
			      int *levels)
{
	day_t start = now->last_session == today ? today + 1 : today;
	day_t end = first + ndays > start ? first + ndays : start;
	/* each level to go takes advance_sessions training days, and a week holds at least
	 * one of them when any day is a training day */
	int climb = (now->levels - now->level) * rules->advance_sessions + 1;
	int horizon = (int)(end - start) + 7 * (climb > 1 ? climb : 1), *ahead;
	day_t ready, top = -1;

	ahead = xmalloc((size_t)horizon * sizeof(*ahead));
	schedule_forecast(now, rules, training_days, start, horizon, ahead, &ready);
	for (int i = 0; i < ndays; i++)
		levels[i] = first + i < start ? now->level : ahead[first + i - start];
	for (int i = 0; i < horizon && top < 0; i++)
		if (ahead[i] == now->levels && day_set_has_day(training_days, start + i))
			top = start + i;
	free(ahead);
	return top;
}
