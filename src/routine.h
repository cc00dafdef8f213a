/* The steps of one session of a program at one level, in order, with how long each
 * should take. The plan's estimate and the coach's session engine both read this. */
#ifndef TALUS_ROUTINE_H
#define TALUS_ROUTINE_H

#include <stddef.h>
#include <stdint.h>

#include "program.h"
#include "record.h" /* enum side */

/* A set the runner ends by hand has no clock; the estimate assumes this per rep. */
#define UNPACED_REP_SECS 3

enum step_kind {
	STEP_GET_READY, /* countdown before an exercise */
	STEP_WORK,      /* one set on one side: paced reps, user-paced reps or a hold */
	STEP_SWITCH,    /* countdown before the other side */
	STEP_REST,      /* between sets */
};

/* A walk/run interval's stride (intervals.h); STRIDE_NONE for every other step. */
enum stride { STRIDE_NONE, STRIDE_WALK, STRIDE_RUN };

struct step {
	enum step_kind kind;
	size_t exercise; /* index into program->exercises */
	int set;         /* 1-based */
	enum side side;
	int secs;        /* planned length; for user-paced work, the estimate */
	/* a walk/run interval (a STEP_WORK): walk or run, "run nth of `of`" */
	enum stride stride;
	int nth, of;
	long metres;     /* a distance interval's distance, else 0 */
	bool by_hand;    /* a distance off a treadmill: Enter ends it */
	bool miles;      /* the distance was written in miles */
};

struct routine {
	const struct program *program;
	int level;
	struct step *steps;
	size_t nsteps;
	int64_t total_secs; /* wide: 10,000 exercises at the limits pass INT_MAX */
};

void routine_build(struct routine *r, const struct program *prog, int level);
/* The same for a runner whose sore side is known: one-sided work starts on it, or is
 * done on it alone (the program's `sore-side = only`). */
void routine_build_sided(struct routine *r, const struct program *prog, int level,
			 enum sore_side sore);
void routine_free(struct routine *r);

/* Seconds one set on one side takes (for user-paced reps, the estimate). */
int work_secs(const struct exercise *ex, int level);
/* The estimated length of a whole session, in seconds; wide, as total_secs. */
int64_t session_estimate_secs(const struct program *prog, int level);
/* The minutes every place shows for an estimate (the plan, the start screen, --status,
 * the calendar): to the nearest minute, at least 1. */
int estimate_minutes(int64_t secs);

/* The phases the routine's steps are of, a bit each (1u << phase): the phase bar
 * shows only these (a program with no cool-down has none to show). */
unsigned routine_phases(const struct routine *r);

/* The screen's "Next:" line for the step at `at`: the other side, the set after a
 * rest, else the next exercise and its dose; in the last exercise, what is left of it
 * before the end ("Next: 6 more sets, then the end"). */
void routine_next_text(const struct routine *r, size_t at, char *buf, size_t len);

/* "3 x 12 each side, tempo 2-1-2, light band" into buf. */
void format_dose(const struct exercise *ex, int level, char *buf, size_t len);
/* "45 s", "2 min", "15 min" */
void format_secs(int secs, char *buf, size_t len);

#endif
