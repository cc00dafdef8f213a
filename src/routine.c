#include "routine.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intervals.h"
#include "util.h"

int work_secs(const struct exercise *ex, int level)
{
	int reps = level_value(&ex->reps, level);

	if (!is_rep_exercise(ex))
		return level_value(&ex->hold, level);
	if (ex->paced)
		return reps * (ex->tempo[BEAT_UP] + ex->tempo[BEAT_HOLD] + ex->tempo[BEAT_DOWN]);
	return reps * UNPACED_REP_SECS;
}

static struct step plain(enum step_kind kind, size_t e, int set, enum side side, int secs)
{
	return (struct step){ .kind = kind, .exercise = e, .set = set, .side = side, .secs = secs };
}

static void add_step(struct routine *r, size_t *cap, struct step step)
{
	if (r->nsteps == *cap)
		r->steps = xrealloc(r->steps, (*cap *= 2) * sizeof(*r->steps));
	r->steps[r->nsteps++] = step;
	r->total_secs += step.secs;
}

/* Each set does the left side, then the right, then rests: the legs take turns. Level 0
 * is the protective exercises alone; levels 1 up never include them. */
void routine_build(struct routine *r, const struct program *prog, int level)
{
	routine_build_sided(r, prog, level, SORE_BOTH);
}

void routine_build_sided(struct routine *r, const struct program *prog, int level,
			 enum sore_side sore)
{
	size_t cap = 32;
	/* the sore side first (the other as a control), or alone when the program says so */
	enum side first = sore == SORE_RIGHT ? SIDE_RIGHT : SIDE_LEFT;
	enum side second = first == SIDE_LEFT ? SIDE_RIGHT : SIDE_LEFT;
	bool one_side = sore != SORE_BOTH && prog->sore_side_only;

	memset(r, 0, sizeof(*r));
	r->program = prog;
	r->level = level;
	r->steps = xmalloc(cap * sizeof(*r->steps));
	for (size_t e = 0; e < prog->nexercises; e++) {
		const struct exercise *ex = &prog->exercises[e];
		int sets, rest, work;

		if (!exercise_at_level(ex, level))
			continue;
		if (is_interval_exercise(ex)) {
			add_step(r, &cap, plain(STEP_GET_READY, e, 1, SIDE_NONE, prog->get_ready));
			intervals_add_steps(r, &cap, e, level);
			continue;
		}
		sets = level_value(&ex->sets, level);
		rest = level_value(&ex->rest, level);
		work = work_secs(ex, level);
		add_step(r, &cap, plain(STEP_GET_READY, e, 1, SIDE_NONE, prog->get_ready));
		for (int s = 1; s <= sets; s++) {
			if (ex->each_side && one_side) {
				add_step(r, &cap, plain(STEP_WORK, e, s, first, work));
			} else if (ex->each_side) {
				add_step(r, &cap, plain(STEP_WORK, e, s, first, work));
				add_step(r, &cap, plain(STEP_SWITCH, e, s, second, prog->get_ready));
				add_step(r, &cap, plain(STEP_WORK, e, s, second, work));
			} else {
				add_step(r, &cap, plain(STEP_WORK, e, s, SIDE_NONE, work));
			}
			if (s < sets && rest > 0)
				add_step(r, &cap, plain(STEP_REST, e, s, SIDE_NONE, rest));
		}
	}
}

void routine_free(struct routine *r)
{
	free(r->steps);
	memset(r, 0, sizeof(*r));
}

int64_t session_estimate_secs(const struct program *prog, int level)
{
	struct routine r;
	int64_t total;

	routine_build(&r, prog, level);
	total = r.total_secs;
	routine_free(&r);
	return total;
}

int estimate_minutes(int64_t secs)
{
	int64_t minutes = (secs + 30) / 60;

	return minutes < 1 ? 1 : minutes > INT_MAX ? INT_MAX : (int)minutes;
}

void format_secs(int secs, char *buf, size_t len)
{
	if (secs >= 120 && secs % 60 == 0)
		snprintf(buf, len, "%d min", secs / 60);
	else if (secs >= 120)
		snprintf(buf, len, "%d min %d s", secs / 60, secs % 60);
	else
		snprintf(buf, len, "%d s", secs);
}

