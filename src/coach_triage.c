/* The triage's end: the pathway chosen is recorded with the program it starts at, and
 * the coach takes that program on at once. */
#include "coach.h"

#include <string.h>

#include "plan.h"
#include "util.h"

/* The program a pathway starts at for these answers: past the days of protecting a
 * sprain, the one after them. NULL when no program serves it. */
static const char *program_for(const struct coach *c, enum pathway p)
{
	if (p == PATHWAY_ACUTE_SPRAIN && triage_past_protect(&c->triage) && c->after_protect[p])
		return c->after_protect[p];
	return c->pathway_program[p];
}

/* Coaches prog from now on: its days, its rules, its level. */
static void take_program(struct coach *c, time_t wall)
{
	bool limited;
	day_set days = plan_training_days(c->program, c->config_days, &limited);

	program_rules(c->program, c->base_rules, &c->chosen_rules);
	c->rules = &c->chosen_rules;
	c->training_day = day_set_has_day(days, c->today);
	c->next_training_day = c->today + 1;
	if (days)
		while (!day_set_has_day(days, c->next_training_day))
			c->next_training_day++;
	c->can_resume = false;
	c->level = -1; /* another program: its routine is built anew */
	coach_relevel(c, wall, -1);
}

bool coach_record_triage(struct coach *c, enum pathway chosen, time_t wall)
{
	const char *name = program_for(c, chosen);
	const int *a = c->triage.answer;
	bool ok;

	if (!name)
		name = c->program->name; /* no program serves it: the one given, as before */
	rec_begin(&c->line, wall, REC_TRIAGE);
	rec_put_enum(&c->line, HK_SORE, a[TQ_SIDE]);
	rec_put_enum(&c->line, HK_ONSET, a[TQ_ONSET]);
	rec_put_enum(&c->line, HK_SINCE, a[TQ_SINCE]);
	rec_put_enum(&c->line, HK_WHERE, a[TQ_WHERE]);
	rec_put_enum(&c->line, HK_GIVES_WAY, a[TQ_GIVES_WAY]);
	rec_put_enum(&c->line, HK_PATHWAY, chosen);
	rec_put_str(&c->line, HK_PROGRAM, name);
	rec_finish(&c->line);
	ok = history_append(&c->writer, c->line.buf);
	c->ask_triage = false;
	if (strcmp(name, c->program->name) != 0 && c->load_program) {
		struct program next;
		if (c->load_program(c->load_ctx, name, &next)) {
			if (c->owns_chosen)
				program_free(&c->chosen);
			c->chosen = next;
			c->owns_chosen = true;
			c->program = &c->chosen;
		}
	}
	c->sore = (enum sore_side)a[TQ_SIDE];
	take_program(c, wall);
	return ok;
}
