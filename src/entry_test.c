#include "entry_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

const char *const measure_key[MEASURE_COUNT] = { "none", "heel-rise", "single-leg-stance",
						   "pogo-hops" };

void entry_test_program(struct program *out, enum measure m, int pass, int get_ready)
{
	struct exercise *ex;

	if (m == MEASURE_HEEL_RISE) {
		heel_rise_test_program(out, get_ready);
		return;
	}
	heel_rise_test_program(out, get_ready);
	ex = &out->exercises[0];
	free(out->name);
	free(out->title);
	free(out->summary);
	free(ex->name);
	free(ex->title);
	free(ex->cue.v[0]);
	ex->tempo[BEAT_UP] = ex->tempo[BEAT_DOWN] = 0;
	if (m == MEASURE_STANCE) {
		out->name = xstrdup(STANCE_TEST);
		out->title = xstrdup("Single-leg stance test");
		out->summary = xstrdup("Stand on one leg, eyes open, each side.");
		ex->name = xstrdup(STANCE_TEST);
		ex->title = xstrdup("Single-leg stance");
		ex->reps.n = 0; /* a hold */
		ex->paced = false;
		ex->hold = (struct per_level){ 1, { pass } };
		ex->cue.v[0] = xstrdup("Eyes open, hands on hips. Enter at once if the other foot "
				       "touches down.");
	} else {
		out->name = xstrdup(POGO_TEST);
		out->title = xstrdup("Pogo hop test");
		out->summary = xstrdup("3 x 20 small hops on both feet, at the beat.");
		ex->name = xstrdup(POGO_TEST);
		ex->title = xstrdup("Pogo hops, both feet");
		ex->each_side = false;
		ex->sets = (struct per_level){ 1, { POGO_SETS } };
		ex->reps = (struct per_level){ 1, { POGO_REPS } };
		ex->rest = (struct per_level){ 1, { 30 } };
		ex->tempo[BEAT_UP] = 1; /* a hop a second */
		ex->cue.v[0] = xstrdup("Small stiff-ankle hops on both feet. Enter if it hurts: "
				       "stop there.");
	}
}

bool stance_passed(const int secs[2], int pass, char *why, size_t len)
{
	bool ok = secs[0] >= pass && secs[1] >= pass;

	snprintf(why, len, "Single-leg stance: left %d s, right %d s. %s (%d s each side).",
		 secs[0], secs[1], ok ? "Passed" : "Not yet", pass);
	return ok;
}

bool pogo_passed(int hops, int pain, char *why, size_t len)
{
	bool ok = hops >= POGO_SETS * POGO_REPS && pain >= 0 && pain <= POGO_PAIN_MAX;

	snprintf(why, len, "Pogo hops: %d of %d, pain %d. %s (all of them, pain at most %d).",
		 hops, POGO_SETS * POGO_REPS, pain < 0 ? 0 : pain, ok ? "Passed" : "Not yet",
		 POGO_PAIN_MAX);
	return ok;
}

void heel_rise_test_program(struct program *out, int get_ready)
{
	struct exercise *ex;

	memset(out, 0, sizeof(*out));
	out->name = xstrdup(HEEL_RISE_TEST);
	out->path = xstrdup("");
	out->title = xstrdup("Heel-rise test");
	out->summary = xstrdup("Single-leg heel rises to fatigue at the beat, each side.");
	out->levels = 1;
	out->get_ready = get_ready;
	out->days = 0x7f;
	out->exercises = ex = xcalloc(1, sizeof(*ex));
	out->nexercises = 1;
	ex->name = xstrdup("heel-rise-test");
	ex->title = xstrdup("Single-leg heel rises to fatigue");
	ex->phase = PHASE_MAIN;
	ex->each_side = true;
	ex->sets = (struct per_level){ 1, { 1 } };
	ex->reps = (struct per_level){ 1, { HEEL_RISE_MAX } };
	ex->rest = (struct per_level){ 1, { 0 } };
	ex->paced = true;
	ex->tempo[BEAT_UP] = 1; /* 30 a minute (Hébert-Losier 2017) */
	ex->tempo[BEAT_HOLD] = 0;
	ex->tempo[BEAT_DOWN] = 1;
	ex->cue = (struct per_level_text){ 1, { xstrdup("Knee straight, fingertips on a wall, "
						       "as high as you can at the beat. Enter when "
						       "you cannot keep up.") } };
}

bool heel_rise_passed(const int reps[2], int pass, enum sore_side sore, char *why, size_t len)
{
	int left = reps[0], right = reps[1], judged, other;

	/* the side judged against the other: the sore one, else the weaker */
	if (sore == SORE_LEFT || (sore == SORE_BOTH && left <= right)) {
		judged = left;
		other = right;
	} else {
		judged = right;
		other = left;
	}
	bool enough = left >= pass && right >= pass;
	bool even = judged * 100 >= SYMMETRY_PERCENT * other;

	snprintf(why, len, "Heel rises: left %d, right %d. %s (at least %d each side, and %s at "
		 "least %d%% of the other).", left, right, enough && even ? "Passed" : "Not yet",
		 pass, sore == SORE_BOTH ? "the weaker" : "the sore side", SYMMETRY_PERCENT);
	return enough && even;
}
