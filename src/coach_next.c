/* Several programs at once: after the first session of the day, the next program due
 * today, taken on as a fresh session. */
#include "coach.h"

#include <string.h>

const struct program *coach_next_due(const struct coach *c)
{
	int limit = c->rules->repeat_max_pain;

	if (c->queue_at >= c->nqueue)
		return NULL;
	if (c->ended && (c->pain_during > limit || c->pain_after > limit))
		return NULL;
	return c->queue[c->queue_at].program;
}

bool coach_take_next(struct coach *c, time_t wall)
{
	const struct coach_next *n;

	if (!coach_next_due(c))
		return false;
	n = &c->queue[c->queue_at++];
	c->program = n->program;
	c->rules = n->rules;
	c->training_day = day_set_has_day(n->days, c->today);
	c->next_training_day = c->today + 1;
	if (n->days)
		while (!day_set_has_day(n->days, c->next_training_day))
			c->next_training_day++;
	/* a fresh session: nothing of the last one carries over */
	c->started = c->ended = c->testing = c->can_resume = false;
	c->session_id[0] = c->note[0] = c->why_next[0] = '\0';
	c->pain_during = c->pain_after = -1;
	c->sets_saved = 0;
	c->level = -1; /* another program: its routine is built anew */
	coach_relevel(c, wall, -1);
	return true;
}
