#include "cues.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "intervals.h"
#include "util.h"

/* What a step says as it begins, by its kind. The get-ready and the work say more
 * (the exercise and its dose; the side, the last set; walk or run), below. A new kind
 * of step is one line here; a kind without a line begins with a beep. */
static const struct step_words {
	enum step_kind kind;
	const char *words;
	enum cue_tone tone;
} step_words[] = {
	{ STEP_SWITCH, "switch sides", TONE_PLAIN },
	{ STEP_REST, "rest", TONE_PLAIN },
};

void cues_init(struct cue_state *cs)
{
	memset(cs, 0, sizeof(*cs));
}

static const struct exercise *exercise_of(const struct engine *e)
{
	return &e->routine->program->exercises[engine_step(e)->exercise];
}

/* A step with a clock running down to its end whose last three seconds beep: not a
 * set the runner ends, not paced reps (their beat is what counts there). */
static bool counts_down(const struct engine *e)
{
	return engine_deadline(e) != NO_DEADLINE &&
	       !(engine_step(e)->kind == STEP_WORK && is_rep_exercise(exercise_of(e)));
}

static bool say(struct cue *out, enum cue_tone tone, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The words go to a command as one argument: no control characters, and never a
 * leading '-' that it would take for an option. */
static bool say(struct cue *out, enum cue_tone tone, const char *fmt, ...)
{
	char buf[CUE_TEXT_MAX];
	const char *p = buf;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	for (char *q = buf; *q; q++)
		if ((unsigned char)*q < 0x20 || *q == 0x7f)
			*q = ' ';
	while (*p == '-' || *p == ' ')
		p++;
	out->kind = CUE_SAY;
	out->tone = tone;
	copy_str(out->text, sizeof(out->text), p);
	return true;
}

static bool beep(struct cue *out)
{
	out->kind = CUE_BEEP;
	out->tone = TONE_PLAIN;
	copy_str(out->text, sizeof(out->text), "beep");
	return true;
}

/* "20 seconds", "2 minutes", "90 seconds": as said, not as printed. */
static void spoken_secs(int secs, char *buf, size_t len)
{
	if (secs >= 60 && secs % 60 == 0)
		snprintf(buf, len, "%d minute%s", secs / 60, secs == 60 ? "" : "s");
	else
		snprintf(buf, len, "%d second%s", secs, secs == 1 ? "" : "s");
}

/* "3 sets of 20 seconds, each side, light band": the dose the screen shows, without
 * the tempo (the beat is on the screen, and too long to hear). */
static void spoken_dose(const struct exercise *ex, int level, char *buf, size_t len)
{
	int sets = level_value(&ex->sets, level);
	const char *load = level_text(&ex->load, level);
	char amount[48];

	if (is_rep_exercise(ex))
		snprintf(amount, sizeof(amount), "%d rep%s", level_value(&ex->reps, level),
			 level_value(&ex->reps, level) == 1 ? "" : "s");
	else
		spoken_secs(level_value(&ex->hold, level), amount, sizeof(amount));
	if (sets > 1 && is_rep_exercise(ex))
		snprintf(buf, len, "%d sets of %d", sets, level_value(&ex->reps, level));
	else if (sets > 1)
		snprintf(buf, len, "%d sets of %s", sets, amount);
	else
		snprintf(buf, len, "%s", amount);
	if (ex->each_side)
		snprintf(buf + strlen(buf), len - strlen(buf), ", each side");
	if (load && *load)
		snprintf(buf + strlen(buf), len - strlen(buf), ", %s", load);
}

/* "3 times: walk 4 minutes, run 1 minute": a walk/run level as it is heard (the
 * screen's "4:00" read aloud is a clock time). */
static void spoken_intervals(const struct exercise *ex, int level, char *buf, size_t len)
{
	struct interval iv[INTERVALS_MAX];
	int n = 0, repeat = level_value(&ex->repeat, level);
	const char *spec = level_text(&ex->intervals, level);
	char err[160], amount[48];
	size_t used;

	buf[0] = '\0';
	if (!spec || !intervals_parse(spec, iv, &n, err, sizeof(err)))
		return;
	if (repeat > 1)
		snprintf(buf, len, "%d times: ", repeat);
	for (int i = 0; i < n; i++) {
		if (iv[i].metres && iv[i].miles)
			snprintf(amount, sizeof(amount), "%.2g miles", iv[i].metres / 1609.344);
		else if (iv[i].metres)
			snprintf(amount, sizeof(amount), "%ld metres", iv[i].metres);
		else
			spoken_secs(iv[i].secs, amount, sizeof(amount));
		used = strlen(buf);
		snprintf(buf + used, len - used, "%s%s %s", i ? ", " : "",
			 iv[i].stride == STRIDE_RUN ? "run" : "walk", amount);
	}
}

static const char *side_word(enum side s)
{
	return s == SIDE_LEFT ? "left" : s == SIDE_RIGHT ? "right" : NULL;
}

/* The cue a step gives as it begins: words, or a beep when it has none. */
static bool step_cue(const struct engine *e, struct cue *out)
{
	const struct routine *r = e->routine;
	const struct step *s = engine_step(e);
	const struct exercise *ex = exercise_of(e);
	char dose[160];

	switch (s->kind) {
	case STEP_GET_READY:
		if (is_interval_exercise(ex))
			spoken_intervals(ex, r->level, dose, sizeof(dose));
		else
			spoken_dose(ex, r->level, dose, sizeof(dose));
		return say(out, TONE_PLAIN, "%s, %s", ex->title, dose);
	case STEP_WORK: {
		/* walk and run in tones apart, told from each other with eyes elsewhere */
		if (s->stride != STRIDE_NONE) {
			bool run = s->stride == STRIDE_RUN;
			bool last = s->nth == s->of && s->of > 1;
			return say(out, run ? TONE_HIGH : TONE_LOW, "%s%s", last ? "last " : "",
				   run ? "run" : "walk");
		}
		/* the second side of a set follows its switch, which said so */
		bool first_side = e->leading || e->step == 0 || r->steps[e->step - 1].kind != STEP_SWITCH;
		bool last = first_side && s->set > 1 && s->set == level_value(&ex->sets, r->level);
		const char *side = side_word(s->side);
		if (last && side)
			return say(out, TONE_PLAIN, "last set, %s", side);
		if (last)
			return say(out, TONE_PLAIN, "last set");
		if (side)
			return say(out, TONE_PLAIN, "%s", side);
		return beep(out);
	}
	default:
		break;
	}
	for (size_t i = 0; i < ARRAY_SIZE(step_words); i++)
		if (step_words[i].kind == s->kind)
			return say(out, step_words[i].tone, "%s", step_words[i].words);
	return beep(out);
}

/* Where in its step the engine is, for the cues within it. */
struct step_clock {
	int64_t dur, elapsed, left;
};

static struct step_clock step_clock(const struct engine *e, int64_t now)
{
	struct step_clock c;

	c.dur = engine_deadline(e) - e->step_start;
	c.elapsed = engine_elapsed_ms(e, now);
	c.left = c.dur - c.elapsed;
	return c;
}

static bool has_halfway(const struct engine *e, const struct step_clock *c)
{
	return engine_step(e)->kind == STEP_WORK && counts_down(e) && c->dur >= CUE_HALFWAY_MIN_MS;
}

static bool has_ten(const struct engine *e, const struct step_clock *c)
{
	return counts_down(e) && c->dur >= CUE_TEN_MIN_MS;
}

bool cues_next(struct cue_state *cs, const struct engine *e, int64_t now, struct cue *out)
{
	int64_t origin = e->step_start - e->paused_ms;
	struct step_clock c;

	if (e->finished) {
		if (!cs->begun || cs->finished)
			return false;
		cs->finished = true;
		return say(out, TONE_PLAIN, "session done");
	}
	if (e->paused)
		return false;
	if (!cs->begun || cs->step != e->step || cs->leading != e->leading || cs->origin != origin) {
		memset(cs, 0, sizeof(*cs));
		cs->begun = true;
		cs->step = e->step;
		cs->leading = e->leading;
		cs->origin = origin;
	}
	if (!cs->start_done) {
		cs->start_done = true;
		return step_cue(e, out);
	}
	if (!counts_down(e))
		return false;
	c = step_clock(e, now);
	if (!cs->halfway_done && has_halfway(e, &c) && c.elapsed >= c.dur / 2) {
		cs->halfway_done = true;
		if (c.elapsed - c.dur / 2 <= CUE_STALE_MS)
			return say(out, TONE_PLAIN, "halfway");
	}
	if (!cs->ten_done && has_ten(e, &c) && c.left <= 10000) {
		cs->ten_done = true;
		if (10000 - c.left <= CUE_STALE_MS)
			return say(out, TONE_PLAIN, "ten seconds");
	}
	if (c.left > 3000) {
		cs->beeped = 0; /* more rest given: the countdown comes again */
	} else if (c.left > 0) {
		int secs = (int)((c.left + 999) / 1000);
		if (secs != cs->beeped) {
			cs->beeped = secs;
			/* not in the step's first second: its own cue is sounding */
			if (c.elapsed >= 1000)
				return beep(out);
		}
	}
	return false;
}

/* The sooner of wait (-1: none yet) and ms (a moment already past counts as now). */
static int64_t sooner(int64_t wait, int64_t ms)
{
	if (ms < 0)
		ms = 0;
	return wait < 0 || ms < wait ? ms : wait;
}

int64_t cues_wait_ms(const struct cue_state *cs, const struct engine *e, int64_t now)
{
	struct step_clock c;
	int64_t wait = -1;

	if (e->finished || e->paused || !cs->begun || !counts_down(e))
		return -1;
	c = step_clock(e, now);
	if (!cs->halfway_done && has_halfway(e, &c))
		wait = sooner(wait, c.dur / 2 - c.elapsed);
	if (!cs->ten_done && has_ten(e, &c))
		wait = sooner(wait, c.left - 10000);
	if (c.left > 0 && c.left <= 4000) /* the next whole second, for a beep */
		wait = sooner(wait, c.left % 1000 ? c.left % 1000 : 1000);
	return wait;
}
