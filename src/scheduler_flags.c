/* Which program to coach, and the red flags that mean "see a clinician": the part of
 * the scheduler that reads the history without replaying the levels. */
#include "scheduler.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redflag.h"
#include "util.h"

const char *const red_flag_key[5] = { "", "flares", "not-settling", "severe", "stall" };

const char *active_program(const struct session_log *log, const char *configured)
{
	/* the program the last triage chose, else the config's; a triage starts anew, so
	 * only the tests passed since count */
	const struct triage *t = log->ntriages ? &log->triages[log->ntriages - 1] : NULL;
	const char *p = t ? t->program : configured;

	for (int hops = 0; hops < 16; hops++) {
		const char *next = NULL;
		for (size_t i = 0; i < log->ntests; i++)
			if (log->tests[i].passed && strcmp(log->tests[i].program, p) == 0 &&
			    (!t || log->tests[i].when >= t->when))
				next = log->tests[i].next;
		if (!next)
			break;
		p = next;
	}
	return p;
}

const struct triage *config_program_unused(const struct session_log *log,
					   const char *configured, bool set_in_config)
{
	const struct triage *t = log->ntriages ? &log->triages[log->ntriages - 1] : NULL;

	/* a config naming where the triage's program has led (by its tests) is followed */
	if (!t || !set_in_config || strcmp(active_program(log, configured), configured) == 0)
		return NULL;
	return t;
}

/* An advice record for flag at or after the moment since, and not after now. */
static bool advice_given(const struct session_log *log, enum red_flag flag, int64_t since,
			 int64_t now)
{
	for (size_t i = 0; i < log->nadvice; i++)
		if (log->advice[i].when >= since && log->advice[i].when <= now &&
		    strcmp(log->advice[i].reason, red_flag_key[flag]) == 0)
			return true;
	return false;
}

/* Mean of session pains and morning ratings over [from, to], or -1. */
static double pain_mean(const struct session_log *log, day_t from, day_t to, int64_t now)
{
	double sum = 0;
	int n = 0;

	for (size_t i = 0; i < log->nsessions; i++) {
		const struct session *s = &log->sessions[i];
		if (s->day >= from && s->day <= to && s->start_when <= now && session_pain(s) >= 0) {
			sum += session_pain(s);
			n++;
		}
	}
	for (size_t i = 0; i < log->nmornings; i++)
		if (log->mornings[i].day >= from && log->mornings[i].day <= to &&
		    log->mornings[i].when <= now) {
			sum += log->mornings[i].pain;
			n++;
		}
	return n ? sum / n : -1;
}

/* The latest rating of alarm-pain or more in the window: each new one is an episode of
 * its own, so a second 8 within the week is shown again. */
static bool severe_rating(const struct session_log *log, const struct progression_rules *rules,
			  day_t window, day_t today, int64_t now, struct red_flags *out)
{
	int64_t latest = INT64_MIN;

	for (size_t i = 0; i < log->nsessions; i++) {
		const struct session *s = &log->sessions[i];
		if (s->day >= window && s->day <= today && s->start_when <= now &&
		    session_pain(s) >= rules->alarm_pain && s->last_when > latest) {
			latest = s->last_when;
			out->since = s->day;
			snprintf(out->reason, sizeof(out->reason), "a pain rating of %d", session_pain(s));
		}
	}
	for (size_t i = 0; i < log->nmornings; i++) {
		const struct morning_rating *m = &log->mornings[i];
		if (m->day >= window && m->day <= today && m->when <= now &&
		    m->pain >= rules->alarm_pain && m->when > latest) {
			latest = m->when;
			out->since = m->day;
			snprintf(out->reason, sizeof(out->reason), "a morning pain of %d", m->pain);
		}
	}
	for (size_t i = 0; i < log->nruns; i++) { /* a walk/run session's run is its session's */
		const struct run *r = &log->runs[i];
		if (r->day >= window && r->day <= today && r->when <= now && !r->walk_run &&
		    r->pain >= rules->alarm_pain && r->when > latest) {
			latest = r->when;
			out->since = r->day;
			snprintf(out->reason, sizeof(out->reason), "a pain rating of %d on a run", r->pain);
		}
	}
	if (latest == INT64_MIN)
		return false;
	out->flag = RF_SEVERE;
	out->already_shown = advice_given(log, RF_SEVERE, latest, now);
	out->answered_no = red_flags_answered_no(log, latest, now);
	return true;
}

/* What was tried at the level: its sessions and their pain, and the tests. */
static void stall_reason(const struct session_log *log, const struct progress *p, int64_t now,
			 char *buf, size_t len)
{
	char date[DATE_BUF];
	int lo = -1, hi = -1;

	date_format_day(p->level_since, date);
	for (size_t i = 0; i < log->nsessions; i++) {
		const struct session *s = &log->sessions[i];
		int pain = session_pain(s);
		if (s->day >= p->level_since && s->start_when <= now && pain >= 0) {
			lo = lo < 0 || pain < lo ? pain : lo;
			hi = pain > hi ? pain : hi;
		}
	}
	if (p->tests_failed >= STALL_FAILED_TESTS)
		snprintf(buf, len, "the entry test was not passed %d times at level %d",
			 p->tests_failed, p->level);
	else if (lo >= 0 && lo < hi)
		snprintf(buf, len, "level %d since %s: %d days with a session (pain %d-%d) and none "
			 "moved you up", p->level, date, p->sessions_at_level, lo, hi);
	else if (lo >= 0)
		snprintf(buf, len, "level %d since %s: %d days with a session (pain %d) and none "
			 "moved you up", p->level, date, p->sessions_at_level, lo);
	else
		snprintf(buf, len, "level %d since %s: %d days with a session and none moved you up",
			 p->level, date, p->sessions_at_level);
}

