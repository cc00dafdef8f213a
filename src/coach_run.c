/* Walk/run sessions in the coach: the routine timed at the treadmill's speed, and the
 * run record a walk/run session leaves, so the load guard and the shoes see it. */
#include "coach.h"

#include <stdio.h>

void coach_build_routine(struct coach *c)
{
	routine_build_sided(&c->routine, c->program, c->level, c->sore);
	routine_at_speeds(&c->routine, c->speed, c->walk_speed);
	walk_run_begin(&c->walk_run); /* a resumed session counts from where it resumes */
}

void coach_count_interval(struct coach *c, const struct set_event *ev)
{
	const struct step *s;

	/* a redone interval replaces one already counted */
	if (ev->again || ev->step >= c->routine.nsteps)
		return;
	s = &c->routine.steps[ev->step];
	walk_run_add(&c->walk_run, s, ev->secs, stride_speed(s->stride, c->speed, c->walk_speed));
}

bool coach_walk_run_note(const struct coach *c, char *buf, size_t len)
{
	char speed[32], walk[32];
	bool by_hand = false;
	long walk_speed = stride_speed(STRIDE_WALK, c->speed, c->walk_speed);

	for (size_t i = 0; i < c->routine.nsteps; i++)
		by_hand |= c->routine.steps[i].by_hand;
	if (c->speed > 0 && program_is_walk_run(c->program)) {
		format_speed(c->speed, (enum units)c->units, speed, sizeof(speed));
		format_speed(walk_speed, (enum units)c->units, walk, sizeof(walk));
		if (walk_speed != c->speed)
			snprintf(buf, len, "On a treadmill: RUN at %s, WALK at %s; both are timed.",
				 speed, walk);
		else
			snprintf(buf, len, "On a treadmill at %s: WALK and RUN are timed.", speed);
		return true;
	}
	if (!by_hand)
		return false;
	snprintf(buf, len, "Off a treadmill: press Enter at the end of each distance "
		 "(talus --speed 8kmh times them on one).");
	return true;
}

bool coach_run_summary(const struct coach *c, char *buf, size_t len)
{
	const struct walk_run_total *t = &c->walk_run;
	char d[32], took[32];

	if (t->intervals == 0 || t->secs <= 0)
		return false;
	format_duration(t->secs, took, sizeof(took));
	if (t->metres_known && t->metres > 0) {
		format_distance(t->metres, (enum units)c->units, d, sizeof(d));
		snprintf(buf, len, "Recorded as a run: %s in %s.", d, took);
	} else {
		snprintf(buf, len, "Recorded as a run: %s (no distance without --speed).", took);
	}
	return true;
}

bool coach_run_record(struct coach *c, time_t wall)
{
	const struct walk_run_total *t = &c->walk_run;
	char note[120];

	if (t->intervals == 0 || t->secs <= 0)
		return false;
	rec_begin(&c->line, wall, REC_RUN);
	/* the distance only when every interval had one: a part would understate it */
	if (t->metres_known && t->metres > 0)
		rec_put_int(&c->line, HK_METRES, t->metres);
	rec_put_int(&c->line, HK_SECS, t->secs);
	if (c->pain_during >= 0)
		rec_put_int(&c->line, HK_PAIN_DURING, c->pain_during);
	if (c->speed > 0)
		rec_put_enum(&c->line, HK_SURFACE, SURFACE_TREADMILL);
	snprintf(note, sizeof(note), "walk/run: %s level %d", c->program->name, c->level);
	rec_put_str(&c->line, HK_NOTE, note);
	rec_put_str(&c->line, HK_SESSION, c->session_id);
	return true;
}
