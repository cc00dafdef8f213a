/* The forecast: the level each coming day would reach if every session goes well. */
#include "scheduler.h"

#include <stdlib.h>

#include "util.h"

void schedule_forecast(const struct progress *now, const struct progression_rules *rules,
		       day_set training_days, day_t from, int ndays, int *levels, day_t *top_day)
{
	int level = now->level, streak = now->easy_streak + now->awaiting_morning;

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