int session_repeat_limit(const struct session *s, const struct flag_lookup *find,
			 const struct progression_rules *rules, char *title, size_t len)
{
	struct program other;
	struct progression_rules r;

	title[0] = '\0';
	if (!find || strcmp(s->program, find->prog->name) == 0)
		return rules->repeat_max_pain;
	if (!find->load_program || !find->load_program(find->load_ctx, s->program, &other))
		return find->base->repeat_max_pain;
	program_rules(&other, find->base, &r);
	copy_str(title, len, other.title && *other.title ? other.title : other.name);
	program_free(&other);
	return r.repeat_max_pain;
}

void check_red_flags(const struct session_log *log, const struct progression_rules *rules,
		     const struct flag_lookup *find, day_t today, int64_t now,
		     const struct progress *p, struct red_flags *out)
{
	day_t window = today - rules->flare_days + 1;
	int flares = 0, limit = -1;
	bool one_limit = true;
	day_t first_flare = today;
	int64_t first_flare_when = 0;
	double recent, then;

	memset(out, 0, sizeof(*out));
	if (severe_rating(log, rules, window, today, now, out))
		return;
	for (size_t i = 0; i < log->nsessions; i++) {
		const struct session *s = &log->sessions[i];
		char title[TITLE_MAX_COLS * 4 + 1];
		int its;

		if (s->day < window || s->day > today || s->start_when > now || session_pain(s) < 0)
			continue;
		/* each session by its own program's limit, not the one shown now */
		its = session_repeat_limit(s, find, rules, title, sizeof(title));
		if (session_pain(s) <= its)
			continue;
		one_limit &= limit < 0 || its == limit;
		limit = its;
		if (flares++ == 0) {
			first_flare = s->day;
			first_flare_when = s->start_when;
		}
	}
	if (flares >= rules->flare_sessions) {
		out->flag = RF_FLARES;
		out->since = first_flare;
		if (one_limit)
			snprintf(out->reason, sizeof(out->reason), "%d sessions with pain above %d "
				 "in %d days", flares, limit, rules->flare_days);
		else
			snprintf(out->reason, sizeof(out->reason), "%d sessions with pain above "
				 "their programs' limits in %d days", flares, rules->flare_days);
		out->already_shown = advice_given(log, RF_FLARES, first_flare_when, now);
		return;
	}
	recent = pain_mean(log, today - 6, today, now);
	then = pain_mean(log, today - rules->stall_weeks * 7, today - rules->stall_weeks * 7 + 6, now);
	if (recent >= 0 && then >= 0 && recent >= then && recent > rules->advance_max_pain) {
		out->flag = RF_NOT_SETTLING;
		out->since = today - rules->stall_weeks * 7;
		snprintf(out->reason, sizeof(out->reason), "pain has not come down in %d weeks",
			 rules->stall_weeks);
	} else if (p && p->stalled) {
		out->flag = RF_STALL;
		out->since = p->level_since;
		stall_reason(log, p, now, out->reason, sizeof(out->reason));
	} else {
		return;
	}
	/* an advice on or after the episode's first day covers it */
	for (size_t i = 0; i < log->nadvice; i++)
		if (log->advice[i].day >= out->since && log->advice[i].when <= now &&
		    strcmp(log->advice[i].reason, red_flag_key[out->flag]) == 0)
			out->already_shown = true;
}

void program_rules(const struct program *prog, const struct progression_rules *base,
		   struct progression_rules *out)
{
	*out = *base;
	/* the stricter of the runner's and the program's: an impact program's 2 holds even
	 * when the config says 3, and a config stricter than the program stays so */
	if (prog->own_pain_limits) {
		if (prog->advance_max_pain < out->advance_max_pain)
			out->advance_max_pain = prog->advance_max_pain;
		if (prog->repeat_max_pain < out->repeat_max_pain)
			out->repeat_max_pain = prog->repeat_max_pain;
	}
	walk_run_rules(prog, out);
}

static int by_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

int morning_baseline(const struct session_log *log, const struct progression_rules *rules,
		     int64_t before)
{
	int last[BASELINE_MORNINGS], n = 0;
	size_t lo = 0, hi = log->nmornings;

	while (lo < hi) { /* the first morning at or after before */
		size_t mid = lo + (hi - lo) / 2;
		if (log->mornings[mid].when < before)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i-- > 0 && n < BASELINE_MORNINGS;)
		if (log->mornings[i].pain <= rules->advance_max_pain)
			last[n++] = log->mornings[i].pain;
	if (n == 0)
		return -1;
	qsort(last, (size_t)n, sizeof(*last), by_int);
	return last[(n - 1) / 2]; /* the lower median of an even count: the stricter one */
}

bool last_exercise(const struct session_log *log, int64_t now, int64_t *end, day_t *day)
{
	bool found = false;

	for (size_t i = 0; i < log->nsessions; i++)
		if (log->sessions[i].start_when <= now && (!found || log->sessions[i].last_when > *end)) {
			*end = log->sessions[i].last_when;
			*day = log->sessions[i].day;
			found = true;
		}
	/* a run typed in is logged when it is over: its record's time is its end; an
	 * imported one is dated at its start, and its elapsed time gives the end */
	for (size_t i = 0; i < log->nruns; i++) {
		int64_t run_end = log->runs[i].when + (log->runs[i].elapsed > 0 ? log->runs[i].elapsed : 0);
		if (log->runs[i].when <= now && (!found || run_end > *end)) {
			*end = run_end;
			*day = log->runs[i].day;
			found = true;
		}
	}
	return found;
}
