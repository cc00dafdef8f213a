/* The coach's part in the red flags: what is due from the history as now written (the
 * records still waiting to be saved included), and each answer recorded at once. */
#include "coach.h"


void coach_plan_flags(struct coach *c, const struct session_log *log, time_t wall)
{
	struct flag_due due;
	struct flag_lookup find = { c->program, c->base_rules ? c->base_rules : c->rules,
				    c->load_program, c->load_ctx };
	int64_t when;
	int yes = red_flag_in_force(log, (int64_t)wall, &when);

	red_flag_due(log, &find, (int64_t)wall, &due);
	flag_round_plan(&c->round, &due);
	if (yes >= 0 && !flag_round_pending(&c->round)) {
		c->round.yes = yes; /* the stop screen again, not training */
		c->round.stopped_since = when;
	}
}

void coach_check_flags(struct coach *c, time_t wall)
{
	struct session_log log;

	/* records not saved yet count too: the session that just ended, or this
	 * morning's rating, may be the cause */
	coach_read_history(c, &log);
	coach_plan_flags(c, &log, wall);
	session_log_free(&log);
}

void coach_triage_flags(struct coach *c)
{
	struct flag_due due = { true, TRIG_TRIAGE, false, "Before a pathway.", "" };
	int n = 0;

	flag_round_plan(&c->round, &due);
	/* a spot on a bone was the answer just given: not asked again */
	for (int i = 0; i < c->round.n; i++)
		if (c->triage.answer[TQ_WHERE] != SITE_BONE_SPOT || c->round.ask[i] != FQ_BONE_STRESS)
			c->round.ask[n++] = c->round.ask[i];
	c->round.n = n;
}

bool coach_record_flag(struct coach *c, bool yes, time_t wall)
{
	if (!flag_round_pending(&c->round))
		return true;
	rec_begin(&c->line, wall, REC_RED_FLAG);
	rec_put_enum(&c->line, HK_FLAG, flag_round_question(&c->round));
	rec_put_enum(&c->line, HK_ANSWER, yes ? ANSWER_YES : ANSWER_NO);
	rec_put_enum(&c->line, HK_TRIGGER, c->round.trigger);
	flag_round_answer(&c->round, yes);
	rec_finish(&c->line);
	return history_append(&c->writer, c->line.buf);
}
