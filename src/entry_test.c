#include "entry_test.h"

#include <stdio.h>
#include <string.h>

#include "util.h"

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
