#include "engine.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static int tempo_ms(const struct exercise *ex)
{
	return (ex->tempo[BEAT_UP] + ex->tempo[BEAT_HOLD] + ex->tempo[BEAT_DOWN]) * 1000;
}

static const struct exercise *step_exercise(const struct engine *e)
{
	return &e->routine->program->exercises[engine_step(e)->exercise];
}

bool engine_runner_ends(const struct engine *e)
{
	const struct step *s = engine_step(e);
	const struct exercise *ex = step_exercise(e);

	return s->kind == STEP_WORK && ((is_rep_exercise(ex) && !ex->paced) || s->by_hand);
}

enum stride engine_stride(const struct engine *e)
{
	const struct step *s = engine_step(e);

	return !e->finished && s->kind == STEP_WORK ? s->stride : STRIDE_NONE;
}

const struct step *engine_step(const struct engine *e)
{
	size_t i;

	if (e->leading)
		return &e->lead_in;
	i = e->step < e->routine->nsteps ? e->step : e->routine->nsteps - 1;

	return &e->routine->steps[i];
}

int64_t engine_deadline(const struct engine *e)
{
	if (e->finished || engine_runner_ends(e))
		return NO_DEADLINE;
	return e->step_start + (int64_t)engine_step(e)->secs * 1000 + e->extra_ms;
}

void engine_init(struct engine *e, const struct routine *r, int64_t now)
{
	memset(e, 0, sizeof(*e));
	e->routine = r;
	e->started_at = e->step_start = now;
	e->done = xcalloc(r->nsteps ? r->nsteps : 1, sizeof(*e->done));
	e->reps_entered = -1;
	e->finished = r->nsteps == 0;
}

void engine_free(struct engine *e)
{
	free(e->done);
	e->done = NULL;
}

void engine_seek(struct engine *e, size_t step, int64_t now)
{
	for (size_t i = 0; i < step && i < e->routine->nsteps; i++)
		e->done[i] = true;
	e->step = step;
	e->step_start = now;
	e->extra_ms = 0;
	e->reps_entered = -1;
	e->finished = step >= e->routine->nsteps;
}

int64_t engine_elapsed_ms(const struct engine *e, int64_t now)
{
	if (e->paused)
		now = e->paused_at;
	return now - e->step_start;
}

int64_t engine_active_ms(const struct engine *e, int64_t now)
{
	int64_t paused = e->paused_ms + (e->paused ? now - e->paused_at : 0);

	return now - e->started_at - paused;
}

static void push_set(struct engine *e, int64_t now, bool early)
{
	const struct step *s = engine_step(e);
	const struct exercise *ex = step_exercise(e);
	int64_t elapsed = engine_elapsed_ms(e, now);
	struct set_event ev = { s->exercise, s->set, s->side, 0, 0, (int)((elapsed + 500) / 1000),
				e->done[e->step], e->step };

	if (is_rep_exercise(ex)) {
		ev.target = level_value(&ex->reps, e->routine->level);
		ev.reps = ev.target;
		if (ex->paced && early) /* ended before the last rep: count the reps finished */
			ev.reps = (int)(elapsed / tempo_ms(ex));
		else if (!ex->paced && e->reps_entered >= 0)
			ev.reps = e->reps_entered;
	} else if (s->stride) { /* a walk/run interval: its planned seconds */
		ev.target = s->secs;
	} else {
		ev.target = level_value(&ex->hold, e->routine->level);
	}
	e->done[e->step] = true;
	if (e->nsets < ENGINE_MAX_EVENTS)
		e->sets[e->nsets++] = ev;
}

unsigned engine_set_reps(struct engine *e, int reps)
{
	if (e->finished || e->leading || !engine_runner_ends(e) || reps < -1 || reps > 999)
		return 0;
	e->reps_entered = reps;
	return ENG_CHANGED;
}

void engine_lead_in(struct engine *e, int secs, int64_t now)
{
	if (e->finished || secs <= 0)
		return;
	e->lead_in = e->routine->steps[e->step];
	e->lead_in.kind = STEP_GET_READY;
	e->lead_in.secs = secs;
	e->leading = true;
	e->step_start = now;
	e->extra_ms = 0;
}

/* Leaves the current step for `to`, the new one starting at `at`. */
static unsigned go_to(struct engine *e, size_t to, int64_t at)
{
	e->leading = false;
	e->reps_entered = -1;
	e->step = to;
	e->step_start = at;
	e->extra_ms = 0;
	e->last_bell_secs = 0;
	if (e->step >= e->routine->nsteps) {
		e->finished = true;
		return ENG_CHANGED | ENG_NEW_STEP | ENG_BELL | ENG_FINISHED;
	}
	return ENG_CHANGED | ENG_NEW_STEP | ENG_BELL;
}

unsigned engine_tick(struct engine *e, int64_t now)
{
	unsigned changed = 0;

	if (e->finished || e->paused)
		return 0;
	for (;;) {
		int64_t deadline = engine_deadline(e);
		if (deadline == NO_DEADLINE || now < deadline)
			break;
		if (e->leading) { /* the countdown ends: the step it led in to begins */
			changed |= go_to(e, e->step, deadline);
			continue;
		}
		if (engine_step(e)->kind == STEP_WORK)
			push_set(e, deadline, false);
		else
			e->done[e->step] = true;
		changed |= go_to(e, e->step + 1, deadline);
		if (e->finished)
			return changed;
	}
	/* the last three seconds of a hold ring, once each */
	if (engine_step(e)->kind == STEP_WORK && !is_rep_exercise(step_exercise(e))) {
		int64_t left = engine_deadline(e) - now;
		int secs = (int)((left + 999) / 1000);
		if (secs >= 1 && secs <= 3 && secs != e->last_bell_secs) {
			e->last_bell_secs = secs;
			changed |= ENG_BELL;
		}
	}
	return changed;
}

