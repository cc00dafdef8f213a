/* Which program to coach, and the red flags that mean "see a clinician": the part of
 * the scheduler that reads the history without replaying the levels. */
#include "scheduler.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const red_flag_key[4] = { "", "flares", "not-settling", "severe" };

static int session_pain(const struct session *s)
{
	return s->pain_during > s->pain_after ? s->pain_during : s->pain_after;
}

const char *active_program(const struct session_log *log, const char *configured)
{
	const char *p = configured;

	for (int hops = 0; hops < 16; hops++) {
		const char *next = NULL;
		for (size_t i = 0; i < log->ntests; i++)
			if (log->tests[i].passed && strcmp(log->tests[i].program, p) == 0)
				next = log->tests[i].next;
		if (!next)
			break;
		p = next;
	}
	return p;
}

static bool advice_given(const struct session_log *log, enum red_flag flag, day_t since)
{
	for (size_t i = 0; i < log->nadvice; i++)
		if (log->advice[i].day >= since && strcmp(log->advice[i].reason, red_flag_key[flag]) == 0)
			return true;
	return false;
}

/* Mean of session pains and morning ratings over [from, to], or -1. */
static double pain_mean(const struct session_log *log, day_t from, day_t to)
{
	double sum = 0;
	int n = 0;

	for (size_t i = 0; i < log->nsessions; i++) {
		const struct session *s = &log->sessions[i];
		if (s->day >= from && s->day <= to && session_pain(s) >= 0) {
			sum += session_pain(s);
			n++;
		}
	}
	for (size_t i = 0; i < log->nmornings; i++)
		if (log->mornings[i].day >= from && log->mornings[i].day <= to) {
			sum += log->mornings[i].pain;
			n++;
		}
	return n ? sum / n : -1;
}

void check_red_flags(const struct session_log *log, const struct progression_rules *rules,
		     day_t today, struct red_flags *out)
{
	day_t window = today - rules->flare_days + 1;
	int flares = 0;
	day_t first_flare = today;
	double now, then;

	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < log->nsessions; i++) {
		const struct session *s = &log->sessions[i];
		int pain = session_pain(s);
		if (s->day < window || s->day > today)
			continue;
		if (pain >= rules->alarm_pain && out->flag != RF_SEVERE) {
			out->flag = RF_SEVERE;
			out->since = s->day;
			snprintf(out->reason, sizeof(out->reason), "a pain rating of %d", pain);
		}
		if (pain > rules->repeat_max_pain && flares++ == 0)
			first_flare = s->day;
	}
	for (size_t i = 0; i < log->nmornings && out->flag != RF_SEVERE; i++) {
		const struct morning_rating *m = &log->mornings[i];
		if (m->day >= window && m->day <= today && m->pain >= rules->alarm_pain) {
			out->flag = RF_SEVERE;
			out->since = m->day;
			snprintf(out->reason, sizeof(out->reason), "a morning pain of %d", m->pain);
		}
	}
	if (out->flag == RF_NONE && flares >= rules->flare_sessions) {
		out->flag = RF_FLARES;
		out->since = first_flare;
		snprintf(out->reason, sizeof(out->reason), "%d sessions with pain above %d in %d days",
			 flares, rules->repeat_max_pain, rules->flare_days);
	}
	now = pain_mean(log, today - 6, today);
	then = pain_mean(log, today - rules->stall_weeks * 7, today - rules->stall_weeks * 7 + 6);
	if (out->flag == RF_NONE && now >= 0 && then >= 0 && now >= then &&
	    now > rules->advance_max_pain) {
		out->flag = RF_NOT_SETTLING;
		out->since = today - rules->stall_weeks * 7;
		snprintf(out->reason, sizeof(out->reason), "pain has not come down in %d weeks",
			 rules->stall_weeks);
	}
	if (out->flag != RF_NONE)
		out->already_shown = advice_given(log, out->flag, out->since);
}

void program_rules(const struct program *prog, const struct progression_rules *base,
		   struct progression_rules *out)
{
	*out = *base;
	if (prog->own_pain_limits) {
		out->advance_max_pain = prog->advance_max_pain;
		out->repeat_max_pain = prog->repeat_max_pain;
	}
}

static int by_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

int morning_baseline(const struct session_log *log, const struct progression_rules *rules,
		     int64_t before)
{
	int last[BASELINE_MORNINGS], n = 0;

	for (size_t i = log->nmornings; i-- > 0 && n < BASELINE_MORNINGS;)
		if (log->mornings[i].when < before && log->mornings[i].pain <= rules->advance_max_pain)
			last[n++] = log->mornings[i].pain;
	if (n == 0)
		return -1;
	qsort(last, (size_t)n, sizeof(*last), by_int);
	return last[(n - 1) / 2]; /* the lower median of an even count: the stricter one */
}
