/* The measured entry test: the heel-rise test run as a session of its own (its sets are
 * the measure), then the program's test recorded with both sides and judged. */
#include "coach.h"

#include <stdio.h>
#include <string.h>

#include "entry_test.h"
#include "util.h"

bool coach_start_test(struct coach *c, time_t wall, int64_t now)
{
	if (c->testing || !c->program->measured_test)
		return false;
	if (c->test_program.name)
		program_free(&c->test_program);
	entry_test_program(&c->test_program, (enum measure)c->program->measure, c->program->test_pass,
			   c->program->get_ready);
	c->tested = c->program;
	c->tested_level = c->level;
	c->program = &c->test_program;
	c->level = 1;
	c->testing = true;
	c->can_resume = false;
	c->test_reps[0] = c->test_reps[1] = -1;
	c->test_hops = 0;
	routine_free(&c->routine);
	routine_build_sided(&c->routine, c->program, 1, c->sore);
	return coach_start(c, wall, now);
}

void coach_end_test(struct coach *c, time_t wall)
{
	char result[200];
	bool passed;

	if (!c->testing)
		return;
	c->testing = false;
	c->program = c->tested;
	c->level = c->tested_level;
	/* a side not done counts as none: the test is of both */
	for (int i = 0; i < 2; i++)
		if (c->test_reps[i] < 0)
			c->test_reps[i] = 0;
	if (c->program->measure == MEASURE_STANCE)
		passed = stance_passed(c->test_reps, c->program->test_pass, result, sizeof(result));
	else if (c->program->measure == MEASURE_POGO)
		passed = pogo_passed(c->test_hops, c->pain_during, result, sizeof(result));
	else
		passed = heel_rise_passed(c->test_reps, c->program->test_pass, c->sore, result,
					  sizeof(result));
	coach_record_test(c, passed, wall);
	if (!passed)
		coach_refresh(c);
	/* the summary says the measure first, then what comes next */
	{
		struct strbuf sb;
		sb_init(&sb);
		sb_printf(&sb, "%s %s", result, c->why_next);
		copy_str(c->why_next, sizeof(c->why_next), sb.buf);
		sb_free(&sb);
	}
}