size_t next_exercise_step(const struct routine *r, size_t from)
{
	size_t ex = r->steps[from].exercise;

	while (from < r->nsteps && r->steps[from].exercise == ex)
		from++;
	return from;
}

static size_t previous_work_step(const struct engine *e)
{
	for (size_t i = e->step + 1; i-- > 0;)
		if (e->routine->steps[i].kind == STEP_WORK)
			return i;
	return e->step;
}

unsigned engine_command(struct engine *e, enum engine_cmd cmd, int64_t now)
{
	const struct step *s;

	if (e->finished)
		return 0;
	if (cmd == CMD_PAUSE) {
		if (e->paused) {
			e->step_start += now - e->paused_at;
			e->paused_ms += now - e->paused_at;
			e->paused = false;
		} else {
			e->paused = true;
			e->paused_at = now;
		}
		return ENG_CHANGED;
	}
	if (e->paused) /* any other key resumes first */
		engine_command(e, CMD_PAUSE, now);
	s = engine_step(e);
	if (e->leading && (cmd == CMD_DONE || cmd == CMD_SKIP || cmd == CMD_BACK))
		return go_to(e, e->step, now); /* the countdown cut short */
	switch (cmd) {
	case CMD_DONE:
		/* an interval cut short is skipped, not done: Enter through a walk/run
		 * session must not count it as full */
		if (s->kind == STEP_WORK && s->stride && !s->by_hand &&
		    engine_elapsed_ms(e, now) * 100 < (int64_t)s->secs * 1000 * INTERVAL_DONE_PERCENT)
			return go_to(e, e->step + 1, now);
		if (s->kind == STEP_WORK)
			push_set(e, now, true);
		else
			e->done[e->step] = true;
		return go_to(e, e->step + 1, now);
	case CMD_SKIP:
		e->done[e->step] = s->kind != STEP_WORK ? true : e->done[e->step];
		return go_to(e, e->step + 1, now);
	case CMD_SKIP_EXERCISE:
		if (e->nskipped < ENGINE_MAX_EVENTS)
			e->skipped[e->nskipped++] = s->exercise;
		return go_to(e, next_exercise_step(e->routine, e->step), now);
	case CMD_BACK:
		return go_to(e, s->kind == STEP_WORK ? e->step : previous_work_step(e), now);
	case CMD_REST_PLUS:
	case CMD_REST_MINUS:
		if (s->kind != STEP_REST)
			return 0;
		e->extra_ms += cmd == CMD_REST_PLUS ? REST_ADJUST_MS : -REST_ADJUST_MS;
		/* a rest cut by more than is left ends now, and the next step starts now,
		 * whole: never in the past */
		if (engine_deadline(e) < now)
			e->extra_ms += now - engine_deadline(e);
		return ENG_CHANGED | engine_tick(e, now);
	case CMD_PAUSE:
		break;
	}
	return 0;
}

struct tempo_view engine_tempo(const struct engine *e, int64_t now)
{
	const struct exercise *ex = step_exercise(e);
	struct tempo_view v = { 1, BEAT_UP, 0 };
	int64_t elapsed = engine_elapsed_ms(e, now), into;
	int per = tempo_ms(ex);

	if (!ex->paced || per == 0)
		return v;
	v.rep = (int)(elapsed / per) + 1;
	into = elapsed % per;
	for (int b = 0; b < BEAT_COUNT; b++) {
		int64_t len = (int64_t)ex->tempo[b] * 1000;
		if (into < len) {
			v.beat = (enum tempo_beat)b;
			v.beat_left_ms = len - into;
			return v;
		}
		into -= len;
	}
	return v;
}

int64_t engine_wait_ms(const struct engine *e, int64_t now)
{
	int64_t deadline, wait, elapsed;

	if (e->finished || e->paused)
		return -1;
	deadline = engine_deadline(e);
	elapsed = engine_elapsed_ms(e, now);
	if (deadline == NO_DEADLINE) /* a clock counting up: the next whole second */
		return 1000 - elapsed % 1000;
	if (deadline <= now)
		return 0;
	/* the shown count-down second changes when the time left crosses a whole second */
	wait = (deadline - now) % 1000;
	if (wait == 0)
		wait = 1000;
	if (engine_step(e)->kind == STEP_WORK && step_exercise(e)->paced) {
		struct tempo_view t = engine_tempo(e, now);
		if (t.beat_left_ms > 0 && t.beat_left_ms < wait)
			wait = t.beat_left_ms;
	}
	return wait;
}

int64_t engine_session_left_ms(const struct engine *e, int64_t now)
{
	int64_t left = 0;

	if (e->finished)
		return 0;
	for (size_t i = e->step + !e->leading; i < e->routine->nsteps; i++)
		left += (int64_t)e->routine->steps[i].secs * 1000;
	/* a set the runner ends is counted at its estimate */
	left += (int64_t)engine_step(e)->secs * 1000 + e->extra_ms - engine_elapsed_ms(e, now);
	return left > 0 ? left : 0;
}
