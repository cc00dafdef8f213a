/* The walk/run rules the return-to-run protocols share (running.md, "The walk/run
 * return"): each level at least twice, never on two days in a row, at most two levels
 * in seven days; and the pain rules for running (Vincent & Vincent 2017; CHOP). The
 * replay in scheduler.c calls these for a program with walk/run intervals. */
#include "scheduler.h"

#include <stdio.h>
#include <string.h>

#include "intervals.h"

bool program_is_walk_run(const struct program *prog)
{
	for (size_t i = 0; i < prog->nexercises; i++)
		if (is_interval_exercise(&prog->exercises[i]))
			return true;
	return false;
}

void walk_run_rules(const struct program *prog, struct progression_rules *rules)
{
	if (!program_is_walk_run(prog))
		return;
	if (rules->advance_sessions < RUN_LEVEL_SESSIONS)
		rules->advance_sessions = RUN_LEVEL_SESSIONS;
	if (rules->advance_max_pain > RUN_PAIN_MAX)
		rules->advance_max_pain = RUN_PAIN_MAX;
	if (rules->repeat_max_pain > RUN_PAIN_MAX)
		rules->repeat_max_pain = RUN_PAIN_MAX;
}

bool walk_run_back_to_back(day_t last_session, day_t day)
{
	return last_session >= 0 && day - last_session == 1;
}

bool walk_run_week_full(const day_t advanced[RUN_LEVELS_PER_WEEK], day_t day)
{
	/* the older of the last two steps up and this one within one week of 7 days */
	return day - advanced[RUN_LEVELS_PER_WEEK - 1] < RUN_WEEK_DAYS;
}

void walk_run_advanced(day_t advanced[RUN_LEVELS_PER_WEEK], day_t day)
{
	for (int i = RUN_LEVELS_PER_WEEK - 1; i > 0; i--)
		advanced[i] = advanced[i - 1];
	advanced[0] = day;
}

enum run_pain_effect run_pain_effect(const struct program *prog,
				     const struct progression_rules *rules, int pain)
{
	if (pain >= rules->alarm_pain)
		return RUN_PAIN_SEVERE;
	if (pain <= RUN_PAIN_MAX)
		return RUN_PAIN_NONE;
	if ((prog->impact || program_is_walk_run(prog)) && pain > rules->repeat_max_pain)
		return RUN_PAIN_STEP_BACK;
	return RUN_PAIN_HOLD;
}

bool walk_run_morning_unsettled(int pain, int baseline)
{
	return pain > RUN_PAIN_MAX || (baseline >= 0 && pain > baseline);
}

bool walk_run_rest_note(const struct session_log *log, const struct program *prog, day_t today,
			int64_t now, char *buf, size_t len)
{
	bool session = false;
	int ran = -1; /* the day of a free run today or yesterday: 0 today, 1 yesterday */

	buf[0] = '\0';
	if (!program_is_walk_run(prog))
		return false;
	for (size_t i = 0; i < log->nsessions; i++) {
		const struct session *s = &log->sessions[i];
		session |= s->day == today - 1 && s->start_when <= now &&
			   strcmp(s->program, prog->name) == 0;
	}
	for (size_t i = 0; i < log->nruns; i++) {
		const struct run *r = &log->runs[i];
		if (!r->walk_run && r->when <= now && (r->day == today || r->day == today - 1) &&
		    (ran < 0 || today - r->day < ran))
			ran = (int)(today - r->day);
	}
	/* the scheduler does not count the session after one (walk_run_back_to_back) */
	if (session)
		snprintf(buf, len, "Walk/run never two days in a row (running.md): you walked and "
			 "ran yesterday; this session will not count toward the next level.");
	else if (ran >= 0)
		snprintf(buf, len, "Walk/run never two days in a row (running.md): you ran %s; a "
			 "rest day comes first.", ran == 0 ? "today" : "yesterday");
	return buf[0] != '\0';
}