void format_dose(const struct exercise *ex, int level, char *buf, size_t len)
{
	struct strbuf sb;
	int sets = level_value(&ex->sets, level);
	const char *load = level_text(&ex->load, level);
	char amount[32];

	if (is_interval_exercise(ex)) {
		format_intervals(ex, level, buf, len);
		return;
	}
	sb_init(&sb);
	if (is_rep_exercise(ex)) {
		int reps = level_value(&ex->reps, level);
		if (sets > 1)
			snprintf(amount, sizeof(amount), "%d x %d", sets, reps);
		else
			snprintf(amount, sizeof(amount), "%d reps", reps);
	} else {
		char hold[16];
		format_secs(level_value(&ex->hold, level), hold, sizeof(hold));
		if (sets > 1)
			snprintf(amount, sizeof(amount), "%d x %s", sets, hold);
		else
			snprintf(amount, sizeof(amount), "%s", hold);
	}
	sb_puts(&sb, amount);
	if (ex->each_side)
		sb_puts(&sb, " each side");
	if (ex->paced)
		sb_printf(&sb, ", tempo %d-%d-%d", ex->tempo[BEAT_UP], ex->tempo[BEAT_HOLD],
			  ex->tempo[BEAT_DOWN]);
	if (load && *load) /* "" in a per-level list: no load at that level */
		sb_printf(&sb, ", %s", load);
	copy_str(buf, len, sb.buf);
	sb_free(&sb);
}

/* Work steps of the exercise at `at` that come after it: what is left of it. */
static int work_after(const struct routine *r, size_t at)
{
	int n = 0;

	for (size_t i = at + 1; i < r->nsteps && r->steps[i].exercise == r->steps[at].exercise; i++)
		n += r->steps[i].kind == STEP_WORK;
	return n;
}

void routine_next_text(const struct routine *r, size_t at, char *buf, size_t len)
{
	const struct step *s = &r->steps[at];
	size_t next = at;
	char dose[320];
	int left;

	while (next < r->nsteps && r->steps[next].exercise == s->exercise)
		next++;
	/* the first side of a set: the other side comes next, not the next exercise */
	if (s->kind == STEP_WORK && at + 1 < r->nsteps && r->steps[at + 1].kind == STEP_SWITCH) {
		snprintf(buf, len, "Next: the %s side",
			 r->steps[at + 1].side == SIDE_LEFT ? "left" : "right");
		return;
	}
	/* a rest between sets: the set that follows it, not the next exercise */
	if (s->kind == STEP_REST && at + 1 < r->nsteps && r->steps[at + 1].exercise == s->exercise) {
		const struct step *n = &r->steps[at + 1];
		const struct exercise *ex = &r->program->exercises[n->exercise];
		snprintf(buf, len, "Next: set %d of %d%s", n->set, level_value(&ex->sets, r->level),
			 n->side == SIDE_LEFT ? ", left side" : n->side == SIDE_RIGHT ? ", right side" : "");
		return;
	}
	if (next < r->nsteps) {
		const struct exercise *ex = &r->program->exercises[r->steps[next].exercise];
		format_dose(ex, r->level, dose, sizeof(dose));
		snprintf(buf, len, "Next: %s, %s", ex->title, dose);
		return;
	}
	/* the last exercise: the end comes only after what is left of it */
	left = work_after(r, at);
	if (left > 0)
		snprintf(buf, len, "Next: %d more %s%s, then the end", left,
			 s->stride || (at + 1 < r->nsteps && r->steps[at + 1].stride) ? "interval" : "set",
			 left == 1 ? "" : "s");
	else
		snprintf(buf, len, "Next: the end of the session");
}

unsigned routine_phases(const struct routine *r)
{
	unsigned mask = 0;

	for (size_t i = 0; i < r->nsteps; i++)
		mask |= 1u << r->program->exercises[r->steps[i].exercise].phase;
	return mask;
}
